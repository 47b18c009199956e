// The fields of the sched_* events, in the kernel's `key=value` form (raw ftrace, `trace-cmd
// report -N`, most perf script output) and in libtraceevent's plugin form (`prev:pid [prio] S ==>
// next:pid [prio]`, `comm:pid [prio] CPU:nnn`).
#pragma once

#include "core/io/linux_sched_line.h"

#include <string_view>

namespace procscope {

// Fills line.a, line.b and line.prevState from an event's text, as line.kind says; Other events
// are not read. On failure the line is an Error that says what was expected.
bool parseSchedPayload(std::string_view text, SchedLine& line);

} // namespace procscope
