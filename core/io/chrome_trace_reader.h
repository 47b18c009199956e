// Reads Chrome Trace Event JSON: ProcScope's own exports exactly (otherData.schema
// "procscope-chrome-1"), and traces from Chrome, Perfetto and other tools tolerantly — every
// thread becomes a process whose slices are its states, gaps between slices are Unknown, and what
// cannot be shown is listed in LoadedTrace::warnings. docs/chrome-trace.md has the mapping.
#pragma once

#include "core/io/trace_load.h"

#include <string>
#include <string_view>

namespace procscope {

inline constexpr std::string_view kChromeFormatName = "chrome";

// `text` is the whole file; `fileName` names it in errors and warnings. Accepts the array form and
// the object form ({"traceEvents": [...]}), and arrays cut short (a missing "]" and a partial last
// event). Imported traces count nanoseconds from the earliest event (meta.timeUnit "ns", source
// "chrome"). Never throws; memory stays proportional to the text.
TraceLoadResult readChromeTrace(
    std::string_view text, const std::string& fileName, const TraceLoadOptions& options = {});

} // namespace procscope
