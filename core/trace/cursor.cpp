#include "core/trace/cursor.h"

#include <algorithm>
#include <tuple>

namespace procscope {

Frame frameAt(const Trace& trace, Tick t)
{
    Frame f;
    f.at = t;
    const auto n = trace.processCount();
    f.states.resize(n);
    f.ioQueues.resize(std::max<std::size_t>(1, trace.meta.devices.size()));
    std::vector<std::tuple<int, std::int32_t, ProcIndex>> ready; // level, key, process
    std::vector<std::tuple<int, Tick, ProcIndex>> blocked;       // device, since, process
    for (std::size_t i = 0; i < n; ++i) {
        const auto& track = trace.track(static_cast<ProcIndex>(i));
        const auto k = track.indexAt(t);
        if (k == ProcessTrack::npos)
            continue;
        const ProcessState s = track.state(k);
        f.states[i] = s;
        const auto p = static_cast<ProcIndex>(i);
        if (s == ProcessState::Ready) {
            ready.emplace_back(track.level(k), track.aux(k), p);
        } else if (s == ProcessState::Blocked) {
            // The wait began at the first of a run of Blocked records.
            std::size_t first = k;
            while (first > 0 && track.state(first - 1) == ProcessState::Blocked)
                --first;
            if (track.aux(k) < 0)
                f.waiting.push_back(p);
            else
                blocked.emplace_back(track.aux(k), track.at(first), p);
        }
    }
    std::sort(ready.begin(), ready.end());
    const int levels = std::max(1, trace.meta.mlfqLevels);
    f.readyQueues.resize(static_cast<std::size_t>(levels));
    for (const auto& [level, key, p] : ready)
        f.readyQueues[static_cast<std::size_t>(std::clamp(level, 0, levels - 1))].push_back(p);
    std::sort(blocked.begin(), blocked.end());
    for (const auto& [device, since, p] : blocked) {
        const auto d = static_cast<std::size_t>(device);
        if (d >= f.ioQueues.size())
            f.ioQueues.resize(d + 1);
        f.ioQueues[d].push_back(p);
    }
    for (int c = 0; c < trace.cpuCount(); ++c)
        f.running.push_back(trace.cpu(c).procAt(t));
    return f;
}

std::optional<Tick> nextEventAfter(const Trace& trace, Tick t)
{
    std::optional<Tick> best;
    auto consider = [&](std::optional<Tick> v) {
        if (v && *v < trace.end() && (!best || *v < *best))
            best = v;
    };
    for (std::size_t i = 0; i < trace.processCount(); ++i)
        consider(trace.track(static_cast<ProcIndex>(i)).nextChangeAfter(t));
    for (int c = 0; c < trace.cpuCount(); ++c) {
        const auto& cpu = trace.cpu(c);
        const auto k = cpu.indexAt(t);
        const std::size_t next = k == CpuTrack::npos ? 0 : k + 1;
        if (next < cpu.size())
            consider(cpu.at(next));
    }
    return best;
}

std::optional<Tick> previousEventBefore(const Trace& trace, Tick t)
{
    std::optional<Tick> best;
    auto consider = [&](std::optional<Tick> v) {
        if (v && (!best || *v > *best))
            best = v;
    };
    for (std::size_t i = 0; i < trace.processCount(); ++i)
        consider(trace.track(static_cast<ProcIndex>(i)).lastChangeBefore(t));
    for (int c = 0; c < trace.cpuCount(); ++c) {
        const auto& cpu = trace.cpu(c);
        const auto k = cpu.indexAt(t - 1);
        if (k != CpuTrack::npos)
            consider(cpu.at(k));
    }
    return best;
}

bool Cursor::seek(Tick t)
{
    const Tick clamped = std::clamp<Tick>(t, 0, last());
    const bool moved = clamped != m_at;
    m_at = clamped;
    return moved;
}

bool Cursor::nextEvent()
{
    const auto t = nextEventAfter(*m_trace, m_at);
    return t && seek(*t);
}

bool Cursor::previousEvent()
{
    const auto t = previousEventBefore(*m_trace, m_at);
    return t && seek(*t);
}

} // namespace procscope
