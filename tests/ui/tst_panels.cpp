// The process-table, ready-queue and event-log panels driven as a user drives them: clicks at the
// positions the views' own mapping gives, under the offscreen platform.
//
// With PROCSCOPE_SCREENSHOTS=<directory> set, screenshots() saves each panel with the demo at a few
// ticks (for looking at, not compared).
#include "core/io/workload_json.h"
#include "tests/core/sim_helpers.h"
#include "ui/document/document.h"
#include "ui/models/event_log_model.h"
#include "ui/models/process_table_model.h"
#include "ui/models/ready_queue_model.h"
#include "ui/panels/event_log_panel.h"
#include "ui/panels/event_log_view.h"
#include "ui/panels/process_table_panel.h"
#include "ui/panels/ready_queue_panel.h"
#include "ui/playback/playback_controller.h"
#include "ui/playback/view_state.h"

#include <QCheckBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>
#include <QTreeView>

#include <variant>

using namespace procscope;
using namespace procscope::ui;

namespace {

Workload loadWorkload(const char* name)
{
    return testing::bundledWorkload(name);
}

struct Session {
    explicit Session(const char* workload = "demo.json")
        : document(loadWorkload(workload), QStringLiteral("demo"))
    {
        document.simulateAll();
        controller.setDocument(&document);
    }
    Document document;
    PlaybackController controller;
    ViewState viewState;
};

void click(QAbstractItemView* view, const QModelIndex& index)
{
    view->scrollTo(index);
    const QRect rect = view->visualRect(index);
    QVERIFY(!rect.isEmpty());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
}

bool rowVisible(QAbstractItemView* view, const QModelIndex& index)
{
    return view->viewport()->rect().intersects(view->visualRect(index));
}

// The same for the event log's view, which is not a QAbstractItemView.
void click(EventLogView* view, const QModelIndex& index)
{
    view->scrollTo(index);
    const QRect rect = view->visualRect(index);
    QVERIFY(!rect.isEmpty());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
}

bool rowVisible(EventLogView* view, const QModelIndex& index)
{
    return view->viewport()->rect().intersects(view->visualRect(index));
}

} // namespace

class TestPanels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void processTableClickSelects();
    void processTableFollowsViewState();
    void processTableSorts();
    void readyQueueShowsTheFrame();
    void eventLogClickSeeks();
    void eventLogFollowsCursor();
    void eventLogCaptionDoesNotRelayout();
    void screenshots();
};

void TestPanels::processTableClickSelects()
{
    Session s;
    ProcessTablePanel panel(&s.controller, &s.viewState);
    panel.resize(900, 400);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    s.controller.seek(12);
    QVERIFY(panel.proxy()->rowCount() >= 4);
    for (int row : {2, 0, 3}) {
        const QModelIndex index = panel.proxy()->index(row, ProcessTableModel::Name);
        click(panel.view(), index);
        QCOMPARE(s.viewState.selectedProcess(), index.data(ProcessTableModel::ProcIndexRole).toInt());
        const auto selected = panel.view()->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().row(), row);
    }
}

void TestPanels::processTableFollowsViewState()
{
    Session s;
    ProcessTablePanel panel(&s.controller, &s.viewState);
    panel.resize(900, 400);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto selectedProcess = [&panel]() -> int {
        const auto rows = panel.view()->selectionModel()->selectedRows();
        return rows.size() == 1 ? rows.first().data(ProcessTableModel::ProcIndexRole).toInt() : -1;
    };
    s.controller.seek(12);
    s.viewState.setSelectedProcess(1);
    QCOMPARE(selectedProcess(), 1);

    // The daemon (index 4) arrives at tick 10: before that it has no row, and its row is selected
    // as soon as it appears, without the table clearing the shared selection meanwhile.
    const auto daemon = s.document.trace().indexOf(4);
    QVERIFY(daemon);
    s.viewState.setSelectedProcess(*daemon);
    QCOMPARE(selectedProcess(), *daemon);
    s.controller.seek(3);
    QCOMPARE(selectedProcess(), -1);
    QCOMPARE(s.viewState.selectedProcess(), *daemon);
    s.controller.seek(11);
    QCOMPARE(selectedProcess(), *daemon);

    s.viewState.setSelectedProcess(-1);
    QCOMPARE(selectedProcess(), -1);
}

