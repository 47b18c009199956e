// Engine invariants over thousands of seeded random workloads, for every policy on 1-4 CPUs:
// never more running processes than CPUs, one state per process at every instant, state durations
// adding up to lifetimes, only legal transitions, CPU time fully accounted, CPU lanes agreeing with
// process states, and byte-identical traces for the same input.
#include "sim_helpers.h"

#include "core/io/trace_json_writer.h"
#include "core/ostep/py_random.h"

#include <QTest>

#include <map>
#include <set>

using namespace testing;

namespace {

Program randomProgram(ostep::PyRandom& rng, int depth, int devices)
{
    Program p;
    const auto ops = rng.randint(0, 6);
    bool forked = false;
    for (int i = 0; i < ops; ++i) {
        switch (rng.randint(0, depth > 0 ? 4 : 6)) {
        case 0:
        case 1:
        case 2:
            p.push_back(Op::cpu(rng.randint(0, 6)));
            break;
        case 3:
            p.push_back(Op::io(rng.randint(0, 5), static_cast<int>(rng.randint(0, devices - 1))));
            break;
        case 4:
            if (forked)
                p.push_back(Op::wait(kNoPid));
            else
                p.push_back(Op::exit(static_cast<int>(rng.randint(0, 3))));
            break;
        case 5:
            p.push_back(Op::fork(randomProgram(rng, depth + 1, devices)));
            forked = true;
            break;
        case 6:
            p.push_back(Op::exec(randomProgram(rng, depth + 1, devices)));
            break;
        }
    }
    return p;
}

Workload randomWorkload(std::uint64_t seed, PolicyKind policy, int cpus)
{
    ostep::PyRandom rng(static_cast<std::int64_t>(seed));
    Workload w;
    w.seed = seed;
    w.policy.kind = policy;
    w.policy.quantum = rng.randint(1, 4);
    w.policy.preemptive = rng.random() < 0.5;
    w.policy.agingInterval = rng.randint(0, 3);
    w.policy.boostPeriod = rng.randint(0, 1) ? rng.randint(5, 30) : 0;
    w.policy.stayOnIo = rng.random() < 0.3;
    w.policy.ioBump = rng.random() < 0.3;
    w.policy.minGranularity = rng.randint(1, 3);
    w.policy.targetLatency = rng.randint(4, 12);
    w.machine.cpus = cpus;
    w.machine.contextSwitch = rng.randint(0, 2);
    w.machine.ioModel = rng.random() < 0.5 ? IoModel::Parallel : IoModel::FifoDevice;
    w.machine.devices = {"disk", "net"};
    w.machine.switchOnIo = rng.random() < 0.8;
    w.machine.ioDoneRunsImmediately = rng.random() < 0.2;
    w.machine.ioIssueCost = rng.randint(0, 1);
    w.machine.ioDoneCost = rng.randint(0, 1);
    w.compat.cyclicPidPick = policy == PolicyKind::Fifo && rng.random() < 0.3;
    w.compat.lazyRetire = rng.random() < 0.2;
    w.compat.dispatchOnlyAtSliceEnd = policy == PolicyKind::Lottery && rng.random() < 0.3;
    const auto n = rng.randint(1, 7);
    for (int i = 0; i < n; ++i) {
        ProcessSpec p;
        p.pid = i;
        p.name = "P" + std::to_string(i);
        p.arrival = rng.randint(0, 10);
        p.priority = static_cast<int>(rng.randint(0, 4));
        p.nice = static_cast<int>(rng.randint(-5, 5));
        p.tickets = static_cast<int>(rng.randint(1, 100));
        p.program = randomProgram(rng, 0, 2);
        w.processes.push_back(std::move(p));
    }
    w.tickLimit = 5000;
    return w;
}

void randomCommands(Simulator& sim, std::uint64_t seed)
{
    ostep::PyRandom rng(static_cast<std::int64_t>(seed) + 1'000'003);
    const auto count = rng.randint(0, 3);
    for (int i = 0; i < count; ++i) {
        Command c;
        c.at = rng.randint(0, 30);
        c.kind = static_cast<Command::Kind>(rng.randint(0, 3));
        c.pid = static_cast<Pid>(rng.randint(0, 8));
        c.process.program = {Op::cpu(rng.randint(1, 4))};
        sim.apply(c);
    }
    // Resume everything later so suspended processes do not stall the run.
    for (Pid pid = 0; pid < 40; ++pid)
        sim.apply(Command{40, Command::Kind::Resume, pid, {}, {}});
}

// Returns "" or what went wrong.
std::string checkInvariants(const Trace& trace, int cpus)
{
    const Tick end = trace.end();
    std::map<Tick, int> runningDelta;
    for (std::size_t i = 0; i < trace.processCount(); ++i) {
        const auto& t = trace.track(static_cast<ProcIndex>(i));
        const std::string who = trace.info(static_cast<ProcIndex>(i)).name;
        if (t.empty() || t.state(0) != ProcessState::New)
            return who + ": does not start New";
        Tick lifetime = 0;
        for (std::size_t k = 0; k < t.size(); ++k) {
            if (k > 0) {
                if (t.at(k) < t.at(k - 1))
                    return who + ": changes out of time order";
                if (t.state(k) != t.state(k - 1) && !isLegalTransition(t.state(k - 1), t.state(k)))
                    return who + ": illegal " + std::string(stateName(t.state(k - 1))) + " -> " +
                           std::string(stateName(t.state(k))) + " at " + std::to_string(t.at(k));
            }
            const Tick to = k + 1 < t.size() ? t.at(k + 1) : std::max(end, t.at(k));
            lifetime += to - t.at(k);
            if (t.state(k) == ProcessState::Running && to > t.at(k)) {
                runningDelta[t.at(k)] += 1;
                runningDelta[to] -= 1;
                // The CPU lane must agree: this CPU runs this process the whole time.
                const int cpu = t.aux(k);
                if (cpu < 0 || cpu >= cpus)
                    return who + ": running on no CPU";
                for (Tick at : {t.at(k), to - 1})
                    if (trace.cpu(cpu).procAt(at) != static_cast<ProcIndex>(i))
                        return who + ": CPU " + std::to_string(cpu) + " lane disagrees at " +
                               std::to_string(at);
            }
        }
        if (lifetime != std::max(end, t.at(t.size() - 1)) - t.at(0))
            return who + ": state durations do not add up to the lifetime";
        if (trace.finished() && t.state(t.size() - 1) != ProcessState::Terminated)
            return who + ": finished run with a process not terminated";
    }
    int running = 0;
    for (const auto& [at, d] : runningDelta) {
        running += d;
        if (running > cpus)
            return std::to_string(running) + " processes running on " + std::to_string(cpus) + " CPUs at " +
                   std::to_string(at);
    }
    const Metrics m = computeMetrics(trace);
    for (const auto& c : m.cpus)
        if (c.busy + c.idle + c.switching != end || c.idle < 0)
            return "busy + idle + switch != elapsed";
    return {};
}

} // namespace

