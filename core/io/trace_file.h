// Opening any file ProcScope can show: the native trace, a workload (simulated on load), a Chrome
// trace, or Linux scheduler text from trace-cmd or perf. The format is recognised from the
// content, not the file name, so a trace saved as "run.txt" still opens.
#pragma once

#include "core/io/trace_load.h"

#include <string>
#include <string_view>

namespace procscope {

enum class TraceFileFormat { Unknown, NativeTrace, Workload, OstepLesson, Chrome, TraceCmd, Perf };

// "procscope-trace", "procscope-workload", "procscope-ostep-lesson", "chrome", "trace-cmd",
// "perf", "unknown".
std::string_view traceFileFormatName(TraceFileFormat format);

// The format of a file from its first bytes (a few KB are enough; never parses the whole file).
TraceFileFormat detectTraceFileFormat(std::string_view head);

// Loads text already in memory; `fileName` is only for messages. A workload is simulated until
// every process has finished or its tick limit (a warning then says so); an OSTEP lesson runs its
// homework command line on the engine.
TraceLoadResult loadTraceText(
    std::string_view text, const std::string& fileName, const TraceLoadOptions& options = {});

// Reads the file (a missing file, a directory or one over kMaxTraceFileBytes is a LoadError) and
// loads it as above.
TraceLoadResult loadTraceFile(const std::string& path, const TraceLoadOptions& options = {});

} // namespace procscope
