// Every policy against schedules worked by hand in OSTEP chapters 7-9.
#include "sim_helpers.h"

#include "core/trace/cursor.h"

#include <QTest>

using namespace testing;

Q_DECLARE_METATYPE(procscope::Workload)

class TestPolicies : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void averages_data();
    void averages();
    void dispatchOrder_data();
    void dispatchOrder();
    void stcfPreemptsWithReason();
    void mlfqDemotesThenBoosts();
    void mlfqIoKeepsPriority();
    void stridePassValues();
    void lotteryIsFairOverTime();
    void priorityAgingPreventsStarvation();
    void cfsSharesByWeight();
};

void TestPolicies::averages_data()
{
    QTest::addColumn<Workload>("workload");
    QTest::addColumn<double>("turnaround");
    QTest::addColumn<double>("response");

    // Figure 7.1: FIFO, A B C of 10 each -> (10 + 20 + 30) / 3.
    QTest::newRow("fifo three 10s") << cpuJobs({{0, 10}, {0, 10}, {0, 10}}, PolicyKind::Fifo) << 20.0 << 10.0;
    // Figure 7.2: FIFO convoy, A = 100 first -> (100 + 110 + 120) / 3.
    QTest::newRow("fifo convoy") << cpuJobs({{0, 100}, {0, 10}, {0, 10}}, PolicyKind::Fifo) << 110.0 << 70.0;
    // Figure 7.3: SJF runs B and C first -> (10 + 20 + 120) / 3.
    QTest::newRow("sjf 100 10 10") << cpuJobs({{0, 100}, {0, 10}, {0, 10}}, PolicyKind::Sjf) << 50.0 << 10.0;
    // Figure 7.4: SJF, B and C arrive at 10, A cannot be preempted -> (100 + 100 + 110) / 3.
    QTest::newRow("sjf late arrivals")
        << cpuJobs({{0, 100}, {10, 10}, {10, 10}}, PolicyKind::Sjf) << 310.0 / 3 << (0.0 + 90 + 100) / 3;
    // Figure 7.5: STCF preempts A -> (120 + 10 + 20) / 3.
    QTest::newRow("stcf late arrivals")
        << cpuJobs({{0, 100}, {10, 10}, {10, 10}}, PolicyKind::Stcf) << 50.0 << (0.0 + 0 + 10) / 3;
    // Figure 7.7: RR with a 1-tick slice on three 5-tick jobs: response (0 + 1 + 2) / 3 = 1.
    QTest::newRow("rr q1 three 5s") << cpuJobs({{0, 5}, {0, 5}, {0, 5}}, PolicyKind::RoundRobin, 1) << 14.0
                                    << 1.0;
    // Figure 7.6: the same jobs under SJF: response (0 + 5 + 10) / 3 = 5.
    QTest::newRow("sjf three 5s") << cpuJobs({{0, 5}, {0, 5}, {0, 5}}, PolicyKind::Sjf) << 10.0 << 5.0;
}

void TestPolicies::averages()
{
    QFETCH(Workload, workload);
    QFETCH(double, turnaround);
    QFETCH(double, response);
    const Metrics m = runMetrics(workload);
    QCOMPARE(m.finished, static_cast<int>(workload.processes.size()));
    QCOMPARE(m.avgTurnaround, turnaround);
    QCOMPARE(m.avgResponse, response);
}

void TestPolicies::dispatchOrder_data()
{
    QTest::addColumn<Workload>("workload");
    QTest::addColumn<QString>("order");
    QTest::newRow("fifo") << cpuJobs({{0, 3}, {0, 2}, {0, 1}}, PolicyKind::Fifo) << QStringLiteral("ABC");
    QTest::newRow("sjf") << cpuJobs({{0, 3}, {0, 2}, {0, 1}}, PolicyKind::Sjf) << QStringLiteral("CBA");
    // RR quantum 2: A2 B2 C1 | A1 -- the slice of a lone job is renewed in place (its own record).
    QTest::newRow("rr q2") << cpuJobs({{0, 3}, {0, 2}, {0, 1}}, PolicyKind::RoundRobin, 2)
                           << QStringLiteral("ABCA");
    QTest::newRow("rr lone job renews")
        << cpuJobs({{0, 3}}, PolicyKind::RoundRobin, 1) << QStringLiteral("AAA");
    Workload priority = makeWorkload(
        {{0, {Op::cpu(4)}, 3}, {1, {Op::cpu(2)}, 1}, {2, {Op::cpu(1)}, 2}}, PolicyKind::Priority);
    QTest::newRow("priority preemptive") << priority << QStringLiteral("ABCA");
    priority.policy.preemptive = false;
    QTest::newRow("priority non-preemptive") << priority << QStringLiteral("ABC");
}

void TestPolicies::dispatchOrder()
{
    QFETCH(Workload, workload);
    QFETCH(QString, order);
    Simulator sim(workload);
    sim.run();
    QVERIFY(sim.finished());
    QCOMPARE(QString::fromStdString(testing::dispatchOrder(sim.trace())), order);
}

void TestPolicies::stcfPreemptsWithReason()
{
    Simulator sim(cpuJobs({{0, 10}, {2, 3}}, PolicyKind::Stcf));
    sim.run();
    const CpuTrack& cpu = sim.trace().cpu(0);
    const auto i = cpu.indexAt(2);
    QCOMPARE(cpu.proc(i), 1); // B took the CPU at 2
    QCOMPARE(cpu.reason(i), Reason::Stcf);
    QCOMPARE(cpu.a(i), 3); // B's remaining 3 ...
    QCOMPARE(cpu.b(i), 8); // ... beat A's remaining 8
    QCOMPARE(*sim.trace().track(0).stateAt(2), ProcessState::Ready);
    QCOMPARE(sim.trace().track(0).cause(sim.trace().track(0).indexAt(2)), Cause::Preempted);
}

