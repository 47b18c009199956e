// The Gantt chart: its level-of-detail folding, its rows, and the real widget driven with the
// mouse and keys at the positions its own mapping gives.
#include "tests/core/sim_helpers.h"
#include "ui/document/document.h"
#include "ui/gantt/gantt_plottable.h"
#include "ui/gantt/gantt_rows.h"
#include "ui/gantt/gantt_view.h"
#include "ui/gantt/pixel_runs.h"
#include "ui/playback/playback_controller.h"
#include "ui/playback/view_state.h"
#include "ui/style/state_colors.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <memory>
#include <optional>
#include <set>
#include <tuple>

using namespace procscope;
using namespace procscope::ui;

Q_DECLARE_METATYPE(procscope::ui::RowOrder)

class TestGanttView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void foldRuns_data();
    void foldRuns();
    void foldTrackIsBoundedByPixels();
    void rowOrder_data();
    void rowOrder();

    void rowsFollowTheTrace();
    void rendersStateColours();
    void hitTest();
    void toolTip();
    void clickSelectsProcess();
    void clickOnCpuLaneSelectsItsProcess();
    void doubleClickSeeks();
    void wheelZoomsAboutTheMouse();
    void keysZoomAndFit();
    void rubberBandZooms();
    void dragPans();
    void cursorStaysInView();
    void followsSharedRange();
    void exportFormats_data();
    void exportFormats();

private:
    struct Interval {
        Tick from;
        Tick to;
    };
    std::optional<Interval> findState(ProcIndex p, ProcessState s, Tick minLength) const;
    void makeView(bool simulate = true);
    QWheelEvent wheelAt(const QPoint& pos, int notches) const;

    std::unique_ptr<Document> m_document;
    std::unique_ptr<PlaybackController> m_playback;
    std::unique_ptr<ViewState> m_state;
    std::unique_ptr<GanttView> m_view;
};

namespace {

// Round Robin, a 2-tick slice, a 1-tick context switch, one CPU: A, B (with I/O), C, D (with I/O).
Workload workload()
{
    using testing::Job;
    Workload w = testing::makeWorkload({Job{0, {Op::cpu(6)}}, Job{0, {Op::cpu(4), Op::io(3), Op::cpu(3)}},
                                           Job{1, {Op::cpu(5)}}, Job{2, {Op::cpu(2), Op::io(4), Op::cpu(2)}}},
        PolicyKind::RoundRobin, 2);
    w.machine.contextSwitch = 1;
    if (const std::string problem = normalize(w); !problem.empty())
        qFatal("bad test workload: %s", problem.c_str());
    return w;
}

} // namespace

void TestGanttView::initTestCase()
{
    qRegisterMetaType<GanttHit>();
}

void TestGanttView::init()
{
    m_view.reset();
    m_document.reset();
}

void TestGanttView::cleanup()
{
    m_view.reset();
    m_playback.reset();
    m_state.reset();
    m_document.reset();
}

void TestGanttView::makeView(bool simulate)
{
    m_document = std::make_unique<Document>(workload(), QStringLiteral("test"));
    if (simulate)
        m_document->simulateAll();
    m_playback = std::make_unique<PlaybackController>();
    m_state = std::make_unique<ViewState>();
    m_playback->setDocument(m_document.get());
    m_view = std::make_unique<GanttView>(m_playback.get(), m_state.get());
    m_view->resize(1000, 500);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_view->replotNow();
}

std::optional<TestGanttView::Interval> TestGanttView::findState(
    ProcIndex p, ProcessState s, Tick minLength) const
{
    const Trace& trace = m_document->trace();
    const ProcessTrack& track = trace.track(p);
    for (std::size_t i = 0; i < track.size(); ++i) {
        const Tick to = i + 1 < track.size() ? track.at(i + 1) : trace.end();
        if (track.state(i) == s && to - track.at(i) >= minLength && track.at(i) > 0)
            return Interval{track.at(i), to};
    }
    return std::nullopt;
}

