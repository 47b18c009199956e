// A readable per-tick table of a Trace for the terminal: one row per tick, one column per process
// (its state) and per CPU (who runs).
#pragma once

#include "core/trace/trace.h"

#include <string>

namespace procscope {

std::string traceTable(const Trace& trace, Tick from = 0, Tick to = -1);

} // namespace procscope
