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

    Pid pid = kNoPid;
    ProcIndex index = 0;  // in the Trace
    std::string name;
    Pid parent = kInitPid;
    std::vector<Pid> children;

    ProcessState state = ProcessState::New;
    std::shared_ptr<const Program> program;
    std::size_t pc = 0;      // next operation
    Phase phase = Phase::Start;
    Tick pieceLeft = 0;      // CPU ticks left in the current piece of work (Cpu, IoIssue, IoDone, Idle)
    Tick cpuLeft = 0;        // CPU ticks left in the whole program (STCF's "remaining")
    int ioDevice = 0;
    Tick ioTicks = 0;

    int priority = 0;
    int nice = 0;
    int tickets = 100;

    // Accounting.
    Tick arrival = 0;
    Tick firstRun = -1;
    Tick finish = -1;  // when it became a Zombie
    Tick cpuTime = 0;
    Tick ioTime = 0;
    Tick readyWait = 0;
    int dispatches = 0;
    int exitCode = 0;

    // Mechanism bookkeeping.
    Tick stateSince = 0;
    int cpu = -1;            // CPU it runs on (or last ran on)
    Tick sliceLeft = kForever;
    Pid waitingFor = kNoPid; // in wait(): a pid, kNoPid for any
    bool inWait = false;
    bool ioFinishedWhileSuspended = false;
    std::uint32_t ioTicket = 0; // bumped to cancel an I/O in flight (kill)
    ProcessState suspendedFrom = ProcessState::Ready;

    bool exhausted() const { return phase == Phase::Done || phase == Phase::Idle; }
    // CPU ticks until this process next blocks or exits, as far as the current piece goes.
    Tick burstLeft() const { return pieceLeft; }
};

} // namespace procscope