QWheelEvent TestGanttView::wheelAt(const QPoint& pos, int notches) const
{
    return QWheelEvent(QPointF(pos), QPointF(m_view->plot()->mapToGlobal(pos)), QPoint(),
        QPoint(0, 120 * notches), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
}

// ---- Level of detail ----------------------------------------------------------------------------

void TestGanttView::foldRuns_data()
{
    QTest::addColumn<QList<double>>("bounds"); // x0, x1 of each interval
    QTest::addColumn<QList<int>>("keys");
    QTest::addColumn<QList<int>>("runs"); // x0, x1, key of each run

    const int gap = RunFolder::kGap;
    QTest::newRow("wide intervals keep their runs")
        << QList<double>{0, 10, 10, 20} << QList<int>{1, 2} << QList<int>{0, 10, 1, 10, 20, 2};
    QTest::newRow("same key merges") << QList<double>{0, 5, 5, 10} << QList<int>{1, 1}
                                     << QList<int>{0, 10, 1};
    QTest::newRow("sub-pixel: the larger share wins")
        << QList<double>{0, 0.3, 0.3, 1, 1, 5} << QList<int>{1, 2, 1} << QList<int>{0, 1, 2, 1, 5, 1};
    QTest::newRow("a tie goes to the later")
        << QList<double>{0, 0.5, 0.5, 1} << QList<int>{1, 2} << QList<int>{0, 1, 2};
    QTest::newRow("a gap claims its share")
        << QList<double>{0, 0.2, 0.2, 1} << QList<int>{1, gap} << QList<int>{};
    QTest::newRow("what nobody covers is a gap") << QList<double>{0.8, 1} << QList<int>{1} << QList<int>{};
    QTest::newRow("a boundary inside a pixel rounds")
        << QList<double>{0, 2.4, 2.4, 5} << QList<int>{1, 2} << QList<int>{0, 2, 1, 2, 5, 2};
    QTest::newRow("unaligned interval") << QList<double>{0.5, 3.5} << QList<int>{1} << QList<int>{0, 4, 1};
    QTest::newRow("gap between runs")
        << QList<double>{0, 3, 3, 6, 6, 9} << QList<int>{1, gap, 1} << QList<int>{0, 3, 1, 6, 9, 1};
    QTest::newRow("zero-length interval is nothing")
        << QList<double>{0, 4, 4, 4, 4, 8} << QList<int>{1, 2, 1} << QList<int>{0, 8, 1};

    // Twenty intervals in one pixel, 60 % key 1: one run of key 1.
    QList<double> bounds;
    QList<int> keys;
    double x = 0;
    for (int i = 0; i < 10; ++i) {
        bounds << x << x + 0.06 << x + 0.06 << x + 0.1;
        keys << 1 << 2;
        x += 0.1;
    }
    QTest::newRow("many in one pixel: one run") << bounds << keys << QList<int>{0, 1, 1};
}

void TestGanttView::foldRuns()
{
    QFETCH(QList<double>, bounds);
    QFETCH(QList<int>, keys);
    QFETCH(QList<int>, runs);

    RunFolder folder;
    folder.reset();
    for (qsizetype i = 0; i < keys.size(); ++i)
        folder.add(bounds[2 * i], bounds[2 * i + 1], keys[i]);
    folder.finish();
    QList<int> actual;
    for (const PixelRun& run : folder.runs())
        actual << run.x0 << run.x1 << run.key;
    QCOMPARE(actual, runs);
}

// A million-record row costs what its pixels cost: at most one run per pixel column, and a bounded
// number of records visited per column.
void TestGanttView::foldTrackIsBoundedByPixels()
{
    Trace trace;
    trace.setCpuCount(1);
    const ProcIndex p = trace.addProcess(ProcessInfo{});
    constexpr Tick kChanges = 1'000'000;
    for (Tick t = 0; t < kChanges; ++t)
        trace.recordState(p, t, t % 3 == 0 ? ProcessState::Ready : ProcessState::Running, Cause::Dispatched);
    trace.setEnd(kChanges, true);
    const ProcessTrack& track = trace.track(p);
    const auto key = [&track](std::size_t i) { return static_cast<int>(track.state(i)); };

    RunFolder folder;
    const PixelMap whole{0, 200.0 / kChanges, 200};
    const std::size_t visited = foldTrack(track, trace.end(), whole, folder, key);
    QVERIFY2(visited <= 200 * 10, qPrintable(QString::number(visited)));
    QVERIFY(!folder.runs().empty());
    int previousEnd = 0;
    for (const PixelRun& run : folder.runs()) {
        QVERIFY(run.x0 >= previousEnd && run.x1 > run.x0 && run.x1 <= 200);
        QCOMPARE(run.key, static_cast<int>(ProcessState::Running)); // 2/3 of every pixel
        previousEnd = run.x1;
    }

    // Zoomed in to ten ticks at 20 px each: every interval is its own run, found by binary search.
    const PixelMap close{500'000, 20, 200};
    const std::size_t visitedClose = foldTrack(track, trace.end(), close, folder, key);
    QVERIFY(visitedClose <= 11);
    QCOMPARE(folder.runs().front().x0, 0);
    QCOMPARE(folder.runs().back().x1, 200);
    for (const PixelRun& run : folder.runs()) {
        const Tick t = 500'000 + run.x0 / 20;
        QCOMPARE(run.key, static_cast<int>(t % 3 == 0 ? ProcessState::Ready : ProcessState::Running));
    }
}

void TestGanttView::rowOrder_data()
{
    QTest::addColumn<RowOrder>("order");
    QTest::addColumn<QList<int>>("processes"); // process index of each process row, top first

    // Index 0: pid 5 "zeta" created at 3; 1: pid 2 "Alpha" at 7; 2: pid 9 "mid" at 1.
    QTest::newRow("pid") << RowOrder::Pid << QList<int>{1, 0, 2};
    QTest::newRow("name") << RowOrder::Name << QList<int>{1, 2, 0};
    QTest::newRow("arrival") << RowOrder::Arrival << QList<int>{2, 0, 1};
}

void TestGanttView::rowOrder()
{
    QFETCH(RowOrder, order);
    QFETCH(QList<int>, processes);

    Trace trace;
    trace.setCpuCount(2);
    const std::tuple<Pid, const char*, Tick> procs[] = {{5, "zeta", 3}, {2, "Alpha", 7}, {9, "mid", 1}};
    for (const auto& [pid, name, created] : procs) {
        ProcessInfo info;
        info.pid = pid;
        info.name = name;
        const ProcIndex p = trace.addProcess(info);
        trace.recordState(p, created, ProcessState::New, Cause::Created);
    }
    GanttRows rows;
    rows.rebuild(trace, order);
    QCOMPARE(rows.count(), 5);
    QCOMPARE(rows.processRowCount(), 3);
    QCOMPARE(rows.cpuRowCount(), 2);
    for (int r = 0; r < 3; ++r) {
        QCOMPARE(rows.processAt(r), processes[r]);
        QCOMPARE(rows.rowOfProcess(processes[r]), r);
        QCOMPARE(rows.cpuAt(r), -1);
    }
    QCOMPARE(rows.cpuAt(3), 0);
    QCOMPARE(rows.cpuAt(4), 1);
    QCOMPARE(rows.rowOfCpu(1), 4);
    QCOMPARE(rows.processAt(3), -1);
    QCOMPARE(rows.processAt(5), -1);
    QCOMPARE(rows.processAt(-1), -1);
    QCOMPARE(rows.rowOfProcess(7), -1);
}

// ---- The widget ---------------------------------------------------------------------------------

void TestGanttView::rowsFollowTheTrace()
{
    makeView(false);
    const int before = m_view->rows().count();
    m_document->simulateAll();
    QCOMPARE(m_view->rows().processRowCount(), static_cast<int>(m_document->trace().processCount()));
    QCOMPARE(m_view->rows().cpuRowCount(), 1);
    QVERIFY(m_view->rows().count() > before);
    QVERIFY(m_view->timeAxis().isFitted());
    QCOMPARE(m_view->timeAxis().to(), static_cast<double>(std::max<Tick>(m_document->trace().end(), 10)));

    m_view->setRowOrder(RowOrder::Name);
    QCOMPARE(m_view->rowOrder(), RowOrder::Name);
    QCOMPARE(m_view->rows().processAt(0), 0); // "A"
}

void TestGanttView::rendersStateColours()
{
    makeView();
    const auto running = findState(1, ProcessState::Running, 2);
    const auto ready = findState(1, ProcessState::Ready, 2);
    const auto blocked = findState(1, ProcessState::Blocked, 2);
    QVERIFY(running && ready && blocked);
    m_playback->seek(m_playback->lastTick()); // the cursor out of the way

    const QPoint atRunning = m_view->pointFor(1, running->from + 1);
    const QPoint atReady = m_view->pointFor(1, ready->from + 1);
    const QPoint atBlocked = m_view->pointFor(1, blocked->from + 1);
    const QImage image = m_view->plot()->grab().toImage();
    QVERIFY(!image.isNull());

    std::set<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() >= 6, "the chart is blank");

    QCOMPARE(image.pixelColor(atRunning), stateColor(ProcessState::Running));
    QCOMPARE(image.pixelColor(atReady), stateColor(ProcessState::Ready));
    QCOMPARE(image.pixelColor(atBlocked), stateColor(ProcessState::Blocked));
    // The CPU lane shows the process running there in its own colour.
    QCOMPARE(image.pixelColor(m_view->pointForCpu(0, running->from + 1)), laneColor(m_document->trace(), 1));
}

void TestGanttView::hitTest()
{
    makeView();
    const auto running = findState(1, ProcessState::Running, 2);
    QVERIFY(running);
    GanttPlottable* plottable = m_view->plottable();

    QVariant details;
    QCOMPARE(plottable->selectTest(m_view->pointFor(1, running->from + 1), false, &details), 0.0);
    const auto hit = details.value<GanttHit>();
    QCOMPARE(hit.process, 1);
    QCOMPARE(hit.cpu, -1);
    QCOMPARE(hit.from, running->from);
    QCOMPARE(hit.to, running->to);
    QCOMPARE(m_document->trace().track(1).state(hit.record), ProcessState::Running);

    const auto lane = plottable->hitAt(m_view->pointForCpu(0, running->from + 1));
    QVERIFY(lane);
    QCOMPARE(lane->cpu, 0);
    QCOMPARE(lane->process, 1);
    QVERIFY(lane->from <= running->from + 1 && running->from + 1 < lane->to);

    QCOMPARE(plottable->selectTest(QPointF(2, 2), false), -1.0); // outside the chart
    // A terminated process leaves nothing to hit.
    bool checked = false;
    for (ProcIndex p = 0; p < static_cast<ProcIndex>(m_document->trace().processCount()); ++p) {
        if (const auto terminated = findState(p, ProcessState::Terminated, 1)) {
            QVERIFY(!plottable->hitAt(m_view->pointFor(p, terminated->from)));
            checked = true;
        }
    }
    QVERIFY(checked);
}

void TestGanttView::toolTip()
{
    makeView();
    const Trace& trace = m_document->trace();
    const auto ready = findState(1, ProcessState::Ready, 2);
    QVERIFY(ready);
    const std::size_t record = trace.track(1).indexAt(ready->from);
    const QString text = m_view->toolTipAt(m_view->pointFor(1, ready->from));
    const QString expected = QStringLiteral("B (pid 1): Ready %1–%2 (%3 ticks), cause: ")
                                 .arg(ready->from)
                                 .arg(ready->to)
                                 .arg(ready->to - ready->from);
    QVERIFY2(text.startsWith(expected), qPrintable(text));
    QVERIFY(trace.track(1).state(record) == ProcessState::Ready);

    const QString lane = m_view->toolTipAt(m_view->pointForCpu(0, ready->from));
    QVERIFY2(lane.startsWith(QStringLiteral("CPU 0: ")), qPrintable(lane));
    QVERIFY(m_view->toolTipAt(QPoint(1, 1)).isEmpty());
}

void TestGanttView::clickSelectsProcess()
{
    makeView();
    QSignalSpy spy(m_state.get(), &ViewState::selectedProcessChanged);
    QTest::mouseClick(m_view->plot(), Qt::LeftButton, {}, m_view->pointFor(1, 5));
    QCOMPARE(m_state->selectedProcess(), 1);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(m_view->plottable()->selectedProcess(), 1);
    QTest::mouseClick(m_view->plot(), Qt::LeftButton, {}, m_view->pointFor(3, 5));
    QCOMPARE(m_state->selectedProcess(), 3);
}

void TestGanttView::clickOnCpuLaneSelectsItsProcess()
{
    makeView();
    const auto running = findState(2, ProcessState::Running, 1);
    QVERIFY(running);
    QTest::mouseClick(m_view->plot(), Qt::LeftButton, {}, m_view->pointForCpu(0, running->from));
    QCOMPARE(m_state->selectedProcess(), 2);
}

void TestGanttView::doubleClickSeeks()
{
    makeView();
    QCOMPARE(m_playback->tick(), 0);
    QTest::mouseDClick(m_view->plot(), Qt::LeftButton, {}, m_view->pointFor(0, 7));
    QCOMPARE(m_playback->tick(), 7);
    QTest::mouseDClick(m_view->plot(), Qt::LeftButton, {}, m_view->pointForCpu(0, 12));
    QCOMPARE(m_playback->tick(), 12);
}

void TestGanttView::wheelZoomsAboutTheMouse()
{
    makeView();
    const double before = m_view->timeAxis().length();
    const QPoint pos = m_view->pointFor(0, 8);
    const double timeUnderMouse = m_view->plot()->xAxis->pixelToCoord(pos.x());
    QWheelEvent in = wheelAt(pos, 1);
    QApplication::sendEvent(m_view->plot(), &in);

    QVERIFY(m_view->timeAxis().length() < before);
    QVERIFY(std::abs(m_view->plot()->xAxis->pixelToCoord(pos.x()) - timeUnderMouse) < 1e-6);
    // The shared range follows.
    QVERIFY(m_state->visibleTo() > m_state->visibleFrom());
    QVERIFY(m_state->visibleTo() - m_state->visibleFrom() < m_document->trace().end());

    QWheelEvent out = wheelAt(pos, -3);
    QApplication::sendEvent(m_view->plot(), &out);
    QVERIFY(m_view->timeAxis().length() > before); // up to the margins
}

void TestGanttView::keysZoomAndFit()
{
    makeView();
    m_view->plot()->setFocus();
    const double fitted = m_view->timeAxis().length();
    QTest::keyClick(m_view->plot(), Qt::Key_Plus);
    const double zoomed = m_view->timeAxis().length();
    QVERIFY(zoomed < fitted);
    QTest::keyClick(m_view->plot(), Qt::Key_Minus);
    QVERIFY(m_view->timeAxis().length() > zoomed);
    QTest::keyClick(m_view->plot(), Qt::Key_Plus);
    QTest::keyClick(m_view->plot(), Qt::Key_0);
    QVERIFY(m_view->timeAxis().isFitted());
    QCOMPARE(m_state->visibleFrom(), m_state->visibleTo()); // "the whole trace"
}

void TestGanttView::rubberBandZooms()
{
    makeView();
    QVERIFY(m_document->trace().end() > 22);
    const QPoint from = m_view->pointFor(0, 4);
    const QPoint to = m_view->pointFor(0, 20);
    QTest::mousePress(m_view->plot(), Qt::RightButton, {}, from);
    QTest::mouseMove(m_view->plot(), (from + to) / 2);
    QTest::mouseMove(m_view->plot(), to);
    QTest::mouseRelease(m_view->plot(), Qt::RightButton, {}, to);
    QVERIFY2(std::abs(m_view->timeAxis().from() - 4.5) < 0.2,
        qPrintable(QString::number(m_view->timeAxis().from())));
    QVERIFY2(
        std::abs(m_view->timeAxis().to() - 20.5) < 0.2, qPrintable(QString::number(m_view->timeAxis().to())));
    QCOMPARE(m_state->selectedProcess(), -1); // a band is not a click
}

void TestGanttView::dragPans()
{
    makeView();
    m_view->setTimeRange(5, 15);
    m_view->replotNow();
    const double from = m_view->timeAxis().from();
    const QPoint start = m_view->pointFor(0, 10);
    const QPoint end = start - QPoint(200, 0);
    QTest::mousePress(m_view->plot(), Qt::LeftButton, {}, start);
    QTest::mouseMove(m_view->plot(), start - QPoint(100, 0));
    QTest::mouseMove(m_view->plot(), end);
    QTest::mouseRelease(m_view->plot(), Qt::LeftButton, {}, end);
    QVERIFY(m_view->timeAxis().from() > from); // dragged left: later times come into view
    QCOMPARE(m_view->timeAxis().length(), 10.0);
    QCOMPARE(m_state->selectedProcess(), -1); // a drag is not a click
}

void TestGanttView::cursorStaysInView()
{
    makeView();
    m_view->setTimeRange(0, 10);
    m_playback->seek(25);
    QVERIFY(m_view->timeAxis().from() <= 25 && 26 <= m_view->timeAxis().to());
    QCOMPARE(m_view->timeAxis().length(), 10.0);
}

void TestGanttView::followsSharedRange()
{
    makeView();
    m_state->setVisibleRange(3, 17);
    QCOMPARE(m_view->timeAxis().from(), 3.0);
    QCOMPARE(m_view->timeAxis().to(), 17.0);
    m_state->setVisibleRange(0, 0);
    QVERIFY(m_view->timeAxis().isFitted());
    m_state->setSelectedProcess(2);
    QCOMPARE(m_view->plottable()->selectedProcess(), 2);
}

void TestGanttView::exportFormats_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QByteArray>("magic");
    QTest::newRow("png") << QStringLiteral("png") << QByteArray("\x89PNG");
    QTest::newRow("svg") << QStringLiteral("svg") << QByteArray("<?xml");
    QTest::newRow("pdf") << QStringLiteral("pdf") << QByteArray("%PDF");
}

void TestGanttView::exportFormats()
{
    QFETCH(QString, suffix);
    QFETCH(QByteArray, magic);
    makeView();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("gantt.") + suffix);
    QVERIFY(m_view->exportTo(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray head = file.read(64);
    QVERIFY2(head.startsWith(magic), head.constData());
    if (suffix == QStringLiteral("png")) {
        const QImage image(path);
        QCOMPARE(image.size(), m_view->plot()->size() * 2);
    }
    QVERIFY(!m_view->exportTo(dir.filePath(QStringLiteral("gantt.doc"))));
}

QTEST_MAIN(TestGanttView)

#include "tst_gantt_view.moc"
