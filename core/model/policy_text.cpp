#include "core/model/policy_text.h"

namespace procscope {

namespace {

std::string ticks(Tick n)
{
    return std::to_string(n) + (n == 1 ? " tick" : " ticks");
}

std::string joined(const std::vector<Tick>& values)
{
    std::string out;
    for (Tick v : values)
        out += (out.empty() ? "" : "/") + std::to_string(v);
    return out;
}

} // namespace

std::string policyTitle(PolicyKind kind)
{
    switch (kind) {
    case PolicyKind::Fifo:
        return "First In, First Out (FIFO)";
    case PolicyKind::Sjf:
        return "Shortest Job First (SJF)";
    case PolicyKind::Stcf:
        return "Shortest Time-to-Completion First (STCF)";
    case PolicyKind::RoundRobin:
        return "Round Robin";
    case PolicyKind::Priority:
        return "Priority";
    case PolicyKind::Mlfq:
        return "Multi-Level Feedback Queue (MLFQ)";
    case PolicyKind::Lottery:
        return "Lottery";
    case PolicyKind::Stride:
        return "Stride";
    case PolicyKind::Cfs:
        return "Completely Fair Scheduler (CFS)";
    }
    return "?";
}

std::string describePolicy(const PolicySpec& p)
{
    std::string text = policyTitle(p.kind);
    switch (p.kind) {
    case PolicyKind::Fifo:
    case PolicyKind::Sjf:
    case PolicyKind::Stcf:
        break;
    case PolicyKind::RoundRobin:
    case PolicyKind::Lottery:
    case PolicyKind::Stride:
        text += ", time slice " + ticks(p.quantum);
        break;
    case PolicyKind::Priority:
        text += p.preemptive ? ", preemptive" : ", non-preemptive";
        if (p.agingInterval > 0)
            text += ", aging every " + ticks(p.agingInterval);
        break;
    case PolicyKind::Mlfq:
        text = "MLFQ: " + std::to_string(p.mlfqQuanta.size()) +
               (p.mlfqQuanta.size() == 1 ? " queue" : " queues") + ", time slices " + joined(p.mlfqQuanta) +
               " ticks";
        text += p.boostPeriod > 0 ? ", boost every " + ticks(p.boostPeriod) : ", no boost";
        break;
    case PolicyKind::Cfs:
        text += ", sched_latency " + ticks(p.targetLatency) + ", min granularity " + ticks(p.minGranularity);
        break;
    }
    return text;
}

std::string describeMachine(const MachineSpec& m)
{
    std::string text = std::to_string(m.cpus) + (m.cpus == 1 ? " CPU" : " CPUs");
    if (m.contextSwitch > 0)
        text += ", context switch " + ticks(m.contextSwitch);
    return text;
}

} // namespace procscope
