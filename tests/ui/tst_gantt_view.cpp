// The Gantt chart: its level-of-detail folding, its rows, and the real widget driven with the
// mouse and keys at the positions its own mapping gives.
#include "tests/core/sim_helpers.h"
#include "ui/document/document.h"
#include "ui/gantt/gantt_legend.h"
#include "ui/gantt/gantt_plottable.h"
#include "ui/gantt/gantt_rows.h"
#include "ui/gantt/gantt_tickers.h"
#include "ui/gantt/gantt_view.h"
#include "ui/gantt/pixel_runs.h"
#include "ui/playback/playback_controller.h"
#include "ui/playback/view_state.h"
#include "ui/style/neutral_colors.h"
#include "ui/style/state_colors.h"
#include "ui/style/state_patterns.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <map>
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

    void rowViewport_data();
    void rowViewport();
    void rowsFillTheHeight_data();
    void rowsFillTheHeight();
    void cpuLanesStayInView_data();
    void cpuLanesStayInView();
    void fitShowsEveryRow();
    void nothingDrawnAfterTheShownEnd();
    void cursorReachesTheEnd();
    void exportHasNoBlankMargin();
    void repeatedNamesShowTheirPid();
    void nanosecondsInOneUnit();
    void timeTickLabels_data();
    void timeTickLabels();
    void labelsScaleWithTheFont();
    void legendContents();
    void legendListsTheTracesStates();

private:
    struct Interval {
        Tick from;
        Tick to;
    };
    std::optional<Interval> findState(ProcIndex p, ProcessState s, Tick minLength) const;
    void makeView(bool simulate = true);
    void makeView(Trace trace, QSize size);
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

// `processes` processes on `cpus` CPUs, each Ready, then Running for two ticks, then gone; every
// name "worker" when `sameNames`, else "P<index>".
Trace manyProcesses(int processes, int cpus = 1, bool sameNames = false)
{
    Trace trace;
    trace.setCpuCount(cpus);
    for (int i = 0; i < processes; ++i) {
        ProcessInfo info;
        info.pid = 100 + i;
        info.name = sameNames ? "worker" : "P" + std::to_string(i);
        const ProcIndex p = trace.addProcess(info);
        const int cpu = i % cpus;
        const Tick start = 2 * (i / cpus);
        trace.recordState(p, 0, ProcessState::Ready, Cause::Admitted);
        trace.recordState(p, start, ProcessState::Running, Cause::Dispatched, cpu);
        trace.recordCpu(cpu, start, p);
        trace.recordState(p, start + 2, ProcessState::Terminated, Cause::Exited);
    }
    trace.setEnd(2 * ((processes + cpus - 1) / cpus), true);
    return trace;
}

