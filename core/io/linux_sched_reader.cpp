#include "core/io/linux_sched_reader.h"

#include "core/io/linux_sched_line.h"
#include "core/io/linux_sched_rebuild.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <new>
#include <unordered_map>

namespace procscope {

namespace {

constexpr std::size_t kMaxListedLines = 20;
constexpr std::size_t kMaxEventNames = 64;
constexpr std::uint64_t kProgressStep = std::uint64_t{1} << 20;

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    return s;
}

// Calls f(lineNumber, line) for each line (without "\n" or "\r\n"), in one pass.
template <typename F>
bool forEachLine(std::string_view text, F&& f)
{
    std::size_t pos = 0;
    std::uint32_t number = 0;
    while (pos < text.size()) {
        const void* nl = std::memchr(text.data() + pos, '\n', text.size() - pos);
        const std::size_t end =
            nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - text.data()) : text.size();
        std::string_view line = text.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (number < UINT32_MAX)
            ++number;
        if (!f(number, line, end))
            return false;
        pos = end + 1;
    }
    return true;
}

std::string secondsText(Tick ns)
{
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "t0=%lld.%09lld s", static_cast<long long>(ns / 1'000'000'000),
        static_cast<long long>(ns % 1'000'000'000));
    return buffer;
}

std::int16_t prio16(int prio)
{
    return static_cast<std::int16_t>(std::clamp(prio, -32767, 32767));
}

// What the reader gathers in its one pass over the text.
class Collector {
public:
    explicit Collector(const std::string& file)
        : m_file(file)
    {
        m_names.emplace_back();
    }

    void line(std::uint32_t number, std::string_view text)
    {
        if (text.size() > kMaxSchedLineBytes) {
            skip(number, "line of " + std::to_string(text.size()) + " bytes skipped (longer than " +
                             std::to_string(kMaxSchedLineBytes) + ")");
            return;
        }
        SchedLine l = parseSchedLine(text);
        switch (l.type) {
        case SchedLine::Type::Blank:
            return;
        case SchedLine::Type::Header:
            m_headerCpus = std::max(m_headerCpus, l.cpus);
            return;
        case SchedLine::Type::Error:
            skip(number, std::move(l.error));
            return;
        case SchedLine::Type::Lost: {
            SchedRecord r;
            r.kind = SchedEventKind::Lost;
            r.cpu = static_cast<std::int16_t>(l.cpu);
            r.line = number;
            r.lost = static_cast<std::uint32_t>(std::min<std::uint64_t>(l.lostCount, UINT32_MAX));
            r.at = l.ns;
            if (!l.hasTime) // trace-cmd prints the marker just before the first event after the gap
                m_undated.push_back(m_records.size());
            push(r);
            return;
        }
        case SchedLine::Type::Event:
            event(number, l);
            return;
        }
    }

    // After the last line: the problems found, in order.
    void finish(std::vector<std::string>& warnings)
    {
        for (std::size_t i : m_undated)
            m_records[i].at = m_lastTime;
        warnings = std::move(m_lineWarnings);
        if (m_skipped > kMaxListedLines)
            warnings.push_back(m_file + ": " + std::to_string(m_skipped - kMaxListedLines) +
                               " more lines skipped (only the first " + std::to_string(kMaxListedLines) +
                               " are listed)");
        for (const auto& [name, count] : m_otherEvents)
            warnings.push_back(m_file + ": skipped " + std::to_string(count) + " " + name +
                               (count == 1 ? " event" : " events") +
                               " (ProcScope reads the sched_* scheduler events)");
    }

    std::vector<SchedRecord>& records() { return m_records; }
    const std::vector<std::string_view>& names() const { return m_names; }
    int cpus() const { return std::max(m_headerCpus, m_maxCpu + 1); }
    std::size_t switches() const { return m_switches; }
    bool perf() const { return m_perfLines > m_traceCmdLines; }

private:
    void skip(std::uint32_t number, std::string what)
    {
        if (++m_skipped <= kMaxListedLines)
            m_lineWarnings.push_back(m_file + ":" + std::to_string(number) + ": " + what);
    }

    std::uint32_t intern(std::string_view name)
    {
        if (name.empty())
            return 0;
        const auto [it, added] = m_ids.try_emplace(name, static_cast<std::uint32_t>(m_names.size()));
        if (added)
            m_names.push_back(name);
        return it->second;
    }

    void push(const SchedRecord& r)
    {
        if (m_records.size() == m_records.capacity())
            m_records.reserve(m_records.size() + m_records.size() / 2 + 1024);
        m_records.push_back(r);
        m_maxCpu = std::max<int>(m_maxCpu, r.cpu);
    }

    void event(std::uint32_t number, const SchedLine& l)
    {
        (l.perf ? m_perfLines : m_traceCmdLines)++;
        if (l.kind == SchedEventKind::Other) {
            std::string name = validUtf8(l.eventName.substr(0, 64));
            if (m_otherEvents.size() >= kMaxEventNames && !m_otherEvents.contains(name))
                name = "other";
            ++m_otherEvents[name];
            return;
        }
        if (l.kind == SchedEventKind::Switch && l.cpu < 0) {
            skip(number, "sched_switch without a CPU number ([nnn] column); skipped");
            return;
        }
        SchedRecord r;
        r.at = l.ns;
        r.current = l.current.pid;
        r.currentName = intern(l.current.comm);
        r.a = l.a.pid;
        r.aName = intern(l.a.comm);
        r.b = l.b.pid;
        r.bName = intern(l.b.comm);
        r.line = number;
        r.cpu = static_cast<std::int16_t>(l.cpu);
        r.kind = l.kind;
        r.prevState = l.prevState;
        const bool prios = l.kind != SchedEventKind::Fork && l.kind != SchedEventKind::Exec;
        r.aPrio = prios ? prio16(l.a.prio) : kNoPrio;
        r.bPrio = l.kind == SchedEventKind::Switch ? prio16(l.b.prio) : kNoPrio;
        push(r);
        m_switches += l.kind == SchedEventKind::Switch ? 1 : 0;
        m_lastTime = l.ns;
        for (std::size_t i : m_undated)
            m_records[i].at = l.ns;
        m_undated.clear();
    }

    const std::string& m_file;
    std::vector<SchedRecord> m_records;
    std::vector<std::string_view> m_names;
    std::unordered_map<std::string_view, std::uint32_t> m_ids;
    std::vector<std::size_t> m_undated; // Lost markers waiting for the time of the next event
    std::vector<std::string> m_lineWarnings;
    std::map<std::string, std::uint64_t> m_otherEvents;
    std::size_t m_skipped = 0;
    std::size_t m_switches = 0;
    std::size_t m_perfLines = 0;
    std::size_t m_traceCmdLines = 0;
    int m_headerCpus = 0;
    int m_maxCpu = -1;
    Tick m_lastTime = 0;
};

// Binary files a user may open by mistake, instead of the text the tools print from them.
std::optional<std::string> binaryHint(std::string_view text)
{
    if (text.starts_with("\x17\x08\x44tracing"))
        return "this is a trace-cmd data file (trace.dat); open what `trace-cmd report` prints instead";
    if (text.starts_with("PERFILE2") || text.starts_with("PERFFILE"))
        return "this is a perf.data file; open what `perf script` prints instead";
    if (std::memchr(text.data(), '\0', std::min<std::size_t>(text.size(), 4096)))
        return "not a text file";
    return std::nullopt;
}

TraceLoadResult read(std::string_view text, const std::string& fileName, const TraceLoadOptions& options)
{
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return LoadError{
            fileName, {}, 0, 0, "the file is empty; expected trace-cmd report or perf script text"};
    if (const auto hint = binaryHint(text))
        return LoadError{fileName, {}, 0, 0, *hint};

    Collector collector(fileName);
    // One record a line at most: reserving them once saves copying tens of MB while they grow
    // (pages never written to cost nothing).
    collector.records().reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
    const std::uint64_t total = text.size();
    std::uint64_t nextReport = kProgressStep;
    const bool completed =
        forEachLine(text, [&](std::uint32_t number, std::string_view line, std::size_t end) {
            collector.line(number, line);
            if (end >= nextReport) {
                nextReport = end + kProgressStep;
                return reportProgress(options, end, total);
            }
            return true;
        });
    if (!completed)
        return cancelledError(fileName);
    if (collector.switches() == 0)
        return LoadError{fileName, {}, 0, 0,
            "no sched_switch events found; expected trace-cmd report or perf script text"};

    LoadedTrace loaded;
    collector.finish(loaded.warnings);
    auto& records = collector.records();
    const auto earlier = [](const SchedRecord& x, const SchedRecord& y) { return x.at < y.at; };
    if (!std::is_sorted(records.begin(), records.end(), earlier)) // per-CPU buffers, merged
        std::stable_sort(records.begin(), records.end(), earlier);

    loaded.format = collector.perf() ? "perf" : "trace-cmd";
    TraceMeta& meta = loaded.trace.meta;
    meta.source = loaded.format;
    meta.timeUnit = "ns";
    meta.policy = "Linux";
    meta.parameters = secondsText(records.front().at);
    meta.devices = {"I/O (D)", "sleep (S)"};
    meta.mlfqLevels = 0;
    rebuildLinuxSched(records, collector.names(), collector.cpus(), fileName, loaded.trace, loaded.warnings);
    if (!reportProgress(options, total, total))
        return cancelledError(fileName);
    return loaded;
}

} // namespace

std::optional<LinuxTraceFlavor> detectLinuxSchedText(std::string_view head)
{
    if (head.empty() || std::memchr(head.data(), '\0', std::min<std::size_t>(head.size(), 4096)))
        return std::nullopt;
    std::optional<LinuxTraceFlavor> byHeader;
    int examined = 0;
    std::optional<LinuxTraceFlavor> found;
    forEachLine(head, [&](std::uint32_t, std::string_view line, std::size_t) {
        const std::string_view t = trimmed(line);
        if (t.starts_with("cpus=") || t.starts_with("# tracer:") || t.starts_with("version = "))
            byHeader = LinuxTraceFlavor::TraceCmd;
        else if (t.starts_with("# ========") || t.starts_with("# captured on"))
            byHeader = LinuxTraceFlavor::Perf;
        if (line.size() <= kMaxSchedLineBytes) {
            const SchedLine l = parseSchedLine(line);
            // A bare `number: word:` could be anything; a task or a sched_* event makes it a trace.
            if (l.type == SchedLine::Type::Event && (l.current.pid >= 0 || l.kind != SchedEventKind::Other)) {
                found = l.perf ? LinuxTraceFlavor::Perf : LinuxTraceFlavor::TraceCmd;
                return false;
            }
        }
        return ++examined < 64;
    });
    return found ? found : byHeader;
}

TraceLoadResult readLinuxSchedText(
    std::string_view text, const std::string& fileName, const TraceLoadOptions& options)
{
    try {
        return read(text, fileName, options);
    } catch (const std::bad_alloc&) {
        return LoadError{fileName, {}, 0, 0, "not enough memory to load this trace"};
    }
}

} // namespace procscope
