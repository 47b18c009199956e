// Reading anybody's Chrome trace: each thread with slices becomes a process; its outermost slices
// are its states (by name or reserved colour, else Running); the time between slices is Unknown,
// never an invented Ready. Slices carrying args.cpu also fill CPU lanes.
#include "core/io/chrome_trace_events.h"
#include "core/io/chrome_trace_vocab.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <tuple>

namespace procscope::chrome {

namespace {

constexpr int kMaxImportedCpus = 1024;
constexpr std::size_t kMaxInstants = 100000;

struct Slice {
    Tick from;
    Tick to;
    std::int32_t name;
    std::int32_t cname;
    int cpu; // -1: none
    std::uint32_t seq;
};

struct Interval {
    Tick from;
    Tick to;
    ImportedState state;
    int cpu;
};

struct ThreadData {
    std::vector<Slice> slices;
    std::vector<Slice> open; // B events waiting for their E
    std::optional<std::string> name;
    std::int64_t sortIndex = 0;
};

class ForeignReader {
public:
    ForeignReader(const ParsedTrace& in, Warnings& warnings)
        : m_in(in)
        , m_warnings(warnings)
        , m_threads(in.threads.size())
    { }

    void read(Trace& trace)
    {
        trace.meta.source = "chrome";
        trace.meta.timeUnit = "ns";
        trace.meta.devices = {"I/O"};
        metadata();
        timedEvents();
        const std::vector<std::size_t> order = threadOrder();
        assignPids(order, trace);
        std::vector<std::vector<std::tuple<Tick, Tick, ProcIndex>>> lanes;
        for (std::size_t i = 0; i < order.size(); ++i) {
            const auto p = static_cast<ProcIndex>(i);
            for (const Interval& v : states(order[i], trace, p)) {
                if (v.state.state != ProcessState::Running || v.cpu < 0)
                    continue;
                if (lanes.size() <= static_cast<std::size_t>(v.cpu))
                    lanes.resize(static_cast<std::size_t>(v.cpu) + 1);
                lanes[static_cast<std::size_t>(v.cpu)].emplace_back(v.from, v.to, p);
            }
        }
        cpuLanes(lanes, trace);
        for (SystemEvent& e : m_instants)
            trace.addEvent(std::move(e));
        const bool any = trace.processCount() > 0 || !trace.events().empty();
        trace.setEnd(std::max<Tick>(m_end, any ? 1 : 0), true);
    }

private:
    Tick toNs(double us) const { return std::llround((us - m_origin) * 1000.0); }

    ThreadData& thread(const Event& e) { return m_threads[static_cast<std::size_t>(e.thread)]; }

    void metadata()
    {
        for (const Event& e : m_in.events) {
            if (e.ph != 'M')
                continue;
            const std::string_view what = m_in.string(e.name);
            const std::string& pid = m_in.threads[static_cast<std::size_t>(e.thread)].pid;
            if (what == "thread_name") {
                if (const auto name = m_in.stringArg(e, ArgKey::Name))
                    thread(e).name = std::string(*name);
            } else if (what == "process_name") {
                if (const auto name = m_in.stringArg(e, ArgKey::Name))
                    m_processNames[pid] = std::string(*name);
            } else if (what == "thread_sort_index") {
                thread(e).sortIndex = m_in.intArg(e, ArgKey::SortIndex).value_or(0);
            } else if (what == "process_sort_index") {
                m_processSort[pid] = m_in.intArg(e, ArgKey::SortIndex).value_or(0);
            }
        }
    }

    int cpuOf(const Event& e)
    {
        const Arg* a = m_in.arg(e, ArgKey::Cpu);
        if (!a)
            return -1;
        if (!a->integral || a->integer < 0 || a->integer >= kMaxImportedCpus) {
            m_warnings.add("bad-cpu", e.offset,
                "args.cpu is not a CPU number from 0 to " + std::to_string(kMaxImportedCpus - 1) +
                    "; the slice is on no CPU lane");
            return -1;
        }
        return static_cast<int>(a->integer);
    }

