// A scheduling Policy only decides who runs next and when to preempt; the Simulator is the
// mechanism (OSTEP's separation of policy and mechanism). Adding a policy touches no mechanism.
#pragma once

#include "core/model/workload.h"
#include "core/sim/pcb.h"

#include <memory>
#include <string>

namespace procscope {

// Read-only view of the machine for a policy.
class SchedContext {
public:
    virtual ~SchedContext() = default;
    virtual const Pcb& pcb(Pid pid) const = 0;
    virtual Tick now() const = 0;
    virtual int cpuCount() const = 0;
    // The engine's seeded random stream (Python-compatible), for Lottery.
    virtual double random() = 0;
    // Hints from a policy that knows whom it will pick soon, so the engine can bring that process's
    // data into the cache while it works on the current one: first its control block (a few picks
    // ahead), then, once that has arrived, what the control block points to (one or two ahead).
    virtual void prefetchControlBlock(Pid pid) const = 0;
    virtual void prefetchProcessData(Pid pid) const = 0;
};

struct Choice {
    Pid pid = kNoPid;
    Reason reason = Reason::None;
    std::int32_t a = 0;
    std::int32_t b = 0;
};

// Where a ready process sits, for the Cursor's ready-queue view: lower level first (0 = top),
// then lower key first.
struct ReadyKey {
    std::uint8_t level = 0;
    std::int32_t key = 0;
};

class Policy {
public:
    virtual ~Policy() = default;
    virtual std::unique_ptr<Policy> clone() const = 0;
    virtual PolicyKind kind() const = 0;

    // A process enters the ready set. why: Admitted, Preempted, SliceExpired, IoDone, ChildExited,
    // Resumed, IoDoneImmediate.
    virtual ReadyKey enqueue(const Pcb& p, Cause why, SchedContext& ctx) = 0;
    // A ready process leaves the ready set without being picked (killed, suspended, run at once).
    virtual void remove(Pid pid) = 0;
    virtual bool hasReady() const = 0;
    // Choose a ready process for a free CPU and take it out of the ready set; Choice::pid is kNoPid
    // when there is none.
    virtual Choice pick(SchedContext& ctx, int cpu) = 0;
    // The process now runs (after pick() or a direct dispatch).
    virtual void dispatched(const Pcb& p, int cpu) { (void)p, (void)cpu; }
    // How long the dispatched process may run before the policy is asked again.
    virtual Tick slice(const Pcb& p) const
    {
        (void)p;
        return kForever;
    }
    // The running process has used `ran` more ticks of CPU.
    virtual void charge(const Pcb& p, Tick ran) { (void)p, (void)ran; }
    // The running process blocks (I/O or wait) / exits / is killed or suspended while running.
    virtual void blocked(const Pcb& p) { (void)p; }
    virtual void exited(const Pcb& p) { (void)p; }
    // After arrivals and wake-ups: should the process running on this CPU give way?
    virtual bool shouldPreempt(SchedContext& ctx, const Pcb& running) const
    {
        (void)ctx, (void)running;
        return false;
    }
    // Periodic work (MLFQ's priority boost): the next time it is due, and doing it. Returns true
    // when the slices of running processes changed.
    virtual Tick nextTimer(Tick now) const
    {
        (void)now;
        return kForever;
    }
    virtual bool onTimer(SchedContext& ctx, std::vector<std::pair<Pid, ReadyKey>>& requeued)
    {
        (void)ctx, (void)requeued;
        return false;
    }
    // Text of the system event onTimer() stands for ("priority boost ..."); empty: none recorded.
    virtual std::string timerEvent() const { return {}; }
    // What the CPU lane records for a process that keeps running after onTimer().
    virtual Choice describeRunning(const Pcb& p) const { return Choice{p.pid, Reason::None, 0, 0}; }
    // MLFQ level or priority shown beside a running process.
    virtual std::uint8_t levelOf(const Pcb& p) const
    {
        (void)p;
        return 0;
    }
};

std::unique_ptr<Policy> makePolicy(const PolicySpec& spec, const CompatOptions& compat);

} // namespace procscope
