// OSTEP process-run.py's text, as an exporter of the Trace: the problem listing (without -c) and
// the per-tick table with its statistics (-c, -p).
#pragma once

#include "core/model/workload.h"
#include "core/trace/trace.h"

#include <string>
#include <vector>

namespace procscope::ostep {

// The instruction list process-run.py shows for a program: "cpu" per CPU tick, "io" and
// "io_done" per I/O.
std::vector<std::string_view> processRunInstructions(const Program& program);

std::string processRunProblem(const Workload& w);
std::string processRunSolution(const Trace& trace, const Workload& w, bool printStats);

} // namespace procscope::ostep
