// The process control block: what the kernel (our Simulator) knows about each process.
#pragma once

#include "core/model/program.h"
#include "core/trace/trace.h"

#include <memory>
#include <string>
#include <vector>

namespace procscope {

struct Pcb {
    // Where the process is in its program. An I/O operation has up to three phases: issuing it on
    // the CPU (MachineSpec::ioIssueCost), waiting for the device, completing it on the CPU.
    enum class Phase : std::uint8_t { Start, Cpu, IoIssue, IoWait, IoDone, Idle, Done };

    // Hot fields first: the dispatcher touches these for every decision.
    ProcessState state = ProcessState::New;
    Phase phase = Phase::Start;
    bool inWait = false;
    bool ioFinishedWhileSuspended = false;
    Pid pid = kNoPid;
    ProcIndex index = 0;  // in the Trace
    int cpu = -1;         // CPU it runs on (or last ran on)
    std::uint32_t pc = 0; // next operation
    std::uint32_t opCount = 0;
    const Op* ops = nullptr; // the program's operations (see `program`)
    Tick pieceLeft = 0;      // CPU ticks left in the current piece of work (Cpu, IoIssue, IoDone, Idle)
    Tick sliceLeft = kForever;
    Tick stateSince = 0;
    Tick cpuLeft = 0; // CPU ticks left in the whole program (STCF's "remaining")
    Tick ioTicks = 0;
    int ioDevice = 0;
    std::uint32_t ioTicket = 0; // bumped to cancel an I/O in flight (kill)

    int priority = 0;
    int nice = 0;
    int tickets = 100;

    // Accounting.
    Tick arrival = 0;
    Tick firstRun = -1;
    Tick finish = -1; // when it became a Zombie
    Tick cpuTime = 0;
    Tick ioTime = 0;
    Tick readyWait = 0;
    int dispatches = 0;
    int exitCode = 0;

    Pid waitingFor = kNoPid; // in wait(): a pid, kNoPid for any
    ProcessState suspendedFrom = ProcessState::Ready;
    Pid parent = kInitPid;
    // Owned by the Workload, a Command or a fork/exec operation, all of which outlive the run.
    const Program* program = nullptr;
    std::string name;
    std::vector<Pid> children;

    void setProgram(const Program* p)
    {
        program = p;
        ops = p->data();
        opCount = static_cast<std::uint32_t>(p->size());
        pc = 0;
    }
    bool atEnd() const { return pc >= opCount; }
    const Op& op() const { return ops[pc]; }

    bool exhausted() const { return phase == Phase::Done || phase == Phase::Idle; }
    // CPU ticks until this process next blocks or exits, as far as the current piece goes.
    Tick burstLeft() const { return pieceLeft; }
};

} // namespace procscope
