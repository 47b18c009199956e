#include "core/policy/lottery.h"

namespace procscope {

ReadyKey Lottery::enqueue(const Pcb& p, Cause, SchedContext&)
{
    m_ready[p.pid] = std::max(0, p.tickets);
    return ReadyKey{0, p.pid};
}

Choice Lottery::pick(SchedContext& ctx, int)
{
    if (m_ready.empty())
        return {};
    std::int64_t total = 0;
    for (const auto& [pid, tickets] : m_ready)
        total += tickets;
    const auto r = static_cast<std::int64_t>(ctx.random() * 1000001.0);
    Pid winner = m_ready.begin()->first;
    if (total > 0) {
        const std::int64_t ticket = r % total;
        std::int64_t sum = 0;
        for (const auto& [pid, tickets] : m_ready) {
            sum += tickets;
            if (sum > ticket) {
                winner = pid;
                break;
            }
        }
    }
    m_ready.erase(winner);
    return Choice{winner, Reason::Lottery, static_cast<std::int32_t>(r), static_cast<std::int32_t>(total)};
}

} // namespace procscope
