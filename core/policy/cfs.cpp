#include "core/policy/cfs.h"

#include <algorithm>
#include <array>
#include <limits>

namespace procscope {

namespace {
std::int32_t clamp32(std::int64_t v)
{
    return static_cast<std::int32_t>(
        std::clamp<std::int64_t>(v, 0, std::numeric_limits<std::int32_t>::max()));
}
} // namespace

int niceToWeight(int nice)
{
    // Linux kernel/sched/core.c sched_prio_to_weight, nice -20 .. 19.
    static constexpr std::array<int, 40> weights{88761, 71755, 56483, 46273, 36291, 29154, 23254, 18705,
        14949, 11916, 9548, 7620, 6100, 4904, 3906, 3121, 2501, 1991, 1586, 1277, 1024, 820, 655, 526, 423,
        335, 272, 215, 172, 137, 110, 87, 70, 56, 45, 36, 29, 23, 18, 15};
    return weights[static_cast<std::size_t>(std::clamp(nice, -20, 19) + 20)];
}

ReadyKey Cfs::enqueue(const Pcb& p, Cause why, SchedContext&)
{
    auto [it, inserted] = m_vruntime.try_emplace(p.pid, m_minVruntime);
    if (why != Cause::Preempted && why != Cause::SliceExpired)
        it->second = std::max(it->second, m_minVruntime); // a sleeper does not bank credit
    m_ready.emplace(it->second, p.pid);
    m_weight[p.pid] = niceToWeight(p.nice);
    m_readyWeight += niceToWeight(p.nice);
    return ReadyKey{0, clamp32(it->second / kScale)};
}

void Cfs::remove(Pid pid)
{
    auto w = m_weight.find(pid);
    if (w == m_weight.end())
        return;
    m_ready.erase({m_vruntime.at(pid), pid});
    m_readyWeight -= w->second;
    m_weight.erase(w);
}

Choice Cfs::pick(SchedContext&, int)
{
    if (m_ready.empty())
        return {};
    const auto [vr, pid] = *m_ready.begin();
    remove(pid);
    m_minVruntime = std::max(m_minVruntime, vr);
    return Choice{pid, Reason::Cfs, clamp32(vr / kScale), 0};
}

Tick Cfs::slice(const Pcb& p) const
{
    const std::int64_t w = niceToWeight(p.nice);
    return std::max(m_granularity, m_latency * w / (w + m_readyWeight));
}

void Cfs::charge(const Pcb& p, Tick ran)
{
    m_vruntime[p.pid] += ran * kScale * 1024 / niceToWeight(p.nice);
}

bool Cfs::shouldPreempt(SchedContext&, const Pcb& running) const
{
    if (m_ready.empty())
        return false;
    auto it = m_vruntime.find(running.pid);
    const std::int64_t mine = it == m_vruntime.end() ? 0 : it->second;
    return m_ready.begin()->first + m_granularity * kScale < mine;
}

} // namespace procscope
