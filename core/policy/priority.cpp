#include "core/policy/priority.h"

#include <algorithm>

namespace procscope {

int PriorityPolicy::effective(const Entry& e, Tick now) const
{
    if (m_aging <= 0)
        return e.priority;
    return e.priority - static_cast<int>((now - e.since) / m_aging);
}

std::size_t PriorityPolicy::best(Tick now) const
{
    std::size_t best = 0;
    for (std::size_t i = 1; i < m_ready.size(); ++i) {
        const int a = effective(m_ready[i], now), b = effective(m_ready[best], now);
        if (a < b || (a == b && m_ready[i].seq < m_ready[best].seq))
            best = i;
    }
    return best;
}

ReadyKey PriorityPolicy::enqueue(const Pcb& p, Cause, SchedContext& ctx)
{
    m_ready.push_back(Entry{p.pid, p.priority, ctx.now(), m_seq++});
    return ReadyKey{levelOf(p), static_cast<std::int32_t>(m_seq)};
}

void PriorityPolicy::remove(Pid pid)
{
    std::erase_if(m_ready, [pid](const Entry& e) { return e.pid == pid; });
}

Choice PriorityPolicy::pick(SchedContext& ctx, int)
{
    if (m_ready.empty())
        return {};
    const auto i = best(ctx.now());
    const Entry e = m_ready[i];
    m_ready.erase(m_ready.begin() + static_cast<std::ptrdiff_t>(i));
    int next = -1;
    if (!m_ready.empty())
        next = effective(m_ready[best(ctx.now())], ctx.now());
    m_runningPriority[e.pid] = effective(e, ctx.now());
    return Choice{e.pid, Reason::Priority, effective(e, ctx.now()), next};
}

bool PriorityPolicy::shouldPreempt(SchedContext& ctx, const Pcb& running) const
{
    if (!m_preemptive || m_ready.empty())
        return false;
    const auto it = m_runningPriority.find(running.pid);
    const int mine = it == m_runningPriority.end() ? running.priority : it->second;
    return effective(m_ready[best(ctx.now())], ctx.now()) < mine;
}

std::uint8_t PriorityPolicy::levelOf(const Pcb& p) const
{
    return static_cast<std::uint8_t>(std::clamp(p.priority + 20, 0, 255));
}

} // namespace procscope
