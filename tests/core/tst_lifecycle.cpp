// The process API of OSTEP ch. 5 on the engine: fork, wait, exit, zombies, orphans, exec; and
// live commands (create, kill, suspend, resume) that change only the future.
#include "sim_helpers.h"

#include "core/io/trace_json_writer.h"

#include <QTest>

using namespace testing;

class TestLifecycle : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void childExitsFirstStaysZombieUntilWait();
    void parentWaitsForRunningChild();
    void orphanIsReapedByInit();
    void execReplacesProgram();
    void waitWithoutChildrenReturns();
    void commandsChangeOnlyTheFuture_data();
    void commandsChangeOnlyTheFuture();
    void suspendKeepsIoGoing();
    void tickLimitStopsForeverWorkload();
    void fifoDeviceServesInOrder();
    void contextSwitchHasItsOwnInterval();
};

// The parent forks a 1-tick child, computes 5 ticks, then waits: the child is a Zombie from when
// it exits until the parent's wait() reaps it.
void TestLifecycle::childExitsFirstStaysZombieUntilWait()
{
    Workload w = makeWorkload(
        {{0, {Op::fork({Op::cpu(1)}, "child"), Op::cpu(5), Op::wait(), Op::cpu(1)}}}, PolicyKind::Fifo);
    w.machine.cpus = 2;
    Simulator sim(w);
    sim.run();
    const Trace& t = sim.trace();
    QCOMPARE(t.processCount(), std::size_t(2));
    const auto child = *t.indexOf(1);
    QCOMPARE(t.info(child).name, std::string("child"));
    QCOMPARE(t.info(child).parent, 0);
    QCOMPARE(*t.track(child).stateAt(0), ProcessState::Running); // second CPU
    QCOMPARE(*t.track(child).stateAt(1), ProcessState::Zombie);
    QCOMPARE(*t.track(child).stateAt(4), ProcessState::Zombie);
    QCOMPARE(*t.track(child).stateAt(5), ProcessState::Terminated); // reaped by wait() at 5
    QCOMPARE(t.track(child).cause(t.track(child).indexAt(5)), Cause::Reaped);
    QCOMPARE(*t.track(0).stateAt(5), ProcessState::Running); // wait returned at once
    QCOMPARE(t.end(), Tick(6));
}

void TestLifecycle::parentWaitsForRunningChild()
{
    Workload w = makeWorkload({{0, {Op::fork({Op::cpu(4)}), Op::wait(), Op::cpu(1)}}}, PolicyKind::Fifo);
    Simulator sim(w);
    sim.run();
    const Trace& t = sim.trace();
    QCOMPARE(*t.track(0).stateAt(0), ProcessState::Blocked); // blocked in wait()
    QCOMPARE(t.track(0).aux(t.track(0).indexAt(0)), -1);
    QCOMPARE(*t.track(1).stateAt(3), ProcessState::Running);
    QCOMPARE(*t.track(1).stateAt(4), ProcessState::Terminated); // reaped the instant it exits
    QCOMPARE(*t.track(0).stateAt(4), ProcessState::Running);
    QCOMPARE(t.track(0).cause(t.track(0).indexAt(4) - 1), Cause::ChildExited);
}

void TestLifecycle::orphanIsReapedByInit()
{
    Workload w = makeWorkload({{0, {Op::fork({Op::cpu(5)}), Op::exit(3)}}}, PolicyKind::Fifo);
    Simulator sim(w);
    sim.run();
    const Trace& t = sim.trace();
    QCOMPARE(t.info(0).exitCode, 3);
    QCOMPARE(t.info(1).parent, 0); // the trace keeps who forked it; init adopted it at tick 1
    QCOMPARE(*t.track(1).stateAt(5), ProcessState::Terminated); // init reaps it at once
}

void TestLifecycle::execReplacesProgram()
{
    Workload w = makeWorkload({{0, {Op::cpu(1), Op::exec({Op::cpu(2)}), Op::cpu(100)}}}, PolicyKind::Fifo);
    const Metrics m = runMetrics(w);
    QCOMPARE(m.processes[0].cpu, Tick(3));
}

void TestLifecycle::waitWithoutChildrenReturns()
{
    const Metrics m = runMetrics(makeWorkload({{0, {Op::wait(), Op::cpu(2)}}}, PolicyKind::Fifo));
    QCOMPARE(m.processes[0].turnaround, Tick(2));
}

