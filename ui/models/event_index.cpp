#include "ui/models/event_index.h"

#include <algorithm>
#include <functional>
#include <tuple>

namespace procscope::ui {

namespace {

// A tick with more independent tracks than this is ordered by rank alone (a big batch of arrivals),
// which keeps the dependency merge below quadratic in a small number.
constexpr std::size_t kMaxMergedTracks = 64;

// The rank of a process leaving its CPU (blocking, exiting, slice over), the first step of a tick.
constexpr int kRankLeaving = 0;
// The rank of a dispatch that a decision at the same tick caused (see rankOf()).
constexpr int kRankDecidedDispatch = 7;

// The CPU record that dispatched process p at tick `at` on CPU c: the first of that tick naming p.
std::size_t dispatchRecord(const Trace& trace, int c, ProcIndex p, Tick at)
{
    if (c < 0 || c >= trace.cpuCount())
        return CpuTrack::npos;
    const auto& cpu = trace.cpu(c);
    auto k = cpu.indexAt(at);
    if (k == CpuTrack::npos)
        return k;
    while (k > 0 && cpu.at(k - 1) == at)
        --k;
    for (; k < cpu.size() && cpu.at(k) == at; ++k)
        if (cpu.proc(k) == p)
            return k;
    return CpuTrack::npos;
}

// Which step of Simulator::boundary() an event belongs to; lower happens first.
// For a dispatch, `dispatch` receives its CPU record (see dispatchRecord()).
int rankOf(const Trace& trace, const EventRef& e, std::size_t* dispatch = nullptr)
{
    switch (e.kind()) {
    case EventKind::System:
        return 2;
    case EventKind::Decision:
        switch (trace.cpu(e.track()).reason(e.record)) {
        case Reason::MlfqBoost:
            return 3; // part of the boost
        default:
            return 6;
        }
    case EventKind::StateChange:
        break;
    }
    const auto& track = trace.track(e.track());
    switch (track.cause(e.record)) {
    case Cause::Exited:
    case Cause::Killed:
    case Cause::IoStarted:
    case Cause::WaitChild:
    case Cause::SliceExpired:
    case Cause::Suspended:
        return kRankLeaving;
    case Cause::Reaped:
    case Cause::ChildExited:
        return 1;
    case Cause::Boosted:
        return 3;
    case Cause::Created:
    case Cause::Admitted:
    case Cause::IoDone:
    case Cause::IoDoneImmediate:
    case Cause::Resumed:
        return 4; // arrivals and wake-ups
    case Cause::Preempted:
        return 5;
    case Cause::Dispatched: {
        // The end of a context switch (its CPU record carries no decision) comes first of all.
        const auto k = dispatchRecord(trace, track.aux(e.record), e.track(), track.at(e.record));
        if (dispatch)
            *dispatch = k;
        return k != CpuTrack::npos && trace.cpu(track.aux(e.record)).reason(k) == Reason::None
                   ? 1
                   : kRankDecidedDispatch;
    }
    }
    return 4;
}

struct Stream {
    std::size_t pos;
    std::size_t end;
    bool leftCpu = false; // a process stream has shown the process leaving a CPU in this tick
    int rank = 0;         // of the entry at pos
    std::size_t dispatch = CpuTrack::npos; // when that entry is a dispatch: its CPU record
};

// Orders the events of one tick at a time; one object for the whole index, so that its buffers
// are reused from tick to tick.
class TickOrder {
public:
    TickOrder(const Trace& trace, std::vector<EventRef>& entries)
        : m_trace(trace)
        , m_entries(entries)
    { }

