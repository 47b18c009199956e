// Writes a Trace as Chrome Trace Event JSON, the format Perfetto (ui.perfetto.dev) and
// chrome://tracing open: one thread per process with its state slices, a "CPUs" process with one
// thread per CPU, the decisions and system events as instant events, and counters for CPU
// utilization and queue lengths. The export carries everything ProcScope needs to read it back
// exactly (readChromeTrace in core/io/chrome_trace_reader.h). docs/chrome-trace.md has the mapping.
#pragma once

#include "core/trace/trace.h"

#include <string>

namespace procscope {

struct ChromeExportOptions {
    // Microseconds per tick, declared in otherData.usPerTick. With the default 1000, Perfetto's
    // "ms" read as ticks. Traces whose meta.timeUnit is "ns" keep their real time (0.001 µs per
    // ns) whatever this says; a value that is not a positive finite number means the default.
    double usPerTick = 1000;
};

// Deterministic: the same trace and options give the same bytes.
std::string writeChromeTrace(const Trace& trace, const ChromeExportOptions& options = {});

} // namespace procscope
