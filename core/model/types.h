// Basic vocabulary of the engine: time, process ids and the process states of the textbook.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <string_view>

namespace procscope {

// Time is a 64-bit integer: ticks for simulations, nanoseconds for imported traces.
using Tick = std::int64_t;
using Pid = std::int32_t;

// Pids index a table in the engine, so they stay below this (fork() fails beyond it, as with EAGAIN).
inline constexpr Pid kMaxPid = (1 << 22) - 1;
inline constexpr Tick kForever = std::numeric_limits<Tick>::max() / 4;
inline constexpr Pid kNoPid = -1;
// The virtual init process that adopts orphans and reaps every process whose parent is gone.
inline constexpr Pid kInitPid = -2;

// Unknown is only for imported traces: a span the recorded events do not determine.
enum class ProcessState : std::uint8_t {
    New,
    Ready,
    Running,
    Blocked,
    Suspended,
    Zombie,
    Terminated,
    Unknown
};
inline constexpr int kStateCount = 8;

constexpr std::string_view stateName(ProcessState s)
{
    constexpr std::array<std::string_view, kStateCount> names{
        "New", "Ready", "Running", "Blocked", "Suspended", "Zombie", "Terminated", "Unknown"};
    return names[static_cast<std::size_t>(s)];
}

// xv6's proc.h labels, for students who read the xv6 source beside the book.
constexpr std::string_view xv6StateName(ProcessState s)
{
    constexpr std::array<std::string_view, kStateCount> names{
        "EMBRYO", "RUNNABLE", "RUNNING", "SLEEPING", "SLEEPING", "ZOMBIE", "UNUSED", "?"};
    return names[static_cast<std::size_t>(s)];
}

constexpr bool isLive(ProcessState s)
{
    return s == ProcessState::New || s == ProcessState::Ready || s == ProcessState::Running ||
           s == ProcessState::Blocked;
}

// The legal transitions of the process state machine (OSTEP ch. 4, plus suspend and reap).
constexpr bool isLegalTransition(ProcessState from, ProcessState to)
{
    using S = ProcessState;
    if (to == S::Suspended)
        return isLive(from);
    if (from == S::Suspended)
        return to == S::Ready || to == S::Blocked || to == S::Zombie;
    switch (from) {
    case S::New:
        return to == S::Ready || to == S::Zombie;
    case S::Ready:
        return to == S::Running || to == S::Zombie;
    case S::Running:
        return to == S::Ready || to == S::Blocked || to == S::Zombie;
    case S::Blocked:
        return to == S::Ready || to == S::Zombie;
    case S::Zombie:
        return to == S::Terminated;
    default:
        return false;
    }
}

// Why a state change happened. Stored with every change in the Trace.
enum class Cause : std::uint8_t {
    Created,         // process appears (arrival or fork): New
    Admitted,        // New -> Ready
    Dispatched,      // Ready -> Running, chosen by the policy
    Preempted,       // Running -> Ready, a better process arrived
    SliceExpired,    // Running -> Ready, time slice used up
    IoStarted,       // Running -> Blocked on a device
    IoDone,          // Blocked -> Ready, the device finished
    WaitChild,       // Running -> Blocked in wait()
    ChildExited,     // Blocked -> Ready, a child exited and was reaped
    Exited,          // Running -> Zombie
    Killed,          // any live state -> Zombie
    Reaped,          // Zombie -> Terminated
    Suspended,       // live -> Suspended
    Resumed,         // Suspended -> Ready / Blocked
    IoDoneImmediate, // Blocked -> Ready and dispatched at once (OSTEP IO_RUN_IMMEDIATE)
    Boosted          // same state, new queue level (MLFQ priority boost)
};

std::string_view causeName(Cause c);

} // namespace procscope
