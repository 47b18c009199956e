#include "ui/models/process_times.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace procscope::ui {

int ProcessTimes::categoryOf(const ProcessTrack& track, std::size_t k)
{
    switch (track.state(k)) {
    case ProcessState::Running:
        return Running;
    case ProcessState::Ready:
        return Ready;
    case ProcessState::Blocked:
        return track.aux(k) >= 0 ? Io : -1; // aux -1: waiting for a child, not I/O
    default:
        return -1;
    }
}

ProcessTimes::ProcessTimes(const Trace& trace)
{
    const auto n = trace.processCount();
    m_processes.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& track = trace.track(static_cast<ProcIndex>(i));
        Process& p = m_processes[i];
        p.checkpoints.reserve(track.size() / kStride + 1);
        p.created = track.empty() ? std::numeric_limits<Tick>::max() : track.at(0);
        Times sum{};
        for (std::size_t k = 0; k < track.size(); ++k) {
            if (k % kStride == 0)
                p.checkpoints.push_back(sum);
            const Tick from = track.at(k);
            if (k + 1 < track.size())
                if (const int c = categoryOf(track, k); c >= 0)
                    sum[static_cast<std::size_t>(c)] += track.at(k + 1) - from;
            const ProcessState s = track.state(k);
            if (p.firstRun < 0 && s == ProcessState::Running && from < trace.end())
                p.firstRun = from;
            if (p.finished < 0 && (s == ProcessState::Zombie || s == ProcessState::Terminated) &&
                from <= trace.end())
                p.finished = from;
        }
    }
    m_order.resize(n);
    std::iota(m_order.begin(), m_order.end(), 0);
    std::stable_sort(
        m_order.begin(), m_order.end(), [this](ProcIndex a, ProcIndex b) { return created(a) < created(b); });
    m_createdOrder.reserve(n);
    m_placeOf.resize(n);
    for (std::size_t r = 0; r < n; ++r) {
        m_createdOrder.push_back(created(m_order[r]));
        m_placeOf[static_cast<std::size_t>(m_order[r])] = static_cast<int>(r);
    }
}

ProcessTimes::Times ProcessTimes::before(const Trace& trace, ProcIndex process, Tick upTo) const
{
    Times times{};
    if (upTo <= 0)
        return times;
    const ProcessTrack& track = trace.track(process);
    const std::size_t e = track.indexAt(upTo - 1);
    if (e == ProcessTrack::npos)
        return times;
    // The checkpoint at or before record e, then the records from there to e, the last one cut
    // at upTo.
    const std::size_t from = e / kStride * kStride;
    times = at(process).checkpoints[e / kStride];
    for (std::size_t k = from; k <= e; ++k)
        if (const int c = categoryOf(track, k); c >= 0)
            times[static_cast<std::size_t>(c)] += (k < e ? track.at(k + 1) : upTo) - track.at(k);
    return times;
}

std::shared_ptr<const ProcessTimes> processTimesOf(TraceIndexes& indexes, const Trace& trace)
{
    return indexes.get<ProcessTimes>({}, [&] { return ProcessTimes(trace); });
}

} // namespace procscope::ui
