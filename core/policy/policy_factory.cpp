#include "core/policy/cfs.h"
#include "core/policy/fifo.h"
#include "core/policy/lottery.h"
#include "core/policy/mlfq.h"
#include "core/policy/priority.h"
#include "core/policy/round_robin.h"
#include "core/policy/shortest_first.h"
#include "core/policy/stride.h"

namespace procscope {

std::unique_ptr<Policy> makePolicy(const PolicySpec& spec, const CompatOptions& compat)
{
    switch (spec.kind) {
    case PolicyKind::Fifo:
        return std::make_unique<Fifo>(compat.cyclicPidPick);
    case PolicyKind::Sjf:
        return std::make_unique<ShortestFirst>(false);
    case PolicyKind::Stcf:
        return std::make_unique<ShortestFirst>(true);
    case PolicyKind::RoundRobin:
        return std::make_unique<RoundRobin>(spec.quantum);
    case PolicyKind::Priority:
        return std::make_unique<PriorityPolicy>(spec.preemptive, spec.agingInterval);
    case PolicyKind::Mlfq:
        return std::make_unique<Mlfq>(spec);
    case PolicyKind::Lottery:
        return std::make_unique<Lottery>(spec.quantum);
    case PolicyKind::Stride:
        return std::make_unique<Stride>(spec.quantum, spec.strideBig);
    case PolicyKind::Cfs:
        return std::make_unique<Cfs>(spec.targetLatency, spec.minGranularity);
    }
    return std::make_unique<Fifo>(false);
}

} // namespace procscope
