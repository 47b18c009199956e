// Reads ProcScope's native trace format ("procscope-trace", version 1), what writeTraceJson()
// writes; docs/trace-format.md describes the format and the checks.
#pragma once

#include "core/io/trace_load.h"

#include <string>
#include <string_view>

namespace procscope {

// Reads and checks a whole native trace, streaming: one pass over the text, straight into the
// Trace's tracks, with the memory of the Trace plus a few scratch buffers. Strict: a syntax error
// is reported with its line:column, a wrong value with its line:column and JSON path
// ("$.processes[3].states[17][1]") and what was expected. Reading what writeTraceJson() wrote
// gives back an equal Trace, and writing that gives back the same bytes.
// options.progress is called about every MiB of text; returning false stops the read within a
// few milliseconds with cancelledError(fileName). Never throws.
TraceLoadResult readNativeTrace(
    std::string_view text, const std::string& fileName, const TraceLoadOptions& options = {});

} // namespace procscope
