#include "core/trace/trace.h"

#include <algorithm>

namespace procscope {

namespace {

template <typename T>
std::size_t capacityBytes(const std::vector<T>& v)
{
    return v.capacity() * sizeof(T);
}

// Index of the last element <= t in a sorted vector, or npos.
std::size_t lastAtOrBefore(const std::vector<Tick>& at, Tick t)
{
    auto it = std::upper_bound(at.begin(), at.end(), t);
    if (it == at.begin())
        return static_cast<std::size_t>(-1);
    return static_cast<std::size_t>(it - at.begin()) - 1;
}

} // namespace

std::size_t ProcessTrack::indexAt(Tick t) const
{
    return lastAtOrBefore(m_at, t);
}

std::optional<ProcessState> ProcessTrack::stateAt(Tick t) const
{
    const auto i = indexAt(t);
    if (i == npos)
        return std::nullopt;
    return m_state[i];
}

std::optional<Tick> ProcessTrack::nextChangeAfter(Tick t) const
{
    auto it = std::upper_bound(m_at.begin(), m_at.end(), t);
    if (it == m_at.end())
        return std::nullopt;
    return *it;
}

std::optional<Tick> ProcessTrack::lastChangeBefore(Tick t) const
{
    auto it = std::lower_bound(m_at.begin(), m_at.end(), t);
    if (it == m_at.begin())
        return std::nullopt;
    return *(it - 1);
}

void ProcessTrack::append(Tick t, ProcessState s, Cause c, std::int32_t aux, std::uint8_t level)
{
    const auto n = m_at.size();
    // A -> B -> A within one instant leaves no trace of B. If A comes back with other details (a
    // new queue level, another CPU), B's record becomes that change instead of erasing the past.
    if (n >= 2 && m_at[n - 1] == t && m_state[n - 2] == s) {
        if (m_aux[n - 2] == aux && m_level[n - 2] == level) {
            m_at.pop_back();
            m_state.pop_back();
            m_cause.pop_back();
            m_aux.pop_back();
            m_level.pop_back();
        } else {
            m_state[n - 1] = s;
            m_cause[n - 1] = c;
            m_aux[n - 1] = aux;
            m_level[n - 1] = level;
        }
        return;
    }
    m_at.push_back(t);
    m_state.push_back(s);
    m_cause.push_back(c);
    m_aux.push_back(aux);
    m_level.push_back(level);
}

void ProcessTrack::truncate(Tick t)
{
    const auto keep = static_cast<std::size_t>(std::lower_bound(m_at.begin(), m_at.end(), t) - m_at.begin());
    m_at.resize(keep);
    m_state.resize(keep);
    m_cause.resize(keep);
    m_aux.resize(keep);
    m_level.resize(keep);
}

std::size_t ProcessTrack::bytes() const
{
    return capacityBytes(m_at) + capacityBytes(m_state) + capacityBytes(m_cause) + capacityBytes(m_aux) +
           capacityBytes(m_level);
}

void ProcessTrack::shrink()
{
    m_at.shrink_to_fit();
    m_state.shrink_to_fit();
    m_cause.shrink_to_fit();
    m_aux.shrink_to_fit();
    m_level.shrink_to_fit();
}

std::size_t CpuTrack::indexAt(Tick t) const
{
    return lastAtOrBefore(m_at, t);
}

ProcIndex CpuTrack::procAt(Tick t) const
{
    const auto i = indexAt(t);
    return i == npos ? kCpuIdle : m_proc[i];
}

void CpuTrack::append(Tick t, ProcIndex p, Reason r, std::int32_t a, std::int32_t b)
{
    if (!m_at.empty()) {
        // An idle (or switch) record is replaced by a decision in the same instant; a decision is
        // never erased, so a zero-length run (a job of length 0) still shows in the record.
        if (m_at.back() == t && m_proc.back() < 0) {
            m_at.pop_back();
            m_proc.pop_back();
            m_reason.pop_back();
            m_a.pop_back();
            m_b.pop_back();
        }
        if (p < 0 && !m_proc.empty() && m_proc.back() == p)
            return;  // idle after idle: nothing new
    }
    m_at.push_back(t);
    m_proc.push_back(p);
    m_reason.push_back(r);
    m_a.push_back(a);
    m_b.push_back(b);
}

void CpuTrack::truncate(Tick t)
{
    const auto keep = static_cast<std::size_t>(std::lower_bound(m_at.begin(), m_at.end(), t) - m_at.begin());
    m_at.resize(keep);
    m_proc.resize(keep);
    m_reason.resize(keep);
    m_a.resize(keep);
    m_b.resize(keep);
}

std::size_t CpuTrack::bytes() const
{
    return capacityBytes(m_at) + capacityBytes(m_proc) + capacityBytes(m_reason) + capacityBytes(m_a) +
           capacityBytes(m_b);
}

void CpuTrack::shrink()
{
    m_at.shrink_to_fit();
    m_proc.shrink_to_fit();
    m_reason.shrink_to_fit();
    m_a.shrink_to_fit();
    m_b.shrink_to_fit();
}

std::optional<ProcIndex> Trace::indexOf(Pid pid) const
{
    auto it = m_byPid.find(pid);
    if (it == m_byPid.end())
        return std::nullopt;
    return it->second;
}

void Trace::setCpuCount(int n)
{
    m_cpus.resize(static_cast<std::size_t>(n));
}

ProcIndex Trace::addProcess(ProcessInfo info)
{
    const auto index = static_cast<ProcIndex>(m_info.size());
    m_byPid[info.pid] = index;
    m_info.push_back(std::move(info));
    m_tracks.emplace_back();
    return index;
}

void Trace::recordState(ProcIndex p, Tick t, ProcessState s, Cause c, std::int32_t aux, std::uint8_t level)
{
    m_tracks[static_cast<std::size_t>(p)].append(t, s, c, aux, level);
}

void Trace::recordCpu(int cpu, Tick t, ProcIndex p, Reason r, std::int32_t a, std::int32_t b)
{
    m_cpus[static_cast<std::size_t>(cpu)].append(t, p, r, a, b);
}

void Trace::truncate(Tick t)
{
    for (auto& track : m_tracks)
        track.truncate(t);
    for (auto& cpu : m_cpus)
        cpu.truncate(t);
    // Processes whose track is now empty were created at or after t.
    while (!m_tracks.empty() && m_tracks.back().empty()) {
        m_byPid.erase(m_info.back().pid);
        m_tracks.pop_back();
        m_info.pop_back();
    }
    std::erase_if(m_events, [t](const SystemEvent& e) { return e.at >= t; });
    m_end = std::min(m_end, t);
    m_finished = false;
}

void Trace::shrink()
{
    for (auto& track : m_tracks)
        track.shrink();
    for (auto& cpu : m_cpus)
        cpu.shrink();
}

std::size_t Trace::stateChangeCount() const
{
    std::size_t n = 0;
    for (const auto& track : m_tracks)
        n += track.size();
    return n;
}

std::size_t Trace::bytes() const
{
    std::size_t n = 0;
    for (const auto& track : m_tracks)
        n += track.bytes() + sizeof(ProcessTrack);
    for (const auto& cpu : m_cpus)
        n += cpu.bytes() + sizeof(CpuTrack);
    n += m_info.capacity() * sizeof(ProcessInfo);
    return n;
}

} // namespace procscope