void TestPanels::processTableSorts()
{
    Session s;
    ProcessTablePanel panel(&s.controller, &s.viewState);
    panel.resize(900, 400);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    s.controller.toEnd();
    // Click the CPU header: ascending CPU time.
    auto* header = panel.view()->horizontalHeader();
    const int x = header->sectionViewportPosition(ProcessTableModel::CpuTime) +
                  header->sectionSize(ProcessTableModel::CpuTime) / 2;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    qlonglong previous = -1;
    for (int row = 0; row < panel.proxy()->rowCount(); ++row) {
        const qlonglong cpu = panel.proxy()->index(row, ProcessTableModel::CpuTime).data().toLongLong();
        QVERIFY(cpu >= previous);
        previous = cpu;
    }
    // The selection follows the process, not the row.
    s.viewState.setSelectedProcess(1);
    QCOMPARE(
        panel.view()->selectionModel()->selectedRows().first().data(ProcessTableModel::ProcIndexRole).toInt(),
        1);
}

void TestPanels::readyQueueShowsTheFrame()
{
    Session s;
    ReadyQueuePanel panel(&s.controller, &s.viewState);
    panel.resize(400, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    s.controller.seek(4);
    ReadyQueueModel* model = panel.model();
    const QModelIndex ready = model->index(model->groupRow(ReadyQueueModel::Group::ReadyQueue), 0);
    QVERIFY(model->rowCount(ready) > 0);
    QVERIFY(panel.view()->isExpanded(ready));
    const QModelIndex head = model->index(0, 0, ready);
    QVERIFY2(head.data().toString().startsWith(QStringLiteral("1. P")), qPrintable(head.data().toString()));
    click(panel.view(), head);
    QCOMPARE(s.viewState.selectedProcess(), head.data(ReadyQueueModel::ProcIndexRole).toInt());

    // A queue that was empty and fills later is shown open.
    const QModelIndex waiting = model->index(model->groupRow(ReadyQueueModel::Group::Waiting), 0);
    bool sawWaiting = false;
    for (Tick t = 0; t <= s.controller.lastTick() && !sawWaiting; ++t) {
        s.controller.seek(t);
        if (model->rowCount(waiting) > 0) {
            sawWaiting = true;
            QVERIFY(panel.view()->isExpanded(waiting));
            QVERIFY(rowVisible(panel.view(), model->index(0, 0, waiting)));
        }
    }
    QVERIFY(sawWaiting); // the shell waits for ls
}

void TestPanels::eventLogClickSeeks()
{
    Session s;
    EventLogPanel panel(&s.controller);
    panel.resize(900, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    EventLogModel* model = panel.model();
    QVERIFY(model->rowCount() > 20);
    for (int row : {20, 5, model->rowCount() / 2}) {
        const QModelIndex index = model->index(row, EventLogModel::Why);
        const Tick tick = index.data(EventLogModel::TickRole).toLongLong();
        click(panel.view(), index);
        QCOMPARE(s.controller.tick(), std::min(tick, s.controller.lastTick()));
        QCOMPARE(panel.view()->currentIndex().row(), row); // selected
        // The clicked row stays where it was, highlighted as at the cursor.
        QVERIFY(rowVisible(panel.view(), index));
        QVERIFY(index.data(EventLogModel::AtCursorRole).toBool() || tick > s.controller.lastTick());
        QVERIFY(panel.caption()->text().startsWith(QStringLiteral("Tick %1:").arg(s.controller.tick())));
    }
}

void TestPanels::eventLogFollowsCursor()
{
    Session s;
    EventLogPanel panel(&s.controller);
    panel.resize(900, 300);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    EventLogModel* model = panel.model();
    for (Tick t : {s.controller.lastTick(), Tick(2), Tick(20), Tick(9)}) {
        s.controller.seek(t);
        const int row = model->rowForTick(t);
        QVERIFY(row >= 0);
        QVERIFY2(
            rowVisible(panel.view(), model->index(row, 0)), qPrintable(QStringLiteral("tick %1").arg(t)));
        QVERIFY(panel.caption()->text().startsWith(QStringLiteral("Tick %1").arg(t)));
    }
    // The caption tells what the scheduler decided and why.
    s.controller.seek(2);
    QVERIFY2(panel.caption()->text().contains(QStringLiteral("RR: ")), qPrintable(panel.caption()->text()));

    // Not following: the table stays where the user left it.
    panel.setFollowCursor(false);
    panel.view()->scrollToTop();
    s.controller.toEnd();
    QVERIFY(rowVisible(panel.view(), model->index(0, 0)));
    panel.setFollowCursor(true);
    QVERIFY(rowVisible(panel.view(), model->index(model->rowForTick(s.controller.tick()), 0)));
}

// Playing, the caption changes on every tick; its height only grows, so the panel is laid out
// again only when a longer caption needs more room, never on every frame, and a new trace
// starts small again.
void TestPanels::eventLogCaptionDoesNotRelayout()
{
    Session s;
    EventLogPanel panel(&s.controller);
    panel.resize(700, 400);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    struct LayoutRequests : QObject {
        int count = 0;
        bool eventFilter(QObject*, QEvent* event) override
        {
            count += event->type() == QEvent::LayoutRequest;
            return false;
        }
    } requests;
    panel.installEventFilter(&requests);
    CaptionLabel* caption = panel.caption();
    int tallest = 0;
    for (Tick t = 0; t <= s.controller.lastTick(); ++t) {
        s.controller.seek(t);
        QCoreApplication::processEvents();
        QVERIFY(caption->text().startsWith(QStringLiteral("Tick %1").arg(t)));
        QVERIFY(caption->height() >= tallest); // never shrinks while playing
        tallest = caption->height();
    }
    QVERIFY(tallest > caption->fontMetrics().height() * 2); // some ticks needed several lines
    // Second pass: every caption already fits, so no layout pass at all.
    requests.count = 0;
    for (Tick t = 0; t <= s.controller.lastTick(); ++t) {
        s.controller.seek(t);
        QCoreApplication::processEvents();
    }
    QCOMPARE(requests.count, 0);
    QCOMPARE(caption->height(), tallest);
    // Every line it shows fits in it, and it takes at most a third of the panel.
    QVERIFY(caption->shownLines() * caption->fontMetrics().lineSpacing() <= caption->height());
    QVERIFY(caption->height() <= panel.height() / 3 + 12);
    QCOMPARE(caption->shownLines(),
        std::min(static_cast<int>(caption->text().count(QLatin1Char('\n'))) + 1, caption->maximumLines()));
    // Once the cursor rests, as tall as its text again (here one line: a tick when nothing happens).
    Tick quiet = 0;
    while (quiet < s.controller.lastTick() &&
           (s.controller.seek(quiet), caption->text().contains(QLatin1Char('\n'))))
        ++quiet;
    QCOMPARE(caption->shownLines(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(caption->height() < tallest, 5 * EventLogPanel::kSettleMs);
    QCOMPARE(caption->height(), caption->sizeHint().height());
}

void TestPanels::screenshots()
{
    const QString dir = qEnvironmentVariable("PROCSCOPE_SCREENSHOTS");
    if (dir.isEmpty())
        QSKIP("set PROCSCOPE_SCREENSHOTS=<directory> to save screenshots");
    QVERIFY(QDir().mkpath(dir));
    for (const char* workload : {"demo.json", "mlfq-boost.json", "two-cpus.json"}) {
        Session s(workload);
        ProcessTablePanel table(&s.controller, &s.viewState);
        ReadyQueuePanel queues(&s.controller, &s.viewState);
        EventLogPanel log(&s.controller);
        table.resize(1000, 330);
        queues.resize(420, 520);
        log.resize(1100, 560);
        table.show();
        queues.show();
        log.show();
        QVERIFY(QTest::qWaitForWindowExposed(&log));
        s.viewState.setSelectedProcess(2);
        const QString base = QString::fromLatin1(workload).section(QLatin1Char('.'), 0, 0);
        for (Tick t : {Tick(3), Tick(9), Tick(15), s.controller.lastTick()}) {
            s.controller.seek(t);
            QCoreApplication::processEvents();
            const QString suffix = QStringLiteral("%1-t%2.png").arg(base).arg(s.controller.tick());
            QVERIFY(table.grab().save(dir + QStringLiteral("/table-") + suffix));
            QVERIFY(queues.grab().save(dir + QStringLiteral("/queues-") + suffix));
            QVERIFY(log.grab().save(dir + QStringLiteral("/log-") + suffix));
        }
    }
}

QTEST_MAIN(TestPanels)
#include "tst_panels.moc"
