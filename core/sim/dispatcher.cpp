// The dispatcher half of the mechanism: giving CPUs to processes and taking them back.
#include "core/sim/simulator.h"

namespace procscope {

void Simulator::prefetchControlBlock(Pid pid) const
{
    if (const Pcb* p = findProcess(pid)) {
        __builtin_prefetch(p);
        __builtin_prefetch(reinterpret_cast<const char*>(p) + 64);
    }
}

void Simulator::prefetchProcessData(Pid pid) const
{
    if (const Pcb* p = findProcess(pid)) {
        if (!p->atEnd())
            __builtin_prefetch(&p->op());
        m_trace.track(p->index).prefetchTail();
    }
}

bool Simulator::cpuFree(const Cpu& c) const
{
    return c.running == kNoPid && c.incoming == kNoPid && c.reservedFor == kNoPid && c.heldUntil <= m_now;
}

// Pieces of work that end now: a finished CPU burst or I/O phase, or an expired slice.
void Simulator::endOfPieces()
{
    for (int c = 0; c < cpuCount(); ++c) {
        Cpu& cpu = m_cpus[static_cast<std::size_t>(c)];
        if (cpu.incoming != kNoPid && cpu.switchUntil <= m_now) {
            Pcb& p = proc(cpu.incoming);
            cpu.incoming = kNoPid;
            startRunning(c, p, Choice{p.pid, Reason::None, 0, 0});
            continue;
        }
        if (cpu.running == kNoPid)
            continue;
        Pcb& p = proc(cpu.running);
        if (p.pieceLeft <= 0) {
            const bool wasted = p.phase == Pcb::Phase::Idle;
            onOutcome(c, p, wasted ? Outcome::Exit : finishPiece(p), wasted);
        } else if (p.sliceLeft <= 0) {
            sliceExpired(c, p);
        }
    }
}

void Simulator::onOutcome(int c, Pcb& p, Outcome o, bool wasted)
{
    (void)wasted;
    switch (o) {
    case Outcome::Continue:
        if (p.sliceLeft <= 0)
            sliceExpired(c, p);
        return;
    case Outcome::BlockIo:
        m_policy->blocked(p);
        startIo(p);
        if (!m_workload.machine.switchOnIo) {
            // OSTEP SWITCH_ON_END: the CPU waits, idle, for this process's I/O.
            Cpu& cpu = m_cpus[static_cast<std::size_t>(c)];
            cpu.running = kNoPid;
            cpu.lastRan = p.pid;
            cpu.reservedFor = p.pid;
            m_trace.recordCpu(c, m_now, kCpuIdle);
            return;
        }
        release(c, true);
        return;
    case Outcome::BlockWait:
        m_policy->blocked(p);
        setState(p, ProcessState::Blocked, Cause::WaitChild, -1);
        release(c, true);
        return;
    case Outcome::Exit:
        exitProcess(p, p.exitCode, Cause::Exited);
        release(c, false);
        return;
    }
}

// The process on this CPU has stopped running; give the CPU to the next one.
void Simulator::release(int c, bool afterBlock)
{
    Cpu& cpu = m_cpus[static_cast<std::size_t>(c)];
    if (cpu.running != kNoPid)
        cpu.lastRan = cpu.running;
    cpu.running = kNoPid;
    m_trace.recordCpu(c, m_now, kCpuIdle);
    if (m_workload.compat.dispatchOnlyAtSliceEnd && cpu.sliceEnd > m_now && cpu.sliceEnd < kForever) {
        cpu.heldUntil = cpu.sliceEnd; // lottery.py: the CPU idles out the rest of the slice
        return;
    }
    fillCpu(c, afterBlock && m_workload.compat.lazyRetire);
}

// Gives a free CPU to the policy's choice. Without lazyRetire a process with nothing left to run
// is retired at once and the next one is tried; with it, process-run.py's check points apply.
void Simulator::fillCpu(int c, bool retireCheckAfter)
{
    Cpu& cpu = m_cpus[static_cast<std::size_t>(c)];
    while (cpuFree(cpu)) {
        const Choice choice = m_policy->pick(*this, c);
        if (choice.pid == kNoPid)
            return;
        Pcb& p = proc(choice.pid);
        dispatch(c, p, choice);
        if (retireCheckAfter) {
            retireCheck(c);
            return;
        }
        if (cpu.running != kNoPid || cpu.incoming != kNoPid || m_workload.compat.lazyRetire)
            return;
    }
}

void Simulator::dispatch(int c, Pcb& p, Choice choice)
{
    Cpu& cpu = m_cpus[static_cast<std::size_t>(c)];
    cpu.heldUntil = -1;
    m_policy->dispatched(p, c);
    const Tick cost = m_workload.machine.contextSwitch;
    if (cost > 0 && cpu.lastRan != p.pid) {
        cpu.incoming = p.pid;
        cpu.switchUntil = m_now + cost;
        p.cpu = c;
        m_trace.recordCpu(c, m_now, kCpuSwitch, choice.reason, choice.a, choice.b);
        return;
    }
    startRunning(c, p, choice);
}

void Simulator::startRunning(int c, Pcb& p, Choice choice)
{
    Cpu& cpu = m_cpus[static_cast<std::size_t>(c)];
    cpu.running = p.pid;
    cpu.lastSync = m_now;
    p.cpu = c;
    if (p.firstRun < 0)
        p.firstRun = m_now;
    ++p.dispatches;
    setState(p, ProcessState::Running, Cause::Dispatched, c);
    m_trace.recordCpu(c, m_now, p.index, choice.reason, choice.a, choice.b);
    p.sliceLeft = m_policy->slice(p);
    cpu.sliceEnd = p.sliceLeft >= kForever / 2 ? kForever : m_now + p.sliceLeft;
    if (p.phase == Pcb::Phase::Start || p.exhausted()) {
        const Outcome o = p.exhausted() ? Outcome::Exit : advance(p);
        if (o == Outcome::Exit && m_workload.compat.lazyRetire) {
            // process-run.py: a process with nothing left holds the CPU for one idle tick.
            p.phase = Pcb::Phase::Idle;
            p.pieceLeft = 1;
            return;
        }
        if (o != Outcome::Continue)
            onOutcome(c, p, o, false);
    }
}

void Simulator::sliceExpired(int c, Pcb& p)
{
    setState(
        p, ProcessState::Ready, Cause::SliceExpired, m_policy->enqueue(p, Cause::SliceExpired, *this).key);
    release(c, false);
}

void Simulator::retireCheck(int c)
{
    Cpu& cpu = m_cpus[static_cast<std::size_t>(c)];
    if (cpu.running == kNoPid)
        return;
    Pcb& p = proc(cpu.running);
    if (p.phase != Pcb::Phase::Idle)
        return;
    exitProcess(p, p.exitCode, Cause::Exited);
    cpu.lastRan = cpu.running;
    cpu.running = kNoPid;
    m_trace.recordCpu(c, m_now, kCpuIdle);
    if (const Choice choice = m_policy->pick(*this, c); choice.pid != kNoPid)
        dispatch(c, proc(choice.pid), choice);
}

void Simulator::timers()
{
    if (m_timerDue > m_now)
        return;
    std::vector<std::pair<Pid, ReadyKey>> requeued;
    const bool slicesChanged = m_policy->onTimer(*this, requeued);
    m_timerDue = m_policy->nextTimer(m_now);
    if (auto text = m_policy->timerEvent(); !text.empty())
        m_trace.addEvent({m_now, SystemEvent::Kind::Boost, std::move(text)});
    for (const auto& [pid, key] : requeued) {
        Pcb& p = proc(pid);
        m_trace.recordState(p.index, m_now, ProcessState::Ready, Cause::Boosted, key.key, key.level);
    }
    if (!slicesChanged)
        return;
    for (int c = 0; c < cpuCount(); ++c) {
        Cpu& cpu = m_cpus[static_cast<std::size_t>(c)];
        if (cpu.running == kNoPid)
            continue;
        Pcb& p = proc(cpu.running);
        p.sliceLeft = m_policy->slice(p);
        cpu.sliceEnd = p.sliceLeft >= kForever / 2 ? kForever : m_now + p.sliceLeft;
        const Choice d = m_policy->describeRunning(p);
        m_trace.recordState(p.index, m_now, ProcessState::Running, Cause::Boosted, c, m_policy->levelOf(p));
        m_trace.recordCpu(c, m_now, p.index, d.reason, d.a, d.b);
    }
}

void Simulator::dispatchFreeCpus()
{
    for (int c = 0; c < cpuCount(); ++c)
        if (cpuFree(m_cpus[static_cast<std::size_t>(c)]))
            fillCpu(c, false);
}

void Simulator::preemptChecks()
{
    for (int c = 0; c < cpuCount(); ++c) {
        Cpu& cpu = m_cpus[static_cast<std::size_t>(c)];
        if (cpu.running == kNoPid)
            continue;
        Pcb& p = proc(cpu.running);
        if (!m_policy->shouldPreempt(*this, p))
            continue;
        setState(p, ProcessState::Ready, Cause::Preempted, m_policy->enqueue(p, Cause::Preempted, *this).key);
        release(c, false);
    }
}

} // namespace procscope