    // Slices (X, and B/E pairs in time order), instants and the end of the trace.
    void timedEvents()
    {
        std::vector<std::uint32_t> timed;
        for (const Event& e : m_in.events)
            if (e.ph != 'M')
                timed.push_back(e.seq);
        if (timed.empty())
            return;
        std::stable_sort(timed.begin(), timed.end(),
            [&](std::uint32_t a, std::uint32_t b) { return m_in.events[a].ts < m_in.events[b].ts; });
        m_origin = m_in.events[timed.front()].ts;
        for (const std::uint32_t i : timed) {
            const Event& e = m_in.events[i];
            const Tick at = toNs(e.ts);
            m_end = std::max(m_end, at);
            switch (e.ph) {
            case 'X': {
                const Tick to = e.hasDur ? toNs(e.ts + e.dur) : at;
                m_end = std::max(m_end, to);
                thread(e).slices.push_back(Slice{at, std::max(at, to), e.name, e.cname, cpuOf(e), e.seq});
                break;
            }
            case 'B':
                thread(e).open.push_back(Slice{at, at, e.name, e.cname, cpuOf(e), e.seq});
                break;
            case 'E': {
                ThreadData& t = thread(e);
                if (t.open.empty()) {
                    m_warnings.add(
                        "lone-E", e.offset, "an \"E\" event ends no slice (no \"B\" before it); skipped");
                    break;
                }
                Slice s = t.open.back();
                t.open.pop_back();
                s.to = at;
                if (s.cpu < 0)
                    s.cpu = cpuOf(e);
                t.slices.push_back(s);
                break;
            }
            case 'i':
            case 'I':
                instant(e, at);
                break;
            case 'C':
                m_warnings.note(
                    "did not import %n counter events (C): ProcScope computes CPU utilization and "
                    "queue lengths from the states");
                break;
            default:
                break;
            }
        }
        std::size_t open = 0;
        for (ThreadData& t : m_threads) {
            for (Slice& s : t.open) {
                s.to = m_end;
                t.slices.push_back(s);
                ++open;
            }
            t.open.clear();
        }
        if (open > 0)
            m_warnings.note(std::to_string(open) +
                            " \"B\" events have no \"E\": their slices last until the end of the trace");
    }

    std::string threadLabel(std::size_t t) const
    {
        if (m_threads[t].name)
            return *m_threads[t].name;
        const Thread& th = m_in.threads[t];
        if (const auto it = m_processNames.find(th.pid); it != m_processNames.end())
            return it->second;
        return "tid " + th.tid;
    }

    void instant(const Event& e, Tick at)
    {
        if (m_instants.size() >= kMaxInstants) {
            m_warnings.note("did not import %n events beyond the first " + std::to_string(kMaxInstants) +
                            " instant events");
            return;
        }
        std::string text(m_in.string(e.name));
        const Thread& th = m_in.threads[static_cast<std::size_t>(e.thread)];
        if (e.scope == 't')
            text += " (" + threadLabel(static_cast<std::size_t>(e.thread)) + ")";
        else if (e.scope == 'p')
            text += " (process " + (m_processNames.count(th.pid) ? m_processNames.at(th.pid) : th.pid) + ")";
        m_instants.push_back(SystemEvent{at, SystemEvent::Kind::Command, std::move(text)});
    }

