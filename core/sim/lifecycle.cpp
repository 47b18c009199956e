// The process half of the mechanism: creating processes, running their programs (fork, exec,
// wait, exit, I/O), and the lifecycle around them (zombies, reaping, orphans, kill, suspend).
#include "core/sim/simulator.h"

#include <algorithm>
#include <cassert>

namespace procscope {

void Simulator::setState(Pcb& p, ProcessState s, Cause why, std::int32_t aux)
{
    const Tick dt = m_now - p.stateSince;
    switch (p.state) {
    case ProcessState::Ready:
        p.readyWait += dt;
        break;
    case ProcessState::Running:
        if (p.phase != Pcb::Phase::Idle)
            p.cpuTime += dt;
        break;
    case ProcessState::Blocked:
        if (!p.inWait)
            p.ioTime += dt;
        break;
    default:
        break;
    }
    assert(p.state == s || isLegalTransition(p.state, s));
    p.state = s;
    p.stateSince = m_now;
    m_trace.recordState(p.index, m_now, s, why, aux, m_policy->levelOf(p));
}

Pcb& Simulator::create(const ProcessSpec& spec, Pid parent, const Program* program)
{
    Pcb p;
    p.pid = spec.pid == kNoPid ? m_nextPid : spec.pid;
    m_nextPid = std::max(m_nextPid, p.pid + 1);
    p.name = spec.name.empty() ? "P" + std::to_string(p.pid) : spec.name;
    p.parent = parent;
    p.setProgram(program);
    p.cpuLeft = totalCpu(*program);
    p.priority = spec.priority;
    p.nice = spec.nice;
    p.tickets = spec.tickets;
    p.arrival = m_now;
    p.stateSince = m_now;
    p.index = m_trace.addProcess(ProcessInfo{p.pid, p.name, parent, m_now, p.priority, p.nice, p.tickets, 0});
    if (static_cast<std::size_t>(p.pid) >= m_index.size())
        m_index.resize(static_cast<std::size_t>(p.pid) + 1, -1);
    m_index[static_cast<std::size_t>(p.pid)] = static_cast<std::int32_t>(m_procs.size());
    m_procs.push_back(std::move(p));
    Pcb& created = m_procs.back();
    m_trace.recordState(created.index, m_now, ProcessState::New, Cause::Created);
    prepare(created);
    return created;
}

void Simulator::admit(Pcb& p, Cause why)
{
    setState(p, ProcessState::Ready, why, m_policy->enqueue(p, why, *this).key);
}

// Enters the next CPU burst ahead of time so that policies see the burst length while it waits.
void Simulator::prepare(Pcb& p)
{
    if (p.phase != Pcb::Phase::Start || p.atEnd())
        return;
    const Op& op = p.op();
    if (op.kind == Op::Kind::Cpu && op.ticks > 0) {
        p.phase = Pcb::Phase::Cpu;
        p.pieceLeft = op.ticks;
    }
}

void Simulator::arrivals()
{
    generate();
    while (m_nextArrival < m_pending.size() && m_pending[m_nextArrival]->arrival <= m_now) {
        const ProcessSpec& spec = *m_pending[m_nextArrival++];
        Pcb& p = create(spec, kInitPid, &spec.program);
        admit(p, Cause::Admitted);
    }
}

// Runs the zero-time operations from pc on and stops at the next thing that takes time.
Simulator::Outcome Simulator::advance(Pcb& p)
{
    const auto& machine = m_workload.machine;
    while (!p.atEnd()) {
        const Op& op = p.op();
        switch (op.kind) {
        case Op::Kind::Cpu:
            if (op.ticks > 0) {
                p.phase = Pcb::Phase::Cpu;
                p.pieceLeft = op.ticks;
                return Outcome::Continue;
            }
            ++p.pc;
            break;
        case Op::Kind::Io:
            p.ioDevice = op.device;
            p.ioTicks = op.ticks;
            if (machine.ioIssueCost > 0) {
                p.phase = Pcb::Phase::IoIssue;
                p.pieceLeft = machine.ioIssueCost;
                return Outcome::Continue;
            }
            p.phase = Pcb::Phase::IoWait;
            return Outcome::BlockIo;
        case Op::Kind::Fork: {
            if (m_trace.processCount() >= kMaxProcesses || m_nextPid > kMaxPid) {
                ++p.pc; // fork() fails (EAGAIN): no room for another process
                break;
            }
            ProcessSpec spec;
            spec.pid = m_nextPid;
            spec.name = op.childName.empty() ? p.name + "'" : op.childName;
            spec.priority = p.priority;
            spec.nice = p.nice;
            spec.tickets = p.tickets;
            const Pid parentPid = p.pid;
            Pcb& child =
                create(spec, parentPid, op.child.get()); // may reallocate m_procs: p is stale after this
            const Pid childPid = child.pid;
            admit(child, Cause::Admitted);
            Pcb& parent = proc(parentPid);
            parent.children.push_back(childPid);
            ++parent.pc;
            return advance(parent);
        }
        case Op::Kind::Exec:
            p.setProgram(op.child.get());
            p.cpuLeft = totalCpu(*p.program);
            break;
        case Op::Kind::Wait: {
            ++p.pc;
            Pcb* zombie = nullptr;
            bool liveChild = false;
            for (Pid c : p.children) {
                Pcb& child = proc(c);
                if (op.waitFor != kNoPid && c != op.waitFor)
                    continue;
                if (child.state == ProcessState::Zombie) {
                    zombie = &child;
                    break;
                }
                if (child.state != ProcessState::Terminated)
                    liveChild = true;
            }
            if (zombie) {
                reap(*zombie);
                break;
            }
            if (liveChild) {
                p.inWait = true;
                p.waitingFor = op.waitFor;
                p.phase = Pcb::Phase::Start;
                return Outcome::BlockWait;
            }
            break; // no such child: wait() returns at once, as with ECHILD
        }
        case Op::Kind::Exit:
            p.exitCode = op.exitCode;
            p.pc = p.opCount;
            break;
        }
    }
    p.phase = Pcb::Phase::Done;
    p.pieceLeft = 0;
    return Outcome::Exit;
}

// The current piece of CPU work is over: move on in the program.
Simulator::Outcome Simulator::finishPiece(Pcb& p)
{
    switch (p.phase) {
    case Pcb::Phase::IoIssue:
        p.phase = Pcb::Phase::IoWait;
        return Outcome::BlockIo;
    case Pcb::Phase::Cpu:
    case Pcb::Phase::IoDone:
        ++p.pc;
        p.phase = Pcb::Phase::Start;
        return advance(p);
    default:
        p.phase = Pcb::Phase::Start;
        return advance(p);
    }
}

void Simulator::startIo(Pcb& p)
{
    setState(p, ProcessState::Blocked, Cause::IoStarted, p.ioDevice);
    const auto d = static_cast<std::size_t>(p.ioDevice);
    if (m_workload.machine.ioModel == IoModel::Parallel || m_devices[d].busy == kNoPid) {
        if (m_workload.machine.ioModel == IoModel::FifoDevice)
            m_devices[d].busy = p.pid;
        m_ioDone.push(IoDone{m_now + p.ioTicks, m_ioSeq++, p.pid, p.ioTicket});
    } else {
        m_devices[d].waiting.emplace_back(p.pid, p.ioTicks);
    }
}

void Simulator::completions()
{
    while (!m_ioDone.empty() && m_ioDone.top().at <= m_now) {
        const IoDone done = m_ioDone.top();
        m_ioDone.pop();
        if (!m_ioDone.empty())
            prefetchControlBlock(m_ioDone.top().pid);
        Pcb* p = find(done.pid);
        if (!p || p->ioTicket != done.ticket) {
            // Cancelled (the process was killed); a FIFO device moves on to its next request.
            if (p && m_workload.machine.ioModel == IoModel::FifoDevice)
                startNextRequest(static_cast<std::size_t>(p->ioDevice), done.pid);
            continue;
        }
        ioComplete(*p);
        if (m_workload.compat.lazyRetire)
            for (int c = 0; c < cpuCount(); ++c)
                retireCheck(c);
    }
}

void Simulator::ioComplete(Pcb& p)
{
    if (m_workload.machine.ioModel == IoModel::FifoDevice)
        startNextRequest(static_cast<std::size_t>(p.ioDevice), p.pid);
    const Tick doneCost = m_workload.machine.ioDoneCost;
    if (doneCost > 0) {
        p.phase = Pcb::Phase::IoDone;
        p.pieceLeft = doneCost;
    } else {
        ++p.pc;
        p.phase = Pcb::Phase::Start;
        prepare(p);
    }
    if (p.state == ProcessState::Suspended) {
        p.ioFinishedWhileSuspended = true;
        return;
    }
    // OSTEP SWITCH_ON_END: the CPU was waiting for exactly this.
    for (int c = 0; c < cpuCount(); ++c) {
        Cpu& cpu = m_cpus[static_cast<std::size_t>(c)];
        if (cpu.reservedFor == p.pid) {
            cpu.reservedFor = kNoPid;
            setState(p, ProcessState::Ready, Cause::IoDone, 0);
            m_policy->dispatched(p, c);
            startRunning(c, p, Choice{p.pid, Reason::HeldCpu, 0, 0});
            return;
        }
    }
    if (!m_workload.machine.ioDoneRunsImmediately) {
        admit(p, Cause::IoDone);
        return;
    }
    // OSTEP IO_RUN_IMMEDIATE: run it now, on an idle CPU or in place of the running process.
    setState(p, ProcessState::Ready, Cause::IoDoneImmediate, 0);
    int target = -1;
    for (int c = 0; c < cpuCount() && target < 0; ++c)
        if (cpuFree(m_cpus[static_cast<std::size_t>(c)]))
            target = c;
    if (target < 0) {
        target = p.cpu >= 0 && m_cpus[static_cast<std::size_t>(p.cpu)].running != kNoPid ? p.cpu : 0;
        Cpu& cpu = m_cpus[static_cast<std::size_t>(target)];
        if (cpu.running == kNoPid) {
            admit(p, Cause::IoDone); // the CPU is busy switching or held: wait like everyone else
            return;
        }
        Pcb& victim = proc(cpu.running);
        setState(victim, ProcessState::Ready, Cause::Preempted,
            m_policy->enqueue(victim, Cause::Preempted, *this).key);
        cpu.lastRan = victim.pid;
        cpu.running = kNoPid;
    }
    m_policy->dispatched(p, target);
    startRunning(target, p, Choice{p.pid, Reason::IoImmediate, 0, 0});
}

// A FIFO device finished (or dropped) the request of `finished` and starts the next one.
void Simulator::startNextRequest(std::size_t device, Pid finished)
{
    Device& dev = m_devices[device];
    if (dev.busy != finished)
        return;
    dev.busy = kNoPid;
    while (!dev.waiting.empty()) {
        const auto [next, ticks] = dev.waiting.front();
        dev.waiting.pop_front();
        const Pcb* waiter = find(next);
        if (!waiter || waiter->state == ProcessState::Zombie || waiter->state == ProcessState::Terminated)
            continue;
        dev.busy = next;
        m_ioDone.push(IoDone{m_now + ticks, m_ioSeq++, next, waiter->ioTicket});
        return;
    }
}

void Simulator::reap(Pcb& child)
{
    setState(child, ProcessState::Terminated, Cause::Reaped);
    if (child.parent != kInitPid) {
        if (Pcb* parent = find(child.parent))
            std::erase(parent->children, child.pid);
    }
}

void Simulator::exitProcess(Pcb& p, int code, Cause why)
{
    p.exitCode = code;
    p.finish = m_now;
    p.phase = Pcb::Phase::Done;
    ++p.ioTicket;
    m_policy->exited(p);
    setState(p, ProcessState::Zombie, why);
    m_trace.info(p.index).exitCode = code;
    // Orphans go to init, which reaps the zombies among them at once. The trace keeps the parent
    // that forked them, so views can show who the orphan's parent was and that it is gone.
    const auto children = p.children;
    for (Pid c : children) {
        Pcb& child = proc(c);
        child.parent = kInitPid;
        if (child.state == ProcessState::Zombie)
            setState(child, ProcessState::Terminated, Cause::Reaped);
    }
    proc(p.pid).children.clear();
    Pcb* parent = p.parent == kInitPid ? nullptr : find(p.parent);
    if (!parent || parent->state == ProcessState::Zombie || parent->state == ProcessState::Terminated) {
        reap(p);
        return;
    }
    if (parent->inWait && (parent->waitingFor == kNoPid || parent->waitingFor == p.pid)) {
        parent->inWait = false;
        reap(p);
        if (parent->state == ProcessState::Suspended) {
            parent->suspendedFrom = ProcessState::Ready;
            return;
        }
        prepare(*parent);
        admit(*parent, Cause::ChildExited);
    }
}

void Simulator::applyCommand(const Command& c)
{
    if (c.kind == Command::Kind::Create) {
        ProcessSpec spec = c.process;
        spec.pid = kNoPid;
        Pcb& p = create(spec, kInitPid, &c.process.program);
        admit(p, Cause::Admitted);
        return;
    }
    if (c.kind == Command::Kind::SetPolicy) {
        std::vector<Pid> ready;
        for (const Pcb& p : m_procs)
            if (p.state == ProcessState::Ready)
                ready.push_back(p.pid);
        m_workload.policy = c.policy;
        m_policy = makePolicy(c.policy, m_workload.compat);
        m_timerDue = m_policy->nextTimer(m_now);
        m_trace.meta.policy = std::string(policyName(c.policy.kind));
        m_trace.addEvent(
            {m_now, SystemEvent::Kind::PolicyChanged, "policy changed to " + m_trace.meta.policy});
        for (Pid pid : ready)
            m_policy->enqueue(proc(pid), Cause::Admitted, *this);
        for (int cpu = 0; cpu < cpuCount(); ++cpu)
            if (m_cpus[static_cast<std::size_t>(cpu)].running != kNoPid)
                m_policy->dispatched(proc(m_cpus[static_cast<std::size_t>(cpu)].running), cpu);
        return;
    }
    Pcb* p = find(c.pid);
    if (!p)
        return;
    const ProcessState s = p->state;
    const int onCpu = [&] {
        for (int i = 0; i < cpuCount(); ++i) {
            const Cpu& cpu = m_cpus[static_cast<std::size_t>(i)];
            if (cpu.running == p->pid || cpu.incoming == p->pid)
                return i;
        }
        return -1;
    }();
    auto leaveCpu = [&] {
        if (onCpu < 0)
            return;
        Cpu& cpu = m_cpus[static_cast<std::size_t>(onCpu)];
        cpu.running = kNoPid;
        cpu.incoming = kNoPid;
        cpu.lastRan = p->pid;
        m_trace.recordCpu(onCpu, m_now, kCpuIdle);
    };
    auto clearReservation = [&] {
        for (auto& cpu : m_cpus)
            if (cpu.reservedFor == p->pid)
                cpu.reservedFor = kNoPid;
    };
    switch (c.kind) {
    case Command::Kind::Kill:
        if (!isLive(s) && s != ProcessState::Suspended)
            return;
        m_policy->remove(p->pid);
        leaveCpu();
        clearReservation();
        exitProcess(*p, -9, Cause::Killed);
        break;
    case Command::Kind::Suspend:
        if (!isLive(s))
            return;
        m_policy->remove(p->pid);
        leaveCpu();
        clearReservation();
        p->suspendedFrom = s == ProcessState::Blocked ? ProcessState::Blocked : ProcessState::Ready;
        setState(*p, ProcessState::Suspended, Cause::Suspended);
        break;
    case Command::Kind::Resume:
        if (s != ProcessState::Suspended)
            return;
        if (p->suspendedFrom == ProcessState::Blocked && !p->ioFinishedWhileSuspended) {
            setState(*p, ProcessState::Blocked, Cause::Resumed, p->inWait ? -1 : p->ioDevice);
        } else {
            p->ioFinishedWhileSuspended = false;
            prepare(*p);
            admit(*p, Cause::Resumed);
        }
        break;
    default:
        break;
    }
}

} // namespace procscope
