// Priority scheduling: the most important ready process runs (lower number = more important, as
// with Unix nice). Optional aging raises a waiting process by one level every agingInterval ticks
// so that nobody starves. Ties go to the process that became ready first.
#pragma once

#include "core/sim/policy.h"

#include <unordered_map>
#include <vector>

namespace procscope {

class PriorityPolicy final : public Policy {
public:
    PriorityPolicy(bool preemptive, Tick agingInterval)
        : m_preemptive(preemptive)
        , m_aging(agingInterval)
    { }
    std::unique_ptr<Policy> clone() const override { return std::make_unique<PriorityPolicy>(*this); }
    PolicyKind kind() const override { return PolicyKind::Priority; }
    ReadyKey enqueue(const Pcb& p, Cause why, SchedContext& ctx) override;
    void remove(Pid pid) override;
    bool hasReady() const override { return !m_ready.empty(); }
    Choice pick(SchedContext& ctx, int cpu) override;
    bool shouldPreempt(SchedContext& ctx, const Pcb& running) const override;
    std::uint8_t levelOf(const Pcb& p) const override;
    // With aging, wake up every interval so a process that aged past the running one can preempt.
    Tick nextTimer(Tick now) const override { return m_aging > 0 && m_preemptive ? now + m_aging : kForever; }

private:
    struct Entry {
        Pid pid;
        int priority;
        Tick since;
        std::int64_t seq;
    };
    int effective(const Entry& e, Tick now) const;
    std::size_t best(Tick now) const;

    bool m_preemptive;
    Tick m_aging;
    // The effective priority a running process was picked with: it keeps its aged priority until it
    // leaves the CPU, so aging cannot make processes take the CPU from each other in turn forever.
    std::unordered_map<Pid, int> m_runningPriority;
    std::int64_t m_seq = 0;
    std::vector<Entry> m_ready;
};

} // namespace procscope
