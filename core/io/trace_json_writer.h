// Writes a Trace in ProcScope's native, lossless trace format ("procscope-trace", version 1).
// docs/trace-format.md describes it.
#pragma once

#include "core/trace/trace.h"

#include <string>

namespace procscope {

inline constexpr std::string_view kTraceFormatName = "procscope-trace";
inline constexpr int kTraceFormatVersion = 1;

std::string writeTraceJson(const Trace& trace);

} // namespace procscope
