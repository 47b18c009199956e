// CSV for spreadsheets: every interval of a trace (process states and CPU occupancy) and the
// textbook's metrics per process. RFC 4180: comma-separated, CRLF-free ("\n"), fields quoted when
// they hold a comma, a quote or a line break.
#pragma once

#include "core/trace/trace.h"

#include <string>

namespace procscope {

// One row per interval of non-zero length:
// track,id,pid,name,state,start_<unit>,end_<unit>,duration_<unit>,cause,detail,level
// - process rows: track "process", id the pid, state the process state, cause why it began,
//   detail the CPU (Running), device name or "wait" (Blocked), queue position (Ready).
// - CPU rows: track "cpu", id the CPU number, pid/name of the process on it (empty when idle),
//   state Running, Idle or ContextSwitch, cause the policy's reason, detail and level its figures.
// An interval still open at the end of the trace ends at Trace::end(); Terminated is not a row.
std::string writeIntervalsCsv(const Trace& trace);

// One row per process:
// pid,name,parent,arrival,first_run,finish,turnaround,response,waiting,cpu,io,dispatches
// Empty cells where a figure does not exist yet (a process that never ran has no response time).
std::string writeMetricsCsv(const Trace& trace);

} // namespace procscope
