#include "core/policy/shortest_first.h"

#include <algorithm>
#include <limits>

namespace procscope {

namespace {
std::int32_t clamp32(Tick v)
{
    return static_cast<std::int32_t>(std::clamp<Tick>(v, 0, std::numeric_limits<std::int32_t>::max()));
}
} // namespace

ReadyKey ShortestFirst::enqueue(const Pcb& p, Cause, SchedContext&)
{
    const Entry e{p.burstLeft(), m_seq++, p.pid};
    m_ready.insert(e);
    m_entry[p.pid] = e;
    return ReadyKey{0, clamp32(p.burstLeft())};
}

void ShortestFirst::remove(Pid pid)
{
    auto it = m_entry.find(pid);
    if (it == m_entry.end())
        return;
    m_ready.erase(it->second);
    m_entry.erase(it);
}

Choice ShortestFirst::pick(SchedContext&, int)
{
    if (m_ready.empty())
        return {};
    const auto [burst, seq, pid] = *m_ready.begin();
    m_ready.erase(m_ready.begin());
    m_entry.erase(pid);
    const Tick next = m_ready.empty() ? -1 : std::get<0>(*m_ready.begin());
    return Choice{
        pid, m_preemptive ? Reason::Stcf : Reason::Sjf, clamp32(burst), next < 0 ? -1 : clamp32(next)};
}

bool ShortestFirst::shouldPreempt(SchedContext&, const Pcb& running) const
{
    return m_preemptive && !m_ready.empty() && std::get<0>(*m_ready.begin()) < running.burstLeft();
}

} // namespace procscope
