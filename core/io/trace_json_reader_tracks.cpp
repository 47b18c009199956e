// The bulk of a native trace: the processes with their state changes and the CPU lanes. Records
// go straight into the Trace's tracks as they are read.
#include "core/io/trace_json_reader_parts.h"

namespace procscope::tracejson {

namespace {

const std::vector<std::string_view> kProcessKeys{
    "pid", "name", "parent", "arrival", "priority", "nice", "tickets", "exitCode", "states"};
constexpr std::uint32_t kRequiredProcessKeys = 1u << 0 | 1u << 1 | 1u << 8;

constexpr std::string_view kStateShape = "[time, state, cause, detail, level]";
constexpr std::string_view kCpuShape = "[time, process, reason, a, b]";
constexpr std::string_view kProcessIndex = "a process index, -1 (idle) or -3 (context switch)";

} // namespace

void Reader::processes()
{
    static const std::string root = "$";
    static const std::string base = "$.processes";
    array(Path{root, "processes"}, "an array of processes", [&](std::size_t i) {
        if (i >= kMaxProcesses)
            fail(here(), Path{base, {}, i}, "more than " + std::to_string(kMaxProcesses) + " processes");
        process(i);
        progress();
    });
    m_processesRead = true;
}

void Reader::process(std::size_t i)
{
    const std::string base = jsonPathIndex("$.processes", i);
    const std::size_t start = here();
    ProcessInfo info;
    ProcIndex index = -1; // in the Trace, once added
    bool hasPid = false;
    bool hasArrival = false;
    m_pending.clear();
    const auto target = [&]() -> ProcessInfo& { return index >= 0 ? m_trace.info(index) : info; };
    const std::uint32_t seen = object(Path{base}, kProcessKeys,
        "a process {\"pid\", \"name\", \"states\", ...}", [&](std::size_t key, std::size_t) {
            const Path path{base, kProcessKeys[key]};
            switch (key) {
            case 0: {
                const std::size_t at = here();
                info.pid = int32(path, 0);
                if (const auto other = m_trace.indexOf(info.pid))
                    fail(at, path,
                        "duplicate pid " + std::to_string(info.pid) + " (also $.processes[" +
                            std::to_string(*other) + "])");
                hasPid = true;
                break;
            }
            case 1:
                target().name = string(path);
                break;
            case 2:
                target().parent = int32(path, kInitPid);
                break;
            case 3:
                target().arrival = time(path);
                hasArrival = true;
                break;
            case 4:
                target().priority = int32(path);
                break;
            case 5:
                target().nice = int32(path);
                break;
            case 6:
                target().tickets = int32(path);
                break;
            case 7:
                target().exitCode = int32(path);
                break;
            case 8:
                // With the pid known, changes go straight into the Trace; else they wait for it.
                if (hasPid)
                    index = m_trace.addProcess(std::move(info));
                states(base, index);
                break;
            }
        });
    requireKeys(start, Path{base}, kProcessKeys, seen, kRequiredProcessKeys);
    if (index < 0) {
        index = m_trace.addProcess(std::move(info));
        for (const PendingChange& c : m_pending)
            addChange(index, c);
    }
    if (!hasArrival) {
        const ProcessTrack& track = m_trace.track(index);
        m_trace.info(index).arrival = track.empty() ? 0 : track.at(0);
    }
}

void Reader::badRecordLength(const Path& record, std::size_t have, std::string_view shape)
{
    const char c = m_scanner.peek();
    if (c == ']' && have < 5)
        fail(here(), record, "expected 5 elements " + std::string(shape) + ", got " + std::to_string(have));
    if (c == ',' && have == 5)
        fail(here(), record, "expected 5 elements " + std::string(shape) + ", got more");
    m_scanner.unexpected(have < 5 ? "','" : "']'");
}

void Reader::states(const std::string& processBase, ProcIndex index)
{
    const std::string base = processBase + ".states";
    const NameTable<ProcessState, kStateCount>& stateTable = stateNames();
    const NameTable<Cause, 16>& causeTable = causeNames();
    Tick last = 0;
    array(Path{processBase, "states"}, "an array of state changes", [&](std::size_t k) {
        const Path record{base, {}, k};
        if (m_scanner.peek() != '[')
            wrongType(record, "a state change " + std::string(kStateShape));
        m_scanner.skip(1);
        const std::size_t at = here();
        const Tick t = time(Path{base, {}, k, 0});
        if (t < last)
            unsorted(at, Path{base, {}, k, 0}, t, last);
        last = t;
        nextField(record, 1, kStateShape);
        const ProcessState state = name(Path{base, {}, k, 1}, stateTable);
        nextField(record, 2, kStateShape);
        const Cause cause = name(Path{base, {}, k, 2}, causeTable);
        nextField(record, 3, kStateShape);
        const std::int32_t aux = int32(Path{base, {}, k, 3});
        nextField(record, 4, kStateShape);
        const auto level =
            static_cast<std::uint8_t>(integer(Path{base, {}, k, 4}, 0, 255, "a level from 0 to 255"));
        endRecord(record, kStateShape);
        if (index >= 0)
            addChange(index, PendingChange{t, aux, state, cause, level});
        else
            m_pending.push_back(PendingChange{t, aux, state, cause, level});
        progress();
    });
}

void Reader::addChange(ProcIndex p, const PendingChange& c)
{
    // ProcessTrack::append folds A -> B -> A within one instant. What it stored does not fold
    // again, except a change that replaced such a B (A, then A' and A'' in one instant, with other
    // details): a stand-in for B, which A'' replaces, keeps both.
    const ProcessTrack& track = m_trace.track(p);
    const std::size_t n = track.size();
    if (n >= 2 && track.state(n - 2) == c.state && track.state(n - 1) == c.state &&
        (track.aux(n - 1) != c.aux || track.level(n - 1) != c.level) && track.at(n - 1) == c.t) {
        const auto standIn = c.state == ProcessState::Unknown ? ProcessState::New : ProcessState::Unknown;
        m_trace.recordState(p, c.t, standIn, Cause::Created);
    }
    m_trace.recordState(p, c.t, c.state, c.cause, c.aux, c.level);
}

void Reader::cpuLanes()
{
    static const std::string root = "$";
    static const std::string base = "$.cpuLanes";
    m_lanesOffset = here();
    array(Path{root, "cpuLanes"}, "an array of CPU lanes", [&](std::size_t c) {
        if (c >= static_cast<std::size_t>(kMaxCpus))
            fail(here(), Path{base, {}, c}, "more than " + std::to_string(kMaxCpus) + " CPU lanes");
        if (m_metaCpus && c >= static_cast<std::size_t>(*m_metaCpus))
            fail(here(), Path{base, {}, c},
                "more CPU lanes than meta.cpus (" + std::to_string(*m_metaCpus) + ")");
        if (static_cast<int>(c) >= m_trace.cpuCount())
            m_trace.setCpuCount(static_cast<int>(c) + 1);
        lane(c, base);
        m_laneCount = c + 1;
    });
    m_lanesRead = true;
}

void Reader::lane(std::size_t c, const std::string& base)
{
    const NameTable<Reason, 17>& reasonTable = reasonNames();
    const auto processCount = static_cast<std::int64_t>(m_trace.processCount());
    Tick last = 0;
    array(Path{base, {}, c}, "an array of CPU records", [&](std::size_t k) {
        const Path record{base, {}, c, k};
        if (m_scanner.peek() != '[')
            wrongType(record, "a CPU record " + std::string(kCpuShape));
        m_scanner.skip(1);
        const std::size_t at = here();
        const Tick t = time(Path{base, {}, c, k, 0});
        if (t < last)
            unsorted(at, Path{base, {}, c, k, 0}, t, last);
        last = t;
        nextField(record, 1, kCpuShape);
        const std::size_t procAt = here();
        const std::int64_t p =
            integer(Path{base, {}, c, k, 1}, -3, static_cast<std::int64_t>(kMaxProcesses) - 1, kProcessIndex);
        if (p == -2 || (m_processesRead && p >= processCount))
            badProcessIndex(procAt, Path{base, {}, c, k, 1}, p);
        if (!m_processesRead && p > m_maxLaneProc) {
            m_maxLaneProc = p;
            m_maxLaneProcOffset = procAt;
            m_maxLaneProcLane = c;
            m_maxLaneProcRecord = k;
        }
        nextField(record, 2, kCpuShape);
        const Reason reason = name(Path{base, {}, c, k, 2}, reasonTable);
        nextField(record, 3, kCpuShape);
        const std::int32_t a = int32(Path{base, {}, c, k, 3});
        nextField(record, 4, kCpuShape);
        const std::int32_t b = int32(Path{base, {}, c, k, 4});
        endRecord(record, kCpuShape);
        m_trace.recordCpu(static_cast<int>(c), t, static_cast<ProcIndex>(p), reason, a, b);
        progress();
    });
}

void Reader::badProcessIndex(std::size_t offset, const Path& path, std::int64_t p) const
{
    const std::size_t n = m_trace.processCount();
    fail(offset, path,
        "expected a process index from 0 to " + std::to_string(static_cast<std::int64_t>(n) - 1) +
            ", -1 (idle) or -3 (context switch), got " + std::to_string(p) + " (the trace has " +
            std::to_string(n) + (n == 1 ? " process)" : " processes)"));
}

} // namespace procscope::tracejson
