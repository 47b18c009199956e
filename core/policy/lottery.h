// Lottery scheduling (OSTEP 9.1-9.3): each slice, draw a winning ticket among the ready processes.
// The draw is lottery.py's: r = int(random() * 1000001), winner = r % total tickets, walking the
// processes in pid order, so a seeded run gives the textbook's answers.
#pragma once

#include "core/sim/policy.h"

#include <map>

namespace procscope {

class Lottery final : public Policy {
public:
    explicit Lottery(Tick quantum)
        : m_quantum(quantum)
    { }
    std::unique_ptr<Policy> clone() const override { return std::make_unique<Lottery>(*this); }
    PolicyKind kind() const override { return PolicyKind::Lottery; }
    ReadyKey enqueue(const Pcb& p, Cause why, SchedContext& ctx) override;
    void remove(Pid pid) override { m_ready.erase(pid); }
    bool hasReady() const override { return !m_ready.empty(); }
    Choice pick(SchedContext& ctx, int cpu) override;
    Tick slice(const Pcb&) const override { return m_quantum; }

private:
    Tick m_quantum;
    std::map<Pid, int> m_ready; // pid -> tickets, in pid order
};

} // namespace procscope
