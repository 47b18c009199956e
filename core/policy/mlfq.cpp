#include "core/policy/mlfq.h"

#include <algorithm>

namespace procscope {

Mlfq::Mlfq(const PolicySpec& spec)
    : m_quanta(spec.mlfqQuanta)
    , m_allot(spec.mlfqAllotments)
    , m_boost(spec.boostPeriod)
    , m_stay(spec.stayOnIo)
    , m_bump(spec.ioBump)
    , m_queues(spec.mlfqQuanta.size())
{ }

Mlfq::Job& Mlfq::job(Pid pid)
{
    auto [it, inserted] = m_jobs.try_emplace(pid);
    if (inserted)
        reset(it->second, 0);
    return it->second;
}

void Mlfq::reset(Job& j, int level) const
{
    j.level = level;
    j.ticksLeft = m_quanta[static_cast<std::size_t>(level)];
    j.allotLeft = m_allot[static_cast<std::size_t>(level)];
}

void Mlfq::push(Pid pid, bool front)
{
    Job& j = job(pid);
    auto& q = m_queues[static_cast<std::size_t>(j.level)];
    if (front) {
        q.push_front(pid);
        j.key = --m_head;
    } else {
        q.push_back(pid);
        j.key = ++m_tail;
    }
    j.queued = true;
}

void Mlfq::unqueue(Pid pid)
{
    Job& j = job(pid);
    if (!j.queued)
        return;
    auto& q = m_queues[static_cast<std::size_t>(j.level)];
    q.erase(std::find(q.begin(), q.end(), pid));
    j.queued = false;
}

// mlfq.py's quantum-end rule: one allotment used; demote when exactly none is left (an allotment
// of 0 on the bottom queue counts down past zero and never resets, as in the script).
void Mlfq::quantumEnd(Job& j)
{
    j.allotLeft -= 1;
    const int bottom = static_cast<int>(m_queues.size()) - 1;
    if (j.allotLeft == 0)
        reset(j, std::min(j.level + 1, bottom));
    else
        j.ticksLeft = m_quanta[static_cast<std::size_t>(j.level)];
}

ReadyKey Mlfq::enqueue(const Pcb& p, Cause why, SchedContext&)
{
    Job& j = job(p.pid);
    j.running = false;
    if (why == Cause::Preempted && j.queued)
        return ReadyKey{static_cast<std::uint8_t>(j.level), j.key}; // keeps its place at the head
    if (why == Cause::SliceExpired) {
        unqueue(p.pid);
        quantumEnd(j);
    }
    push(p.pid, m_bump && (why == Cause::IoDone || why == Cause::IoDoneImmediate));
    return ReadyKey{static_cast<std::uint8_t>(j.level), j.key};
}

void Mlfq::remove(Pid pid)
{
    unqueue(pid);
    job(pid).running = false;
}

bool Mlfq::hasReady() const
{
    return firstWaiting().first >= 0;
}

std::pair<int, std::size_t> Mlfq::firstWaiting() const
{
    for (std::size_t level = 0; level < m_queues.size(); ++level) {
        const auto& q = m_queues[level];
        for (std::size_t i = 0; i < q.size(); ++i)
            if (!m_jobs.at(q[i]).running)
                return {static_cast<int>(level), i};
    }
    return {-1, 0};
}

std::pair<int, std::size_t> Mlfq::position(Pid pid) const
{
    const Job& j = m_jobs.at(pid);
    const auto& q = m_queues[static_cast<std::size_t>(j.level)];
    return {j.level, static_cast<std::size_t>(std::find(q.begin(), q.end(), pid) - q.begin())};
}

Choice Mlfq::pick(SchedContext&, int)
{
    const auto [level, i] = firstWaiting();
    if (level < 0)
        return {};
    const Pid pid = m_queues[static_cast<std::size_t>(level)][i];
    const Job& j = m_jobs.at(pid);
    return Choice{pid, Reason::Mlfq, static_cast<std::int32_t>(j.ticksLeft), j.allotLeft};
}

void Mlfq::dispatched(const Pcb& p, int)
{
    Job& j = job(p.pid);
    if (!j.queued)
        push(p.pid, false);
    j.running = true;
}

Tick Mlfq::slice(const Pcb& p) const
{
    auto it = m_jobs.find(p.pid);
    const Tick left = it == m_jobs.end() ? m_quanta.front() : it->second.ticksLeft;
    return left > 0 ? left : kForever; // a quantum of 0 (or used past 0) never expires, as in mlfq.py
}

void Mlfq::charge(const Pcb& p, Tick ran)
{
    job(p.pid).ticksLeft -= ran;
}

void Mlfq::blocked(const Pcb& p)
{
    Job& j = job(p.pid);
    unqueue(p.pid);
    j.running = false;
    const Tick before = j.ticksLeft; // mlfq.py tests the quantum captured before the -S reset
    if (m_stay) {
        j.ticksLeft = m_quanta[static_cast<std::size_t>(j.level)];
        j.allotLeft = m_allot[static_cast<std::size_t>(j.level)];
    }
    if (before == 0)
        quantumEnd(j);
}

void Mlfq::exited(const Pcb& p)
{
    unqueue(p.pid);
    m_jobs.erase(p.pid);
}

bool Mlfq::shouldPreempt(SchedContext&, const Pcb& running) const
{
    const auto candidate = firstWaiting();
    if (candidate.first < 0)
        return false;
    return candidate < position(running.pid);
}

Tick Mlfq::nextTimer(Tick now) const
{
    if (m_boost <= 0)
        return kForever;
    return (now / m_boost + 1) * m_boost;
}

bool Mlfq::onTimer(SchedContext&, std::vector<std::pair<Pid, ReadyKey>>& requeued)
{
    // mlfq.py moves the lower queues to the top, lowest queue first, then refreshes every job.
    auto& top = m_queues.front();
    for (std::size_t level = m_queues.size() - 1; level >= 1; --level) {
        for (Pid pid : m_queues[level]) {
            top.push_back(pid);
            m_jobs.at(pid).key = ++m_tail;
        }
        m_queues[level].clear();
    }
    for (auto& [pid, j] : m_jobs) {
        reset(j, 0);
        if (j.queued && !j.running)
            requeued.emplace_back(pid, ReadyKey{0, j.key});
    }
    return true;
}

Choice Mlfq::describeRunning(const Pcb& p) const
{
    const Job& j = m_jobs.at(p.pid);
    return Choice{p.pid, Reason::MlfqBoost, static_cast<std::int32_t>(j.ticksLeft), j.allotLeft};
}

std::uint8_t Mlfq::levelOf(const Pcb& p) const
{
    auto it = m_jobs.find(p.pid);
    return static_cast<std::uint8_t>(it == m_jobs.end() ? 0 : it->second.level);
}

} // namespace procscope
