// The Trace: an append-only, time-sorted record of everything that happened. Every view, exporter
// and metric reads it; the Simulator and the importers write it.
#pragma once

#include "core/model/types.h"
#include "core/trace/time_series.h"

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace procscope {

// Index of a process in Trace::processes (pids may be sparse in imported traces); below kMaxProcesses.
using ProcIndex = std::int32_t;
inline constexpr std::size_t kMaxProcesses = (1u << 24) - 4;

// What a CPU lane shows: a process index, or one of these.
inline constexpr ProcIndex kCpuIdle = -1;
inline constexpr ProcIndex kCpuSwitch = -3; // context switch in progress

// Why a policy chose what it chose; rendered to text by describeDecision().
enum class Reason : std::uint8_t {
    None,
    OnlyCandidate, // a: -
    Fifo,          // earliest arrival in the ready queue
    CyclicPick,    // OSTEP process-run: next ready pid after the last one
    Sjf,           // a: its burst, b: next best burst (-1 none)
    Stcf,          // a: its remaining, b: next best remaining (-1 none)
    RoundRobin,    // head of the ready queue
    SliceRenewed,  // slice expired, nobody else ready: same process continues
    Priority,      // a: its priority, b: next best (-1 none)
    Mlfq,          // a: ticks left in its quantum, b: allotment left; the level is on the process track
    MlfqBoost,     // priority boost renewed the quantum of the running process; as Mlfq
    Lottery,       // a: random number drawn, b: total tickets; winner = a % b
    Stride,        // a: its pass, b: its stride
    Cfs,           // a: its vruntime, b: its slice
    IoImmediate,   // OSTEP IO_RUN_IMMEDIATE: the process that finished I/O runs at once
    HeldCpu,       // OSTEP SWITCH_ON_END: the CPU waited for this process's I/O
    Imported       // read from a recorded trace
};

struct ProcessInfo {
    Pid pid = kNoPid;
    std::string name;
    Pid parent = kInitPid;
    Tick arrival = 0;
    int priority = 0;
    int nice = 0;
    int tickets = 0;
    int exitCode = 0;
};

// State changes of one process, in time order. aux: Running -> CPU, Blocked -> device (-1 for
// wait()), Ready -> ready-queue order key (smaller = nearer the head). level: MLFQ queue (0 = top)
// or priority. 12 bytes a change.
class ProcessTrack {
public:
    std::size_t size() const { return m_changes.size(); }
    bool empty() const { return m_changes.empty(); }
    Tick at(std::size_t i) const { return m_changes.at(i); }
    ProcessState state(std::size_t i) const { return m_changes[i].state; }
    Cause cause(std::size_t i) const { return m_changes[i].cause; }
    std::int32_t aux(std::size_t i) const { return m_changes[i].aux; }
    std::uint8_t level(std::size_t i) const { return m_changes[i].level; }

    // Index of the last change at or before t; npos before the process exists.
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
    std::size_t indexAt(Tick t) const { return m_changes.indexAt(t); }
    std::optional<ProcessState> stateAt(Tick t) const;
    // Time of the next change strictly after t / the last change strictly before t.
    std::optional<Tick> nextChangeAfter(Tick t) const;
    std::optional<Tick> lastChangeBefore(Tick t) const;

    // Appends a change. Same-time changes that return to the previous state are folded away,
    // so a process dispatched and preempted in the same instant leaves no zero-length interval.
    void append(Tick t, ProcessState s, Cause c, std::int32_t aux, std::uint8_t level);
    void truncate(Tick t) { m_changes.truncate(t); }
    void prefetchTail() const { m_changes.prefetchTail(); }
    std::size_t bytes() const { return m_changes.bytes(); }
    void shrink() { m_changes.shrink(); }

private:
    struct Change {
        std::uint32_t dt;
        std::int32_t aux;
        ProcessState state;
        Cause cause;
        std::uint8_t level;
    };
    TimeSeries<Change> m_changes;
};

// Occupancy of one CPU: each record starts an interval that lasts until the next record, and
// carries the decision that started it. 16 bytes a record.
class CpuTrack {
public:
    std::size_t size() const { return m_records.size(); }
    Tick at(std::size_t i) const { return m_records.at(i); }
    ProcIndex proc(std::size_t i) const { return m_records[i].proc(); }
    Reason reason(std::size_t i) const { return m_records[i].reason(); }
    std::int32_t a(std::size_t i) const { return m_records[i].a; }
    std::int32_t b(std::size_t i) const { return m_records[i].b; }

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
    std::size_t indexAt(Tick t) const { return m_records.indexAt(t); }
    ProcIndex procAt(Tick t) const; // kCpuIdle before the first record

    // An idle record is replaced by a decision made in the same instant.
    void append(Tick t, ProcIndex p, Reason r, std::int32_t a, std::int32_t b);
    void truncate(Tick t) { m_records.truncate(t); }
    std::size_t bytes() const { return m_records.bytes(); }
    void shrink() { m_records.shrink(); }

private:
    struct Record {
        std::uint32_t dt;
        std::uint32_t packed; // reason in the top 8 bits, process index + 3 in the low 24
        std::int32_t a;
        std::int32_t b;
        ProcIndex proc() const { return static_cast<ProcIndex>(packed & 0xFFFFFF) - 3; }
        Reason reason() const { return static_cast<Reason>(packed >> 24); }
        static std::uint32_t pack(ProcIndex p, Reason r)
        {
            return (static_cast<std::uint32_t>(r) << 24) | static_cast<std::uint32_t>(p + 3);
        }
    };
    TimeSeries<Record> m_records;
};

// Rare events that belong to no single process.
struct SystemEvent {
    enum class Kind : std::uint8_t { Boost, PolicyChanged, Command, TickLimit, Warning };
    Tick at = 0;
    Kind kind = Kind::Boost;
    std::string text;
};

struct TraceMeta {
    std::string source;            // "simulation", "procscope-trace", "chrome", "trace-cmd", ...
    std::string timeUnit = "tick"; // "tick" or "ns"
    std::string policy;            // e.g. "RR"
    std::string parameters;        // e.g. "quantum=2"
    std::uint64_t seed = 0;
    std::vector<std::string> devices{"disk"};
    int mlfqLevels = 0; // > 0 when the ready queue has levels
};

class Trace {
public:
    TraceMeta meta;

    std::size_t processCount() const { return m_info.size(); }
    const ProcessInfo& info(ProcIndex i) const { return m_info[static_cast<std::size_t>(i)]; }
    ProcessInfo& info(ProcIndex i) { return m_info[static_cast<std::size_t>(i)]; }
    const ProcessTrack& track(ProcIndex i) const { return m_tracks[static_cast<std::size_t>(i)]; }
    std::optional<ProcIndex> indexOf(Pid pid) const;

    int cpuCount() const { return static_cast<int>(m_cpus.size()); }
    const CpuTrack& cpu(int c) const { return m_cpus[static_cast<std::size_t>(c)]; }
    const std::vector<SystemEvent>& events() const { return m_events; }

    // Simulated (or recorded) up to this time, exclusive; views never show beyond it.
    Tick end() const { return m_end; }
    // True when nothing more will ever happen (all processes terminated, or the trace is complete).
    bool finished() const { return m_finished; }

    // Writing (Simulator, importers).
    void setCpuCount(int n);
    ProcIndex addProcess(ProcessInfo info);
    void recordState(
        ProcIndex p, Tick t, ProcessState s, Cause c, std::int32_t aux = 0, std::uint8_t level = 0);
    void recordCpu(
        int cpu, Tick t, ProcIndex p, Reason r = Reason::None, std::int32_t a = 0, std::int32_t b = 0);
    void addEvent(SystemEvent e) { m_events.push_back(std::move(e)); }
    void setEnd(Tick t, bool finished)
    {
        m_end = t;
        m_finished = finished;
    }
    // Removes everything at or after t (processes created at or after t too).
    void truncate(Tick t);
    void shrink();

    std::size_t stateChangeCount() const;
    std::size_t bytes() const;

private:
    std::vector<ProcessInfo> m_info;
    std::vector<ProcessTrack> m_tracks;
    std::vector<CpuTrack> m_cpus;
    std::vector<SystemEvent> m_events;
    std::unordered_map<Pid, ProcIndex> m_byPid;
    Tick m_end = 0;
    bool m_finished = false;
};

} // namespace procscope
