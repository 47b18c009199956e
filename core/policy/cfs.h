// A CFS-like fair scheduler (OSTEP 9.7): run the process with the least virtual runtime; vruntime
// grows by the time run scaled by 1024 / weight, weights from nice as in Linux's prio_to_weight.
// The slice is target latency divided by weight share, at least the minimum granularity.
#pragma once

#include "core/sim/policy.h"

#include <set>
#include <unordered_map>

namespace procscope {

int niceToWeight(int nice);

class Cfs final : public Policy {
public:
    Cfs(Tick targetLatency, Tick minGranularity)
        : m_latency(targetLatency)
        , m_granularity(minGranularity)
    { }
    std::unique_ptr<Policy> clone() const override { return std::make_unique<Cfs>(*this); }
    PolicyKind kind() const override { return PolicyKind::Cfs; }
    ReadyKey enqueue(const Pcb& p, Cause why, SchedContext& ctx) override;
    void remove(Pid pid) override;
    bool hasReady() const override { return !m_ready.empty(); }
    Choice pick(SchedContext& ctx, int cpu) override;
    Tick slice(const Pcb& p) const override;
    void charge(const Pcb& p, Tick ran) override;
    void exited(const Pcb& p) override { m_vruntime.erase(p.pid); }
    bool shouldPreempt(SchedContext& ctx, const Pcb& running) const override;

private:
    // vruntime is kept in 1/1024 ticks so that integer arithmetic stays exact enough.
    static constexpr std::int64_t kScale = 1024;
    Tick m_latency;
    Tick m_granularity;
    std::int64_t m_minVruntime = 0;
    std::int64_t m_readyWeight = 0;
    std::set<std::pair<std::int64_t, Pid>> m_ready;
    std::unordered_map<Pid, int> m_weight; // of ready processes
    std::unordered_map<Pid, std::int64_t> m_vruntime;
};

} // namespace procscope
