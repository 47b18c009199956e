// The item models of the process table, the ready queues and the event log, each under
// QAbstractItemModelTester, stepped through whole simulations and checked against the engine; and
// the wording of scheduling decisions and state changes, policy by policy.
#include "core/io/trace_file.h"
#include "core/io/workload_json.h"
#include "core/metrics/metrics.h"
#include "core/trace/cursor.h"
#include "tests/core/sim_helpers.h"
#include "ui/document/document.h"
#include "ui/models/decision_text.h"
#include "ui/models/event_log_model.h"
#include "ui/models/process_table_model.h"
#include "ui/models/ready_queue_model.h"
#include "ui/playback/playback_controller.h"

#include <QAbstractItemModelTester>
#include <QRegularExpression>
#include <QTest>

#include <map>
#include <memory>
#include <variant>

using namespace procscope;
using namespace procscope::ui;
using testing::Job;
using testing::makeWorkload;

namespace {

Workload demoWorkload()
{
    return testing::bundledWorkload("demo.json");
}

// Everything at once: two CPUs with a context-switch cost, MLFQ with three levels and a boost, two
// devices served one request at a time, a fork and wait, an orphan, and late arrivals.
Workload richWorkload()
{
    const Program child{Op::cpu(3), Op::io(4, 1), Op::cpu(2)};
    const Program orphan{Op::cpu(6), Op::io(2), Op::cpu(1)};
    Workload w = makeWorkload(
        {
            Job{0, {Op::cpu(5), Op::fork(child, "child"), Op::wait(), Op::cpu(2)}},
            Job{0, {Op::cpu(12)}},
            Job{3, {Op::cpu(1), Op::io(3), Op::cpu(1), Op::io(3), Op::cpu(1), Op::io(2, 1), Op::cpu(1)}},
            Job{6, {Op::cpu(20)}},
            Job{8, {Op::cpu(2), Op::fork(orphan, "orphan"), Op::cpu(1)}},
            Job{9, {Op::io(5), Op::cpu(4)}},
        },
        PolicyKind::Mlfq, 1, 2);
    w.policy.mlfqQuanta = {2, 4, 8};
    w.policy.mlfqAllotments = {1, 1, 1};
    w.policy.boostPeriod = 25;
    w.machine.contextSwitch = 1;
    w.machine.devices = {"disk", "net"};
    w.machine.ioModel = IoModel::FifoDevice;
    return w;
}

// Time a track spends in each category over [0, upTo), the slow way.
struct Spent {
    Tick cpu = 0, ready = 0, io = 0;
};
Spent spentBefore(const ProcessTrack& track, Tick upTo, Tick end)
{
    Spent s;
    for (std::size_t k = 0; k < track.size(); ++k) {
        const Tick from = track.at(k);
        const Tick to = std::min(k + 1 < track.size() ? track.at(k + 1) : end, upTo);
        if (to <= from)
            continue;
        if (track.state(k) == ProcessState::Running)
            s.cpu += to - from;
        else if (track.state(k) == ProcessState::Ready)
            s.ready += to - from;
        else if (track.state(k) == ProcessState::Blocked && track.aux(k) >= 0)
            s.io += to - from;
    }
    return s;
}

qlonglong cell(const QAbstractItemModel& m, int row, int column, int role = Qt::DisplayRole)
{
    const QVariant v = m.index(row, column).data(role);
    return v.isValid() ? v.toLongLong() : -1;
}

// A simulated document with a controller and the three models under the tester.
struct Fixture {
    explicit Fixture(Workload w)
        : document(std::move(w), QStringLiteral("test"))
    {
        // The models exist before the trace does: they must follow it growing from nothing.
        controller.setDocument(&document);
        table.follow(&controller);
        queues.follow(&controller);
        log.follow(&controller);
        document.simulateAll();
    }
    const Trace& trace() const { return document.trace(); }

