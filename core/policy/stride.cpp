#include "core/policy/stride.h"

#include <algorithm>
#include <limits>

namespace procscope {

ReadyKey Stride::enqueue(const Pcb& p, Cause, SchedContext&)
{
    m_stride[p.pid] = strideOf(p);
    auto it = m_pass.find(p.pid);
    if (it == m_pass.end()) {
        const std::int64_t start = m_ready.empty() ? 0 : m_ready.begin()->first;
        it = m_pass.emplace(p.pid, start).first;
    }
    m_ready.emplace(it->second, p.pid);
    return ReadyKey{0, static_cast<std::int32_t>(
                           std::min<std::int64_t>(it->second, std::numeric_limits<std::int32_t>::max()))};
}

void Stride::remove(Pid pid)
{
    auto it = m_pass.find(pid);
    if (it != m_pass.end())
        m_ready.erase({it->second, pid});
}

Choice Stride::pick(SchedContext&, int)
{
    if (m_ready.empty())
        return {};
    const auto [pass, pid] = *m_ready.begin();
    m_ready.erase(m_ready.begin());
    return Choice{pid, Reason::Stride,
        static_cast<std::int32_t>(std::min<std::int64_t>(pass, std::numeric_limits<std::int32_t>::max())),
        static_cast<std::int32_t>(m_stride[pid])};
}

void Stride::charge(const Pcb& p, Tick ran)
{
    // A partly used slice advances the pass in proportion.
    m_pass[p.pid] += strideOf(p) * ran / std::max<Tick>(1, m_quantum);
}

} // namespace procscope