    void order(std::size_t begin, std::size_t end)
    {
        m_begin = begin;
        m_end = end;
        m_streams.clear();
        for (std::size_t i = begin; i < end;) {
            std::size_t j = i + 1;
            while (j < end && m_entries[j].key == m_entries[i].key)
                ++j;
            m_streams.push_back(Stream{i, j});
            i = j;
        }
        if (m_streams.size() <= 1)
            return;
        if (m_streams.size() > kMaxMergedTracks) {
            byRank();
            return;
        }
        for (Stream& s : m_streams)
            s.rank = rankOf(m_trace, m_entries[s.pos], &s.dispatch);
        m_out.clear();
        Stream* next = nullptr; // the dispatch that the decision just told must follow it
        while (m_out.size() < m_end - m_begin) {
            Stream* best = next;
            std::tuple<bool, int, std::uint32_t> bestKey{};
            for (Stream& s : m_streams) {
                if (next)
                    break;
                if (s.pos == s.end)
                    continue;
                // Waiting streams go last: a cycle (the trace folded a step away) is broken by rank.
                const std::tuple<bool, int, std::uint32_t> key{!ready(s), s.rank, m_entries[s.pos].key};
                if (!best || key < bestKey) {
                    best = &s;
                    bestKey = key;
                }
            }
            const EventRef& e = m_entries[best->pos++];
            if (best->pos < best->end)
                best->rank = rankOf(m_trace, m_entries[best->pos], &best->dispatch);
            if (e.kind() == EventKind::StateChange &&
                m_trace.track(e.track()).state(e.record) != ProcessState::Running)
                best->leftCpu = true;
            m_out.push_back(e);
            next = e.kind() == EventKind::Decision ? dispatchOf(e) : nullptr;
        }
        std::copy(m_out.begin(), m_out.end(), m_entries.begin() + static_cast<std::ptrdiff_t>(m_begin));
    }

private:
    Stream* stream(EventKind kind, std::int32_t track)
    {
        const std::uint32_t key = EventRef::make(0, kind, track, 0).key;
        auto it = std::lower_bound(m_streams.begin(), m_streams.end(), key,
            [this](const Stream& s, std::uint32_t k) { return m_entries[s.end - 1].key < k; });
        // Every entry of a stream has the same key; its last one is read even when it is used up.
        if (it != m_streams.end() && m_entries[it->end - 1].key == key)
            return &*it;
        return nullptr;
    }

    bool ready(const Stream& s)
    {
        const EventRef& e = m_entries[s.pos];
        if (e.kind() == EventKind::Decision) {
            // After the process that held this CPU has left it (unless the decision keeps it there).
            const auto& cpu = m_trace.cpu(e.track());
            if (e.record == 0)
                return true;
            const ProcIndex held = cpu.proc(e.record - 1);
            if (held < 0 || held == decisionProcess(e))
                return true;
            const Stream* heldStream = stream(EventKind::StateChange, held);
            return !heldStream || heldStream->pos == heldStream->end || heldStream->leftCpu;
        }
        if (e.kind() == EventKind::StateChange && s.rank == kRankLeaving) {
            // A process forks (its child is created and admitted) before it blocks or exits then.
            for (const Stream& child : m_streams) {
                if (child.pos == child.end)
                    continue;
                const EventRef& c = m_entries[child.pos];
                if (c.kind() != EventKind::StateChange)
                    break; // process streams come first
                const Cause cause = m_trace.track(c.track()).cause(c.record);
                if ((cause == Cause::Created || cause == Cause::Admitted) &&
                    m_trace.info(c.track()).parent == m_trace.info(e.track()).pid)
                    return false;
            }
        }
        if (e.kind() == EventKind::StateChange && s.rank == kRankDecidedDispatch) {
            // A dispatch right after the decision that caused it.
            const auto& track = m_trace.track(e.track());
            const int c = track.aux(e.record);
            const Stream* decisions = stream(EventKind::Decision, c);
            if (!decisions)
                return true;
            for (std::size_t i = decisions->pos; i < decisions->end; ++i)
                if (m_entries[i].record == s.dispatch)
                    return false;
        }
        return true;
    }

    // The stream of the process a decision dispatches, when its next record is that dispatch.
    Stream* dispatchOf(const EventRef& decision)
    {
        const ProcIndex p = m_trace.cpu(decision.track()).proc(decision.record);
        Stream* s = p >= 0 ? stream(EventKind::StateChange, p) : nullptr;
        if (!s || s->pos == s->end || s->rank != kRankDecidedDispatch)
            return nullptr;
        const EventRef& head = m_entries[s->pos];
        const auto& track = m_trace.track(p);
        if (track.aux(head.record) != decision.track() || s->dispatch != decision.record)
            return nullptr;
        return s;
    }

    ProcIndex decisionProcess(const EventRef& e) const
    {
        const auto& cpu = m_trace.cpu(e.track());
        const ProcIndex p = cpu.proc(e.record);
        if (p == kCpuSwitch && e.record + 1 < cpu.size())
            return cpu.proc(e.record + 1);
        return p;
    }

