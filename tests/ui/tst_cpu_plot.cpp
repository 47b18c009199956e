// The CPU-utilization plot: the one-sweep series checked against traces worked out by hand and
// against a tick-by-tick reference read from frameAt() (bucketed and windowed too), and the real
// widget driven through a PlaybackController offscreen: the header shows the values at the
// cursor, the plot grows to the cursor and no further, and it exports.
#include "core/io/workload_json.h"
#include "core/trace/cursor.h"
#include "tests/core/sim_helpers.h"
#include "ui/cpuplot/cpu_plot_view.h"
#include "ui/cpuplot/utilization_series.h"
#include "ui/document/document.h"
#include "ui/playback/playback_controller.h"
#include "ui/playback/view_state.h"
#include "ui/style/custom_plot.h"

#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <variant>

using namespace procscope;
using namespace procscope::ui;
using testing::Job;
using testing::makeWorkload;
using Q = UtilizationSeries::Quantity;

namespace {

using S = ProcessState;

Workload demoWorkload()
{
    return testing::bundledWorkload("demo.json");
}

// Two CPUs, a context-switch cost, two FIFO devices (so I/O waits overlap and queue), fork/wait.
Workload richWorkload()
{
    const Program child{Op::cpu(3), Op::io(4, 1), Op::cpu(2)};
    Workload w = makeWorkload(
        {
            Job{0, {Op::cpu(5), Op::fork(child, "child"), Op::wait(), Op::cpu(2)}},
            Job{0, {Op::cpu(12)}},
            Job{3, {Op::cpu(1), Op::io(3), Op::cpu(1), Op::io(3), Op::cpu(1), Op::io(2, 1), Op::cpu(1)}},
            Job{6, {Op::cpu(20)}},
            Job{9, {Op::io(5), Op::cpu(4)}},
            Job{9, {Op::io(7), Op::cpu(1), Op::io(2)}},
        },
        PolicyKind::RoundRobin, 3, 2);
    w.machine.contextSwitch = 1;
    w.machine.devices = {"disk", "net"};
    w.machine.ioModel = IoModel::FifoDevice;
    return w;
}

// One CPU, by hand. A runs 0-3, waits for the disk 3-6, is ready 6-8 and runs 8-9. B arrives at
// 2 and is ready until the CPU takes it at 5 (a recorded trace need not keep the CPU busy), runs
// 5-8 and exits. End 9.
//   tick:   0 1 2 3 4 5 6 7 8
//   cpu:    1 1 1 0 0 1 1 1 1
//   io:     0 0 0 1 1 1 0 0 0
//   ready:  0 0 1 1 1 0 1 1 0
Trace handTrace()
{
    Trace t;
    t.setCpuCount(1);
    const ProcIndex a = t.addProcess(ProcessInfo{0, "A"});
    const ProcIndex b = t.addProcess(ProcessInfo{1, "B"});
    t.recordState(a, 0, S::New, Cause::Created);
    t.recordState(a, 0, S::Ready, Cause::Admitted);
    t.recordState(a, 0, S::Running, Cause::Dispatched, 0);
    t.recordCpu(0, 0, a);
    t.recordState(b, 2, S::New, Cause::Created);
    t.recordState(b, 2, S::Ready, Cause::Admitted);
    t.recordState(a, 3, S::Blocked, Cause::IoStarted, 0);
    t.recordCpu(0, 3, kCpuIdle);
    t.recordState(b, 5, S::Running, Cause::Dispatched, 0);
    t.recordCpu(0, 5, b);
    t.recordState(a, 6, S::Ready, Cause::IoDone);
    t.recordState(b, 8, S::Zombie, Cause::Exited);
    t.recordState(b, 8, S::Terminated, Cause::Reaped);
    t.recordState(a, 8, S::Running, Cause::Dispatched, 0);
    t.recordCpu(0, 8, a);
    t.setEnd(9, false);
    return t;
}

// The same quantities the slow way: one frameAt() per tick.
struct Reference {
    std::vector<double> cpu, io, ready;
    std::vector<std::vector<double>> perCpu;
};
Reference reference(const Trace& trace)
{
    Reference r;
    r.perCpu.resize(static_cast<std::size_t>(trace.cpuCount()));
    for (Tick t = 0; t < trace.end(); ++t) {
        const Frame f = frameAt(trace, t);
        int busy = 0;
        for (std::size_t c = 0; c < f.running.size(); ++c) {
            busy += f.running[c] >= 0 ? 1 : 0;
            r.perCpu[c].push_back(f.running[c] >= 0 ? 1.0 : 0.0);
        }
        r.cpu.push_back(static_cast<double>(busy) / std::max(1, trace.cpuCount()));
        bool io = false;
        for (const auto& q : f.ioQueues)
            io = io || !q.empty();
        r.io.push_back(io ? 1.0 : 0.0);
        std::size_t ready = 0;
        for (const auto& q : f.readyQueues)
            ready += q.size();
        r.ready.push_back(static_cast<double>(ready));
    }
    return r;
}

// Mean of v over ticks [from, to).
double mean(const std::vector<double>& v, Tick from, Tick to)
{
    double sum = 0;
    for (Tick t = from; t < to; ++t)
        sum += v[static_cast<std::size_t>(t)];
    return to > from ? sum / static_cast<double>(to - from) : 0;
}

void compareWithReference(const Trace& trace, std::size_t maxSamples, Tick window)
{
    const Reference ref = reference(trace);
    const UtilizationSeries s(trace, maxSamples);
    QVERIFY(s.size() <= maxSamples);
    const Tick k = s.bucketWidth();
    for (std::size_t i = 0; i < s.size(); ++i) {
        const Tick from = s.bucketStart(i);
        const Tick to = from + s.bucketLength(i);
        QCOMPARE(s.cpu(i), mean(ref.cpu, from, to));
        QCOMPARE(s.io(i), mean(ref.io, from, to));
        QVERIFY(std::abs(s.ready(i) - mean(ref.ready, from, to)) < 1e-9);
        for (int c = 0; c < trace.cpuCount(); ++c)
            QCOMPARE(s.cpu(c, i), mean(ref.perCpu[static_cast<std::size_t>(c)], from, to));
        // The window covers whole buckets ending with this one.
        const Tick buckets =
            std::max<Tick>(1, static_cast<Tick>(std::llround(static_cast<double>(window) / k)));
        const Tick wFrom = std::max<Tick>(0, from - (buckets - 1) * k);
        QVERIFY(std::abs(s.windowedAt(Q::Cpu, window, i) - mean(ref.cpu, wFrom, to)) < 1e-9);
        QVERIFY(std::abs(s.windowedAt(Q::Io, window, i) - mean(ref.io, wFrom, to)) < 1e-9);
        QVERIFY(std::abs(s.windowedAt(Q::Ready, window, i) - mean(ref.ready, wFrom, to)) < 1e-9);
    }
}

struct Fixture {
    explicit Fixture(Workload w)
        : document(std::move(w), QStringLiteral("test"))
    {
        document.simulateAll();
        playback.setDocument(&document);
    }
    Document document;
    PlaybackController playback;
    ViewState viewState;
};

// Pixels of the plot's CPU line colour (or its fill) in column range [x0, x1).
int greenPixels(const QImage& image, int x0, int x1, int y0, int y1)
{
    const QColor line = stateColor(S::Running).darker(110);
    int n = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = std::max(0, x0); x < std::min(image.width(), x1); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - line.red()) < 40 && std::abs(c.green() - line.green()) < 40 &&
                std::abs(c.blue() - line.blue()) < 40)
                ++n;
        }
    return n;
}

} // namespace

