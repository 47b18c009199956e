// The process tree at the cursor: who forked whom, zombies waiting to be reaped, orphans adopted
// by init, under QAbstractItemModelTester while the cursor moves; and the tree view's selection
// kept in step with the document's ViewState both ways.
#include "core/io/workload_json.h"
#include "tests/core/sim_helpers.h"
#include "ui/document/document.h"
#include "ui/playback/playback_controller.h"
#include "ui/playback/view_state.h"
#include "ui/style/state_patterns.h"
#include "ui/tree/process_tree_model.h"
#include "ui/tree/process_tree_view.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QItemSelectionModel>
#include <QTest>

#include <memory>
#include <variant>

using namespace procscope;
using namespace procscope::ui;
using testing::Job;
using testing::makeWorkload;

namespace {

Workload forkWaitWorkload()
{
    return testing::bundledWorkload("fork-wait.json");
}

// A recorded trace in which a parent exits before its child (an orphan, adopted by init) and a
// grandchild exits before its parent waits (a zombie), as a loaded trace records them: every
// process keeps the pid of the process that forked it.
Trace orphanTrace()
{
    using S = ProcessState;
    Trace t;
    t.setCpuCount(1);
    const ProcIndex parent = t.addProcess({0, "parent", kInitPid, 0, 0, 0, 100, 0});
    t.recordState(parent, 0, S::New, Cause::Created);
    t.recordState(parent, 0, S::Running, Cause::Dispatched);
    t.recordState(parent, 5, S::Zombie, Cause::Exited);
    t.recordState(parent, 5, S::Terminated, Cause::Reaped);
    const ProcIndex child = t.addProcess({1, "child", 0, 2, 0, 0, 100, 0});
    t.recordState(child, 2, S::New, Cause::Created);
    t.recordState(child, 2, S::Ready, Cause::Admitted);
    t.recordState(child, 5, S::Running, Cause::Dispatched);
    t.recordState(child, 9, S::Zombie, Cause::Exited);
    t.recordState(child, 9, S::Terminated, Cause::Reaped);
    const ProcIndex grandchild = t.addProcess({2, "grandchild", 1, 6, 0, 0, 100, 0});
    t.recordState(grandchild, 6, S::New, Cause::Created);
    t.recordState(grandchild, 6, S::Blocked, Cause::IoStarted);
    t.recordState(grandchild, 8, S::Zombie, Cause::Exited);
    t.recordState(grandchild, 9, S::Terminated, Cause::Reaped);
    t.setEnd(12, true);
    return t;
}

// Every process shown, with the parent it is shown under: "parent>child" or ">top".
QStringList shape(const ProcessTreeModel& m, const QModelIndex& parent = {})
{
    QStringList out;
    for (int r = 0; r < m.rowCount(parent); ++r) {
        const QModelIndex i = m.index(r, 0, parent);
        const QString up =
            parent.isValid() ? parent.data().toString().section(QLatin1Char(' '), 0, 0) : QString();
        out << up + QLatin1Char('>') + i.data().toString().section(QLatin1Char(' '), 0, 0);
        out << shape(m, i);
    }
    return out;
}

struct Fixture {
    explicit Fixture(std::unique_ptr<Document> d)
        : document(std::move(d))
    {
        controller.setDocument(document.get());
        model.follow(&controller);
        document->simulateAll();
    }
    std::unique_ptr<Document> document;
    PlaybackController controller;
    ProcessTreeModel model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
};

} // namespace

class TestProcessTree : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void followsForkAndWait();
    void matchesTraceAtEveryTick();
    void orphansAndZombies();
    void selectionSync();
    void screenshot();
};

