#include "core/policy/fifo.h"

#include <algorithm>

namespace procscope {

ReadyKey Fifo::enqueue(const Pcb& p, Cause, SchedContext&)
{
    m_queue.push_back(p.pid);
    if (m_cyclic)
        m_byPid.insert(p.pid);
    return ReadyKey{0, m_cyclic ? p.pid : ++m_seq};
}

void Fifo::remove(Pid pid)
{
    auto it = std::find(m_queue.begin(), m_queue.end(), pid);
    if (it != m_queue.end())
        m_queue.erase(it);
    m_byPid.erase(pid);
}

Choice Fifo::pick(SchedContext&, int)
{
    if (m_queue.empty())
        return {};
    if (!m_cyclic) {
        const Pid pid = m_queue.front();
        m_queue.pop_front();
        return Choice{pid, m_queue.empty() ? Reason::OnlyCandidate : Reason::Fifo, 0, 0};
    }
    // The first ready pid strictly after the last one dispatched, wrapping to the lowest.
    auto it = m_byPid.upper_bound(m_last);
    if (it == m_byPid.end())
        it = m_byPid.begin();
    const Pid pid = *it;
    remove(pid);
    return Choice{pid, Reason::CyclicPick, m_last, 0};
}

void Fifo::dispatched(const Pcb& p, int)
{
    m_last = p.pid;
}

} // namespace procscope
