// The words the Chrome trace writer and reader share: ProcScope's own export schema, the reserved
// colours (cname) of process states, the state names other tools' traces use, and the decision
// texts shown on the CPU lanes in Perfetto or chrome://tracing. docs/chrome-trace.md has the tables.
#pragma once

#include "core/trace/trace.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace procscope::chrome {

// otherData.schema of ProcScope's exports; a file carrying it is read back exactly.
inline constexpr std::string_view kSchema = "procscope-chrome-1";
inline constexpr std::string_view kSchemaPrefix = "procscope-chrome-";

// Chrome process ids of an export: one for the process rows, one for the CPU lanes. Perfetto
// reserves 0, so threads are numbered from 1 too (tid = process index + 1, CPU + 1).
inline constexpr int kProcessesPid = 1;
inline constexpr int kCpusPid = 2;

inline constexpr std::string_view kContextSwitchName = "context switch";

// The reserved colour of a state interval: Running -> thread_state_running, Ready ->
// thread_state_runnable, Blocked on a device -> thread_state_iowait, Blocked in wait() ->
// thread_state_sleeping, and neutral colours for the lifecycle states.
std::string_view stateColor(ProcessState state, std::int32_t aux);

// A state read from another tool's trace; aux as in ProcessTrack (device 0 for I/O, -1 for sleep).
struct ImportedState {
    ProcessState state;
    std::int32_t aux;
};
// "Running", "runnable", "I/O wait", "Sleeping", "zombie" ... (case-insensitive); nullopt for
// names that are not a state (function names and the like).
std::optional<ImportedState> stateFromSliceName(std::string_view name);
// thread_state_running, thread_state_runnable, thread_state_iowait, ...
std::optional<ImportedState> stateFromColor(std::string_view cname);

std::string_view eventKindName(SystemEvent::Kind kind);
std::optional<SystemEvent::Kind> eventKindFromName(std::string_view name);

// What a Chrome phase letter means, for warnings about phases ProcScope does not import.
std::string_view phaseDescription(char phase);

// Why CPU record `record` of `cpu` chose its process, in a sentence: "RR: P3 is at the head of the
// ready queue (quantum 2)". Empty for records without a decision.
std::string decisionText(const Trace& trace, int cpu, std::size_t record);

} // namespace procscope::chrome
