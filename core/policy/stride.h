// Stride scheduling (OSTEP 9.6): stride = big / tickets; run the process with the lowest pass and
// advance its pass by its stride for each slice it uses. A newcomer starts at the lowest pass of
// the ready processes so it cannot monopolise the CPU. Ties go to the lower pid.
#pragma once

#include "core/sim/policy.h"

#include <map>
#include <set>
#include <unordered_map>

namespace procscope {

class Stride final : public Policy {
public:
    Stride(Tick quantum, std::int64_t big)
        : m_quantum(quantum)
        , m_big(big)
    { }
    std::unique_ptr<Policy> clone() const override { return std::make_unique<Stride>(*this); }
    PolicyKind kind() const override { return PolicyKind::Stride; }
    ReadyKey enqueue(const Pcb& p, Cause why, SchedContext& ctx) override;
    void remove(Pid pid) override;
    bool hasReady() const override { return !m_ready.empty(); }
    Choice pick(SchedContext& ctx, int cpu) override;
    Tick slice(const Pcb&) const override { return m_quantum; }
    void charge(const Pcb& p, Tick ran) override;
    void exited(const Pcb& p) override { m_pass.erase(p.pid); }

private:
    std::int64_t strideOf(const Pcb& p) const { return m_big / std::max(1, p.tickets); }
    Tick m_quantum;
    std::int64_t m_big;
    std::set<std::pair<std::int64_t, Pid>> m_ready; // (pass, pid)
    std::unordered_map<Pid, std::int64_t> m_pass;
    std::unordered_map<Pid, std::int64_t> m_stride;
};

} // namespace procscope