void TestProcessTree::followsForkAndWait()
{
    Fixture f(std::make_unique<Document>(forkWaitWorkload(), QStringLiteral("fork")));
    const Trace& trace = f.document->trace();
    QCOMPARE(shape(f.model), QStringList{QStringLiteral(">shell")});
    // The shell forks quick and slow at tick 1.
    f.controller.seek(1);
    QCOMPARE(shape(f.model),
        (QStringList{QStringLiteral(">shell"), QStringLiteral("shell>quick"), QStringLiteral("shell>slow")}));
    // quick exits while the shell computes: a zombie under the shell until the first wait.
    const ProcIndex quick = *trace.indexOf(1);
    Tick zombie = -1;
    for (Tick t = 0; t < trace.end() && zombie < 0; ++t)
        if (trace.track(quick).stateAt(t) == ProcessState::Zombie)
            zombie = t;
    QVERIFY(zombie > 1);
    f.controller.seek(zombie);
    const QModelIndex q = f.model.indexOfProcess(quick);
    QVERIFY(q.isValid());
    QCOMPARE(f.model.processAt(q.parent()), *trace.indexOf(0));
    QVERIFY(q.data(ProcessTreeModel::ZombieRole).toBool());
    QCOMPARE(f.model.index(q.row(), ProcessTreeModel::Note, q.parent()).data().toString(),
        QStringLiteral("zombie — not yet reaped by its parent"));
    QCOMPARE(f.model.index(q.row(), ProcessTreeModel::State, q.parent()).data().toString(),
        stateLabel(ProcessState::Zombie));
    // The swatch is the state's: its colour and its pattern.
    const QIcon swatch = q.data(Qt::DecorationRole).value<QIcon>();
    QCOMPARE(swatch.pixmap(QSize(16, 16)).toImage(),
        stateIcon(ProcessState::Zombie).pixmap(QSize(16, 16)).toImage());
    // Reaped by wait(): gone from the tree.
    const Tick reaped = *trace.track(quick).nextChangeAfter(zombie);
    f.controller.seek(reaped);
    QVERIFY(!f.model.indexOfProcess(quick).isValid());
    QVERIFY(!shape(f.model).contains(QStringLiteral("shell>quick")));
    // At the last tick before the end only the shell is left, running its last burst; at the end
    // it has exited too.
    f.controller.seek(trace.end() - 1);
    QCOMPARE(shape(f.model), QStringList{QStringLiteral(">shell")});
    f.controller.toEnd();
    QCOMPARE(f.controller.tick(), trace.end());
}

void TestProcessTree::matchesTraceAtEveryTick()
{
    // A larger family, stepped forwards and back under the tester.
    const Program grandchild{Op::cpu(2)};
    const Program child{Op::cpu(3), Op::fork(grandchild, "g"), Op::io(4), Op::cpu(1)};
    Workload w = makeWorkload(
        {Job{0, {Op::cpu(2), Op::fork(child, "c1"), Op::fork({Op::cpu(9)}, "c2"), Op::wait(), Op::cpu(2)}},
            Job{1, {Op::cpu(4), Op::fork({Op::cpu(6)}, "orphan"), Op::cpu(1)}}, Job{3, {Op::cpu(5)}}},
        PolicyKind::RoundRobin, 2, 2);
    Fixture f(std::make_unique<Document>(std::move(w), QStringLiteral("family")));
    const Trace& trace = f.document->trace();
    auto check = [&](Tick t) {
        f.controller.seek(t);
        int shown = 0;
        for (ProcIndex p = 0; p < static_cast<ProcIndex>(trace.processCount()); ++p) {
            const auto state = trace.track(p).stateAt(t);
            const QModelIndex i = f.model.indexOfProcess(p);
            QCOMPARE(i.isValid(), state && *state != ProcessState::Terminated);
            if (!i.isValid())
                continue;
            ++shown;
            QCOMPARE(i.data(ProcessTreeModel::StateRole).toInt(), int(*state));
            QCOMPARE(f.model.processAt(i), p);
            const ProcIndex up = f.model.processAt(i.parent());
            if (up >= 0) {
                QCOMPARE(trace.info(p).parent, trace.info(up).pid);
                QVERIFY(isLive(*trace.track(up).stateAt(t)) ||
                        trace.track(up).stateAt(t) == ProcessState::Suspended);
            }
        }
        int counted = 0;
        std::function<void(const QModelIndex&)> count = [&](const QModelIndex& parent) {
            for (int r = 0; r < f.model.rowCount(parent); ++r) {
                ++counted;
                count(f.model.index(r, 0, parent));
            }
        };
        count({});
        QCOMPARE(counted, shown);
    };
    for (Tick t = 0; t < trace.end(); ++t)
        check(t);
    for (Tick t = trace.end() - 1; t >= 0; t -= 3)
        check(t);
}

