// One line of Linux scheduler text, as `trace-cmd report` (and raw ftrace) or `perf script` print
// it: which task and CPU the line belongs to, when, and what the scheduler event says. The reader
// (linux_sched_reader.h) feeds every line through parseSchedLine(); nothing here allocates for a
// line that parses, and every field is checked, so a damaged file only costs warnings.
#pragma once

#include "core/model/types.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace procscope {

// Longer lines are skipped unread: no scheduler event comes close (comms are 15 bytes).
inline constexpr std::size_t kMaxSchedLineBytes = 4096;
// Timestamps are kept below 2^31 seconds (2.1e18 ns), so any span fits a Tick comfortably.
inline constexpr std::int64_t kMaxSchedSeconds = (std::int64_t{1} << 31) - 1;
inline constexpr int kMaxSchedCpus = 4096;

enum class SchedEventKind : std::uint8_t {
    Switch,    // sched_switch: a = prev, b = next
    Waking,    // sched_waking: a = the task woken
    Wakeup,    // sched_wakeup
    WakeupNew, // sched_wakeup_new: a freshly forked task becomes runnable
    Fork,      // sched_process_fork: a = parent, b = child
    Exec,      // sched_process_exec: a = the task (its comm: the new program)
    Exit,      // sched_process_exit: a = the task
    Free,      // sched_process_free: a = the task, freed after it was reaped
    Migrate,   // sched_migrate_task: a = the task
    Other,     // any other event; only counted
    Lost       // events dropped by the kernel (reader only; never from an event line)
};

// Why sched_switch took the previous task off its CPU (prev_state), decoded from letters
// ("R", "R+", "S", "D", "D|K", ...) or from the raw number that `trace-cmd report -R` prints.
enum class PrevState : std::uint8_t {
    Runnable,  // R: still runnable (sched_yield, or a kernel/plugin that never prints '+')
    Preempted, // R+: preempted
    Sleeping,  // S, I, P (and the old plugin's W, x): waiting for an event
    DiskSleep, // D: uninterruptible, typically disk I/O
    Stopped,   // T, t: stopped by a signal or a debugger
    Dead,      // Z, X: the task has exited
    Unknown    // a letter ProcScope does not know
};

struct SchedTask {
    std::string_view comm; // as printed: may hold spaces, colons, brackets, invalid UTF-8
    Pid pid = kNoPid;      // kernel pid = thread id; 0 is the idle task
    int prio = 0;          // kernel priority (0-99 real-time, 100-139 normal, 120 = nice 0)
};

struct SchedLine {
    enum class Type : std::uint8_t {
        Blank,  // empty, a comment, a perf call-chain line, or a header that says nothing new
        Header, // `cpus=N`, ftrace's `#P:N`, perf's `# nrcpus avail : N`: cpus is set
        Lost,   // `CPU:3 [12 EVENTS DROPPED]`, `CPU:3 [LOST 12 EVENTS]`, perf's PERF_RECORD_LOST
        Event,  // a scheduler (or other) event
        Error   // not understood: error says what was expected
    };
    Type type = Type::Blank;
    int cpus = 0;                // Header: CPUs in the machine
    std::uint64_t lostCount = 0; // Lost: events dropped, 0 when the tool did not say
    bool hasTime = false;        // Event always; Lost when the line carries a timestamp
    Tick ns = 0;                 // absolute timestamp in nanoseconds (or raw clock counts)
    int cpu = -1;                // -1 when the line has no CPU column
    bool perf = false;           // perf script layout (`comm tid [cpu]`, `sched:` prefix)
    SchedEventKind kind = SchedEventKind::Other;
    std::string_view eventName; // "sched_switch", "irq_handler_entry", ...
    SchedTask current;          // the task running on the CPU when the event was recorded
    SchedTask a;                // see SchedEventKind
    SchedTask b;
    PrevState prevState = PrevState::Unknown;
    std::string error; // Error: "expected ..." and what was found
};

SchedLine parseSchedLine(std::string_view line);

// prev_state text or number to its meaning.
PrevState decodePrevState(std::string_view text);

} // namespace procscope