// The colour most pixels of `rect` have.
QRgb dominant(const QImage& image, const QRect& rect)
{
    std::map<QRgb, int> count;
    for (int y = rect.top(); y <= rect.bottom(); ++y)
        for (int x = rect.left(); x <= rect.right(); ++x)
            ++count[image.pixel(x, y) | 0xFF000000u];
    return std::max_element(count.begin(), count.end(), [](const auto& a, const auto& b) {
        return a.second < b.second;
    })->first;
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

void TestGanttView::makeView(Trace trace, QSize size)
{
    m_document = std::make_unique<Document>(std::move(trace), QStringLiteral("test"), QString());
    m_playback = std::make_unique<PlaybackController>();
    m_state = std::make_unique<ViewState>();
    m_playback->setDocument(m_document.get());
    m_view = std::make_unique<GanttView>(m_playback.get(), m_state.get());
    m_view->resize(size);
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

    // Each state in its colour (most pixels) and its pattern's ink (the rest): Running is solid.
    const auto around = [](const QPoint& p) { return QRect(p - QPoint(4, 4), QSize(9, 9)); };
    const std::pair<QPoint, ProcessState> states[] = {{atRunning, ProcessState::Running},
        {atReady, ProcessState::Ready}, {atBlocked, ProcessState::Blocked}};
    for (const auto& [at, state] : states) {
        QCOMPARE(dominant(image, around(at)), stateColor(state).rgb() | 0xFF000000u);
        bool inked = false;
        for (int y = at.y() - 4; y <= at.y() + 4; ++y)
            for (int x = at.x() - 4; x <= at.x() + 4; ++x)
                inked =
                    inked || (image.pixel(x, y) | 0xFF000000u) == (stateInkColor(state).rgb() | 0xFF000000u);
        QCOMPARE(inked, statePattern(state) != StatePattern::Solid);
    }
    // The CPU lane shows who runs in a neutral grey, never in a state's colour.
    const QPoint lane = m_view->pointForCpu(0, running->from + 1);
    const QRgb shade = processShade(m_document->trace().info(1).pid).rgb() | 0xFF000000u;
    QCOMPARE(dominant(image, QRect(lane.x() - 3, lane.y() - 8, 7, 4)), shade);
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
    if (const QString dir = qEnvironmentVariable("PROCSCOPE_SCREENSHOT_DIR"); !dir.isEmpty()) {
        m_view->replotNow();
        QVERIFY(m_view->plot()->grab().save(dir + QStringLiteral("/gantt-selected.png")));
    }
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
        QCOMPARE(image.width(), m_view->plot()->width() * 2);
        QVERIFY(image.height() <= m_view->plot()->height() * 2);
    }
    QVERIFY(!m_view->exportTo(dir.filePath(QStringLiteral("gantt.doc"))));
}

// ---- Rows on screen, the hidden future, exports -------------------------------------------------

Q_DECLARE_METATYPE(RowViewport)

void TestGanttView::rowViewport_data()
{
    QTest::addColumn<RowViewport>("viewport");
    QTest::addColumn<double>("lanesTop");
    QTest::addColumn<double>("contentBottom");
    QTest::addColumn<QList<int>>("rowsAt"); // y, row, y, row, ...

    const auto make = [](int processes, int lanes, double height, double row, double top = 0) {
        RowViewport v;
        v.setRows(processes, lanes);
        v.setHeight(height);
        v.setRowHeight(row);
        v.setLaneHeight(row);
        v.setTopRow(top);
        return v;
    };
    // 4 processes and a lane of 20 px in 300 px: the lane right below the last process.
    QTest::newRow("few rows") << make(4, 1, 300, 20) << 80.0 << 100.0
                              << QList<int>{0, 0, 79, 3, 80, 4, 99, 4, 100, -1};
    // 200 processes: the lanes pinned at the bottom, whatever the scroll.
    QTest::newRow("many rows, top") << make(200, 2, 300, 20) << 260.0 << 300.0
                                    << QList<int>{0, 0, 259, 12, 260, 200, 299, 201};
    QTest::newRow("many rows, scrolled")
        << make(200, 2, 300, 20, 50.5) << 260.0 << 300.0 << QList<int>{0, 50, 10, 51, 260, 200};
    QTest::newRow("scrolled past the end: clamped")
        << make(200, 2, 300, 20, 1e9) << 260.0 << 300.0 << QList<int>{259, 199, 280, 201};
    // 16 lanes of 20 px would take 320 of 300 px: they share half the height instead.
    QTest::newRow("many CPUs") << make(10, 16, 300, 20) << 150.0 << 300.0
                               << QList<int>{149, 7, 150, 10, 299, 25};
    QTest::newRow("no lanes") << make(3, 0, 300, 20) << 60.0 << 60.0 << QList<int>{59, 2, 60, -1};
    QTest::newRow("no height") << make(3, 1, 0, 20) << 0.0 << 0.01 << QList<int>{0, 3, -1, -1};
    QTest::newRow("bad input") << make(-5, -1, -100, std::nan(""), std::nan("")) << 0.0 << 0.0
                               << QList<int>{0, -1};
}

