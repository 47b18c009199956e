#include "core/io/trace_file.h"

#include "core/io/chrome_trace_reader.h"
#include "core/io/linux_sched_reader.h"
#include "core/io/ostep_lesson.h"
#include "core/io/trace_json_reader.h"
#include "core/io/workload_json.h"
#include "core/ostep/ostep_run.h"
#include "core/sim/simulator.h"

#include <algorithm>

namespace procscope {

namespace {

constexpr std::size_t kDetectBytes = 64 * 1024;

std::string_view skipBomAndSpace(std::string_view s)
{
    if (s.starts_with("\xEF\xBB\xBF"))
        s.remove_prefix(3);
    const auto first = s.find_first_not_of(" \t\r\n");
    return first == std::string_view::npos ? std::string_view() : s.substr(first);
}

// The string value of the first "format" key in the head of a JSON object, if any.
std::string_view formatKey(std::string_view head)
{
    const auto key = head.find("\"format\"");
    if (key == std::string_view::npos)
        return {};
    auto rest = skipBomAndSpace(head.substr(key + 8));
    if (!rest.starts_with(':'))
        return {};
    rest = skipBomAndSpace(rest.substr(1));
    if (!rest.starts_with('"'))
        return {};
    rest.remove_prefix(1);
    const auto close = rest.find('"');
    return close == std::string_view::npos ? std::string_view() : rest.substr(0, close);
}

TraceLoadResult simulateWorkload(std::string_view text, const std::string& fileName)
{
    auto loaded = readWorkloadFromString(text, fileName);
    if (auto* error = std::get_if<LoadError>(&loaded))
        return *error;
    const Workload& workload = std::get<Workload>(loaded);
    Simulator simulator(workload);
    simulator.run();
    LoadedTrace result{simulator.trace(), std::string(traceFileFormatName(TraceFileFormat::Workload)), {}};
    if (simulator.hitTickLimit())
        result.warnings.push_back(fileName + ": the simulation stopped at the tick limit " +
                                  std::to_string(workload.tickLimit) + " before every process finished");
    return result;
}

// The lesson's homework command line, run on the engine as `procscope --ostep` runs it.
TraceLoadResult runLesson(std::string_view text, const std::string& fileName)
{
    auto read = readOstepLessonFromString(text, fileName);
    if (auto* error = std::get_if<LoadError>(&read))
        return *error;
    const OstepLesson& lesson = std::get<OstepLesson>(read);
    std::vector<std::string> args = lesson.args;
    args.emplace_back("-c");
    auto run = ostep::runOstep(lesson.script, args);
    if (run.exitCode != 0 || !run.workload)
        return LoadError{fileName, "$.args", 0, 0,
            lesson.script + ".py does not run with these options: " + (run.err.empty() ? run.out : run.err)};
    Simulator simulator(std::move(*run.workload), std::move(run.rng));
    simulator.run();
    return LoadedTrace{simulator.trace(), std::string(traceFileFormatName(TraceFileFormat::OstepLesson)), {}};
}

} // namespace

std::string_view traceFileFormatName(TraceFileFormat format)
{
    switch (format) {
    case TraceFileFormat::NativeTrace:
        return "procscope-trace";
    case TraceFileFormat::Workload:
        return "procscope-workload";
    case TraceFileFormat::OstepLesson:
        return "procscope-ostep-lesson";
    case TraceFileFormat::Chrome:
        return "chrome";
    case TraceFileFormat::TraceCmd:
        return "trace-cmd";
    case TraceFileFormat::Perf:
        return "perf";
    case TraceFileFormat::Unknown:
        break;
    }
    return "unknown";
}

TraceFileFormat detectTraceFileFormat(std::string_view head)
{
    head = skipBomAndSpace(head.substr(0, std::min(head.size(), kDetectBytes)));
    if (head.starts_with('[')) // Chrome's array form, possibly truncated
        return TraceFileFormat::Chrome;
    if (head.starts_with('{')) {
        const auto format = formatKey(head);
        if (format == "procscope-trace")
            return TraceFileFormat::NativeTrace;
        if (format == "procscope-workload")
            return TraceFileFormat::Workload;
        if (format == kOstepLessonFormat)
            return TraceFileFormat::OstepLesson;
        if (head.find("\"traceEvents\"") != std::string_view::npos)
            return TraceFileFormat::Chrome;
        return TraceFileFormat::Unknown;
    }
    if (const auto flavor = detectLinuxSchedText(head))
        return *flavor == LinuxTraceFlavor::Perf ? TraceFileFormat::Perf : TraceFileFormat::TraceCmd;
    return TraceFileFormat::Unknown;
}

TraceLoadResult loadTraceText(
    std::string_view text, const std::string& fileName, const TraceLoadOptions& options)
{
    switch (detectTraceFileFormat(text)) {
    case TraceFileFormat::NativeTrace:
        return readNativeTrace(text, fileName, options);
    case TraceFileFormat::Workload:
        return simulateWorkload(text, fileName);
    case TraceFileFormat::OstepLesson:
        return runLesson(text, fileName);
    case TraceFileFormat::Chrome:
        return readChromeTrace(text, fileName, options);
    case TraceFileFormat::TraceCmd:
    case TraceFileFormat::Perf:
        return readLinuxSchedText(text, fileName, options);
    case TraceFileFormat::Unknown:
        break;
    }
    if (skipBomAndSpace(text).empty())
        return LoadError{fileName, {}, 0, 0, "the file is empty"};
    return LoadError{fileName, {}, 0, 0,
        "unknown format: expected a ProcScope trace or workload (JSON with \"format\": "
        "\"procscope-trace\" or \"procscope-workload\"), a Chrome trace (JSON with \"traceEvents\" or "
        "an array of events), or Linux scheduler text from `trace-cmd report` or `perf script`"};
}

TraceLoadResult loadTraceFile(const std::string& path, const TraceLoadOptions& options)
{
    std::string text;
    if (auto error = readTextFile(path, text, kMaxTraceFileBytes))
        return *error;
    if (!reportProgress(options, 0, text.size()))
        return cancelledError(path);
    return loadTraceText(text, path, options);
}

} // namespace procscope
