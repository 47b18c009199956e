// Everything a simulation needs: the machine, the policy, the processes and their programs.
#pragma once

#include "core/model/program.h"

#include <optional>
#include <string>
#include <vector>

namespace procscope {

enum class PolicyKind : std::uint8_t { Fifo, Sjf, Stcf, RoundRobin, Priority, Mlfq, Lottery, Stride, Cfs };
inline constexpr int kPolicyCount = 9;

std::string_view policyName(PolicyKind k);                       // "FIFO", "SJF", ...
std::optional<PolicyKind> policyFromName(std::string_view name); // case-insensitive, "rr" too

struct PolicySpec {
    PolicyKind kind = PolicyKind::Fifo;
    Tick quantum = 1; // RR, Lottery, Stride time slice
    // Priority: lower number = more important (as in Unix nice).
    bool preemptive = true; // Priority
    Tick agingInterval = 0; // Priority: every N ticks of waiting raises priority by one (0 = off)
    // MLFQ, OSTEP's parameters; the first entry is the highest-priority queue.
    std::vector<Tick> mlfqQuanta{10, 10, 10};
    std::vector<int> mlfqAllotments{1, 1, 1};
    Tick boostPeriod = 0;  // 0 = never
    bool stayOnIo = false; // -S: an I/O resets the quantum and allotment at the current level
    bool ioBump = false;   // -I: a process finishing I/O goes to the front of its queue
    // Stride
    std::int64_t strideBig = 10000; // stride = big / tickets
    // CFS
    Tick targetLatency = 48; // sched_latency
    Tick minGranularity = 6; // sched_min_granularity

    bool operator==(const PolicySpec&) const = default;
};

enum class IoModel : std::uint8_t {
    Parallel,  // every I/O proceeds at once, OSTEP's model
    FifoDevice // each device serves one request at a time, first come first served
};

struct MachineSpec {
    int cpus = 1;           // 1..64
    Tick contextSwitch = 0; // cost in ticks, its own interval on the CPU lane
    IoModel ioModel = IoModel::Parallel;
    std::vector<std::string> devices{"disk"};
    bool switchOnIo = true;             // false: OSTEP SWITCH_ON_END, the CPU waits for the I/O
    bool ioDoneRunsImmediately = false; // OSTEP IO_RUN_IMMEDIATE: a finished I/O preempts the CPU
    Tick ioIssueCost = 0;               // CPU ticks to issue an I/O (OSTEP process-run: 1)
    Tick ioDoneCost = 0;                // CPU ticks to complete an I/O (OSTEP process-run: 1)

    bool operator==(const MachineSpec&) const = default;
};

// Behaviours of the OSTEP scripts that have no meaning outside them, as named engine options.
struct CompatOptions {
    // process-run's next_proc(): pick the first ready pid after the last one dispatched, cyclically.
    bool cyclicPidPick = false;
    // process-run's check_if_done(): a process with nothing left to run is retired only at the
    // script's check points, so it may hold the CPU for one idle tick.
    bool lazyRetire = false;
    // lottery.py: decisions happen only at slice boundaries; a process that ends early leaves the
    // CPU idle until the slice is over.
    bool dispatchOnlyAtSliceEnd = false;

    bool operator==(const CompatOptions&) const = default;
};

struct ProcessSpec {
    Pid pid = kNoPid; // kNoPid: assigned in order
    std::string name; // empty: "P<pid>"
    Tick arrival = 0;
    int priority = 0;  // lower = more important
    int nice = 0;      // -20..19, CFS weight
    int tickets = 100; // Lottery, Stride
    Program program;

    bool operator==(const ProcessSpec&) const = default;
};

// Seeded random workload (drawn with the Python-compatible MT19937).
struct GeneratorSpec {
    std::uint64_t seed = 0;
    int count = 5;       // number of processes (for an open workload: per period)
    Tick maxArrival = 0; // arrivals uniform in [0, maxArrival]
    Tick minBurst = 1, maxBurst = 10;
    int bursts = 3;     // CPU bursts per process
    int ioPercent = 30; // chance that an I/O follows a burst
    Tick ioLength = 5;
    bool openEnded = false; // keep creating arrivals: `count` every `period` ticks, forever
    Tick period = 100;

    bool operator==(const GeneratorSpec&) const = default;
};

// A workload that is a lesson: where it belongs in OSTEP and what to ask the class about it.
struct LessonSpec {
    std::string chapter;                // e.g. "7 Scheduling: Introduction"
    std::vector<std::string> questions; // asked in the order given

    bool operator==(const LessonSpec&) const = default;
};

struct Workload {
    std::string name;
    std::string description;
    std::optional<LessonSpec> lesson;
    MachineSpec machine;
    PolicySpec policy;
    CompatOptions compat;
    std::vector<ProcessSpec> processes;
    std::optional<GeneratorSpec> generator;
    std::uint64_t seed = 0;     // seeds the engine's own random stream (Lottery draws)
    Tick tickLimit = 1'000'000; // a simulation stops here with a clear message

    bool operator==(const Workload&) const = default;
};

// The keys of a policy's parameters in the workload format, after "name" (RR: "quantum", ...).
std::vector<std::string_view> policyParameters(PolicyKind kind);

// Fills missing pids and names; returns "" or a description of the first problem.
std::string normalize(Workload& w);

} // namespace procscope