    Document document;
    PlaybackController controller;
    ProcessTableModel table;
    ReadyQueueModel queues;
    EventLogModel log;
    QAbstractItemModelTester tableTester{&table, QAbstractItemModelTester::FailureReportingMode::QtTest};
    QAbstractItemModelTester queuesTester{&queues, QAbstractItemModelTester::FailureReportingMode::QtTest};
    QAbstractItemModelTester logTester{&log, QAbstractItemModelTester::FailureReportingMode::QtTest};
};

// The process table at the controller's tick against the trace, read the slow way.
void checkTable(const Fixture& f)
{
    const Trace& trace = f.trace();
    const Tick t = f.controller.tick();
    const Tick upTo = std::min(t + 1, trace.end());
    int created = 0;
    for (ProcIndex p = 0; p < static_cast<ProcIndex>(trace.processCount()); ++p)
        created += trace.track(p).at(0) <= t ? 1 : 0;
    QCOMPARE(f.table.rowCount(), created);
    for (int row = 0; row < f.table.rowCount(); ++row) {
        const int p = f.table.index(row, 0).data(ProcessTableModel::ProcIndexRole).toInt();
        QCOMPARE(f.table.processAt(row), p);
        QCOMPARE(f.table.rowOfProcess(p), row);
        const auto& track = trace.track(p);
        QVERIFY(track.at(0) <= t);
        QCOMPARE(cell(f.table, row, ProcessTableModel::Pid), qlonglong(trace.info(p).pid));
        QCOMPARE(f.table.index(row, 0).data(ProcessTableModel::StateRole).toInt(), int(*track.stateAt(t)));
        QCOMPARE(
            f.table.index(row, ProcessTableModel::State).data().toString(), stateLabel(*track.stateAt(t)));
        const Spent s = spentBefore(track, upTo, trace.end());
        QCOMPARE(cell(f.table, row, ProcessTableModel::CpuTime), qlonglong(s.cpu));
        QCOMPARE(cell(f.table, row, ProcessTableModel::ReadyTime), qlonglong(s.ready));
        QCOMPARE(cell(f.table, row, ProcessTableModel::IoTime), qlonglong(s.io));
        if (trace.meta.mlfqLevels > 0) {
            const auto k = track.indexAt(t);
            const ProcessState st = track.state(k);
            const bool shown =
                st == ProcessState::Ready || st == ProcessState::Running || st == ProcessState::Blocked;
            QCOMPARE(cell(f.table, row, ProcessTableModel::Priority), shown ? qlonglong(track.level(k)) : -1);
        } else {
            QCOMPARE(cell(f.table, row, ProcessTableModel::Priority), qlonglong(trace.info(p).priority));
        }
    }
}

// The ready-queue tree at the controller's tick against the Frame.
void checkQueues(const Fixture& f)
{
    const Frame frame = frameAt(f.trace(), f.controller.tick());
    const ReadyQueueModel& m = f.queues;
    auto members = [&m](int groupRow) {
        std::vector<ProcIndex> list;
        const QModelIndex parent = m.index(groupRow, 0);
        for (int r = 0; r < m.rowCount(parent); ++r)
            list.push_back(m.index(r, 0, parent).data(ReadyQueueModel::ProcIndexRole).toInt());
        return list;
    };
    const int cpus = m.groupRow(ReadyQueueModel::Group::Cpus);
    QCOMPARE(m.rowCount(m.index(cpus, 0)), f.trace().cpuCount());
    for (int c = 0; c < f.trace().cpuCount(); ++c) {
        const QString text = m.index(c, 0, m.index(cpus, 0)).data().toString();
        const ProcIndex running = frame.running[static_cast<std::size_t>(c)];
        QVERIFY2(text.startsWith(QStringLiteral("CPU %1: ").arg(c)), qPrintable(text));
        if (running == kCpuSwitch)
            QCOMPARE(text, QStringLiteral("CPU %1: context switch").arg(c));
        else if (running < 0)
            QCOMPARE(text, QStringLiteral("CPU %1: idle").arg(c));
        else
            QVERIFY2(text.contains(QStringLiteral("P%1").arg(f.trace().info(running).pid)), qPrintable(text));
    }
    for (std::size_t level = 0; level < frame.readyQueues.size(); ++level)
        QCOMPARE(
            members(m.groupRow(ReadyQueueModel::Group::ReadyQueue, int(level))), frame.readyQueues[level]);
    for (std::size_t d = 0; d < frame.ioQueues.size(); ++d)
        QCOMPARE(members(m.groupRow(ReadyQueueModel::Group::IoQueue, int(d))), frame.ioQueues[d]);
    QCOMPARE(members(m.groupRow(ReadyQueueModel::Group::Waiting)), frame.waiting);
}

// The n-th decision (a CPU record with a reason) of a CPU.
std::optional<std::size_t> nthDecision(const Trace& trace, int cpu, int n)
{
    for (std::size_t k = 0; k < trace.cpu(cpu).size(); ++k)
        if (trace.cpu(cpu).reason(k) != Reason::None && n-- == 0)
            return k;
    return std::nullopt;
}

// Tiny workloads, one or two per policy, for the wording tests.
Workload tiny(const QString& name)
{
    using testing::cpuJobs;
    if (name == QLatin1String("fifo"))
        return cpuJobs({{0, 3}, {0, 2}}, PolicyKind::Fifo);
    if (name == QLatin1String("sjf"))
        return cpuJobs({{0, 5}, {0, 2}, {0, 3}}, PolicyKind::Sjf);
    if (name == QLatin1String("stcf"))
        return cpuJobs({{0, 8}, {2, 3}}, PolicyKind::Stcf);
    if (name == QLatin1String("stcf-2cpus")) {
        Workload w = cpuJobs({{0, 10}, {0, 10}, {2, 2}, {2, 4}}, PolicyKind::Stcf);
        w.machine.cpus = 2;
        return w;
    }
    if (name == QLatin1String("rr"))
        return cpuJobs({{0, 3}, {0, 3}}, PolicyKind::RoundRobin, 2);
    if (name == QLatin1String("rr-alone"))
        return cpuJobs({{0, 5}}, PolicyKind::RoundRobin, 2);
    if (name == QLatin1String("priority")) {
        return makeWorkload({Job{0, {Op::cpu(4)}, 2}, Job{0, {Op::cpu(2)}, 1}, Job{0, {Op::cpu(1)}, 3}},
            PolicyKind::Priority);
    }
    if (name == QLatin1String("mlfq"))
        return cpuJobs({{0, 15}, {0, 5}}, PolicyKind::Mlfq);
    if (name == QLatin1String("mlfq-boost")) {
        Workload w = cpuJobs({{0, 8}}, PolicyKind::Mlfq);
        w.policy.mlfqQuanta = {10, 10};
        w.policy.mlfqAllotments = {1, 1};
        w.policy.boostPeriod = 5;
        return w;
    }
    if (name == QLatin1String("mlfq-boost-demoted")) {
        Workload w = cpuJobs({{0, 12}}, PolicyKind::Mlfq);
        w.policy.mlfqQuanta = {2, 4};
        w.policy.mlfqAllotments = {1, 1};
        w.policy.boostPeriod = 6;
        return w;
    }
    if (name == QLatin1String("mlfq-allotment")) {
        Workload w = cpuJobs({{0, 7}, {0, 7}}, PolicyKind::Mlfq);
        w.policy.mlfqQuanta = {2, 2};
        w.policy.mlfqAllotments = {3, 1};
        return w;
    }
    if (name == QLatin1String("lottery")) {
        Workload w =
            makeWorkload({Job{0, {Op::cpu(3)}, 0, 75}, Job{0, {Op::cpu(3)}, 0, 25}}, PolicyKind::Lottery);
        w.seed = 7;
        return w;
    }
    if (name == QLatin1String("stride"))
        return makeWorkload({Job{0, {Op::cpu(3)}, 0, 100}, Job{0, {Op::cpu(3)}, 0, 50}}, PolicyKind::Stride);
    if (name == QLatin1String("cfs"))
        return cpuJobs({{0, 10}, {0, 10}}, PolicyKind::Cfs);
    if (name == QLatin1String("cyclic")) {
        Workload w = cpuJobs({{0, 2}, {0, 2}}, PolicyKind::Fifo);
        w.compat.cyclicPidPick = true;
        return w;
    }
    if (name == QLatin1String("io-immediate")) {
        Workload w = makeWorkload({Job{0, {Op::io(2), Op::cpu(1)}}, Job{0, {Op::cpu(5)}}}, PolicyKind::Fifo);
        w.machine.ioDoneRunsImmediately = true;
        return w;
    }
    if (name == QLatin1String("held-cpu")) {
        Workload w = makeWorkload(
            {Job{0, {Op::cpu(1), Op::io(2), Op::cpu(1)}}, Job{0, {Op::cpu(2)}}}, PolicyKind::Fifo);
        w.machine.switchOnIo = false;
        return w;
    }
    if (name == QLatin1String("switch")) {
        Workload w = cpuJobs({{0, 2}, {0, 2}}, PolicyKind::Fifo);
        w.machine.contextSwitch = 1;
        return w;
    }
    if (name == QLatin1String("fork")) {
        return makeWorkload({Job{0, {Op::cpu(1), Op::fork({Op::cpu(2)}), Op::wait(), Op::cpu(1)}},
                                Job{0, {Op::cpu(1), Op::io(3), Op::cpu(1), Op::exit(3)}}},
            PolicyKind::RoundRobin, 1);
    }
    qFatal("no tiny workload named %s", qPrintable(name));
}

Trace simulate(const Workload& w)
{
    Simulator sim(w);
    sim.run();
    return sim.trace();
}

} // namespace