    // Rank order, each track's own order kept by lifting a record's rank to its predecessor's.
    void byRank()
    {
        std::vector<std::pair<int, EventRef>> ranked;
        ranked.reserve(m_end - m_begin);
        for (const Stream& s : m_streams) {
            int previous = 0;
            for (std::size_t i = s.pos; i < s.end; ++i) {
                previous = std::max(previous, rankOf(m_trace, m_entries[i]));
                ranked.emplace_back(previous, m_entries[i]);
            }
        }
        std::stable_sort(
            ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (std::size_t i = 0; i < ranked.size(); ++i)
            m_entries[m_begin + i] = ranked[i].second;
    }

    const Trace& m_trace;
    std::vector<EventRef>& m_entries;
    std::size_t m_begin = 0;
    std::size_t m_end = 0;
    std::vector<Stream> m_streams;
    std::vector<EventRef> m_out;
};

} // namespace

bool sortEventRefs(std::vector<EventRef>& entries, const std::function<bool()>& keepGoing, std::size_t block)
{
    const auto less = [](const EventRef& a, const EventRef& b) {
        return std::tie(a.at, a.key, a.record) < std::tie(b.at, b.key, b.record);
    };
    block = std::max<std::size_t>(1, block);
    const auto at = [&](std::size_t i) {
        return entries.begin() + static_cast<std::ptrdiff_t>(std::min(i, entries.size()));
    };
    for (std::size_t from = 0; from < entries.size(); from += block) {
        if (keepGoing && !keepGoing())
            return false;
        std::sort(at(from), at(from + block), less);
    }
    for (std::size_t width = block; width < entries.size(); width *= 2)
        for (std::size_t from = 0; from + width < entries.size(); from += 2 * width) {
            if (keepGoing && !keepGoing())
                return false;
            std::inplace_merge(at(from), at(from + width), at(from + 2 * width), less);
        }
    return true;
}

std::vector<EventRef> buildEventIndex(const Trace& trace, const std::function<bool()>& keepGoing)
{
    std::vector<EventRef> entries;
    std::size_t total = trace.stateChangeCount() + trace.events().size();
    for (int c = 0; c < trace.cpuCount(); ++c)
        total += trace.cpu(c).size();
    entries.reserve(total);
    const Tick end = trace.end();
    for (ProcIndex p = 0; p < static_cast<ProcIndex>(trace.processCount()); ++p) {
        const auto& track = trace.track(p);
        for (std::size_t k = 0; k < track.size() && track.at(k) <= end; ++k)
            entries.push_back(EventRef::make(track.at(k), EventKind::StateChange, p, k));
    }
    for (int c = 0; c < trace.cpuCount(); ++c) {
        const auto& cpu = trace.cpu(c);
        for (std::size_t k = 0; k < cpu.size() && cpu.at(k) <= end; ++k)
            if (cpu.reason(k) != Reason::None)
                entries.push_back(EventRef::make(cpu.at(k), EventKind::Decision, c, k));
    }
    const auto& events = trace.events();
    for (std::size_t i = 0; i < events.size(); ++i)
        if (events[i].at <= end)
            entries.push_back(EventRef::make(events[i].at, EventKind::System, 0, i));
    // Time, then track, then the track's own order: each tick's tracks become contiguous streams.
    constexpr std::size_t kBlock = std::size_t{1} << 20;
    if (!sortEventRefs(entries, keepGoing, kBlock))
        return {};
    TickOrder order(trace, entries);
    std::size_t nextCheck = kBlock;
    for (std::size_t i = 0; i < entries.size();) {
        if (i >= nextCheck) {
            if (keepGoing && !keepGoing())
                return {};
            nextCheck = i + kBlock;
        }
        std::size_t j = i + 1;
        while (j < entries.size() && entries[j].at == entries[i].at)
            ++j;
        if (j - i > 1)
            order.order(i, j);
        i = j;
    }
    return entries;
}

std::shared_ptr<const std::vector<EventRef>> eventIndexOf(
    TraceIndexes& indexes, const Trace& trace, const std::function<bool()>& keepGoing)
{
    if (auto found = indexes.find<std::vector<EventRef>>({}))
        return found;
    auto events = buildEventIndex(trace, keepGoing);
    if (keepGoing && !keepGoing())
        return nullptr;
    return indexes.get<std::vector<EventRef>>({}, [&] { return std::move(events); });
}

} // namespace procscope::ui
