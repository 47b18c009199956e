// Multi-Level Feedback Queue (OSTEP ch. 8), with the parameters of OSTEP's mlfq.py: per-queue
// quantum and allotment, priority boost, stay-on-I/O (-S) and I/O bump (-I). Level 0 is the top
// queue. As in mlfq.py, a running process stays at the head of its queue while it runs.
#pragma once

#include "core/sim/policy.h"

#include <deque>
#include <unordered_map>
#include <vector>

namespace procscope {

class Mlfq final : public Policy {
public:
    explicit Mlfq(const PolicySpec& spec);
    std::unique_ptr<Policy> clone() const override { return std::make_unique<Mlfq>(*this); }
    PolicyKind kind() const override { return PolicyKind::Mlfq; }
    ReadyKey enqueue(const Pcb& p, Cause why, SchedContext& ctx) override;
    void remove(Pid pid) override;
    bool hasReady() const override;
    Choice pick(SchedContext& ctx, int cpu) override;
    void dispatched(const Pcb& p, int cpu) override;
    Tick slice(const Pcb& p) const override;
    void charge(const Pcb& p, Tick ran) override;
    void blocked(const Pcb& p) override;
    void exited(const Pcb& p) override;
    bool shouldPreempt(SchedContext& ctx, const Pcb& running) const override;
    Tick nextTimer(Tick now) const override;
    bool onTimer(SchedContext& ctx, std::vector<std::pair<Pid, ReadyKey>>& requeued) override;
    std::string timerEvent() const override { return "priority boost: every process moves to the top queue"; }
    Choice describeRunning(const Pcb& p) const override;
    std::uint8_t levelOf(const Pcb& p) const override;

private:
    struct Job {
        int level = 0;
        Tick ticksLeft = 0;
        int allotLeft = 0;
        std::int32_t key = 0;
        bool queued = false;
        bool running = false;
    };
    Job& job(Pid pid);
    void reset(Job& j, int level) const;
    void push(Pid pid, bool front);
    void unqueue(Pid pid);
    void quantumEnd(Job& j);
    // Position of the first not-running queued job in scheduling order, or {-1, -1}.
    std::pair<int, std::size_t> firstWaiting() const;
    std::pair<int, std::size_t> position(Pid pid) const;

    std::vector<Tick> m_quanta;
    std::vector<int> m_allot;
    Tick m_boost;
    bool m_stay;
    bool m_bump;
    std::int32_t m_head = 0, m_tail = 0;
    std::vector<std::deque<Pid>> m_queues;
    std::unordered_map<Pid, Job> m_jobs;
};

} // namespace procscope
