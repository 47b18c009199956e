// From Linux scheduler events, sorted by time, to a Trace: one process per task, its Running /
// Ready / Blocked / ... spans and the CPU lanes, as docs/linux-traces.md describes. What the
// events do not determine stays Unknown; nothing is guessed.
#pragma once

#include "core/io/linux_sched_line.h"
#include "core/trace/trace.h"

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace procscope {

inline constexpr std::int16_t kNoPrio = std::numeric_limits<std::int16_t>::min();

// Blocked spans of imported Linux traces say why the task sleeps: meta.devices of the Trace.
inline constexpr std::int32_t kLinuxIoDevice = 0;    // "I/O (D)": uninterruptible sleep
inline constexpr std::int32_t kLinuxSleepDevice = 1; // "sleep (S)": interruptible, idle, parked

// One event between parsing and reconstruction: 48 bytes, comms interned in a name table.
struct SchedRecord {
    Tick at = 0;          // absolute, in the file's unit (ns)
    Pid current = kNoPid; // the task running when the event was recorded; kNoPid if not printed
    Pid a = kNoPid;       // see SchedEventKind
    Pid b = kNoPid;
    std::uint32_t currentName = 0; // index into the name table; 0 = no name
    std::uint32_t aName = 0;
    std::uint32_t bName = 0;
    std::uint32_t line = 0; // 1-based line in the file
    std::uint32_t lost = 0; // Lost: events dropped (saturated), 0 when the tool did not say
    std::int16_t cpu = -1;
    std::int16_t aPrio = kNoPrio;
    std::int16_t bPrio = kNoPrio;
    SchedEventKind kind = SchedEventKind::Other;
    PrevState prevState = PrevState::Unknown;
};

// Builds `trace` (empty, with meta already set) from `records`, sorted by time. Times become
// nanoseconds since records.front().at. `names[0]` is the empty name. `cpus` >= every record's
// CPU + 1. Appends what it could not make sense of to `warnings` ("file:line: ...").
void rebuildLinuxSched(const std::vector<SchedRecord>& records, const std::vector<std::string_view>& names,
    int cpus, const std::string& fileName, Trace& trace, std::vector<std::string>& warnings);

// `text` with every byte that is not part of well-formed UTF-8 replaced by U+FFFD and control
// characters by '?': comms come straight from the kernel and may hold anything.
std::string validUtf8(std::string_view text);

} // namespace procscope