class TestModels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void orphanShowsItsAdoption();
    void linuxSleepsAreNotCalledIo();
    void steppedThroughWorkloads_data();
    void steppedThroughWorkloads();
    void processTableEmitsOnlyChangedCells();
    void emptyAndReplacedDocuments();
    void eventLogOrder_data();
    void eventLogOrder();
    void rowForTick();
    void describeDecision_data();
    void describeDecision();
    void lotteryNumbers();
    void describeChange_data();
    void describeChange();
};

void TestModels::steppedThroughWorkloads_data()
{
    QTest::addColumn<QString>("workload");
    QTest::newRow("demo.json") << QStringLiteral("demo");
    QTest::newRow("mlfq, 2 CPUs, fork, 2 devices") << QStringLiteral("rich");
    QTest::newRow("io-immediate") << QStringLiteral("io-immediate");
    QTest::newRow("held-cpu") << QStringLiteral("held-cpu");
}

void TestModels::steppedThroughWorkloads()
{
    QFETCH(QString, workload);
    Fixture f(workload == QLatin1String("demo")   ? demoWorkload()
              : workload == QLatin1String("rich") ? richWorkload()
                                                  : tiny(workload));
    const Trace& trace = f.trace();
    QVERIFY(trace.finished());
    QVERIFY(trace.end() > 0);
    if (workload == QLatin1String("rich")) {
        // The workload really has what it is meant to test.
        QCOMPARE(trace.cpuCount(), 2);
        QCOMPARE(trace.meta.mlfqLevels, 3);
        QVERIFY(trace.processCount() == 8);
        QVERIFY(!trace.events().empty());
    }

    // Forward one tick at a time, then back, then jumps.
    for (Tick t = 0; t <= f.controller.lastTick(); ++t) {
        f.controller.seek(t);
        QCOMPARE(f.controller.tick(), t);
        checkTable(f);
        checkQueues(f);
        if (QTest::currentTestFailed())
            QFAIL(qPrintable(QStringLiteral("at tick %1").arg(t)));
    }
    for (Tick t = f.controller.lastTick(); t >= 0; t -= 3) {
        f.controller.seek(t);
        checkTable(f);
        checkQueues(f);
        if (QTest::currentTestFailed())
            QFAIL(qPrintable(QStringLiteral("back at tick %1").arg(t)));
    }
    for (Tick t : {f.controller.lastTick(), Tick(0), f.controller.lastTick() / 2, Tick(1)}) {
        f.controller.seek(t);
        checkTable(f);
        checkQueues(f);
    }

    // At the last tick the table is the textbook's metrics.
    f.controller.toEnd();
    const Metrics m = computeMetrics(trace);
    QCOMPARE(f.table.rowCount(), int(trace.processCount()));
    for (const ProcessMetrics& pm : m.processes) {
        const int row = f.table.rowOfProcess(pm.index);
        QVERIFY(row >= 0);
        QCOMPARE(cell(f.table, row, ProcessTableModel::CpuTime), qlonglong(pm.cpu));
        QCOMPARE(cell(f.table, row, ProcessTableModel::ReadyTime), qlonglong(pm.waiting));
        QCOMPARE(cell(f.table, row, ProcessTableModel::IoTime), qlonglong(pm.io));
        QCOMPARE(cell(f.table, row, ProcessTableModel::Turnaround), qlonglong(pm.turnaround));
        QCOMPARE(cell(f.table, row, ProcessTableModel::Response), qlonglong(pm.response));
        QCOMPARE(cell(f.table, row, ProcessTableModel::Turnaround, ProcessTableModel::SortRole),
            qlonglong(pm.turnaround));
    }

    // The log holds every state change, every decision and every system event once.
    std::size_t expected = trace.events().size();
    for (ProcIndex p = 0; p < static_cast<ProcIndex>(trace.processCount()); ++p)
        expected += trace.track(p).size();
    for (int c = 0; c < trace.cpuCount(); ++c)
        for (std::size_t k = 0; k < trace.cpu(c).size(); ++k)
            expected += trace.cpu(c).reason(k) != Reason::None ? 1 : 0;
    QCOMPARE(std::size_t(f.log.rowCount()), expected);
    for (int row = 0; row < f.log.rowCount(); ++row) {
        for (int column = 0; column < EventLogModel::ColumnCount; ++column)
            QVERIFY2(!f.log.index(row, column).data().toString().isEmpty(),
                qPrintable(QStringLiteral("row %1 column %2").arg(row).arg(column)));
    }
}

