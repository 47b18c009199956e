#include "core/policy/round_robin.h"

#include <algorithm>

namespace procscope {

namespace {
constexpr std::size_t kControlBlockAhead = 4;
constexpr std::size_t kProcessDataAhead = 2;
} // namespace

ReadyKey RoundRobin::enqueue(const Pcb& p, Cause why, SchedContext&)
{
    m_expiredAlone = (why == Cause::SliceExpired && m_queue.empty()) ? p.pid : kNoPid;
    m_queue.push_back(p.pid);
    return ReadyKey{0, ++m_seq};
}

void RoundRobin::remove(Pid pid)
{
    auto it = std::find(m_queue.begin(), m_queue.end(), pid);
    if (it != m_queue.end())
        m_queue.erase(it);
}

Choice RoundRobin::pick(SchedContext& ctx, int)
{
    if (m_queue.empty())
        return {};
    const Pid pid = m_queue.front();
    m_queue.pop_front();
    if (m_queue.size() > kControlBlockAhead)
        ctx.prefetchControlBlock(m_queue[kControlBlockAhead]);
    if (m_queue.size() > kProcessDataAhead)
        ctx.prefetchProcessData(m_queue[kProcessDataAhead]);
    const bool renewed = pid == m_expiredAlone;
    m_expiredAlone = kNoPid;
    return Choice{
        pid, renewed ? Reason::SliceRenewed : Reason::RoundRobin, static_cast<std::int32_t>(m_quantum), 0};
}

} // namespace procscope
