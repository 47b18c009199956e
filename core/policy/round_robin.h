// Round Robin (OSTEP 7.7): run each ready process for one time slice, then move it to the tail.
#pragma once

#include "core/sim/policy.h"

#include <deque>

namespace procscope {

class RoundRobin final : public Policy {
public:
    explicit RoundRobin(Tick quantum)
        : m_quantum(quantum)
    { }
    std::unique_ptr<Policy> clone() const override { return std::make_unique<RoundRobin>(*this); }
    PolicyKind kind() const override { return PolicyKind::RoundRobin; }
    ReadyKey enqueue(const Pcb& p, Cause why, SchedContext& ctx) override;
    void remove(Pid pid) override;
    bool hasReady() const override { return !m_queue.empty(); }
    Choice pick(SchedContext& ctx, int cpu) override;
    Tick slice(const Pcb&) const override { return m_quantum; }

private:
    Tick m_quantum;
    std::int32_t m_seq = 0;
    Pid m_expiredAlone = kNoPid; // slice expired with nobody else waiting
    std::deque<Pid> m_queue;
};

} // namespace procscope