// A tick change announces the cells that changed and nothing else: no reset, no name or pid.
void TestModels::processTableEmitsOnlyChangedCells()
{
    Fixture f(demoWorkload());
    f.controller.seek(5);
    int resets = 0;
    QModelIndex topLeft, bottomRight;
    int changes = 0;
    connect(&f.table, &QAbstractItemModel::modelReset, this, [&] { ++resets; });
    connect(
        &f.table, &QAbstractItemModel::dataChanged, this, [&](const QModelIndex& a, const QModelIndex& b) {
            ++changes;
            topLeft = a;
            bottomRight = b;
        });
    f.controller.seek(6);
    QCOMPARE(resets, 0);
    QCOMPARE(changes, 1);
    QVERIFY(topLeft.column() >= ProcessTableModel::State);
    QVERIFY(bottomRight.column() <= ProcessTableModel::Response);

    // Stepping within a run where only the CPU and Ready times grow touches only those columns.
    changes = 0;
    f.controller.seek(f.controller.tick()); // no move, no signal
    QCOMPARE(changes, 0);
}

void TestModels::emptyAndReplacedDocuments()
{
    PlaybackController controller;
    ProcessTableModel table;
    ReadyQueueModel queues;
    EventLogModel log;
    QAbstractItemModelTester t1(&table, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(&queues, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t3(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
    table.follow(&controller);
    queues.follow(&controller);
    log.follow(&controller);
    QCOMPARE(table.rowCount(), 0);
    QCOMPARE(queues.rowCount(), 0);
    QCOMPARE(log.rowCount(), 0);
    QCOMPARE(log.rowForTick(5), -1);

    auto a = std::make_unique<Document>(demoWorkload(), QStringLiteral("a"));
    a->simulateAll();
    controller.setDocument(a.get());
    controller.seek(12);
    QVERIFY(table.rowCount() > 0);
    QVERIFY(log.rowCount() > 0);

    auto b = std::make_unique<Document>(richWorkload(), QStringLiteral("b"));
    b->simulateAll();
    controller.setDocument(b.get());
    QCOMPARE(
        table.headerData(ProcessTableModel::Priority, Qt::Horizontal).toString(), QStringLiteral("Queue"));
    QCOMPARE(queues.rowCount(), 1 + 3 + 2 + 1); // CPUs, three levels, two devices, waiting
    controller.seek(7);

    // A live change re-simulates the future: the models follow without reading stale indices.
    Command kill;
    kill.kind = Command::Kind::Kill;
    kill.at = 8;
    kill.pid = 0;
    b->apply(kill);
    for (Tick t = 0; t <= controller.lastTick(); ++t)
        controller.seek(t);

    controller.setDocument(nullptr);
    QCOMPARE(table.rowCount(), 0);
    QCOMPARE(queues.rowCount(), 0);
    QCOMPARE(log.rowCount(), 0);
}

void TestModels::eventLogOrder_data()
{
    QTest::addColumn<QString>("workload");
    QTest::newRow("demo") << QStringLiteral("demo");
    QTest::newRow("rich") << QStringLiteral("rich");
    QTest::newRow("switch") << QStringLiteral("switch");
    QTest::newRow("fork") << QStringLiteral("fork");
}

// Time order; each process's changes in its own order; a dispatch right after the decision.
void TestModels::eventLogOrder()
{
    QFETCH(QString, workload);
    const Trace trace = simulate(workload == QLatin1String("demo")   ? demoWorkload()
                                 : workload == QLatin1String("rich") ? richWorkload()
                                                                     : tiny(workload));
    EventLogModel log;
    QAbstractItemModelTester tester(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
    log.setTrace(&trace);
    std::map<int, int> lastRecordOf; // process -> record
    Tick previous = -1;
    for (int row = 0; row < log.rowCount(); ++row) {
        const QModelIndex i = log.index(row, 0);
        const Tick at = i.data(EventLogModel::TickRole).toLongLong();
        QVERIFY(at >= previous);
        previous = at;
        QCOMPARE(log.tickOfRow(row), at);
        QCOMPARE(i.data().toLongLong(), at);
        if (log.kindOfRow(row) != EventLogModel::Kind::StateChange)
            continue;
        const int p = i.data(EventLogModel::ProcIndexRole).toInt();
        auto [it, inserted] = lastRecordOf.emplace(p, -1);
        const int record = it->second + 1; // every record of a track, in order
        it->second = record;
        QCOMPARE(i.data(EventLogModel::StateRole).toInt(), int(trace.track(p).state(std::size_t(record))));
        QCOMPARE(Tick(trace.track(p).at(std::size_t(record))), at);
        // A process that forks and then blocks or exits in the same instant is told in that order.
        const Cause cause = trace.track(p).cause(std::size_t(record));
        if (cause == Cause::WaitChild || cause == Cause::Exited) {
            for (int r = row + 1; r < log.rowCount() && log.tickOfRow(r) == at; ++r) {
                if (log.kindOfRow(r) != EventLogModel::Kind::StateChange)
                    continue;
                const int q = log.index(r, 0).data(EventLogModel::ProcIndexRole).toInt();
                QVERIFY2(
                    trace.info(q).parent != trace.info(p).pid ||
                        log.index(r, 0).data(EventLogModel::StateRole).toInt() > int(ProcessState::Ready),
                    qPrintable(
                        QStringLiteral("child %1 of %2 created after it left at %3").arg(q).arg(p).arg(at)));
            }
        }
        // A dispatch comes right after the decision that caused it (a dispatch at the end of a
        // context switch has no decision at its tick).
        if (trace.track(p).cause(std::size_t(record)) == Cause::Dispatched) {
            const int cpu = i.data(EventLogModel::CpuRole).toInt();
            const auto& track = trace.cpu(cpu);
            Reason reason = Reason::None;
            for (auto k = track.indexAt(at); k != CpuTrack::npos && track.at(k) == at; --k) {
                if (track.proc(k) == p) {
                    reason = track.reason(k);
                    break;
                }
                if (k == 0)
                    break;
            }
            if (reason != Reason::None) {
                QVERIFY(row > 0);
                const QModelIndex before = log.index(row - 1, 0);
                QVERIFY2(log.kindOfRow(row - 1) == EventLogModel::Kind::Decision &&
                             before.data(EventLogModel::CpuRole).toInt() == cpu &&
                             before.data(EventLogModel::ProcIndexRole).toInt() == p,
                    qPrintable(QStringLiteral("dispatch of process %1 at %2").arg(p).arg(at)));
            }
        }
    }
    for (ProcIndex p = 0; p < static_cast<ProcIndex>(trace.processCount()); ++p)
        QCOMPARE(lastRecordOf[p] + 1, int(trace.track(p).size()));
}

void TestModels::rowForTick()
{
    const Trace trace = simulate(demoWorkload());
    EventLogModel log;
    log.setTrace(&trace);
    QVERIFY(log.rowCount() > 0);
    QCOMPARE(log.rowForTick(-1), -1);
    QCOMPARE(log.rowForTick(0), 0);
    for (Tick t = 0; t <= trace.end() + 2; ++t) {
        const int row = log.rowForTick(t);
        const auto [first, last] = log.rowsAtTick(t);
        QVERIFY(first <= last);
        for (int r = first; r < last; ++r)
            QCOMPARE(log.tickOfRow(r), t);
        if (first < last) {
            QCOMPARE(row, first);
            QVERIFY(row == 0 || log.tickOfRow(row - 1) < t);
        } else {
            QVERIFY(row >= 0);
            QVERIFY(log.tickOfRow(row) < t);
            QVERIFY(row + 1 == log.rowCount() || log.tickOfRow(row + 1) > t);
        }
    }
    // Rows at the cursor are highlighted and announced.
    log.setCursorTick(4);
    const auto [first, last] = log.rowsAtTick(4);
    QVERIFY(first < last);
    QVERIFY(log.index(first, 0).data(EventLogModel::AtCursorRole).toBool());
    QVERIFY(log.index(first, 0).data(Qt::BackgroundRole).isValid());
    QVERIFY(!log.index(last, 0).data(EventLogModel::AtCursorRole).toBool());
}

void TestModels::describeDecision_data()
{
    QTest::addColumn<QString>("workload");
    QTest::addColumn<int>("cpu");
    QTest::addColumn<int>("decision"); // the n-th CPU record with a reason
    QTest::addColumn<QString>("expected");

    auto row = [](const char* name, const char* workload, int n, const char* text, int cpu = 0) {
        QTest::newRow(name) << QString::fromUtf8(workload) << cpu << n << QString::fromUtf8(text);
    };
    row("fifo first", "fifo", 0, "FIFO: P0 arrived first");
    row("fifo only", "fifo", 1, "FIFO: P1 is the only ready process");
    row("sjf 1", "sjf", 0, "SJF: P1 burst 2 < P2 burst 3");
    row("sjf 2", "sjf", 1, "SJF: P2 burst 3 < P0 burst 5");
    row("sjf last", "sjf", 2, "SJF: P0 burst 5 (nobody else is ready)");
    row("stcf alone", "stcf", 0, "STCF: P0 remaining 8 (nobody else is ready)");
    row("stcf preempts", "stcf", 1, "STCF: P1 remaining 3 < P0 remaining 6");
    row("stcf resumes", "stcf", 2, "STCF: P0 remaining 6 (nobody else is ready)");
    // Two CPUs: the next best may have been taken by the other CPU in the same tick.
    row("stcf tie", "stcf-2cpus", 0, "STCF: P0 remaining 10 = P1 remaining 10 (a tie: the earlier one runs)");
    row("stcf cpu 0", "stcf-2cpus", 1, "STCF: P2 remaining 2 < P3 remaining 4");
    row("stcf cpu 1", "stcf-2cpus", 1, "STCF: P3 remaining 4 < P0 remaining 8", 1);
    row("rr head", "rr", 0, "RR: P0 is at the head of the ready queue (quantum 2)");
    row("rr next", "rr", 1, "RR: P1 is at the head of the ready queue (quantum 2)");
    row("rr back", "rr", 2, "RR: P0 is at the head of the ready queue (quantum 2)");
    row("rr renewed", "rr-alone", 1, "RR: quantum expired but nobody else is ready: P0 continues");
    row("priority 1", "priority", 0, "Priority: P1 has priority 1 (next best 2)");
    row("priority 2", "priority", 1, "Priority: P0 has priority 2 (next best 3)");
    row("priority last", "priority", 2, "Priority: P2 has priority 3 (nobody else is ready)");
    row("mlfq top", "mlfq", 0, "MLFQ: P0 is first in queue 0 (top); 10 ticks left in its quantum");
    row("mlfq second", "mlfq", 1, "MLFQ: P1 is first in queue 0 (top); 10 ticks left in its quantum");
    row("mlfq demoted", "mlfq", 2, "MLFQ: P0 is first in queue 1; 10 ticks left in its quantum");
    row("mlfq boost", "mlfq-boost", 1,
        "MLFQ boost: every process moves to queue 0 (top); P0 keeps the CPU with a fresh quantum of 10 "
        "ticks");
    // At tick 6 the slice in queue 1 ends (P0 is picked again there), then the boost moves it up.
    row("mlfq before a boost", "mlfq-boost-demoted", 2,
        "MLFQ: P0 is first in queue 1 (bottom); 4 ticks left in its quantum");
    row("mlfq the boost", "mlfq-boost-demoted", 3,
        "MLFQ boost: every process moves to queue 0 (top); P0 keeps the CPU with a fresh quantum of 2 ticks");
    row("mlfq allotment", "mlfq-allotment", 0,
        "MLFQ: P0 is first in queue 0 (top); 2 ticks left in its quantum, 3 quanta of allotment left");
    row("stride 1", "stride", 0, "Stride: P0 has the lowest pass, 0 (stride 100)");
    row("stride 2", "stride", 1, "Stride: P1 has the lowest pass, 0 (stride 200)");
    row("stride 3", "stride", 2, "Stride: P0 has the lowest pass, 100 (stride 100)");
    row("cfs", "cfs", 0, "CFS: P0 has the smallest vruntime, 0");
    row("cyclic first", "cyclic", 0, "process-run: P0 is the first ready process");
    row("cyclic next", "cyclic", 1, "process-run: P1 is the next ready process after P0");
    row("io immediate", "io-immediate", 2, "I/O done: P0 runs at once (IO_RUN_IMMEDIATE)");
    row("held cpu", "held-cpu", 1, "the CPU waited for P0's I/O (SWITCH_ON_END): P0 runs again");
    row("context switch", "switch", 0, "FIFO: P0 arrived first");
    row("lottery", "lottery", 0, "~^Lottery: drew \\d+ \u2192 winning ticket \\d+ of 100 \u2192 P[01]$");
}

void TestModels::describeDecision()
{
    QFETCH(QString, workload);
    QFETCH(int, cpu);
    QFETCH(int, decision);
    QFETCH(QString, expected);
    const Trace trace = simulate(tiny(workload));
    const auto record = nthDecision(trace, cpu, decision);
    QVERIFY2(record, "no such decision");
    const QString text = QString::fromStdString(ui::describeDecision(trace, cpu, *record));
    if (expected.startsWith(QLatin1Char('~')))
        QVERIFY2(QRegularExpression(expected.mid(1)).match(text).hasMatch(), qPrintable(text));
    else
        QCOMPARE(text, expected);
    // The process a decision names is the one the CPU then runs, after a context switch too.
    const ProcIndex p = decisionProcess(trace, cpu, *record);
    QVERIFY(p >= 0);
    QVERIFY(trace.track(p).stateAt(trace.cpu(cpu).at(*record)).has_value());
    if (workload == QLatin1String("switch")) {
        QCOMPARE(trace.cpu(cpu).proc(*record), kCpuSwitch);
        QCOMPARE(p, trace.cpu(cpu).proc(*record + 1));
    }
    // Records without a decision have no text.
    for (std::size_t k = 0; k < trace.cpu(cpu).size(); ++k)
        if (trace.cpu(cpu).reason(k) == Reason::None)
            QVERIFY(ui::describeDecision(trace, cpu, k).empty());
    QVERIFY(ui::describeDecision(trace, cpu, trace.cpu(cpu).size()).empty());
    QVERIFY(ui::describeDecision(trace, cpu + 99, 0).empty());
}

// The lottery text shows the draw, the winning ticket (draw mod total) and the total as recorded.
void TestModels::lotteryNumbers()
{
    const Trace trace = simulate(tiny(QStringLiteral("lottery")));
    int seen = 0;
    const QRegularExpression re(
        QStringLiteral("^Lottery: drew (\\d+) \u2192 winning ticket (\\d+) of (\\d+) \u2192 P(\\d+)$"));
    for (std::size_t k = 0; k < trace.cpu(0).size(); ++k) {
        if (trace.cpu(0).reason(k) != Reason::Lottery)
            continue;
        const auto m = re.match(QString::fromStdString(ui::describeDecision(trace, 0, k)));
        QVERIFY(m.hasMatch());
        const int a = trace.cpu(0).a(k), b = trace.cpu(0).b(k);
        QCOMPARE(m.captured(1).toInt(), a);
        QCOMPARE(m.captured(2).toInt(), a % b);
        QCOMPARE(m.captured(3).toInt(), b);
        QCOMPARE(m.captured(4).toInt(), trace.info(trace.cpu(0).proc(k)).pid);
        ++seen;
    }
    QVERIFY(seen >= 2);
}

void TestModels::describeChange_data()
{
    QTest::addColumn<QString>("workload");
    QTest::addColumn<int>("process");
    QTest::addColumn<int>("cause"); // the first change of the process with this cause
    QTest::addColumn<QString>("expected");

    auto row = [](const char* name, const char* workload, int p, Cause c, const char* text) {
        QTest::newRow(name) << QString::fromUtf8(workload) << p << int(c) << QString::fromUtf8(text);
    };
    row("arrives", "fifo", 0, Cause::Created, "arrives");
    row("admitted", "fifo", 1, Cause::Admitted, "admitted: joins the ready queue");
    row("dispatched", "fifo", 0, Cause::Dispatched, "dispatched to CPU 0");
    row("exit", "fifo", 0, Cause::Exited, "exit (code 0)");
    row("exit code", "fork", 1, Cause::Exited, "exit (code 3)");
    row("reaped by init", "fifo", 0, Cause::Reaped, "reaped by init");
    row("rr slice", "rr", 0, Cause::SliceExpired,
        "quantum expired: RR moves P0 to the tail of the ready queue");
    row("stcf preempt", "stcf", 0, Cause::Preempted, "preempted: a job with less time left is ready (STCF)");
    row("io start", "fork", 1, Cause::IoStarted, "starts I/O on disk");
    row("io done", "fork", 1, Cause::IoDone, "I/O on disk done");
    row("fork", "fork", 2, Cause::Created, "created by fork() in P0");
    row("wait", "fork", 0, Cause::WaitChild, "waits for a child (wait())");
    row("child exited", "fork", 0, Cause::ChildExited, "a child exited: wait() returns");
    row("reaped by parent", "fork", 2, Cause::Reaped, "reaped by its parent P0");
    row("mlfq admitted", "mlfq", 0, Cause::Admitted, "admitted: joins queue 0 (top)");
    row("mlfq demoted", "mlfq", 0, Cause::SliceExpired, "allotment used up: MLFQ moves P0 down to queue 1");
    row("mlfq same level", "mlfq-allotment", 0, Cause::SliceExpired,
        "quantum expired: P0 goes to the tail of queue 0 (top)");
    row("boost", "mlfq-boost", 0, Cause::Boosted, "priority boost: keeps the CPU, now in queue 0 (top)");
    row("io immediate", "io-immediate", 0, Cause::IoDoneImmediate,
        "I/O done: runs at once (IO_RUN_IMMEDIATE)");
}

void TestModels::describeChange()
{
    QFETCH(QString, workload);
    QFETCH(int, process);
    QFETCH(int, cause);
    QFETCH(QString, expected);
    const Trace trace = simulate(tiny(workload));
    const auto& track = trace.track(process);
    std::optional<std::size_t> record;
    for (std::size_t k = 0; k < track.size() && !record; ++k)
        if (int(track.cause(k)) == cause)
            record = k;
    QVERIFY2(record, "no such change");
    QCOMPARE(QString::fromStdString(ui::describeChange(trace, process, *record)), expected);
    QVERIFY(ui::describeChange(trace, process, track.size()).empty());
    QVERIFY(ui::describeChange(trace, ProcIndex(trace.processCount()), 0).empty());
}

// P0 forks P1, computes 2 ticks and exits; P1 runs on, adopted by init, which reaps it when it exits.
void TestModels::orphanShowsItsAdoption()
{
    Simulator sim(makeWorkload({{0, {Op::fork({Op::cpu(5)}), Op::cpu(2), Op::exit(3)}}}, PolicyKind::Fifo));
    sim.run();
    const Trace& t = sim.trace();
    ProcessTableModel table;
    table.setTrace(&t);
    table.setTick(1);
    const auto parentText = [&](ProcIndex p) {
        return table.data(table.index(table.rowOfProcess(p), ProcessTableModel::Parent)).toString();
    };
    QCOMPARE(parentText(1), QStringLiteral("0"));
    table.setTick(4); // P0 has exited
    QCOMPARE(parentText(1), QStringLiteral("init (was 0)"));
    const auto& track = t.track(1);
    QVERIFY(track.state(track.size() - 1) == ProcessState::Terminated);
    QCOMPARE(QString::fromStdString(ui::describeChange(t, 1, track.size() - 1)),
        QStringLiteral("reaped by init: its parent P0 had exited (an orphan)"));
}

// A Linux trace says a task slept (S) or waited uninterruptibly (D), not which device it used.
void TestModels::linuxSleepsAreNotCalledIo()
{
    auto loaded = loadTraceFile(PROCSCOPE_TEST_DATA "/traces/linux/tracecmd-plugin.txt");
    QVERIFY(std::holds_alternative<LoadedTrace>(loaded));
    const Trace& t = std::get<LoadedTrace>(loaded).trace;
    int sleeps = 0;
    for (ProcIndex p = 0; p < static_cast<ProcIndex>(t.processCount()); ++p)
        for (std::size_t k = 0; k < t.track(p).size(); ++k)
            if (t.track(p).cause(k) == Cause::IoStarted) {
                const QString text = QString::fromStdString(ui::describeChange(t, p, k));
                QVERIFY2(text.contains(QStringLiteral("(S)")) || text.contains(QStringLiteral("(D)")),
                    qPrintable(text));
                QVERIFY(!text.contains(QStringLiteral("starts I/O")));
                ++sleeps;
            }
    QVERIFY(sleeps > 0);
}

QTEST_MAIN(TestModels)
#include "tst_models.moc"
