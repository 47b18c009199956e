#include "core/io/trace_json_reader.h"

#include "core/io/trace_json_reader_parts.h"
#include "core/io/trace_json_writer.h"
#include "core/trace/names.h"

#include <algorithm>
#include <cstring>
#include <new>

namespace procscope {

namespace tracejson {

namespace {

const std::vector<std::string_view> kTopKeys{"format", "version", "meta", "processes", "cpuLanes", "events"};
const std::vector<std::string_view> kMetaKeys{"source", "timeUnit", "policy", "parameters", "seed", "devices",
    "queueLevels", "cpus", "end", "finished"};
const std::vector<std::string_view> kEventKeys{"at", "kind", "text"};

constexpr int kMaxQueueLevels = 256; // levels are stored in a byte: 0..255
constexpr std::array<std::string_view, 5> kEventKinds{
    "Boost", "PolicyChanged", "Command", "TickLimit", "Warning"};

template <typename E, std::size_t N, typename F>
NameTable<E, N> makeTable(F&& nameOf, std::string_view what)
{
    NameTable<E, N> table;
    std::string list;
    for (std::size_t i = 0; i < N; ++i) {
        table.names[i] = nameOf(static_cast<E>(i));
        list += (i ? ", " : "") + std::string(table.names[i]);
    }
    table.expected = std::string(what) + " (" + list + ")";
    return table;
}

std::string joined(const std::vector<std::string_view>& names)
{
    std::string s;
    for (const std::string_view n : names)
        s += (s.empty() ? "" : ", ") + std::string(n);
    return s;
}

} // namespace

const NameTable<ProcessState, kStateCount>& stateNames()
{
    static const auto table = makeTable<ProcessState, kStateCount>(stateName, "a state name");
    return table;
}

const NameTable<Cause, 16>& causeNames()
{
    static_assert(static_cast<int>(Cause::Boosted) + 1 == 16);
    static const auto table = makeTable<Cause, 16>(causeName, "a cause");
    return table;
}

const NameTable<Reason, 17>& reasonNames()
{
    static_assert(static_cast<int>(Reason::Imported) + 1 == 17);
    static const auto table = makeTable<Reason, 17>(reasonName, "a reason");
    return table;
}

const NameTable<SystemEvent::Kind, 5>& eventKindNames()
{
    static const auto table = makeTable<SystemEvent::Kind, 5>(
        [](SystemEvent::Kind k) { return kEventKinds[static_cast<std::size_t>(k)]; }, "an event kind");
    return table;
}

std::string Path::str() const
{
    std::string p = key.empty() ? base : jsonPathKey(base, key);
    if (i != kNoIndex)
        p = jsonPathIndex(p, i);
    if (j != kNoIndex)
        p = jsonPathIndex(p, j);
    if (k != kNoIndex)
        p = jsonPathIndex(p, k);
    return p;
}

Reader::Reader(std::string_view text, const TraceLoadOptions& options)
    : m_scanner(text)
    , m_options(options)
{ }

void Reader::report()
{
    const std::uint64_t total = m_scanner.text().size();
    if (!reportProgress(m_options, m_scanner.offset(), total))
        throw Cancelled{};
    m_nextReport = m_scanner.offset() + kProgressStep;
}

void Reader::fail(std::size_t offset, const Path& path, std::string message) const
{
    throw Failure{offset, path.str(), std::move(message)};
}

void Reader::wrongType(const Path& path, std::string_view expected)
{
    const std::size_t at = here();
    fail(at, path, "expected " + std::string(expected) + ", got " + m_scanner.describeValue());
}

void Reader::badNumber(const Path& path, const Number& n, std::string_view expected) const
{
    std::string text(m_scanner.text().substr(n.offset, n.length));
    if (text.size() > 40)
        text = text.substr(0, 40) + "...";
    std::string why;
    if (n.integer && (n.overflow || n.magnitude > std::uint64_t{1} << 63 ||
                         (!n.negative && n.magnitude > static_cast<std::uint64_t>(INT64_MAX))))
        why = " (the number does not fit in 64 bits)";
    else if (n.integer && n.negative)
        why = " (a negative number)";
    else if (n.integer)
        why = " (too large)";
    fail(n.offset, path, "expected " + std::string(expected) + ", got " + text + why);
}

void Reader::unsorted(std::size_t offset, const Path& path, Tick t, Tick last) const
{
    fail(offset, path,
        "unsorted: " + std::to_string(t) + " comes after " + std::to_string(last) +
            " (times must not decrease)");
}

void Reader::unknownKey(std::size_t offset, const Path& path, std::string_view key,
    const std::vector<std::string_view>& keys) const
{
    fail(offset, Path{path.str(), key},
        "unknown key " + describeString(key) + "; allowed keys: " + joined(keys));
}

void Reader::requireKeys(std::size_t offset, const Path& path, const std::vector<std::string_view>& keys,
    std::uint32_t seen, std::uint32_t required)
{
    for (std::size_t k = 0; k < keys.size(); ++k)
        if ((required & (1u << k)) && !(seen & (1u << k)))
            fail(offset, path, "missing key " + describeString(keys[k]));
}

std::int64_t Reader::integer(const Path& path, std::int64_t min, std::int64_t max, std::string_view expected)
{
    const char c = m_scanner.peek();
    if (c != '-' && (c < '0' || c > '9'))
        wrongType(path, expected);
    const Number n = m_scanner.number();
    if (n.integer && !n.overflow) {
        if ((!n.negative || n.magnitude == 0) && n.magnitude <= static_cast<std::uint64_t>(max) &&
            static_cast<std::int64_t>(n.magnitude) >= min)
            return static_cast<std::int64_t>(n.magnitude);
        if (n.negative && min < 0 && n.magnitude <= 0 - static_cast<std::uint64_t>(min)) {
            const auto v = static_cast<std::int64_t>(0 - n.magnitude); // two's complement, no UB
            if (v <= max)
                return v;
        }
    }
    badNumber(path, n, expected);
}

std::int32_t Reader::int32(const Path& path, std::int32_t min)
{
    if (min == INT32_MIN)
        return static_cast<std::int32_t>(integer(path, min, INT32_MAX, "a 32-bit integer"));
    return static_cast<std::int32_t>(
        integer(path, min, INT32_MAX, "an integer from " + std::to_string(min) + " to 2147483647"));
}

std::string_view Reader::string(const Path& path)
{
    if (m_scanner.peek() != '"')
        wrongType(path, "a string");
    return m_scanner.string(m_scratch);
}

bool Reader::boolean(const Path& path)
{
    const char c = m_scanner.peek();
    const std::string_view rest = m_scanner.text().substr(m_scanner.offset());
    if (c == 't' && rest.substr(0, 4) == "true") {
        m_scanner.skip(4);
        return true;
    }
    if (c == 'f' && rest.substr(0, 5) == "false") {
        m_scanner.skip(5);
        return false;
    }
    wrongType(path, "true or false");
}

Trace Reader::read()
{
    const std::string_view text = m_scanner.text();
    if (text.size() >= 2 &&
        ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF')))
        throw Failure{kNoOffset, {}, "the file is UTF-16 text; save it as UTF-8"};
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        throw Failure{kNoOffset, {},
            text.empty() ? "the file is empty; expected a JSON object" : "the file holds only white space"};
    if (const void* nul = std::memchr(text.data(), 0, text.size()))
        throw Failure{static_cast<std::size_t>(static_cast<const char*>(nul) - text.data()), {},
            "not a text file: it contains a NUL byte (binary data?)"};
    m_scanner.skipByteOrderMark();
    document();
    m_scanner.expectEnd();
    crossChecks();
    if (m_options.progress)
        report();
    return std::move(m_trace);
}

void Reader::document()
{
    static const std::string root = "$";
    const std::size_t start = here();
    const std::uint32_t seen = object(Path{root}, kTopKeys,
        "a JSON object {\"format\": \"procscope-trace\", ...}", [&](std::size_t key, std::size_t) {
            const Path path{root, kTopKeys[key]};
            switch (key) {
            case 0: {
                const std::size_t at = here();
                const std::string_view format = string(path);
                if (format != kTraceFormatName)
                    fail(at, path,
                        "expected \"procscope-trace\", got " + describeString(format) +
                            (format == "procscope-workload" ? " (a workload: open it as a workload)"
                                                            : " (not a ProcScope trace)"));
                break;
            }
            case 1: {
                const std::size_t at = here();
                const std::int64_t version = integer(path, INT64_MIN, INT64_MAX, "an integer version");
                if (version != kTraceFormatVersion)
                    fail(at, path,
                        "unsupported version " + std::to_string(version) + "; this ProcScope reads version " +
                            std::to_string(kTraceFormatVersion));
                break;
            }
            case 2:
                meta();
                break;
            case 3:
                processes();
                break;
            case 4:
                cpuLanes();
                break;
            case 5:
                events();
                break;
            }
        });
    requireKeys(start, Path{root}, kTopKeys, seen, 0b11111);
}

void Reader::meta()
{
    static const std::string root = "$";
    static const std::string base = "$.meta";
    const std::size_t start = here();
    TraceMeta& meta = m_trace.meta;
    const std::uint32_t seen =
        object(Path{root, "meta"}, kMetaKeys, "an object", [&](std::size_t key, std::size_t) {
            const Path path{base, kMetaKeys[key]};
            switch (key) {
            case 0:
                meta.source = string(path);
                break;
            case 1: {
                const std::size_t at = here();
                meta.timeUnit = string(path);
                if (meta.timeUnit != "tick" && meta.timeUnit != "ns")
                    fail(at, path, "expected \"tick\" or \"ns\", got " + describeString(meta.timeUnit));
                break;
            }
            case 2:
                meta.policy = string(path);
                break;
            case 3:
                meta.parameters = string(path);
                break;
            case 4: {
                const char c = m_scanner.peek();
                if (c < '0' || c > '9')
                    wrongType(path, "a seed (an integer from 0 to 2^64 - 1)");
                const Number n = m_scanner.number();
                if (!n.integer || n.overflow)
                    badNumber(path, n, "a seed (an integer from 0 to 2^64 - 1)");
                meta.seed = n.magnitude;
                break;
            }
            case 5:
                meta.devices.clear();
                array(path, "an array of device names", [&](std::size_t i) {
                    meta.devices.emplace_back(string(Path{base, "devices", i}));
                    progress();
                });
                break;
            case 6:
                meta.mlfqLevels =
                    static_cast<int>(integer(path, 0, kMaxQueueLevels, "an integer from 0 to 256"));
                break;
            case 7:
                m_metaCpusOffset = here();
                m_metaCpus = static_cast<int>(integer(path, 1, kMaxCpus, "a CPU count from 1 to 4096"));
                if (m_lanesRead && m_laneCount != static_cast<std::size_t>(*m_metaCpus))
                    fail(m_metaCpusOffset, path,
                        "cpus is " + std::to_string(*m_metaCpus) + ", but $.cpuLanes has " +
                            std::to_string(m_laneCount) + " lanes");
                m_trace.setCpuCount(std::max(m_trace.cpuCount(), *m_metaCpus));
                break;
            case 8: {
                const Tick end = time(path);
                m_trace.setEnd(end, m_trace.finished());
                break;
            }
            case 9:
                m_trace.setEnd(m_trace.end(), boolean(path));
                break;
            }
        });
    requireKeys(start, Path{base}, kMetaKeys, seen, 1u << 7 | 1u << 8);
}

void Reader::events()
{
    static const std::string root = "$";
    static const std::string base = "$.events";
    Tick last = 0;
    array(Path{root, "events"}, "an array of events", [&](std::size_t i) {
        const std::size_t start = here();
        const std::string eventPath = jsonPathIndex(base, i);
        SystemEvent e;
        const std::uint32_t seen = object(Path{eventPath}, kEventKeys,
            "an event {\"at\", \"kind\", \"text\"}", [&](std::size_t key, std::size_t) {
                const Path field{eventPath, kEventKeys[key]};
                const std::size_t at = here();
                switch (key) {
                case 0:
                    e.at = time(field);
                    if (e.at < last)
                        unsorted(at, field, e.at, last);
                    break;
                case 1:
                    e.kind = name(field, eventKindNames());
                    break;
                case 2:
                    e.text = string(field);
                    break;
                }
            });
        requireKeys(start, Path{eventPath}, kEventKeys, seen, 0b011);
        last = e.at;
        m_trace.addEvent(std::move(e));
        progress();
    });
}

void Reader::crossChecks()
{
    static const std::string root = "$";
    if (m_laneCount != static_cast<std::size_t>(*m_metaCpus))
        fail(m_lanesOffset, Path{root, "cpuLanes"},
            "expected " + std::to_string(*m_metaCpus) + " CPU lanes (meta.cpus), got " +
                std::to_string(m_laneCount));
    if (m_maxLaneProc >= static_cast<std::int64_t>(m_trace.processCount())) {
        static const std::string lanes = "$.cpuLanes";
        badProcessIndex(
            m_maxLaneProcOffset, Path{lanes, {}, m_maxLaneProcLane, m_maxLaneProcRecord, 1}, m_maxLaneProc);
    }
}

} // namespace tracejson

TraceLoadResult readNativeTrace(
    std::string_view text, const std::string& fileName, const TraceLoadOptions& options)
{
    try {
        tracejson::Reader reader(text, options);
        return LoadedTrace{reader.read(), std::string(kTraceFormatName), {}};
    } catch (const tracejson::Failure& f) {
        LoadError e{fileName, f.path, 0, 0, f.message};
        if (f.offset != tracejson::kNoOffset)
            std::tie(e.line, e.column) = lineColumn(text, f.offset);
        return e;
    } catch (const tracejson::Cancelled&) {
        return cancelledError(fileName);
    } catch (const std::bad_alloc&) {
        return LoadError{fileName, {}, 0, 0, "out of memory while reading the trace"};
    } catch (const std::exception& e) {
        return LoadError{fileName, {}, 0, 0, std::string("cannot read the trace: ") + e.what()};
    }
}

} // namespace procscope
