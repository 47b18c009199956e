// What every trace reader shares: the result (a Trace, the format it came from, what a tolerant
// importer skipped), progress reports and cancel. core/io/trace_file.h picks the reader for a file.
#pragma once

#include "core/io/json_error.h"
#include "core/trace/trace.h"

#include <cstdint>
#include <functional>
#include <string>
#include <variant>
#include <vector>

namespace procscope {

// Trace files may be far larger than workloads: 10,000,000 events of native JSON are ~400 MB.
inline constexpr std::size_t kMaxTraceFileBytes = std::size_t{4} << 30;

struct TraceLoadOptions {
    // Called about every megabyte of input (never more often than needed) with the bytes
    // consumed so far and the total. Returning false cancels: the reader stops soon and returns
    // a LoadError with cancelled = true. May be empty.
    std::function<bool(std::uint64_t done, std::uint64_t total)> progress;
};

struct LoadedTrace {
    Trace trace;
    std::string format;                // "procscope-trace", "chrome", "trace-cmd", "perf"
    std::vector<std::string> warnings; // what a tolerant importer skipped: "file:12: ..." each
};

using TraceLoadResult = std::variant<LoadedTrace, LoadError>;

// Calls options.progress; true when the load should go on.
inline bool reportProgress(const TraceLoadOptions& options, std::uint64_t done, std::uint64_t total)
{
    return !options.progress || options.progress(done, total);
}

// The error a reader returns after a cancel.
inline LoadError cancelledError(const std::string& file)
{
    LoadError e{file, {}, 0, 0, "loading cancelled"};
    e.cancelled = true;
    return e;
}

} // namespace procscope