class TestCpuPlot : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // On a short plot (a small window, a narrow dock) the axes' titles would be cut at both ends
    // and the tick labels would run into each other: titles go, ticks thin out, and come back.
    void axesFitTheHeight()
    {
        Fixture f(demoWorkload());
        CpuPlotView view(&f.playback, &f.viewState);
        const auto step = [](QCPAxis* axis) {
            return qSharedPointerDynamicCast<QCPAxisTickerFixed>(axis->ticker())->tickStep();
        };
        view.resize(1000, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.plot()->yAxis->label(), QStringLiteral("busy %"));
        QVERIFY(view.plot()->yAxis2->label().startsWith(QStringLiteral("ready queue")));
        QCOMPARE(step(view.plot()->yAxis), 25.0);
        view.resize(1000, view.height() - view.plot()->height() + 60);
        QCoreApplication::processEvents();
        QVERIFY(view.plot()->height() <= 110); // QCustomPlot keeps a minimum of about 100 px
        QVERIFY(view.plot()->yAxis->label().isEmpty());
        QVERIFY(view.plot()->yAxis2->label().isEmpty());
        QVERIFY(step(view.plot()->yAxis) > 25.0);
        const QCPRange ready = view.plot()->yAxis2->range();
        QVERIFY(ready.upper / step(view.plot()->yAxis2) <= 2.0 + 1e-9);
        view.resize(1000, 500);
        QCoreApplication::processEvents();
        QCOMPARE(view.plot()->yAxis->label(), QStringLiteral("busy %"));
        QCOMPARE(step(view.plot()->yAxis), 25.0);
    }

    void byHand()
    {
        const Trace trace = handTrace();
        const UtilizationSeries s(trace);
        QCOMPARE(s.size(), std::size_t(9));
        QCOMPARE(s.bucketWidth(), Tick(1));
        const double cpu[] = {1, 1, 1, 0, 0, 1, 1, 1, 1};
        const double io[] = {0, 0, 0, 1, 1, 1, 0, 0, 0};
        const double ready[] = {0, 0, 1, 1, 1, 0, 1, 1, 0};
        for (std::size_t i = 0; i < 9; ++i) {
            QCOMPARE(s.cpu(i), cpu[i]);
            QCOMPARE(s.cpu(0, i), cpu[i]);
            QCOMPARE(s.io(i), io[i]);
            QCOMPARE(s.ready(i), ready[i]);
        }
        // Windows of 3 ticks, never looking ahead: at tick 4 the CPU was busy 1 of (2, 3, 4).
        QCOMPARE(s.windowedAt(Q::Cpu, 3, 4), 1.0 / 3);
        QCOMPARE(s.windowedAt(Q::Io, 3, 4), 2.0 / 3);
        QCOMPARE(s.windowedAt(Q::Cpu, 3, 0), 1.0); // the start has less history
        QCOMPARE(s.windowedAt(Q::Ready, 3, 7), 2.0 / 3);
        QCOMPARE(s.windowedAt(Q::Cpu, 100, 8), 7.0 / 9);
        const std::vector<double> all = s.windowed(Q::Io, 2);
        QCOMPARE(all.size(), std::size_t(9));
        QCOMPARE(all[5], 1.0);
        QCOMPARE(all[6], 0.5);
        QCOMPARE(readyQueueLength(trace, 3), 1);
        QCOMPARE(readyQueueLength(trace, 5), 0);
        QCOMPARE(readyQueueLength(trace, 7), 1);
    }

    void bucketed()
    {
        // Three ticks a bucket: [0,3) [3,6) [6,9).
        const UtilizationSeries s(handTrace(), 3);
        QCOMPARE(s.bucketWidth(), Tick(3));
        QCOMPARE(s.size(), std::size_t(3));
        QCOMPARE(s.cpu(0), 1.0);
        QCOMPARE(s.cpu(1), 1.0 / 3);
        QCOMPARE(s.cpu(2), 1.0);
        QCOMPARE(s.io(1), 1.0);
        QCOMPARE(s.ready(1), 2.0 / 3);
        QCOMPARE(s.bucketOf(0), std::size_t(0));
        QCOMPARE(s.bucketOf(5), std::size_t(1));
        QCOMPARE(s.bucketOf(100), std::size_t(2));
        // Five ticks a bucket: the last one is short.
        const UtilizationSeries four(handTrace(), 3 - 1);
        QCOMPARE(four.bucketWidth(), Tick(5));
        QCOMPARE(four.size(), std::size_t(2));
        QCOMPARE(four.bucketLength(1), Tick(4));
        QCOMPARE(four.cpu(1), 1.0);
        QCOMPARE(four.io(1), 0.25);
    }

    void emptyTrace()
    {
        const UtilizationSeries s{Trace()};
        QVERIFY(s.empty());
        QCOMPARE(s.size(), std::size_t(0));
        QCOMPARE(s.bucketOf(10), std::size_t(0));
        QCOMPARE(s.windowedAt(Q::Cpu, 5, 0), 0.0);
        QVERIFY(s.windowed(Q::Cpu, 5).empty());
        QCOMPARE(readyQueueLength(Trace(), 0), 0);
    }

    void againstTheReference_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<int>("maxSamples");
        QTest::addColumn<int>("window");
        for (int which : {0, 1, 2}) {
            const char* name = which == 0 ? "demo" : which == 1 ? "two CPUs, FIFO devices" : "I/O overlap";
            QTest::addRow("%s, a tick a sample", name) << which << 100000 << 1;
            QTest::addRow("%s, window 5", name) << which << 100000 << 5;
            QTest::addRow("%s, 7 samples", name) << which << 7 << 10;
            QTest::addRow("%s, 1 sample", name) << which << 1 << 1;
            QTest::addRow("%s, 13 samples, window 30", name) << which << 13 << 30;
        }
    }
    void againstTheReference()
    {
        QFETCH(int, which);
        QFETCH(int, maxSamples);
        QFETCH(int, window);
        Workload w = which == 0 ? demoWorkload() : richWorkload();
        if (which == 2) {
            w.machine.ioModel = IoModel::Parallel; // I/O waits overlap: counted once
            w.machine.cpus = 3;
        }
        Simulator sim(w);
        sim.run();
        compareWithReference(sim.trace(), static_cast<std::size_t>(maxSamples), window);
    }

    void partOfATrace()
    {
        // A trace simulated only so far: the series ends where the trace ends.
        Simulator sim(richWorkload());
        sim.advanceTo(17);
        QCOMPARE(sim.trace().end(), Tick(17));
        compareWithReference(sim.trace(), 100000, 4);
        QCOMPARE(UtilizationSeries(sim.trace()).size(), std::size_t(17));
    }

    void headerShowsTheCursor()
    {
        Fixture f(demoWorkload());
        CpuPlotView view(&f.playback, &f.viewState);
        view.resize(1400, 500);
        view.setWindow(5);
        QCOMPARE(view.window(), Tick(5));
        const Trace& trace = f.document.trace();
        const UtilizationSeries s(trace);
        // Up to the last tick with a sample; the end itself is the boundary after the run.
        for (Tick t = 0; t < f.playback.lastTick(); ++t) {
            f.playback.seek(t);
            const std::size_t i = static_cast<std::size_t>(t);
            const QString expected = QStringLiteral("CPU %1%  I/O %2%  Ready %3")
                                         .arg(std::lround(100 * s.windowedAt(Q::Cpu, 5, i)))
                                         .arg(std::lround(100 * s.windowedAt(Q::Io, 5, i)))
                                         .arg(readyQueueLength(trace, t));
            QCOMPARE(view.headerText(), expected);
            QCOMPARE(view.shownSamples(), static_cast<int>(t + 1));
        }
    }

    void headerWithoutATrace()
    {
        PlaybackController playback;
        ViewState viewState;
        CpuPlotView view(&playback, &viewState);
        QCOMPARE(view.headerText(), QStringLiteral("CPU \u2013  I/O \u2013  Ready \u2013"));
        QCOMPARE(view.shownSamples(), 0);
        QVERIFY(!view.grab().isNull());
    }

    void growsToTheCursorOnly()
    {
        Fixture f(demoWorkload());
        CpuPlotView view(&f.playback, &f.viewState);
        view.resize(1400, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        f.playback.seek(20);
        QCoreApplication::processEvents();
        QCustomPlot* plot = view.plot();
        plot->replot(QCustomPlot::rpImmediateRefresh);
        const QImage image = view.grab().toImage();
        const QRect area = plot->axisRect()->rect().translated(plot->pos());
        const int cursorX = plot->pos().x() + static_cast<int>(plot->xAxis->coordToPixel(20));
        // The demo keeps its CPU busy: green left of the cursor, none right of it.
        QVERIFY(greenPixels(image, area.left() + 2, cursorX - 3, area.top(), area.bottom()) > 1000);
        QCOMPARE(greenPixels(image, cursorX + 4, area.right(), area.top(), area.bottom()), 0);
        // The header is in large type and not blank.
        const QImage header = image.copy(0, 0, image.width(), plot->pos().y());
        QVERIFY(header.height() >= 30);
        int dark = 0;
        for (int y = 0; y < header.height(); ++y)
            for (int x = 0; x < header.width(); ++x)
                dark += qGray(header.pixel(x, y)) < 60 ? 1 : 0;
        QVERIFY(dark > 500);
    }

    void followsTheVisibleRange()
    {
        Fixture f(demoWorkload());
        CpuPlotView view(&f.playback, &f.viewState);
        view.resize(1000, 400);
        QCOMPARE(view.plot()->xAxis->range().lower, 0.0);
        QCOMPARE(view.plot()->xAxis->range().upper, static_cast<double>(f.document.trace().end()));
        f.viewState.setVisibleRange(10, 30);
        QCOMPARE(view.plot()->xAxis->range().lower, 10.0);
        QCOMPARE(view.plot()->xAxis->range().upper, 30.0);
        // Zooming the plot moves every view.
        view.plot()->xAxis->setRange(5, 25);
        QCOMPARE(f.viewState.visibleFrom(), Tick(5));
        QCOMPARE(f.viewState.visibleTo(), Tick(25));
    }

    void perCpuLines()
    {
        Fixture f(richWorkload());
        CpuPlotView view(&f.playback, &f.viewState);
        // Total, I/O, ready queue, and one line per CPU.
        QCOMPARE(view.plot()->graphCount(), 3 + 2);
        Fixture one(demoWorkload());
        CpuPlotView single(&one.playback, &one.viewState);
        QCOMPARE(single.plot()->graphCount(), 3);
    }

    void exports()
    {
        Fixture f(demoWorkload());
        CpuPlotView view(&f.playback, &f.viewState);
        view.resize(1200, 450);
        f.playback.seek(25);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString png = dir.filePath(QStringLiteral("p.png"));
        QVERIFY(view.exportTo(png));
        QCOMPARE(QImage(png).size(), QSize(1200, 450));
        const QString svg = dir.filePath(QStringLiteral("p.svg"));
        QVERIFY(view.exportTo(svg));
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        const QByteArray text = svgFile.readAll();
        QVERIFY(text.contains("<svg"));
        QVERIFY(text.contains("Ready"));
        const QString pdf = dir.filePath(QStringLiteral("p.pdf"));
        QVERIFY(view.exportTo(pdf));
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QVERIFY(pdfFile.read(5) == "%PDF-");
    }
};

QTEST_MAIN(TestCpuPlot)
#include "tst_cpu_plot.moc"