class TestInvariants : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void randomWorkloads_data();
    void randomWorkloads();
};

void TestInvariants::randomWorkloads_data()
{
    QTest::addColumn<int>("policy");
    for (int k = 0; k < kPolicyCount; ++k)
        QTest::newRow(std::string(policyName(static_cast<PolicyKind>(k))).c_str()) << k;
}

void TestInvariants::randomWorkloads()
{
    QFETCH(int, policy);
    constexpr int kWorkloads = 1000;
    int finished = 0;
    for (int i = 0; i < kWorkloads; ++i) {
        const int cpus = 1 + i % 4;
        const auto seed = static_cast<std::uint64_t>(policy * 100'000 + i);
        const Workload w = randomWorkload(seed, static_cast<PolicyKind>(policy), cpus);
        Simulator a(w);
        randomCommands(a, seed);
        a.run();
        const std::string problem = checkInvariants(a.trace(), cpus);
        QVERIFY2(problem.empty(), qPrintable(QStringLiteral("seed %1, %2 CPUs: %3")
                                                 .arg(seed)
                                                 .arg(cpus)
                                                 .arg(QString::fromStdString(problem))));
        QVERIFY2(!a.hitTickLimit() && !a.stalled(),
            qPrintable(QStringLiteral("seed %1 did not finish").arg(seed)));
        finished += a.finished() ? 1 : 0;
        if (i % 10 == 0) { // determinism: the same input gives the same bytes
            Simulator b(w);
            randomCommands(b, seed);
            b.run();
            QCOMPARE(writeTraceJson(b.trace()), writeTraceJson(a.trace()));
        }
    }
    QCOMPARE(finished, kWorkloads);
}

QTEST_GUILESS_MAIN(TestInvariants)
#include "tst_invariants.moc"
