#include "ui/diagram/transition.h"

#include <algorithm>
#include <limits>

namespace procscope::ui {

namespace {

using S = ProcessState;

// Calls f(process, record) for every record of every track with time in (previous, now] that
// changes the state. The record before it holds the state it left.
template <typename F>
void forEachChange(const Trace& trace, Tick previous, Tick now, F&& f)
{
    if (now <= previous)
        return;
    const auto n = static_cast<ProcIndex>(trace.processCount());
    for (ProcIndex p = 0; p < n; ++p) {
        const ProcessTrack& track = trace.track(p);
        if (track.empty() || track.at(0) > now)
            continue;
        const std::size_t before = track.indexAt(previous);
        std::size_t k = before == ProcessTrack::npos ? 1 : before + 1; // record 0 is the creation
        for (; k < track.size() && track.at(k) <= now; ++k) {
            if (track.state(k) != track.state(k - 1))
                f(p, k);
        }
    }
}

Transition classify(const ProcessTrack& track, std::size_t k)
{
    return classifyTransition(track.state(k - 1), track.state(k), track.cause(k));
}

} // namespace

const std::array<TransitionInfo, kTransitionCount>& transitionTable()
{
    using T = Transition;
    static const std::array<TransitionInfo, kTransitionCount> table{{
        {T::Admit, S::New, S::Ready, "Admitted", "admit"},
        {T::Dispatch, S::Ready, S::Running, "Scheduled", "dispatch"},
        {T::Deschedule, S::Running, S::Ready, "Descheduled", "preempt / time slice"},
        {T::Block, S::Running, S::Blocked, "I/O: initiate", "wait for I/O or event"},
        {T::Wake, S::Blocked, S::Ready, "I/O: done", "I/O or event done"},
        {T::Exit, S::Running, S::Zombie, "Exit", "exit"},
        {T::Reap, S::Zombie, S::Terminated, "Reaped", "reap"},
        {T::SuspendNew, S::New, S::Suspended, "Suspend", "suspend"},
        {T::SuspendReady, S::Ready, S::Suspended, "Suspend", "suspend"},
        {T::SuspendRunning, S::Running, S::Suspended, "Suspend", "suspend"},
        {T::SuspendBlocked, S::Blocked, S::Suspended, "Suspend", "suspend"},
        {T::ResumeReady, S::Suspended, S::Ready, "Resume", "resume"},
        {T::ResumeBlocked, S::Suspended, S::Blocked, "Resume", "resume"},
        {T::KillNew, S::New, S::Zombie, "Killed", "kill"},
        {T::KillReady, S::Ready, S::Zombie, "Killed", "kill"},
        {T::KillRunning, S::Running, S::Zombie, "Killed", "kill"},
        {T::KillBlocked, S::Blocked, S::Zombie, "Killed", "kill"},
        {T::KillSuspended, S::Suspended, S::Zombie, "Killed", "kill"},
        {T::Other, S::Unknown, S::Unknown, "Other", "other"},
    }};
    return table;
}

Transition classifyTransition(ProcessState from, ProcessState to, Cause cause)
{
    using T = Transition;
    if (to == S::Zombie) {
        if (from == S::Running && cause != Cause::Killed)
            return T::Exit;
        switch (from) {
        case S::New:
            return T::KillNew;
        case S::Ready:
            return T::KillReady;
        case S::Running:
            return T::KillRunning;
        case S::Blocked:
            return T::KillBlocked;
        case S::Suspended:
            return T::KillSuspended;
        default:
            return T::Other;
        }
    }
    if (to == S::Suspended) {
        switch (from) {
        case S::New:
            return T::SuspendNew;
        case S::Ready:
            return T::SuspendReady;
        case S::Running:
            return T::SuspendRunning;
        case S::Blocked:
            return T::SuspendBlocked;
        default:
            return T::Other;
        }
    }
    if (from == S::Suspended)
        return to == S::Ready ? T::ResumeReady : to == S::Blocked ? T::ResumeBlocked : T::Other;
    if (from == S::New && to == S::Ready)
        return T::Admit;
    if (from == S::Ready && to == S::Running)
        return T::Dispatch;
    if (from == S::Running && to == S::Ready)
        return T::Deschedule;
    if (from == S::Running && to == S::Blocked)
        return T::Block;
    if (from == S::Blocked && to == S::Ready)
        return T::Wake;
    if (from == S::Zombie && to == S::Terminated)
        return T::Reap;
    return T::Other;
}

StateSet statesHeld(const Trace& trace)
{
    StateSet held;
    const Tick last = std::max<Tick>(0, trace.end());
    const auto n = static_cast<ProcIndex>(trace.processCount());
    for (ProcIndex p = 0; p < n; ++p) {
        const ProcessTrack& track = trace.track(p);
        // A record is what a frame shows from its time on when it is the last one at that time.
        for (std::size_t k = 0; k < track.size() && track.at(k) <= last; ++k)
            if (k + 1 == track.size() || track.at(k + 1) > track.at(k))
                held.set(static_cast<std::size_t>(track.state(k)));
    }
    return held;
}

std::vector<Firing> firedBetween(const Trace& trace, Tick previous, Tick now)
{
    struct Keyed {
        Firing firing;
        std::size_t record;
    };
    std::vector<Keyed> out;
    forEachChange(trace, previous, now, [&](ProcIndex p, std::size_t k) {
        const ProcessTrack& track = trace.track(p);
        out.push_back({Firing{p, track.state(k - 1), track.state(k), track.at(k), classify(track, k)}, k});
    });
    // Tracks were walked one after another: order by time, keeping each process's own order.
    std::stable_sort(
        out.begin(), out.end(), [](const Keyed& a, const Keyed& b) { return a.firing.at < b.firing.at; });
    std::vector<Firing> result;
    result.reserve(out.size());
    for (const Keyed& k : out)
        result.push_back(k.firing);
    return result;
}

TransitionCounts countFired(const Trace& trace, Tick now)
{
    TransitionCounts counts{};
    forEachChange(trace, -1, now,
        [&](ProcIndex p, std::size_t k) { ++counts[static_cast<std::size_t>(classify(trace.track(p), k))]; });
    return counts;
}

FiringCheckpoints::FiringCheckpoints(const Trace& trace)
    : m_held(statesHeld(trace))
{
    const Tick end = std::max<Tick>(0, trace.end());
    m_step = end / (kCheckpoints - 1) + 1;
    const auto n = static_cast<std::size_t>(end / m_step + 1);
    // Each change counts from the first checkpoint at or after it; then a running sum.
    m_counts.assign(n, TransitionCounts{});
    forEachChange(trace, -1, std::numeric_limits<Tick>::max(), [&](ProcIndex p, std::size_t k) {
        const Tick at = trace.track(p).at(k);
        const auto j = static_cast<std::size_t>(at <= 0 ? 0 : (at + m_step - 1) / m_step);
        if (j < n)
            ++m_counts[j][static_cast<std::size_t>(classify(trace.track(p), k))];
    });
    for (std::size_t j = 1; j < n; ++j)
        for (std::size_t t = 0; t < m_counts[j].size(); ++t)
            m_counts[j][t] += m_counts[j - 1][t];
}

TransitionCounts FiringCheckpoints::countsAt(const Trace& trace, Tick now) const
{
    if (now < 0 || m_counts.empty())
        return countFired(trace, now);
    const auto j = std::min(static_cast<std::size_t>(now / m_step), m_counts.size() - 1);
    TransitionCounts counts = m_counts[j];
    forEachChange(trace, static_cast<Tick>(j) * m_step, now,
        [&](ProcIndex p, std::size_t k) { ++counts[static_cast<std::size_t>(classify(trace.track(p), k))]; });
    return counts;
}

const TransitionCounts& TransitionTally::countsAt(const Trace& trace, Tick now)
{
    const Tick distance = now >= m_at ? now - m_at : m_at - now;
    // Walking the steps in between costs no more than counting from zero only when they are fewer;
    // a checkpoint is nearer than both unless the step is short.
    const bool walk = m_valid && m_trace == &trace && distance <= now;
    if (m_checkpoints && (!walk || distance > m_checkpoints->step())) {
        m_counts = m_checkpoints->countsAt(trace, now);
    } else if (!walk) {
        m_counts = countFired(trace, now);
    } else if (now > m_at) {
        forEachChange(trace, m_at, now, [&](ProcIndex p, std::size_t k) {
            ++m_counts[static_cast<std::size_t>(classify(trace.track(p), k))];
        });
    } else if (now < m_at) {
        forEachChange(trace, now, m_at, [&](ProcIndex p, std::size_t k) {
            --m_counts[static_cast<std::size_t>(classify(trace.track(p), k))];
        });
    }
    m_trace = &trace;
    m_at = now;
    m_valid = true;
    return m_counts;
}

std::shared_ptr<const FiringCheckpoints> firingCheckpointsOf(TraceIndexes& indexes, const Trace& trace)
{
    return indexes.get<FiringCheckpoints>({}, [&] { return FiringCheckpoints(trace); });
}

} // namespace procscope::ui
