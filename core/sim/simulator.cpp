#include "core/sim/simulator.h"

#include "core/model/generator.h"

#include <algorithm>
#include <string>
#include <utility>

namespace procscope {

namespace {
// Any 64-bit seed, as Python's random.seed() takes it.
ostep::PyRandom seeded(std::uint64_t seed)
{
    return ostep::PyRandom(*ostep::PyInt::parse(std::to_string(seed)));
}
} // namespace

Simulator::Simulator(Workload workload, std::optional<ostep::PyRandom> rng)
    : m_workload(std::move(workload))
    , m_startPolicy(m_workload.policy)
    , m_initialRng(std::move(rng))
{
    reset();
}

Simulator::~Simulator() = default;

const Pcb* Simulator::findProcess(Pid pid) const
{
    if (pid < 0 || static_cast<std::size_t>(pid) >= m_index.size() ||
        m_index[static_cast<std::size_t>(pid)] < 0)
        return nullptr;
    return &m_procs[static_cast<std::size_t>(m_index[static_cast<std::size_t>(pid)])];
}

Pcb* Simulator::find(Pid pid)
{
    return const_cast<Pcb*>(std::as_const(*this).findProcess(pid));
}

void Simulator::reset()
{
    // A policy change is a command at a tick: simulating again starts from the original policy,
    // so the past before the change comes out the same.
    m_workload.policy = m_startPolicy;
    m_trace = Trace{};
    m_trace.meta.source = "simulation";
    m_trace.meta.policy = std::string(policyName(m_workload.policy.kind));
    m_trace.meta.seed = m_workload.seed;
    m_trace.meta.devices = m_workload.machine.devices;
    m_trace.meta.mlfqLevels = m_workload.policy.kind == PolicyKind::Mlfq
                                  ? static_cast<int>(m_workload.policy.mlfqQuanta.size())
                                  : 0;
    m_trace.setCpuCount(m_workload.machine.cpus);
    m_policy = makePolicy(m_workload.policy, m_workload.compat);
    m_rng = m_initialRng ? *m_initialRng : seeded(m_workload.seed);
    m_procs.clear();
    m_index.clear();
    m_cpus.assign(static_cast<std::size_t>(m_workload.machine.cpus), Cpu{});
    m_devices.assign(m_workload.machine.devices.size(), Device{});
    m_ioDone = {};
    m_pending.clear();
    for (const ProcessSpec& spec : m_workload.processes)
        m_pending.push_back(&spec);
    m_generated.clear();
    m_genNext = kForever;
    if (m_workload.generator) {
        m_genRng = seeded(m_workload.generator->seed);
        m_genNext = 0;
    }
    std::stable_sort(m_pending.begin(), m_pending.end(), [](const ProcessSpec* a, const ProcessSpec* b) {
        return a->arrival != b->arrival ? a->arrival < b->arrival : a->pid < b->pid;
    });
    m_nextArrival = 0;
    m_nextCommand = 0;
    m_ioSeq = 0;
    m_nextPid = 0;
    for (const ProcessSpec* p : m_pending)
        m_nextPid = std::max(m_nextPid, p->pid + 1);
    m_now = 0;
    generate();
    m_timerDue = m_policy->nextTimer(0);
    m_hitLimit = false;
    m_stalled = false;
    m_started = false;
}

// Draws the generator's processes due now: all of them at once for a closed workload, a batch
// every period for an open-ended one.
void Simulator::generate()
{
    while (m_genNext <= m_now) {
        const GeneratorSpec& g = *m_workload.generator;
        auto batch = generateBatch(g, m_genRng, m_genNext, m_nextPid);
        m_nextPid += g.count;
        std::vector<const ProcessSpec*> rest(
            m_pending.begin() + static_cast<std::ptrdiff_t>(m_nextArrival), m_pending.end());
        for (ProcessSpec& spec : batch)
            rest.push_back(&m_generated.emplace_back(std::move(spec)));
        std::stable_sort(rest.begin(), rest.end(), [](const ProcessSpec* a, const ProcessSpec* b) {
            return a->arrival != b->arrival ? a->arrival < b->arrival : a->pid < b->pid;
        });
        m_pending = std::move(rest);
        m_nextArrival = 0;
        m_genNext = g.openEnded ? m_genNext + std::max<Tick>(1, g.period) : kForever;
    }
}

void Simulator::sync(Tick t)
{
    for (auto& cpu : m_cpus) {
        if (cpu.running != kNoPid) {
            const Tick dt = t - cpu.lastSync;
            if (dt > 0) {
                Pcb& p = proc(cpu.running);
                p.pieceLeft -= dt;
                if (p.sliceLeft != kForever)
                    p.sliceLeft -= dt;
                if (p.phase != Pcb::Phase::Idle)
                    p.cpuLeft -= dt;
                m_policy->charge(p, dt);
            }
        }
        cpu.lastSync = t;
    }
}

// Everything that happens at the boundary before tick m_now, in a fixed order:
// pieces of work that end (exit, block, slice expiry; the freed CPU is refilled at once, as
// process-run.py does), periodic policy work, commands, arrivals, I/O completions, then idle
// CPUs are filled and the policy may preempt.
void Simulator::boundary()
{
    sync(m_now);
    endOfPieces();
    timers();
    while (m_nextCommand < m_commands.size() && m_commands[m_nextCommand].at <= m_now)
        applyCommand(m_commands[m_nextCommand++]);
    arrivals();
    completions();
    dispatchFreeCpus();
    preemptChecks();
}

Tick Simulator::nextBoundary() const
{
    Tick next = kForever;
    for (const auto& cpu : m_cpus) {
        if (cpu.running != kNoPid) {
            const Pcb& p = pcb(cpu.running);
            next = std::min(next, m_now + std::max<Tick>(1, std::min(p.pieceLeft, p.sliceLeft)));
        }
        if (cpu.incoming != kNoPid)
            next = std::min(next, cpu.switchUntil);
        if (cpu.heldUntil > m_now)
            next = std::min(next, cpu.heldUntil);
    }
    if (!m_ioDone.empty())
        next = std::min(next, m_ioDone.top().at);
    if (m_nextArrival < m_pending.size())
        next = std::min(next, m_pending[m_nextArrival]->arrival);
    if (m_nextCommand < m_commands.size())
        next = std::min(next, m_commands[m_nextCommand].at);
    if (m_timerDue != kForever)
        next = std::min(next, m_timerDue);
    next = std::min(next, m_genNext);
    return std::max(next, m_now + 1);
}

void Simulator::advanceTo(Tick t)
{
    if (!m_started) {
        m_started = true;
        boundary();
    }
    const Tick limit = m_workload.tickLimit;
    while (!m_trace.finished() && !m_stalled && !m_hitLimit) {
        const bool allDone = m_nextArrival >= m_pending.size() && m_nextCommand >= m_commands.size() &&
                             std::all_of(m_procs.begin(), m_procs.end(),
                                 [](const Pcb& p) { return p.state == ProcessState::Terminated; });
        if (allDone) {
            m_trace.setEnd(m_now, true);
            return;
        }
        const Tick next = nextBoundary();
        if (next >= kForever / 2 && t >= kForever / 2) {
            // Nothing will ever happen again (processes suspended and never resumed).
            m_stalled = true;
            m_trace.addEvent({m_now, SystemEvent::Kind::Warning,
                "nothing can happen any more: some processes are suspended"});
            m_trace.setEnd(m_now, false);
            return;
        }
        if (next >= limit && t >= limit) {
            m_hitLimit = true;
            m_now = limit;
            sync(m_now);
            m_trace.addEvent({limit, SystemEvent::Kind::TickLimit,
                "stopped at the tick limit " + std::to_string(limit) + ": the workload had not finished"});
            m_trace.setEnd(limit, false);
            return;
        }
        if (next >= t) {
            m_trace.setEnd(std::max(m_trace.end(), std::min(t, limit)), false);
            return;
        }
        m_now = next;
        boundary();
    }
}

void Simulator::run()
{
    advanceTo(kForever);
}

void Simulator::apply(const Command& c)
{
    auto pos = std::upper_bound(
        m_commands.begin(), m_commands.end(), c.at, [](Tick at, const Command& x) { return at < x.at; });
    m_commands.insert(pos, c);
    const Tick simulatedTo = m_trace.end();
    if (c.at <= m_now || m_started) {
        // Re-simulate from the start: the engine is deterministic, so the past comes out the same.
        reset();
        if (simulatedTo > 0)
            advanceTo(simulatedTo);
    }
}

} // namespace procscope