// OSTEP 8.2/8.3: a long job drops one level per allotment; the boost brings it back to the top.
void TestPolicies::mlfqDemotesThenBoosts()
{
    Workload w = cpuJobs({{0, 200}}, PolicyKind::Mlfq);
    w.policy.mlfqQuanta = {10, 10, 10};
    w.policy.mlfqAllotments = {1, 1, 1};
    w.policy.boostPeriod = 50;
    w.tickLimit = 1000;
    Simulator sim(w);
    sim.run();
    const ProcessTrack& a = sim.trace().track(0);
    QCOMPARE(a.level(a.indexAt(5)), 0);
    QCOMPARE(a.level(a.indexAt(15)), 1);
    QCOMPARE(a.level(a.indexAt(25)), 2);
    QCOMPARE(a.level(a.indexAt(49)), 2);
    QCOMPARE(a.level(a.indexAt(50)), 0); // boosted
    QCOMPARE(a.level(a.indexAt(65)), 1);
    bool sawBoost = false;
    for (const auto& e : sim.trace().events())
        sawBoost = sawBoost || (e.kind == SystemEvent::Kind::Boost && e.at == 50);
    QVERIFY(sawBoost);
}

// OSTEP 8.3 rule 4b (old rules): a job that gives up the CPU before its slice ends stays put.
void TestPolicies::mlfqIoKeepsPriority()
{
    Program interactive;
    for (int i = 0; i < 5; ++i) {
        interactive.push_back(Op::cpu(1));
        interactive.push_back(Op::io(4));
    }
    Workload w = makeWorkload({{0, {Op::cpu(100)}}, {0, interactive}}, PolicyKind::Mlfq);
    w.policy.mlfqQuanta = {10, 10, 10};
    w.policy.mlfqAllotments = {2, 2, 2}; // 20 ticks at the top before demotion
    Simulator sim(w);
    sim.run();
    const ProcessTrack& b = sim.trace().track(1);
    for (std::size_t i = 0; i < b.size(); ++i)
        if (b.state(i) == ProcessState::Running)
            QCOMPARE(b.level(i), 0);
}

// OSTEP figure 9.3: tickets A 100, B 50, C 250 with big 10000 -> strides 100, 200, 40.
void TestPolicies::stridePassValues()
{
    Workload w =
        makeWorkload({{0, {Op::cpu(10)}, 0, 100}, {0, {Op::cpu(10)}, 0, 50}, {0, {Op::cpu(10)}, 0, 250}},
            PolicyKind::Stride, 1);
    Simulator sim(w);
    sim.advanceTo(8);
    QCOMPARE(QString::fromStdString(testing::dispatchOrder(sim.trace())).left(8), QStringLiteral("ABCCCACC"));
    const CpuTrack& cpu = sim.trace().cpu(0);
    const std::vector<int> passes{0, 0, 0, 40, 80, 100, 120, 160};
    for (std::size_t i = 0; i < passes.size(); ++i) {
        QCOMPARE(cpu.reason(i), Reason::Stride);
        QCOMPARE(cpu.a(i), passes[i]);
    }
}

void TestPolicies::lotteryIsFairOverTime()
{
    Workload w =
        makeWorkload({{0, {Op::cpu(4000)}, 0, 75}, {0, {Op::cpu(4000)}, 0, 25}}, PolicyKind::Lottery, 1);
    w.seed = 7;
    w.tickLimit = 100000;
    Simulator sim(w);
    sim.advanceTo(2000);
    const Metrics m = computeMetrics(sim.trace());
    const double share = static_cast<double>(m.processes[0].cpu) / 2000.0;
    QVERIFY2(share > 0.70 && share < 0.80, qPrintable(QString::number(share)));
}

void TestPolicies::priorityAgingPreventsStarvation()
{
    // C (priority 5) would wait behind a stream of important work; aging lets it run.
    Workload w = makeWorkload({{0, {Op::cpu(100)}, 0}, {0, {Op::cpu(5)}, 5}}, PolicyKind::Priority);
    w.policy.agingInterval = 2;
    Simulator sim(w);
    sim.run();
    const Metrics aged = computeMetrics(sim.trace());
    w.policy.agingInterval = 0;
    const Metrics starved = runMetrics(w);
    QVERIFY(aged.processes[1].response < starved.processes[1].response);
    QCOMPARE(starved.processes[1].response, Tick(100));
}

void TestPolicies::cfsSharesByWeight()
{
    Workload w = makeWorkload({{0, {Op::cpu(10000)}}, {0, {Op::cpu(10000)}}}, PolicyKind::Cfs);
    w.processes[0].nice = 0; // weight 1024
    w.processes[1].nice = 5; // weight 335
    w.policy.targetLatency = 48;
    w.policy.minGranularity = 1;
    Simulator sim(w);
    sim.advanceTo(4000);
    const Metrics m = computeMetrics(sim.trace());
    const double share = static_cast<double>(m.processes[0].cpu) / 4000.0;
    const double expected = 1024.0 / (1024.0 + 335.0);
    QVERIFY2(std::abs(share - expected) < 0.02, qPrintable(QString::number(share)));
}

QTEST_GUILESS_MAIN(TestPolicies)
#include "tst_policies.moc"
