// OSTEP process-run.py's text, as an exporter of the Trace: the problem listing (without -c) and
// the per-tick table with its statistics (-c, -p).
#pragma once

#include "core/model/workload.h"
#include "core/trace/trace.h"

#include <functional>
#include <string>
#include <vector>

namespace procscope::ostep {

// The instruction list process-run.py shows for a program: "cpu" per CPU tick, "io" and
// "io_done" per I/O.
std::vector<std::string_view> processRunInstructions(const Program& program);

std::string processRunProblem(const Workload& w);
// The table can be hundreds of megabytes for a long run, so it is written to `sink` in pieces.
void processRunSolution(const Trace& trace, const Workload& w, bool printStats,
    const std::function<void(std::string_view)>& sink);

} // namespace procscope::ostep