void TestGanttView::rowViewport()
{
    QFETCH(RowViewport, viewport);
    QFETCH(double, lanesTop);
    QFETCH(double, contentBottom);
    QFETCH(QList<int>, rowsAt);
    QVERIFY2(
        std::abs(viewport.lanesTop() - lanesTop) < 1e-9, qPrintable(QString::number(viewport.lanesTop())));
    QVERIFY2(std::abs(viewport.contentBottom() - contentBottom) < 1e-9,
        qPrintable(QString::number(viewport.contentBottom())));
    for (qsizetype i = 0; i + 1 < rowsAt.size(); i += 2)
        QCOMPARE(viewport.rowAt(rowsAt[i]), rowsAt[i + 1]);
    // Every lane is wholly on screen, and a row's span agrees with rowAt.
    for (int c = 0; c < viewport.lanes(); ++c) {
        const int row = viewport.processRows() + c;
        QVERIFY(viewport.rowTop(row) >= lanesTop - 1e-9);
        if (viewport.height() > 0)
            QVERIFY(viewport.rowBottom(row) <= viewport.height() + 1e-9);
        if (viewport.laneHeight() >= 1)
            QCOMPARE(viewport.rowAt((viewport.rowTop(row) + viewport.rowBottom(row)) / 2), row);
    }
    for (int r = viewport.firstProcessRow(); r <= viewport.lastProcessRow(); ++r)
        QVERIFY(viewport.isVisible(r));
}

void TestGanttView::rowsFillTheHeight_data()
{
    QTest::addColumn<int>("processes");
    QTest::addColumn<QSize>("size");
    QTest::newRow("12 processes, 1600x1000") << 12 << QSize(1600, 1000);
    QTest::newRow("5 processes, 1280x720") << 5 << QSize(1280, 720);
    QTest::newRow("2 processes, 2560x1440: rows at their maximum") << 2 << QSize(2560, 1440);
    QTest::newRow("200 processes, 1280x720: base height, scrolling") << 200 << QSize(1280, 720);
}

// Rows grow to fill the chart up to a maximum; the time axis sits right under the last CPU lane,
// whatever is left blank lies below it.
void TestGanttView::rowsFillTheHeight()
{
    QFETCH(int, processes);
    QFETCH(QSize, size);
    makeView(manyProcesses(processes), size);
    const RowViewport& v = m_view->viewport();
    const QRect area = m_view->plot()->axisRect()->rect();
    QVERIFY2(std::abs(v.height() - area.height()) < 1,
        qPrintable(QStringLiteral("%1 vs %2").arg(v.height()).arg(area.height())));
    QVERIFY2(v.contentBottom() >= area.height() - 4, // no blank inside the chart
        qPrintable(QStringLiteral("rows end at %1 of %2").arg(v.contentBottom()).arg(area.height())));
    const double base = std::round(QFontMetricsF(m_view->plot()->yAxis->tickLabelFont()).height() * 1.9);
    const double blankBelow = m_view->plot()->height() - m_view->plot()->axisRect()->outerRect().bottom();
    if (v.rowHeight() < base * GanttView::kMaxRowGrowth - 1e-9)
        QVERIFY2(blankBelow < 0.05 * m_view->plot()->height(), qPrintable(QString::number(blankBelow)));
    QVERIFY(v.rowHeight() >= base - 1e-9);
    QVERIFY(v.rowHeight() <= base * GanttView::kMaxRowGrowth + 1e-9);
    if (processes <= 12)
        QCOMPARE(m_view->visibleRowCount(), static_cast<double>(m_view->rows().count()));
}

void TestGanttView::cpuLanesStayInView_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("fontScale");
    QTest::addColumn<int>("cpus");
    QTest::newRow("1280x720") << QSize(1280, 720) << 1.0 << 1;
    QTest::newRow("1280x720, presentation type") << QSize(1280, 720) << 1.5 << 1;
    QTest::newRow("1024x768, presentation type") << QSize(1024, 768) << 1.5 << 1;
    QTest::newRow("1024x768, presentation type, 4 CPUs") << QSize(1024, 768) << 1.5 << 4;
    QTest::newRow("a 400 px high dock, 4 CPUs") << QSize(1024, 400) << 1.5 << 4;
}

