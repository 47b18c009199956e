// Shortest Job First (OSTEP 7.4) and Shortest Time-to-Completion First (7.5). Each CPU burst counts
// as a job, as the book does once I/O enters (7.9). Ties go to the process that became ready first.
#pragma once

#include "core/sim/policy.h"

#include <map>
#include <set>
#include <tuple>

namespace procscope {

class ShortestFirst final : public Policy {
public:
    explicit ShortestFirst(bool preemptive)
        : m_preemptive(preemptive)
    { }
    std::unique_ptr<Policy> clone() const override { return std::make_unique<ShortestFirst>(*this); }
    PolicyKind kind() const override { return m_preemptive ? PolicyKind::Stcf : PolicyKind::Sjf; }
    ReadyKey enqueue(const Pcb& p, Cause why, SchedContext& ctx) override;
    void remove(Pid pid) override;
    bool hasReady() const override { return !m_ready.empty(); }
    Choice pick(SchedContext& ctx, int cpu) override;
    bool shouldPreempt(SchedContext& ctx, const Pcb& running) const override;

private:
    using Entry = std::tuple<Tick, std::int64_t, Pid>; // burst left, arrival order, pid
    bool m_preemptive;
    std::int64_t m_seq = 0;
    std::set<Entry> m_ready;
    std::map<Pid, Entry> m_entry;
};

} // namespace procscope
