// First In, First Out (OSTEP 7.3): the process that became ready first runs first, to completion
// or until it blocks. With CompatOptions::cyclicPidPick it is process-run.py's next_proc(): the first
// ready pid after the last one dispatched, wrapping around.
#pragma once

#include "core/sim/policy.h"

#include <deque>
#include <set>

namespace procscope {

class Fifo final : public Policy {
public:
    explicit Fifo(bool cyclicPidPick)
        : m_cyclic(cyclicPidPick)
    { }
    std::unique_ptr<Policy> clone() const override { return std::make_unique<Fifo>(*this); }
    PolicyKind kind() const override { return PolicyKind::Fifo; }
    ReadyKey enqueue(const Pcb& p, Cause why, SchedContext& ctx) override;
    void remove(Pid pid) override;
    bool hasReady() const override { return !m_queue.empty(); }
    Choice pick(SchedContext& ctx, int cpu) override;
    void dispatched(const Pcb& p, int cpu) override;

private:
    bool m_cyclic;
    Pid m_last = kNoPid;
    std::int32_t m_seq = 0;
    std::deque<Pid> m_queue; // FIFO order
    std::set<Pid> m_byPid;   // cyclic order
};

} // namespace procscope