void TestProcessTree::orphansAndZombies()
{
    Fixture f(std::make_unique<Document>(orphanTrace(), QStringLiteral("orphan"), QString()));
    const ProcessTreeModel& m = f.model;
    f.controller.seek(3);
    QCOMPARE(shape(m), (QStringList{QStringLiteral(">parent"), QStringLiteral("parent>child")}));
    QVERIFY(!m.indexOfProcess(1).data(ProcessTreeModel::OrphanRole).toBool());
    // The parent exits at 5: init adopts the child, which moves to the top, marked.
    f.controller.seek(5);
    QCOMPARE(shape(m), QStringList{QStringLiteral(">child")});
    const QModelIndex child = m.indexOfProcess(1);
    QVERIFY(child.data(ProcessTreeModel::OrphanRole).toBool());
    const QString note = m.index(child.row(), ProcessTreeModel::Note).data().toString();
    QVERIFY2(
        note.startsWith(QStringLiteral("orphan")) && note.contains(QStringLiteral("init")), qPrintable(note));
    QVERIFY(child.data(Qt::ToolTipRole).toString().contains(note));
    f.controller.seek(7);
    QCOMPARE(shape(m), (QStringList{QStringLiteral(">child"), QStringLiteral("child>grandchild")}));
    QVERIFY(!m.indexOfProcess(2).data(ProcessTreeModel::OrphanRole).toBool());
    f.controller.seek(8);
    const QModelIndex zombie = m.indexOfProcess(2);
    QVERIFY(zombie.data(ProcessTreeModel::ZombieRole).toBool());
    QCOMPARE(m.index(zombie.row(), ProcessTreeModel::Note, zombie.parent()).data().toString(),
        QStringLiteral("zombie — not yet reaped by its parent"));
    f.controller.seek(9);
    QCOMPARE(m.rowCount(), 0);
    f.controller.seek(2); // backwards
    QCOMPARE(shape(m), (QStringList{QStringLiteral(">parent"), QStringLiteral("parent>child")}));
}

void TestProcessTree::selectionSync()
{
    auto document = std::make_unique<Document>(orphanTrace(), QStringLiteral("orphan"), QString());
    PlaybackController controller;
    controller.setDocument(document.get());
    ViewState viewState;
    ProcessTreeView view(&controller, &viewState);
    auto selected = [&] {
        const auto rows = view.selectionModel()->selectedRows();
        return rows.isEmpty() ? -1 : view.treeModel()->processAt(rows.first());
    };
    controller.seek(7);
    // ViewState -> view.
    viewState.setSelectedProcess(2);
    QCOMPARE(selected(), 2);
    QVERIFY(view.isExpanded(view.treeModel()->indexOfProcess(1)));
    // View -> ViewState.
    view.selectionModel()->setCurrentIndex(
        view.treeModel()->indexOfProcess(1), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCOMPARE(viewState.selectedProcess(), 1);
    // The tree changes shape under the selection: the shared selection stays, and comes back.
    viewState.setSelectedProcess(2);
    controller.seek(3); // the grandchild does not exist yet
    QCOMPARE(selected(), -1);
    QCOMPARE(viewState.selectedProcess(), 2);
    controller.seek(7);
    QCOMPARE(selected(), 2);
    // A selection made elsewhere while the cursor is elsewhere in time.
    controller.seek(3);
    viewState.setSelectedProcess(1);
    QCOMPARE(selected(), 1);
}

void TestProcessTree::screenshot()
{
    const QByteArray dir = qgetenv("PROCSCOPE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set PROCSCOPE_SCREENSHOT_DIR to write screenshots");
    const Program child{Op::cpu(3), Op::fork({Op::cpu(2)}, "grandchild"), Op::cpu(8)};
    Workload w = makeWorkload({Job{0, {Op::cpu(1), Op::fork({Op::cpu(2), Op::exit(3)}, "quick"),
                                          Op::fork(child, "slow"), Op::cpu(12), Op::wait(), Op::wait()}},
                                  Job{0, {Op::cpu(30)}}},
        PolicyKind::RoundRobin, 2);
    Document document(std::move(w), QStringLiteral("shot"));
    document.simulateAll();
    PlaybackController controller;
    controller.setDocument(&document);
    ViewState viewState;
    ProcessTreeView view(&controller, &viewState);
    controller.seek(12);
    viewState.setSelectedProcess(3);
    view.resize(620, 260);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(
        view.grab().save(QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("h-editor-tree.png"))));
    QVERIFY(orphanTrace().processCount() == 3);
    auto orphan = std::make_unique<Document>(orphanTrace(), QStringLiteral("orphan"), QString());
    controller.setDocument(orphan.get());
    controller.seek(8);
    QVERIFY(view.grab().save(
        QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("h-editor-tree-orphan.png"))));
    controller.setDocument(nullptr);
}

QTEST_MAIN(TestProcessTree)
#include "tst_process_tree.moc"
