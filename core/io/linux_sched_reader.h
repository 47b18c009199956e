// Real Linux scheduler traces as text: what `trace-cmd report` (or the raw ftrace buffer) and
// `perf script` print for the sched_* tracepoints. docs/linux-traces.md says what is imported,
// how the process states are reconstructed, and how to capture such a trace.
#pragma once

#include "core/io/trace_load.h"

#include <optional>
#include <string>
#include <string_view>

namespace procscope {

enum class LinuxTraceFlavor { TraceCmd, Perf };

// Which tool printed this text, judged from its first lines (a few KiB are enough); nullopt when
// it reads as neither.
std::optional<LinuxTraceFlavor> detectLinuxSchedText(std::string_view head);

// Reads the whole text into a Trace: LoadedTrace::format and meta.source are "trace-cmd" or
// "perf", meta.timeUnit "ns" (time 0 is the first event; meta.parameters holds its absolute
// timestamp), meta.policy "Linux", meta.devices {"I/O (D)", "sleep (S)"}. Tolerant: a line it
// cannot read is skipped with a warning ("file:line: what was expected"; the first 20 are listed,
// then a count), other events are counted in one warning per event name, dropped events are a
// warning and a SystemEvent::Warning. Only text without any sched_switch is a LoadError.
// Linear in the text; options.progress is called about every MiB. Never throws.
TraceLoadResult readLinuxSchedText(
    std::string_view text, const std::string& fileName, const TraceLoadOptions& options = {});

} // namespace procscope