// With 200 processes the CPU lanes are pinned below the process rows: in view at the top, in the
// middle and at the end of the scroll, never only at its end.
void TestGanttView::cpuLanesStayInView()
{
    QFETCH(QSize, size);
    QFETCH(double, fontScale);
    QFETCH(int, cpus);
    makeView(manyProcesses(200, cpus), size);
    QFont font = m_view->font();
    font.setPointSizeF(font.pointSizeF() * fontScale);
    m_view->setFont(font);
    m_view->replotNow();
    QVERIFY(m_view->visibleRowCount() < m_view->rows().count()); // the processes scroll
    for (const double top : {0.0, 97.5, 1e9}) {
        m_view->setTopRow(top);
        m_view->replotNow();
        const QRect area = m_view->plot()->axisRect()->rect();
        const QImage image = m_view->plot()->grab().toImage();
        for (int c = 0; c < cpus; ++c) {
            const int row = m_view->rows().rowOfCpu(c);
            const RowViewport& v = m_view->viewport();
            QVERIFY(v.isVisible(row));
            QVERIFY2(v.rowBottom(row) - v.rowTop(row) >=
                         QFontMetricsF(m_view->plot()->yAxis->tickLabelFont()).height(),
                "a lane too thin for its label");
            QVERIFY(v.rowBottom(row) <= area.height() + 1e-9);
            // Something runs on each lane at tick 0, found where the view's own mapping says.
            const double y = area.top() + (v.rowTop(row) + v.rowBottom(row)) / 2;
            const QPoint at(static_cast<int>(m_view->plot()->xAxis->coordToPixel(1.5)), static_cast<int>(y));
            const auto hit = m_view->plottable()->hitAt(at);
            QVERIFY2(hit && hit->cpu == c, qPrintable(QStringLiteral("at %1,%2 in %3,%4 %5x%6: row %7")
                                                          .arg(at.x())
                                                          .arg(at.y())
                                                          .arg(area.left())
                                                          .arg(area.top())
                                                          .arg(area.width())
                                                          .arg(area.height())
                                                          .arg(m_view->rowAt(at))));
            QCOMPARE(image.pixel(at.x(), static_cast<int>(v.rowTop(row)) + area.top() + 8) | 0xFF000000u,
                processShade(m_document->trace().info(hit->process).pid).rgb() | 0xFF000000u);
        }
    }
}

// 0 (fit) shows all the time and every row, however many.
void TestGanttView::fitShowsEveryRow()
{
    makeView(manyProcesses(200), QSize(1280, 720));
    m_view->plot()->setFocus();
    m_view->setTimeRange(5, 50);
    QVERIFY(m_view->visibleRowCount() < m_view->rows().count());
    QTest::keyClick(m_view->plot(), Qt::Key_0);
    m_view->replotNow();
    QVERIFY(m_view->timeAxis().isFitted());
    QVERIFY2(m_view->visibleRowCount() >= m_view->rows().count() - 1e-6,
        qPrintable(QStringLiteral("%1 of %2").arg(m_view->visibleRowCount()).arg(m_view->rows().count())));
    QCOMPARE(m_view->topRow(), 0.0);
}