    // Threads with slices, in Chrome's order: process sort index, pid, thread sort index, tid.
    std::vector<std::size_t> threadOrder() const
    {
        std::vector<std::size_t> order;
        for (std::size_t t = 0; t < m_threads.size(); ++t)
            if (!m_threads[t].slices.empty())
                order.push_back(t);
        auto key = [&](std::size_t t) {
            const Thread& th = m_in.threads[t];
            const auto ps = m_processSort.find(th.pid);
            constexpr auto none = std::numeric_limits<std::int64_t>::max();
            return std::make_tuple(ps == m_processSort.end() ? 0 : ps->second, th.pidNumber.value_or(none),
                std::cref(th.pid), m_threads[t].sortIndex, th.tidNumber.value_or(none), std::cref(th.tid));
        };
        std::stable_sort(
            order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
        return order;
    }

    // The tid when it is a usable, unused pid; otherwise the next free number.
    void assignPids(const std::vector<std::size_t>& order, Trace& trace) const
    {
        std::vector<Pid> pids(order.size(), kNoPid);
        std::set<Pid> used;
        for (std::size_t i = 0; i < order.size(); ++i) {
            const auto& tid = m_in.threads[order[i]].tidNumber;
            if (tid && *tid >= 0 && *tid <= kMaxPid && used.insert(static_cast<Pid>(*tid)).second)
                pids[i] = static_cast<Pid>(*tid);
        }
        Pid next = 0;
        for (Pid& pid : pids) {
            while (pid == kNoPid && used.count(next))
                ++next;
            if (pid == kNoPid) {
                pid = next;
                used.insert(next);
            }
        }
        for (std::size_t i = 0; i < order.size(); ++i) {
            ProcessInfo info;
            info.pid = pids[i];
            info.name = threadLabel(order[i]);
            info.parent = kInitPid;
            const auto& slices = m_threads[order[i]].slices;
            info.arrival = std::min_element(slices.begin(), slices.end(), [](const Slice& x, const Slice& y) {
                return x.from < y.from;
            })->from; // threads without slices are not processes
            trace.addProcess(std::move(info));
        }
    }

    ImportedState stateOf(const Slice& s) const
    {
        if (const auto named = stateFromSliceName(m_in.string(s.name)))
            return *named;
        if (const auto coloured = stateFromColor(m_in.string(s.cname)))
            return *coloured;
        return ImportedState{ProcessState::Running, -1};
    }

    static Cause causeOf(ImportedState s, std::optional<ProcessState> before)
    {
        switch (s.state) {
        case ProcessState::Running:
            return Cause::Dispatched;
        case ProcessState::Ready:
            return before == ProcessState::Running   ? Cause::Preempted
                   : before == ProcessState::Blocked ? Cause::IoDone
                                                     : Cause::Admitted;
        case ProcessState::Blocked:
            return s.aux >= 0 ? Cause::IoStarted : Cause::WaitChild;
        case ProcessState::Zombie:
            return Cause::Exited;
        case ProcessState::Terminated:
            return Cause::Reaped;
        case ProcessState::Suspended:
            return Cause::Suspended;
        case ProcessState::New:
        case ProcessState::Unknown:
            break;
        }
        return Cause::Created;
    }

    // The outermost slices of a thread as its state intervals, recorded on process p.
    std::vector<Interval> states(std::size_t t, Trace& trace, ProcIndex p)
    {
        std::vector<Slice>& slices = m_threads[t].slices;
        std::sort(slices.begin(), slices.end(), [](const Slice& a, const Slice& b) {
            return std::tie(a.from, b.to, a.seq) < std::tie(b.from, a.to, b.seq);
        });
        std::vector<Interval> top;
        Tick coveredTo = std::numeric_limits<Tick>::min();
        for (const Slice& s : slices) {
            if (s.to <= s.from || s.to <= coveredTo)
                continue; // no time, or nested in an outer slice
            Tick from = s.from;
            if (from < coveredTo) {
                m_warnings.add("overlap", m_in.events[s.seq].offset,
                    "slices on thread \"" + threadLabel(t) +
                        "\" overlap without nesting; the later one counts from where the earlier ends");
                from = coveredTo;
            }
            ImportedState state = stateOf(s);
            const int cpu = state.state == ProcessState::Running ? s.cpu : -1;
            if (state.state == ProcessState::Running)
                state.aux = cpu;
            top.push_back(Interval{from, s.to, state, cpu});
            coveredTo = s.to;
        }
        std::optional<ProcessState> before;
        auto record = [&](Tick at, ImportedState s) {
            trace.recordState(p, at, s.state, before ? causeOf(s, before) : Cause::Created, s.aux, 0);
            before = s.state;
        };
        if (top.empty())
            record(slices.front().from, ImportedState{ProcessState::Unknown, 0});
        for (std::size_t i = 0; i < top.size(); ++i) {
            record(top[i].from, top[i].state);
            const bool gap = i + 1 < top.size() ? top[i + 1].from > top[i].to : top[i].to < m_end;
            if (gap)
                record(top[i].to, ImportedState{ProcessState::Unknown, 0});
        }
        return top;
    }

    void cpuLanes(std::vector<std::vector<std::tuple<Tick, Tick, ProcIndex>>>& lanes, Trace& trace)
    {
        trace.setCpuCount(static_cast<int>(lanes.size()));
        for (std::size_t c = 0; c < lanes.size(); ++c) {
            auto& lane = lanes[c];
            std::stable_sort(lane.begin(), lane.end(),
                [](const auto& a, const auto& b) { return std::get<0>(a) < std::get<0>(b); });
            for (std::size_t i = 0; i < lane.size(); ++i) {
                const auto [from, to, p] = lane[i];
                trace.recordCpu(static_cast<int>(c), from, p, Reason::Imported, 0, 0);
                const Tick next = i + 1 < lane.size() ? std::get<0>(lane[i + 1]) : m_end;
                if (next < to)
                    m_warnings.note(
                        "two threads run on one CPU at the same time; the later one takes the lane");
                else if (to < next)
                    trace.recordCpu(static_cast<int>(c), to, kCpuIdle);
            }
        }
    }

    const ParsedTrace& m_in;
    Warnings& m_warnings;
    std::vector<ThreadData> m_threads;
    std::map<std::string, std::string> m_processNames;
    std::map<std::string, std::int64_t> m_processSort;
    std::vector<SystemEvent> m_instants;
    double m_origin = 0;
    Tick m_end = 0;
};

} // namespace

void buildForeignTrace(const ParsedTrace& parsed, Trace& trace, Warnings& warnings)
{
    ForeignReader(parsed, warnings).read(trace);
}

} // namespace procscope::chrome
