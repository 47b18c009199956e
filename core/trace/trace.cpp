#include "core/trace/trace.h"

#include <algorithm>

namespace procscope {

std::optional<ProcessState> ProcessTrack::stateAt(Tick t) const
{
    const auto i = indexAt(t);
    if (i == npos)
        return std::nullopt;
    return m_changes[i].state;
}

std::optional<Tick> ProcessTrack::nextChangeAfter(Tick t) const
{
    const auto i = indexAt(t);
    const std::size_t next = i == npos ? 0 : i + 1;
    if (next >= size())
        return std::nullopt;
    return at(next);
}

std::optional<Tick> ProcessTrack::lastChangeBefore(Tick t) const
{
    const auto i = indexAt(t - 1);
    if (i == npos)
        return std::nullopt;
    return at(i);
}

void ProcessTrack::append(Tick t, ProcessState s, Cause c, std::int32_t aux, std::uint8_t level)
{
    const auto n = m_changes.size();
    // A -> B -> A within one instant leaves no trace of B. If A comes back with other details (a
    // new queue level, another CPU), B's record becomes that change instead of erasing the past.
    if (n >= 2 && m_changes.at(n - 1) == t && m_changes[n - 2].state == s) {
        if (m_changes[n - 2].aux == aux && m_changes[n - 2].level == level) {
            m_changes.popBack();
        } else {
            Change& b = m_changes.back();
            b.state = s;
            b.cause = c;
            b.aux = aux;
            b.level = level;
        }
        return;
    }
    m_changes.push(t, Change{0, aux, s, c, level});
}

ProcIndex CpuTrack::procAt(Tick t) const
{
    const auto i = indexAt(t);
    return i == npos ? kCpuIdle : m_records[i].proc();
}

void CpuTrack::append(Tick t, ProcIndex p, Reason r, std::int32_t a, std::int32_t b)
{
    if (!m_records.empty()) {
        // An idle (or switch) record is replaced by a decision in the same instant; a decision is
        // never erased, so a zero-length run (a job of length 0) still shows in the record.
        if (m_records.at(m_records.size() - 1) == t && m_records.back().proc() < 0)
            m_records.popBack();
        if (p < 0 && !m_records.empty() && m_records.back().proc() == p)
            return; // idle after idle: nothing new
    }
    m_records.push(t, Record{0, Record::pack(p, r), a, b});
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