// With the future hidden, the chart ends at the cursor's tick: nothing to see or hover after it,
// on the process rows and on the CPU lanes; it grows as the cursor moves.
void TestGanttView::nothingDrawnAfterTheShownEnd()
{
    makeView();
    const Trace& trace = m_document->trace();
    m_state->setShowFuture(false);
    const Tick cursor = 9;
    m_playback->seek(cursor);
    QCOMPARE(m_view->shownEnd(), cursor + 1);
    QCOMPARE(m_view->plottable()->shownEnd(), cursor + 1);
    m_view->replotNow();

    const auto painted = [this](const QImage& image, ProcIndex row, bool cpu, Tick from, Tick to) {
        const QPoint a = cpu ? m_view->pointForCpu(0, from) : m_view->pointFor(row, from);
        const QPoint b = cpu ? m_view->pointForCpu(0, to) : m_view->pointFor(row, to);
        int count = 0;
        for (int x = a.x(); x <= b.x(); ++x) {
            const QColor c = image.pixelColor(x, a.y());
            count += c.saturation() > 40 || c.lightness() < 200; // a state's colour, a lane's grey
        }
        return count;
    };
    // Cursor's band aside, everything after it is blank; before it, bars.
    const QImage image = m_view->plot()->grab().toImage();
    if (const QString dir = qEnvironmentVariable("PROCSCOPE_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(image.save(dir + QStringLiteral("/gantt-future-hidden.png")));
    for (ProcIndex p = 0; p < static_cast<ProcIndex>(trace.processCount()); ++p) {
        QCOMPARE(painted(image, p, false, cursor + 2, trace.end() - 1), 0);
        QVERIFY(!m_view->plottable()->hitAt(m_view->pointFor(p, cursor + 3)));
        QVERIFY(m_view->toolTipAt(m_view->pointFor(p, cursor + 3)).isEmpty());
    }
    QCOMPARE(painted(image, 0, true, cursor + 2, trace.end() - 1), 0);
    QVERIFY(painted(image, 0, true, 0, cursor - 1) > 0);
    QVERIFY(m_view->plottable()->hitAt(m_view->pointForCpu(0, cursor)));
    // A hovered interval says only what has happened: it ends at the shown end.
    if (const auto hit = m_view->plottable()->hitAt(m_view->pointForCpu(0, cursor)))
        QVERIFY(hit->to <= cursor + 1);

    m_playback->seek(cursor + 6); // the chart grows with the cursor
    m_view->replotNow();
    const QImage later = m_view->plot()->grab().toImage();
    QVERIFY(painted(later, 0, true, cursor + 2, cursor + 5) > 0);

    m_state->setShowFuture(true); // the whole schedule again
    m_view->replotNow();
    QCOMPARE(m_view->plottable()->shownEnd(), trace.end());
    const QImage all = m_view->plot()->grab().toImage();
    QVERIFY(painted(all, 0, true, cursor + 8, trace.end() - 2) > 0);
}

void TestGanttView::cursorReachesTheEnd()
{
    makeView();
    m_state->setShowFuture(false);
    m_playback->seek(m_playback->lastTick());
    QCOMPARE(m_playback->tick(), m_document->trace().end());
    m_view->replotNow();
    QCOMPARE(m_view->shownEnd(), m_document->trace().end()); // everything shown at the end
    QVERIFY(!m_view->plottable()->hitAt(m_view->pointFor(0, m_document->trace().end())));
    m_view->setTimeRange(0, 10); // zoomed in: playback pages along to the end
    m_playback->seek(0);
    m_playback->seek(m_playback->lastTick());
    QVERIFY(m_view->timeAxis().to() >= static_cast<double>(m_document->trace().end()));
}

// An export ends below the time axis: the blank the rows leave on screen is not in it.
void TestGanttView::exportHasNoBlankMargin()
{
    makeView(manyProcesses(2), QSize(1000, 1200)); // two rows and a lane: far from filling 1200 px
    QVERIFY(m_view->plot()->height() - m_view->plot()->axisRect()->outerRect().bottom() > 200);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("gantt.png"));
    QVERIFY(m_view->exportTo(path));
    const QImage image(path);
    QVERIFY(!image.isNull());
    QVERIFY(image.height() < m_view->plot()->height() * 2 - 400);
    int blank = 0; // white lines at the bottom, below the time axis's title
    for (int y = image.height() - 1; y >= 0; --y) {
        bool white = true;
        for (int x = 0; x < image.width() && white; ++x)
            white = (image.pixel(x, y) | 0xFF000000u) == 0xFFFFFFFFu;
        if (!white)
            break;
        ++blank;
    }
    QVERIFY2(blank <= 20, qPrintable(QString::number(blank)));
    // The screen is laid out as before.
    QVERIFY(m_view->plot()->height() - m_view->plot()->axisRect()->outerRect().bottom() > 200);
}

void TestGanttView::repeatedNamesShowTheirPid()
{
    Trace trace = manyProcesses(3, 1, true);
    trace.info(2).name = "shell";
    makeView(std::move(trace), QSize(1000, 500));
    const QList<QString> labels = m_view->plot()->yAxis->tickVectorLabels().toList();
    QVERIFY2(labels.contains(QStringLiteral("worker (100)")), qPrintable(labels.join(QLatin1Char('|'))));
    QVERIFY(labels.contains(QStringLiteral("worker (101)")));
    QVERIFY(labels.contains(QStringLiteral("shell")));
    QVERIFY(labels.contains(QStringLiteral("CPU 0")));
}

// A recorded trace in nanoseconds reads in one unit chosen from its span, never "ns 5000000" or
// scientific notation: on the axis, on the cursor and in the tooltips.
void TestGanttView::nanosecondsInOneUnit()
{
    Trace trace = manyProcesses(4);
    // Stretch to 8 ms: each process runs 2 ms.
    Trace ns;
    ns.meta.timeUnit = "ns";
    ns.meta.source = "trace-cmd";
    ns.setCpuCount(1);
    for (ProcIndex p = 0; p < 4; ++p) {
        const ProcIndex q = ns.addProcess(trace.info(p));
        ns.recordState(q, 0, ProcessState::Ready, Cause::Admitted);
        ns.recordState(q, p * 2'000'000, ProcessState::Running, Cause::Dispatched);
        ns.recordCpu(0, p * 2'000'000, q);
        ns.recordState(q, (p + 1) * 2'000'000, ProcessState::Terminated, Cause::Exited);
    }
    ns.setEnd(8'000'000, true);
    makeView(std::move(ns), QSize(1280, 600));
    QCOMPARE(m_view->plot()->xAxis->label(), QStringLiteral("time (ms)"));
    const QList<QString> ticks = m_view->plot()->xAxis->tickVectorLabels().toList();
    QVERIFY(!ticks.isEmpty());
    for (const QString& t : ticks)
        QVERIFY2(!t.contains(QLatin1Char('e')) && t.size() <= 6, qPrintable(t));
    // Evenly spaced as written: 2.5 ms steps read "2.5", "5", "7.5", not "3", "5", "8".
    for (qsizetype i = 2; i < ticks.size(); ++i)
        QVERIFY2(std::abs((ticks[i].toDouble() - ticks[i - 1].toDouble()) -
                          (ticks[1].toDouble() - ticks[0].toDouble())) < 1e-9,
            qPrintable(ticks.join(QLatin1Char(' '))));
    m_playback->seek(3'000'000);
    const QString tip = m_view->toolTipAt(m_view->pointFor(1, 3'000'000));
    QVERIFY2(tip.contains(QStringLiteral(" ms")) && !tip.contains(QStringLiteral("µs")) &&
                 !tip.contains(QStringLiteral(" ns")),
        qPrintable(tip));
}

void TestGanttView::timeTickLabels_data()
{
    QTest::addColumn<bool>("ns");
    QTest::addColumn<double>("unit"); // nanoseconds of the trace's unit
    QTest::addColumn<double>("to");
    QTest::addColumn<int>("count");
    QTest::addColumn<QStringList>("labels");

    const auto list = [](const char* text) { return QString::fromUtf8(text).split(QLatin1Char(' ')); };
    QTest::newRow("ticks") << false << 1.0 << 45.0 << 5 << list("0 10 20 30 40");
    QTest::newRow("2.5 ms steps") << true << 1e6 << 18e6 << 7 << list("0 2.5 5 7.5 10 12.5 15 17.5");
    QTest::newRow("µs") << true << 1e3 << 40e3 << 4 << list("0 10 20 30 40");
    QTest::newRow("half seconds") << true << 1e9 << 3e9 << 6 << list("0 0.5 1 1.5 2 2.5 3");
    QTest::newRow("0.2 ms steps") << true << 1e6 << 1e6 << 5 << list("0 0.2 0.4 0.6 0.8 1");
}

// Tick labels in the trace's one unit, evenly spaced as written, in fixed notation.
void TestGanttView::timeTickLabels()
{
    QFETCH(bool, ns);
    QFETCH(double, unit);
    QFETCH(double, to);
    QFETCH(int, count);
    QFETCH(QStringList, labels);
    TimeTicker ticker;
    ticker.setUnit(ns ? TimeUnit::Nanosecond : TimeUnit::Tick, UnitScale{unit, QStringLiteral("x")});
    ticker.setTickCount(count);
    QVector<double> ticks;
    QVector<QString> text;
    ticker.generate(QCPRange(0, to), QLocale::c(), QLatin1Char('g'), 6, ticks, nullptr, &text);
    QCOMPARE(QStringList(text.begin(), text.end()), labels);
}

// The type grows with the widget's font (presentation mode's 1.5), never below 11 pt.
void TestGanttView::labelsScaleWithTheFont()
{
    makeView();
    QFont font = m_view->font();
    font.setPointSizeF(12);
    m_view->setFont(font);
    const double normal = m_view->plot()->yAxis->tickLabelFont().pointSizeF();
    font.setPointSizeF(18);
    m_view->setFont(font);
    const double large = m_view->plot()->yAxis->tickLabelFont().pointSizeF();
    QVERIFY2(
        std::abs(large / normal - 1.5) < 0.08, qPrintable(QStringLiteral("%1 -> %2").arg(normal).arg(large)));
    QCOMPARE(m_view->plot()->legend->font().pointSizeF(), large);
    font.setPointSizeF(6);
    m_view->setFont(font);
    QVERIFY(m_view->plot()->yAxis->tickLabelFont().pointSizeF() >= 11);
}

// The legend lists what the chart can show: states that last (a zero-length New does not), context
// switches when there are some; a growing trace is read incrementally, a truncated one again.
void TestGanttView::legendContents()
{
    Trace trace;
    trace.setCpuCount(1);
    const ProcIndex p = trace.addProcess(ProcessInfo{});
    trace.recordState(p, 0, ProcessState::New, Cause::Created);
    trace.recordState(p, 0, ProcessState::Ready, Cause::Admitted); // New for no time at all
    trace.setEnd(0, false);
    LegendContents contents;
    QVERIFY(!contents.update(trace)); // nothing lasts yet
    QVERIFY(!contents.has(ProcessState::Ready));
    trace.setEnd(2, false);
    QVERIFY(contents.update(trace)); // the last record has grown
    QVERIFY(contents.has(ProcessState::Ready));
    QVERIFY(!contents.has(ProcessState::New));
    trace.recordCpu(0, 2, kCpuSwitch);
    trace.recordState(p, 3, ProcessState::Running, Cause::Dispatched);
    trace.recordCpu(0, 3, p);
    trace.recordState(p, 5, ProcessState::Zombie, Cause::Exited);
    trace.recordState(p, 5, ProcessState::Terminated, Cause::Reaped);
    trace.setEnd(6, true);
    QVERIFY(contents.update(trace));
    QVERIFY(contents.has(ProcessState::Running));
    QVERIFY(contents.hasContextSwitch());
    QVERIFY(!contents.has(ProcessState::Zombie));     // zero length
    QVERIFY(!contents.has(ProcessState::Terminated)); // never drawn
    QVERIFY(!contents.update(trace));                 // nothing new
    trace.truncate(3);                                // a command rewrote the future
    trace.setEnd(3, false);
    QVERIFY(contents.update(trace));
    QVERIFY(!contents.has(ProcessState::Running));
    QVERIFY(contents.hasContextSwitch());
}

void TestGanttView::legendListsTheTracesStates()
{
    makeView();
    QStringList items;
    for (int i = 0; i < m_view->plot()->legend->itemCount(); ++i)
        if (auto* item = dynamic_cast<SwatchLegendItem*>(m_view->plot()->legend->item(i)))
            items << item->text();
    QCOMPARE(items, QStringList({QStringLiteral("Ready"), QStringLiteral("Running"),
                        QStringLiteral("Blocked"), QStringLiteral("Context switch")}));
}

QTEST_MAIN(TestGanttView)

#include "tst_gantt_view.moc"