void TestLifecycle::commandsChangeOnlyTheFuture_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<ProcessState>("stateAfter");
    QTest::newRow("kill") << int(Command::Kind::Kill) << ProcessState::Terminated;
    QTest::newRow("suspend") << int(Command::Kind::Suspend) << ProcessState::Suspended;
}

void TestLifecycle::commandsChangeOnlyTheFuture()
{
    QFETCH(int, kind);
    QFETCH(ProcessState, stateAfter);
    const Workload w = cpuJobs({{0, 10}, {0, 10}, {0, 10}}, PolicyKind::RoundRobin, 2);
    Simulator plain(w);
    plain.run();
    Simulator changed(w);
    changed.run();
    changed.apply(Command{7, static_cast<Command::Kind>(kind), 1, {}, {}});
    for (Tick t = 0; t < 7; ++t)
        for (ProcIndex p = 0; p < 3; ++p)
            QCOMPARE(changed.trace().track(p).stateAt(t), plain.trace().track(p).stateAt(t));
    QCOMPARE(*changed.trace().track(1).stateAt(7), stateAfter);
    QCOMPARE(*changed.trace().track(1).stateAt(changed.trace().end()), stateAfter);
    // Resuming gives B its remaining work back; everybody finishes.
    changed.apply(Command{12, Command::Kind::Resume, 1, {}, {}});
    changed.run();
    if (stateAfter == ProcessState::Suspended) {
        QVERIFY(changed.finished());
        QCOMPARE(computeMetrics(changed.trace()).processes[1].cpu, Tick(10));
    }
}

void TestLifecycle::suspendKeepsIoGoing()
{
    Workload w = makeWorkload({{0, {Op::io(5), Op::cpu(1)}}}, PolicyKind::Fifo);
    Simulator sim(w);
    sim.apply(Command{1, Command::Kind::Suspend, 0, {}, {}});
    sim.apply(Command{8, Command::Kind::Resume, 0, {}, {}});
    sim.run();
    const Trace& t = sim.trace();
    QCOMPARE(*t.track(0).stateAt(3), ProcessState::Suspended);
    QCOMPARE(*t.track(0).stateAt(8), ProcessState::Running); // the I/O finished while suspended
    QCOMPARE(t.end(), Tick(9));
}

void TestLifecycle::tickLimitStopsForeverWorkload()
{
    Workload w = cpuJobs({{0, 1'000'000}}, PolicyKind::Fifo);
    w.tickLimit = 500;
    Simulator sim(w);
    sim.run();
    QVERIFY(sim.hitTickLimit());
    QVERIFY(!sim.finished());
    QCOMPARE(sim.trace().end(), Tick(500));
    QCOMPARE(sim.trace().events().back().kind, SystemEvent::Kind::TickLimit);
}

void TestLifecycle::fifoDeviceServesInOrder()
{
    Workload w = makeWorkload({{0, {Op::io(4)}}, {0, {Op::io(4)}}}, PolicyKind::Fifo);
    w.machine.ioModel = IoModel::FifoDevice;
    Simulator sim(w);
    sim.run();
    // A's request is served first (0..4), B's waits for the device and is served 4..8.
    QCOMPARE(*sim.trace().track(1).stateAt(2), ProcessState::Blocked);
    QCOMPARE(computeMetrics(sim.trace()).processes[0].finish, Tick(4));
    QCOMPARE(computeMetrics(sim.trace()).processes[1].finish, Tick(8));
    w.machine.ioModel = IoModel::Parallel;
    QCOMPARE(runMetrics(w).processes[1].finish, Tick(4));
}

void TestLifecycle::contextSwitchHasItsOwnInterval()
{
    Workload w = cpuJobs({{0, 3}, {0, 3}}, PolicyKind::Fifo);
    w.machine.contextSwitch = 2;
    Simulator sim(w);
    sim.run();
    const CpuTrack& cpu = sim.trace().cpu(0);
    QCOMPARE(cpu.procAt(0), kCpuSwitch);
    QCOMPARE(cpu.procAt(2), 0);
    QCOMPARE(cpu.procAt(5), kCpuSwitch);
    QCOMPARE(cpu.procAt(7), 1);
    const Metrics m = computeMetrics(sim.trace());
    QCOMPARE(m.cpus[0].switching, Tick(4));
    QCOMPARE(m.cpus[0].busy, Tick(6));
    QCOMPARE(m.elapsed, Tick(10));
}

QTEST_GUILESS_MAIN(TestLifecycle)
#include "tst_lifecycle.moc"
