// procscope-cli convert and info: any trace ProcScope reads, into the formats it writes, and a
// summary of what a trace holds.
#include "app/cli/commands.h"
#include "core/io/atomic_file.h"
#include "core/io/chrome_trace_writer.h"
#include "core/io/csv_export.h"
#include "core/io/trace_file.h"
#include "core/io/trace_json_writer.h"
#include "core/metrics/metrics.h"

#include <charconv>
#include <cstdio>
#include <optional>

namespace procscope::cli {

namespace {

int usageError(const char* command, const std::string& message)
{
    std::fprintf(stderr, "procscope-cli %s: %s\n", command, message.c_str());
    return 2;
}

// Loads any trace file; prints the error or the importer's warnings on stderr.
std::optional<LoadedTrace> load(const std::string& path)
{
    auto result = loadTraceFile(path);
    if (auto* error = std::get_if<LoadError>(&result)) {
        std::fprintf(stderr, "%s\n", error->toString().c_str());
        return std::nullopt;
    }
    auto& loaded = std::get<LoadedTrace>(result);
    for (const auto& warning : loaded.warnings)
        std::fprintf(stderr, "warning: %s\n", warning.c_str());
    return std::move(loaded);
}

bool endsWith(const std::string& s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The output format from the name when --to is not given.
std::optional<std::string> formatFromName(const std::string& out)
{
    if (endsWith(out, ".chrome.json") || endsWith(out, ".perfetto.json"))
        return "chrome";
    if (endsWith(out, ".metrics.csv"))
        return "metrics-csv";
    if (endsWith(out, ".csv"))
        return "csv";
    if (endsWith(out, ".json"))
        return "procscope";
    return std::nullopt;
}

} // namespace

int convertCommand(const std::vector<std::string>& args)
{
    std::string in, out;
    std::optional<std::string> to;
    double usPerTick = 1000;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const bool hasValue = i + 1 < args.size();
        if (a == "-o" || a == "--output") {
            if (!hasValue)
                return usageError("convert", a + " needs a file name (- for standard output)");
            out = args[++i];
        } else if (a == "--to") {
            if (!hasValue)
                return usageError("convert", "--to needs procscope, chrome, csv or metrics-csv");
            to = args[++i];
            if (*to != "procscope" && *to != "chrome" && *to != "csv" && *to != "metrics-csv")
                return usageError(
                    "convert", "--to must be procscope, chrome, csv or metrics-csv, not '" + *to + "'");
        } else if (a == "--us-per-tick") {
            const std::string v = hasValue ? args[++i] : std::string();
            const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), usPerTick);
            if (v.empty() || ec != std::errc() || end != v.data() + v.size() || !(usPerTick > 0) ||
                usPerTick > 1e9)
                return usageError("convert", "--us-per-tick needs a positive number of microseconds");
        } else if (a.size() > 1 && a[0] == '-') {
            return usageError("convert", "unknown option " + a);
        } else if (in.empty()) {
            in = a;
        } else {
            return usageError("convert", "only one input file, please");
        }
    }
    if (in.empty())
        return usageError("convert", "no input file given");
    if (out.empty())
        return usageError("convert", "no output given (-o OUT, or -o - for standard output)");
    if (!to)
        to = out == "-" ? std::optional<std::string>("procscope") : formatFromName(out);
    if (!to)
        return usageError("convert", "cannot tell the output format from '" + out +
                                         "': add --to procscope, chrome, csv or metrics-csv");

    const auto loaded = load(in);
    if (!loaded)
        return 1;
    std::string text;
    if (*to == "procscope")
        text = writeTraceJson(loaded->trace);
    else if (*to == "chrome")
        text = writeChromeTrace(loaded->trace, ChromeExportOptions{usPerTick});
    else if (*to == "csv")
        text = writeIntervalsCsv(loaded->trace);
    else
        text = writeMetricsCsv(loaded->trace);

    if (out == "-") {
        std::fwrite(text.data(), 1, text.size(), stdout);
        return std::ferror(stdout) ? 1 : 0;
    }
    if (const auto error = writeFileAtomically(out, text)) {
        std::fprintf(stderr, "%s\n", error->c_str());
        return 1;
    }
    return 0;
}

int infoCommand(const std::vector<std::string>& args)
{
    if (args.size() != 1 || (args[0].size() > 1 && args[0][0] == '-'))
        return usageError("info", "expects exactly one file: procscope-cli info FILE");
    const auto loaded = load(args[0]);
    if (!loaded)
        return 1;
    const Trace& trace = loaded->trace;
    std::size_t cpuRecords = 0;
    for (int c = 0; c < trace.cpuCount(); ++c)
        cpuRecords += trace.cpu(c).size();
    std::string out;
    out += "file:       " + args[0] + "\n";
    out += "format:     " + loaded->format + "\n";
    if (!trace.meta.policy.empty())
        out += "policy:     " + trace.meta.policy +
               (trace.meta.parameters.empty() ? "" : " (" + trace.meta.parameters + ")") + "\n";
    out += "time:       0 to " + std::to_string(trace.end()) + " " + trace.meta.timeUnit + "s" +
           (trace.finished() ? "" : " (not finished)") + "\n";
    out += "cpus:       " + std::to_string(trace.cpuCount()) + "\n";
    out += "processes:  " + std::to_string(trace.processCount()) + "\n";
    out += "events:     " + std::to_string(trace.stateChangeCount() + cpuRecords + trace.events().size()) +
           " (" + std::to_string(trace.stateChangeCount()) + " state changes, " + std::to_string(cpuRecords) +
           " CPU records, " + std::to_string(trace.events().size()) + " system events)\n\n";
    out += formatMetrics(trace, computeMetrics(trace));
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}

} // namespace procscope::cli
