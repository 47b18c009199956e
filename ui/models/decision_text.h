// The Trace's scheduling decisions and state changes in the textbook's words, for the event log and
// tooltips: "RR: P1 is at the head of the ready queue (quantum 2)", "I/O on disk done". Plain C++
// (no Qt) so the wording is tested without a widget.
#pragma once

#include "core/trace/trace.h"

#include <cstddef>
#include <string>

namespace procscope::ui {

// "P3": how the decision texts name a process (its pid, as OSTEP's scripts do).
std::string processLabel(const Trace& trace, ProcIndex process);

// "queue 0 (top)", "queue 1", "queue 2 (bottom)" for MLFQ; "the ready queue" without levels.
std::string queueLabel(const Trace& trace, int level);

// The process a CPU record gives the CPU to. A context-switch record carries the decision; the
// process it switches to is the next record on that CPU. -1 when there is none (idle).
ProcIndex decisionProcess(const Trace& trace, int cpu, std::size_t record);

// Why the CPU record `record` of `cpu` chose its process, from the record's Reason and its two
// numbers a and b (see Reason in core/trace/trace.h). Empty for records without a decision
// (idle, or the start of a process after a context switch).
std::string describeDecision(const Trace& trace, int cpu, std::size_t record);

// Why the state change `record` of a process happened, in words: "quantum expired: RR moves P1 to
// the tail of the ready queue", "I/O on disk done", "exit (code 0)", "reaped by its parent P2".
std::string describeChange(const Trace& trace, ProcIndex process, std::size_t record);

} // namespace procscope::ui
