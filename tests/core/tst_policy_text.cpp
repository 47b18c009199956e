// The policy and machine captions of core/model/policy_text.h, in the textbook's words.
#include "core/model/policy_text.h"

#include <QTest>

using namespace procscope;

class TestPolicyText : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void describePolicy_data();
    void describePolicy();
    void describeMachine_data();
    void describeMachine();
    void everyPolicyHasATitle();
};

void TestPolicyText::describePolicy_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<qlonglong>("quantum");
    QTest::addColumn<qlonglong>("boost");
    QTest::addColumn<QString>("text");
    const auto row = [](const char* name, PolicyKind k, Tick q, Tick boost, const char* text) {
        QTest::newRow(name) << int(k) << qlonglong(q) << qlonglong(boost) << QString::fromUtf8(text);
    };
    row("fifo", PolicyKind::Fifo, 1, 0, "First In, First Out (FIFO)");
    row("sjf ignores the slice", PolicyKind::Sjf, 4, 0, "Shortest Job First (SJF)");
    row("rr one tick", PolicyKind::RoundRobin, 1, 0, "Round Robin, time slice 1 tick");
    row("rr four ticks", PolicyKind::RoundRobin, 4, 0, "Round Robin, time slice 4 ticks");
    row("lottery", PolicyKind::Lottery, 10, 0, "Lottery, time slice 10 ticks");
    row("mlfq no boost", PolicyKind::Mlfq, 1, 0, "MLFQ: 3 queues, time slices 10/10/10 ticks, no boost");
    row("mlfq boost", PolicyKind::Mlfq, 1, 50,
        "MLFQ: 3 queues, time slices 10/10/10 ticks, boost every 50 ticks");
    row("priority", PolicyKind::Priority, 1, 0, "Priority, preemptive");
    row("cfs", PolicyKind::Cfs, 1, 0,
        "Completely Fair Scheduler (CFS), sched_latency 48 ticks, min granularity 6 ticks");
}

void TestPolicyText::describePolicy()
{
    QFETCH(int, kind);
    QFETCH(qlonglong, quantum);
    QFETCH(qlonglong, boost);
    QFETCH(QString, text);
    PolicySpec p;
    p.kind = static_cast<PolicyKind>(kind);
    p.quantum = quantum;
    p.boostPeriod = boost;
    QCOMPARE(QString::fromStdString(procscope::describePolicy(p)), text);
}

void TestPolicyText::describeMachine_data()
{
    QTest::addColumn<int>("cpus");
    QTest::addColumn<qlonglong>("contextSwitch");
    QTest::addColumn<QString>("text");
    QTest::newRow("one CPU") << 1 << 0LL << QStringLiteral("1 CPU");
    QTest::newRow("two CPUs, a switch") << 2 << 1LL << QStringLiteral("2 CPUs, context switch 1 tick");
    QTest::newRow("switch of 3") << 4 << 3LL << QStringLiteral("4 CPUs, context switch 3 ticks");
}

void TestPolicyText::describeMachine()
{
    QFETCH(int, cpus);
    QFETCH(qlonglong, contextSwitch);
    QFETCH(QString, text);
    MachineSpec m;
    m.cpus = cpus;
    m.contextSwitch = contextSwitch;
    QCOMPARE(QString::fromStdString(procscope::describeMachine(m)), text);
}

void TestPolicyText::everyPolicyHasATitle()
{
    for (int k = 0; k < kPolicyCount; ++k)
        QVERIFY(policyTitle(static_cast<PolicyKind>(k)) != "?");
}

QTEST_GUILESS_MAIN(TestPolicyText)
#include "tst_policy_text.moc"
