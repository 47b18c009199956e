// The CPU-utilization plot: the one-sweep series checked against traces worked out by hand (the
// exact value of each tick: busy CPUs, processes doing I/O, the ready queue; on a Linux trace
// sleeping is not I/O) and against a tick-by-tick reference read from frameAt() (bucketed and
// windowed too); its words (the averaging window next to the values, the caption, the time axis
// in a human unit); and the real widget driven through a PlaybackController offscreen: the header
// shows the values at the cursor, lines are steps, nothing is drawn past the shown end with the
// future hidden, the cursor may stand at the trace's end, type follows the application font, the
// plot keeps its height, and it exports.
#include "core/io/linux_sched_reader.h"
#include "core/io/workload_json.h"
#include "core/trace/cursor.h"
#include "tests/core/sim_helpers.h"
#include "ui/cpuplot/cpu_plot_view.h"
#include "ui/cpuplot/cursor_graph.h"
#include "ui/cpuplot/exact_steps.h"
#include "ui/cpuplot/plot_time_ticker.h"
#include "ui/cpuplot/utilization_header.h"
#include "ui/cpuplot/utilization_lines.h"
#include "ui/cpuplot/utilization_series.h"
#include "ui/cpuplot/utilization_text.h"
#include "ui/document/document.h"
#include "ui/playback/playback_controller.h"
#include "ui/playback/view_state.h"
#include "ui/style/custom_plot.h"

#include <QComboBox>
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

// Two CPUs, by hand, with two I/O waits at once and a wait() that is not I/O. End 8.
//   A: runs on CPU 0 0-2, disk 2-5, ready 5-6, runs on CPU 0 6-8.
//   B: runs on CPU 1 0-3, net 3-5, runs on CPU 1 5-8.
//   C: ready 0-2, runs on CPU 0 2-6, in wait() 6-8.
//   tick:   0 1 2 3 4 5 6 7 | 8 (the end: everyone terminated)
//   busy:   2 2 2 1 1 2 2 2 | 0
//   io:     0 0 1 2 2 0 0 0 | 0
//   ready:  1 1 0 0 0 1 0 0 | 0
Trace twoCpuTrace()
{
    Trace t;
    t.setCpuCount(2);
    t.meta.devices = {"disk", "net"};
    const ProcIndex a = t.addProcess(ProcessInfo{0, "A"});
    const ProcIndex b = t.addProcess(ProcessInfo{1, "B"});
    const ProcIndex c = t.addProcess(ProcessInfo{2, "C"});
    for (const ProcIndex p : {a, b, c}) {
        t.recordState(p, 0, S::New, Cause::Created);
        t.recordState(p, 0, S::Ready, Cause::Admitted);
    }
    t.recordState(a, 0, S::Running, Cause::Dispatched, 0);
    t.recordState(b, 0, S::Running, Cause::Dispatched, 1);
    t.recordCpu(0, 0, a);
    t.recordCpu(1, 0, b);
    t.recordState(a, 2, S::Blocked, Cause::IoStarted, 0);
    t.recordState(c, 2, S::Running, Cause::Dispatched, 0);
    t.recordCpu(0, 2, c);
    t.recordState(b, 3, S::Blocked, Cause::IoStarted, 1);
    t.recordCpu(1, 3, kCpuIdle);
    t.recordState(a, 5, S::Ready, Cause::IoDone);
    t.recordState(b, 5, S::Ready, Cause::IoDone);
    t.recordState(b, 5, S::Running, Cause::Dispatched, 1);
    t.recordCpu(1, 5, b);
    t.recordState(c, 6, S::Blocked, Cause::WaitChild, -1);
    t.recordState(a, 6, S::Running, Cause::Dispatched, 0);
    t.recordCpu(0, 6, a);
    for (const ProcIndex p : {a, b, c}) {
        t.recordState(p, 8, S::Zombie, Cause::Exited);
        t.recordState(p, 8, S::Terminated, Cause::Reaped);
    }
    t.recordCpu(0, 8, kCpuIdle);
    t.recordCpu(1, 8, kCpuIdle);
    t.setEnd(8, true);
    return t;
}

// A Linux trace as trace-cmd prints it, times in µs from the first event (the trace counts ns):
//   0-10 sh sleeps (S), cat runs;  10-20 cat waits for the disk (D), the CPU idles;
//   20-30 cat is woken (ready);    30-50 cat runs, sh is woken at 40 (ready);  50- sh runs.
const char* const kLinuxText =
    "cpus=1\n"
    "    sh-10    [000]  1.000000: sched_switch: sh:10 [120] S ==> cat:11 [120]\n"
    "   cat-11    [000]  1.000010: sched_switch: cat:11 [120] D ==> swapper/0:0 [120]\n"
    "  <idle>-0   [000]  1.000020: sched_wakeup: cat:11 [120] success=1 CPU:000\n"
    "  <idle>-0   [000]  1.000030: sched_switch: swapper/0:0 [120] R ==> cat:11 [120]\n"
    "   cat-11    [000]  1.000040: sched_wakeup: sh:10 [120] success=1 CPU:000\n"
    "   cat-11    [000]  1.000050: sched_switch: cat:11 [120] R ==> sh:10 [120]\n"
    "    sh-10    [000]  1.000060: sched_switch: sh:10 [120] S ==> swapper/0:0 [120]\n";

Trace linuxTrace()
{
    auto result = readLinuxSchedText(kLinuxText, "tiny.txt");
    if (const auto* error = std::get_if<LoadError>(&result))
        qFatal("%s", error->toString().c_str());
    return std::move(std::get<LoadedTrace>(result).trace);
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
        std::size_t io = 0; // every process waiting for a device, in its queue or served
        for (const auto& q : f.ioQueues)
            io += q.size();
        r.io.push_back(static_cast<double>(io));
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
        QVERIFY(std::abs(s.io(i) - mean(ref.io, from, to)) < 1e-9);
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
        // With a tick a bucket, each bucket is what valuesAt() counts at its tick.
        if (k == 1) {
            const TickValues v = valuesAt(trace, from);
            QCOMPARE(s.cpu(i), v.cpuShare());
            QCOMPARE(s.io(i), static_cast<double>(v.io));
            QCOMPARE(s.ready(i), static_cast<double>(v.ready));
        }
    }
}

struct Fixture {
    explicit Fixture(Workload w)
        : document(std::move(w), QStringLiteral("test"))
    {
        document.simulateAll();
        playback.setDocument(&document);
    }
    explicit Fixture(Trace trace)
        : document(std::move(trace), QStringLiteral("test"), QString())
    {
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

// A view shown at a size, laid out and painted.
void showAt(CpuPlotView& view, int w, int h)
{
    view.resize(w, h);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCoreApplication::processEvents();
    view.plot()->replot(QCustomPlot::rpImmediateRefresh);
    view.plot()->replot(QCustomPlot::rpImmediateRefresh); // the axes fitted to the laid-out areas
}

// Every segment of a stroked line runs along an axis: steps, no slopes.
bool onlySteps(const QVector<QPointF>& points, QString* where)
{
    for (qsizetype i = 1; i < points.size(); ++i) {
        const QPointF d = points[i] - points[i - 1];
        if (std::abs(d.x()) > 0.5 && std::abs(d.y()) > 0.5) {
            *where = QStringLiteral("(%1, %2) to (%3, %4)")
                         .arg(points[i - 1].x())
                         .arg(points[i - 1].y())
                         .arg(points[i].x())
                         .arg(points[i].y());
            return false;
        }
    }
    return true;
}

// The time axis's labels, as drawn, do not run into each other.
bool timeLabelsApart(CpuPlotView& view, QString* why)
{
    QCPAxis* time = view.countRect()->axis(QCPAxis::atBottom);
    const QFontMetrics fm(time->tickLabelFont());
    const QVector<double> ticks = time->tickVector();
    const QVector<QString> labels = time->tickVectorLabels();
    double lastRight = -1e9;
    for (qsizetype i = 0; i < ticks.size(); ++i) {
        if (!time->range().contains(ticks[i]))
            continue;
        const double x = time->coordToPixel(ticks[i]);
        const double w = fm.horizontalAdvance(labels[i]);
        if (x - w / 2 < lastRight + 4) {
            *why = QStringList(labels.begin(), labels.end()).join(u' ');
            return false;
        }
        lastRight = x + w / 2;
    }
    return ticks.size() >= 2;
}

// The graph draws exactly its samples before `end`.
bool drawsUpTo(CursorGraph* g, Tick end)
{
    const int shown = g->shownCount();
    const auto key = [&](int i) { return static_cast<Tick>(g->data()->at(i)->key); };
    return g->shownEnd() == static_cast<double>(end) && shown > 0 && key(shown - 1) < end &&
           (shown == g->data()->size() || key(shown) >= end);
}

// The value a step line holds at t: its last sample at or before t.
double lineAt(const CursorSamples& samples, Tick t)
{
    auto it = samples.full->findEnd(static_cast<double>(t), false); // the first sample after t
    return it == samples.full->constBegin() ? 0 : (it - 1)->value;
}

double rightmost(const QVector<QPointF>& points)
{
    double x = -1e9;
    for (const QPointF& p : points)
        x = std::max(x, p.x());
    return x;
}

} // namespace

class TestCpuPlot : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // The exact value of each tick, on traces worked out by hand; at the end, the final states.
    void exactValues_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<int>("tick");
        QTest::addColumn<double>("cpu");
        QTest::addColumn<int>("io");
        QTest::addColumn<int>("ready");
        const double one[] = {1, 1, 1, 0, 0, 1, 1, 1, 1};
        const int oneIo[] = {0, 0, 0, 1, 1, 1, 0, 0, 0};
        const int oneReady[] = {0, 0, 1, 1, 1, 0, 1, 1, 0};
        for (int t = 0; t < 9; ++t)
            QTest::addRow("one CPU, tick %d", t) << 0 << t << one[t] << oneIo[t] << oneReady[t];
        // The series in samples of 3 ticks: the exact lines are still exact at every tick.
        for (int t = 0; t < 9; ++t)
            QTest::addRow("one CPU, 3 ticks a sample, tick %d", t)
                << 2 << t << one[t] << oneIo[t] << oneReady[t];
        const double two[] = {1, 1, 1, 0.5, 0.5, 1, 1, 1, 0};
        const int twoIo[] = {0, 0, 1, 2, 2, 0, 0, 0, 0}; // two waits at once count 2; wait() is no I/O
        const int twoReady[] = {1, 1, 0, 0, 0, 1, 0, 0, 0};
        for (int t = 0; t < 9; ++t)
            QTest::addRow("two CPUs, tick %d%s", t, t == 8 ? " (the end)" : "")
                << 1 << t << two[t] << twoIo[t] << twoReady[t];
    }
    void exactValues()
    {
        QFETCH(int, which);
        QFETCH(int, tick);
        QFETCH(double, cpu);
        QFETCH(int, io);
        QFETCH(int, ready);
        const Trace trace = which == 1 ? twoCpuTrace() : handTrace();
        const std::size_t samples = which == 2 ? 3 : UtilizationSeries::kDefaultMaxSamples;
        const TickValues v = valuesAt(trace, tick);
        QCOMPARE(v.cpuShare(), cpu);
        QCOMPARE(v.io, io);
        QCOMPARE(v.ready, ready);
        const UtilizationSeries s(trace, samples);
        if (tick < trace.end() && s.bucketWidth() == 1) {
            const auto i = static_cast<std::size_t>(tick);
            QCOMPARE(s.cpu(i), cpu);
            QCOMPARE(s.io(i), static_cast<double>(io));
            QCOMPARE(s.ready(i), static_cast<double>(ready));
        }
        // The lines the plot draws by default hold the same values, at every tick.
        const UtilizationLines lines = buildUtilizationLines(trace, samples, 0);
        QVERIFY(!lines.averaged());
        QVERIFY(lines.exactSteps);
        QCOMPARE(lineAt(lines.cpu, tick), 100 * cpu);
        QCOMPARE(lineAt(lines.io, tick), static_cast<double>(io));
        QCOMPARE(lineAt(lines.ready, tick), static_cast<double>(ready));
    }

    // The exact steps against valuesAt() at every tick of simulated traces; past the allowed
    // number of steps, the lines fall back to the series' means and the caption says so.
    void exactStepsAgainstTheReference_data()
    {
        QTest::addColumn<int>("which");
        QTest::newRow("demo") << 0;
        QTest::newRow("two CPUs, FIFO devices") << 1;
        QTest::newRow("I/O overlap, three CPUs") << 2;
    }
    void exactStepsAgainstTheReference()
    {
        QFETCH(int, which);
        Workload w = which == 0 ? demoWorkload() : richWorkload();
        if (which == 2) {
            w.machine.ioModel = IoModel::Parallel;
            w.machine.cpus = 3;
        }
        Simulator sim(w);
        sim.run();
        const Trace& trace = sim.trace();
        const ExactSteps steps = exactSteps(trace, 100000);
        QVERIFY(steps.complete);
        for (Tick t = 0; t <= trace.end(); ++t) {
            const TickValues v = valuesAt(trace, t);
            QCOMPARE(valueAt(steps.busy, t), v.busyCpus);
            QCOMPARE(valueAt(steps.io, t), v.io);
            QCOMPARE(valueAt(steps.ready, t), v.ready);
        }
        for (const auto* line : {&steps.busy, &steps.io, &steps.ready})
            for (std::size_t i = 1; i < line->size(); ++i) {
                QVERIFY((*line)[i - 1].at < (*line)[i].at);        // sorted, one step an instant
                QVERIFY((*line)[i - 1].value != (*line)[i].value); // only where the value changes
            }
        QVERIFY(!exactSteps(trace, 3).complete);
        QVERIFY(exactSteps(trace, 3).busy.empty());
        QCOMPARE(valueAt({}, 5), 0);
        const auto series = std::make_shared<const UtilizationSeries>(trace, 10);
        QVERIFY(series->bucketWidth() > 1);
        UtilizationLines lines = buildUtilizationLines(trace, series, 0);
        QVERIFY(lines.exactSteps);
        QVERIFY(
            captionText(*series, 0, TimeUnit::Tick, lines.exactSteps).startsWith(QStringLiteral("Exact")));
        QVERIFY(captionText(*series, 0, TimeUnit::Tick, false)
                    .startsWith(QStringLiteral("Mean of each %1 ticks").arg(series->bucketWidth())));
    }

    // Linux: a task sleeping (S) is not doing I/O; one waiting for a device (D) is.
    void linuxSleepIsNotIo_data()
    {
        QTest::addColumn<int>("us");
        QTest::addColumn<int>("busy");
        QTest::addColumn<int>("io");
        QTest::addColumn<int>("ready");
        QTest::newRow("sh sleeps, cat runs") << 5 << 1 << 0 << 0;
        QTest::newRow("cat waits for the disk") << 15 << 0 << 1 << 0;
        QTest::newRow("cat woken") << 25 << 0 << 0 << 1;
        QTest::newRow("cat runs") << 35 << 1 << 0 << 0;
        QTest::newRow("sh woken") << 45 << 1 << 0 << 1;
        QTest::newRow("sh runs, cat preempted") << 55 << 1 << 0 << 1;
    }
    void linuxSleepIsNotIo()
    {
        QFETCH(int, us);
        QFETCH(int, busy);
        QFETCH(int, io);
        QFETCH(int, ready);
        const Trace trace = linuxTrace();
        QCOMPARE(trace.meta.timeUnit, std::string("ns"));
        QCOMPARE(ioMeaningOf(trace), IoMeaning::LinuxDeviceWait);
        const Tick t = us * 1000;
        const TickValues v = valuesAt(trace, t);
        QCOMPARE(v.busyCpus, busy);
        QCOMPARE(v.io, io);
        QCOMPARE(v.ready, ready);
        const UtilizationSeries s(trace);
        QCOMPARE(s.io(s.bucketOf(t)), static_cast<double>(io));
        // Were the trace simulated, the sleeping task would count as I/O.
        Trace simulated = linuxTrace();
        simulated.meta.source = "simulation";
        QCOMPARE(valuesAt(simulated, 5000).io, 1);
        // The caption says which waits count.
        QVERIFY(captionText(s, 0, TimeUnit::Nanosecond).contains(QStringLiteral("sleeping (S) is not I/O")));
    }

    void ioMeaningOfTheSource_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("meaning");
        QTest::addColumn<QString>("name");
        QTest::newRow("simulation") << "simulation" << int(IoMeaning::Device) << "I/O";
        QTest::newRow("trace-cmd") << "trace-cmd" << int(IoMeaning::LinuxDeviceWait) << "I/O";
        QTest::newRow("perf") << "perf" << int(IoMeaning::LinuxDeviceWait) << "I/O";
        QTest::newRow("chrome: cannot tell") << "chrome" << int(IoMeaning::Unknown) << "Waiting";
        QTest::newRow("empty") << "" << int(IoMeaning::Device) << "I/O";
    }
    void ioMeaningOfTheSource()
    {
        QFETCH(QString, source);
        QFETCH(int, meaning);
        QFETCH(QString, name);
        Trace t;
        t.meta.source = source.toStdString();
        QCOMPARE(int(ioMeaningOf(t)), meaning);
        QCOMPARE(ioName(ioMeaningOf(t)), name);
        QVERIFY(countsAsIo(IoMeaning::Device, 1));
        QVERIFY(!countsAsIo(IoMeaning::Device, -1)); // wait() is not I/O
        QVERIFY(countsAsIo(IoMeaning::LinuxDeviceWait, 0));
        QVERIFY(!countsAsIo(IoMeaning::LinuxDeviceWait, 1));
    }

    // The words next to the values: the averaging window always, in the trace's unit.
    void windowWords_data()
    {
        QTest::addColumn<qlonglong>("window");
        QTest::addColumn<bool>("ns");
        QTest::addColumn<QString>("average");
        QTest::addColumn<QString>("choice");
        QTest::newRow("exact") << 0LL << false << "(average of 0 ticks)"
                               << "Exact";
        QTest::newRow("10 ticks") << 10LL << false << "(average of 10 ticks)"
                                  << "Average of 10 ticks";
        QTest::newRow("2 ticks") << 2LL << false << "(average of 2 ticks)"
                                 << "Average of 2 ticks";
        QTest::newRow("100 µs") << 100000LL << true << "(average of 100 µs)"
                                << "Average of 100 µs";
        QTest::newRow("2.5 ms") << 2500000LL << true << "(average of 2.5 ms)"
                                << "Average of 2.5 ms";
    }
    void windowWords()
    {
        QFETCH(qlonglong, window);
        QFETCH(bool, ns);
        QFETCH(QString, average);
        QFETCH(QString, choice);
        const TimeUnit unit = ns ? TimeUnit::Nanosecond : TimeUnit::Tick;
        QCOMPARE(averageText(window, unit), average);
        QCOMPARE(averagingChoice(window, unit), choice);
    }

    void headerTexts()
    {
        const Trace trace = twoCpuTrace();
        QCOMPARE(exactTexts(valuesAt(trace, 3), IoMeaning::Device).cpu, QStringLiteral("CPU 50 %"));
        QCOMPARE(exactTexts(valuesAt(trace, 3), IoMeaning::Device).io, QStringLiteral("I/O 2"));
        QCOMPARE(exactTexts(valuesAt(trace, 3), IoMeaning::Unknown).io, QStringLiteral("Waiting 2"));
        QCOMPARE(exactTexts(valuesAt(trace, 0), IoMeaning::Device).ready, QStringLiteral("Ready 1"));
        const UtilizationSeries s(trace);
        // Ticks 2..4: busy 2, 1, 1 of 2; I/O 1, 2, 2; ready 0.
        const ValueTexts avg = averagedTexts(s, 3, 4);
        QCOMPARE(avg.cpu, QStringLiteral("CPU 67 %"));
        QCOMPARE(avg.io, QStringLiteral("I/O 1.7"));
        QCOMPARE(avg.ready, QStringLiteral("Ready 0.0"));
        QVERIFY(captionText(s, 0, TimeUnit::Tick).startsWith(QStringLiteral("Exact at each tick")));
        QVERIFY(captionText(s, 0, TimeUnit::Tick).contains(QStringLiteral("busy CPUs of 2")));
        QVERIFY(captionText(s, 4, TimeUnit::Tick).startsWith(QStringLiteral("Average of the last 4 ticks")));
    }

    void averagingWindows_data()
    {
        QTest::addColumn<qlonglong>("end");
        QTest::addColumn<int>("maxSamples");
        QTest::addColumn<QList<qlonglong>>("windows");
        QTest::newRow("too short") << 7LL << 1000 << QList<qlonglong>{};
        QTest::newRow("a lesson") << 45LL << 1000 << QList<qlonglong>{2, 5, 10};
        QTest::newRow("1,000 ticks") << 1000LL << 1000 << QList<qlonglong>{5, 10, 20, 50, 100};
        QTest::newRow("whole samples, two at least") << 1000LL << 100 << QList<qlonglong>{20, 50, 100, 200};
    }
    void averagingWindows()
    {
        QFETCH(qlonglong, end);
        QFETCH(int, maxSamples);
        QFETCH(QList<qlonglong>, windows);
        Trace t;
        t.setCpuCount(1);
        t.setEnd(end, true);
        const UtilizationSeries s(t, static_cast<std::size_t>(maxSamples));
        QList<qlonglong> got;
        for (const Tick w : ui::averagingWindows(s))
            got.push_back(w);
        QCOMPARE(got, windows);
    }

    // The time axis: whole ticks, or nanoseconds in one human unit chosen from the span, never in
    // scientific notation.
    void timeAxis_data()
    {
        QTest::addColumn<bool>("ns");
        QTest::addColumn<double>("from");
        QTest::addColumn<double>("to");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<QString>("someLabel");
        QTest::newRow("a lesson") << false << 0.0 << 45.0 << "ticks"
                                  << "10";
        QTest::newRow("a few ticks") << false << 0.0 << 3.0 << "ticks"
                                     << "1";
        QTest::newRow("a million ticks") << false << 0.0 << 1e6 << "ticks"
                                         << "200000";
        QTest::newRow("5 ms") << true << 0.0 << 5e6 << "ms"
                              << "1";
        QTest::newRow("zoomed into a ms") << true << 1.2e6 << 1.6e6 << "µs"
                                          << "1300";
        QTest::newRow("800 µs") << true << 0.0 << 8e5 << "µs"
                                << "200";
        QTest::newRow("3 s") << true << 0.0 << 3e9 << "s"
                             << "1.0";
        QTest::newRow("a few ns") << true << 0.0 << 4.0 << "ns"
                                  << "1";
    }
    void timeAxis()
    {
        QFETCH(bool, ns);
        QFETCH(double, from);
        QFETCH(double, to);
        QFETCH(QString, unit);
        QFETCH(QString, someLabel);
        PlotTimeTicker ticker;
        ticker.setNanoseconds(ns);
        QCOMPARE(ticker.unitFor(to - from), unit);
        QVector<double> ticks;
        QVector<QString> labels;
        ticker.generate(QCPRange(from, to), QLocale::c(), QLatin1Char('g'), 6, ticks, nullptr, &labels);
        QVERIFY(labels.size() >= 2);
        QVERIFY2(
            labels.contains(someLabel), qPrintable(QStringList(labels.begin(), labels.end()).join(u' ')));
        for (qsizetype i = 0; i < ticks.size(); ++i) {
            QVERIFY(!labels[i].contains(u'e'));
            QVERIFY(!labels[i].startsWith(u'-'));
            if (!ns || unit == QStringLiteral("ns"))
                QCOMPARE(ticks[i], std::round(ticks[i])); // whole ticks only
        }
        // Without an axis title, one label inside the range, away from its right end, says the unit.
        ticker.setUnitInLabels(true);
        ticker.generate(QCPRange(from, to), QLocale::c(), QLatin1Char('g'), 6, ticks, nullptr, &labels);
        qsizetype withUnit = -1;
        for (qsizetype i = 0; i < labels.size(); ++i)
            if (labels[i].endsWith(QLatin1Char(' ') + unit)) {
                QCOMPARE(withUnit, qsizetype(-1));
                withUnit = i;
            }
        QVERIFY(withUnit >= 0);
        QVERIFY(ticks[withUnit] >= from && ticks[withUnit] <= to - 0.08 * (to - from));
    }

    // On a short plot (a small window, a narrow dock) the axes' titles would be cut at both ends
    // and the tick labels would run into each other: titles go, ticks thin out, and come back.
    // The plot never shrinks below a useful height, and the header never takes it.
    void axesFitTheHeight()
    {
        Fixture f(demoWorkload());
        CpuPlotView view(&f.playback, &f.viewState);
        const auto step = [](QCPAxis* axis) {
            return qSharedPointerDynamicCast<QCPAxisTickerFixed>(axis->ticker())->tickStep();
        };
        QCPAxis* busy = view.cpuRect()->axis(QCPAxis::atLeft);
        QCPAxis* count = view.countRect()->axis(QCPAxis::atLeft);
        showAt(view, 1000, 600);
        QCOMPARE(busy->label(), QStringLiteral("CPU busy %"));
        QCOMPARE(count->label(), QStringLiteral("processes"));
        QCOMPARE(step(busy), 25.0);
        QCOMPARE(step(count), 1.0);
        QCOMPARE(view.plot()->axisRectCount(), 2); // one value axis each
        QVERIFY(!view.cpuRect()->axis(QCPAxis::atRight)->visible());
        QVERIFY(!view.countRect()->axis(QCPAxis::atRight)->visible());
        showAt(view, 1000, 120);
        QVERIFY(view.height() >= view.minimumSizeHint().height());
        for (QCPAxisRect* rect : {view.cpuRect(), view.countRect()})
            QVERIFY2(rect->height() >= 60, qPrintable(QString::number(rect->height())));
        QVERIFY(view.header()->height() < view.height() / 3);
        showAt(view, 1000, 600);
        QCOMPARE(busy->label(), QStringLiteral("CPU busy %"));
        QCOMPARE(step(busy), 25.0);
    }

    // The 1280x720 main window gives the plot about this much: it stays readable.
    void readableInASmallDock()
    {
        Fixture f(demoWorkload());
        CpuPlotView view(&f.playback, &f.viewState);
        showAt(view, 500, 300);
        for (QCPAxisRect* rect : {view.cpuRect(), view.countRect()})
            QVERIFY2(rect->height() >= 60, qPrintable(QString::number(rect->height())));
        QVERIFY(view.header()->height() <= 90);
        QVERIFY(view.plot()->height() >= view.height() / 2);
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
        QCOMPARE(valuesAt(trace, 3).ready, 1);
        QCOMPARE(valuesAt(trace, 5).ready, 0);
        QCOMPARE(valuesAt(trace, 7).ready, 1);
        QCOMPARE(s.bucketsBefore(0), std::size_t(0));
        QCOMPARE(s.bucketsBefore(1), std::size_t(1));
        QCOMPARE(s.bucketsBefore(9), std::size_t(9));
        QCOMPARE(s.bucketsBefore(100), std::size_t(9));
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
        QCOMPARE(s.bucketsBefore(4), std::size_t(2));
        QCOMPARE(s.wholeBuckets(5), Tick(6));
        QCOMPARE(s.wholeBuckets(1), Tick(3));
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
        QCOMPARE(s.bucketsBefore(10), std::size_t(0));
        QCOMPARE(s.windowedAt(Q::Cpu, 5, 0), 0.0);
        QVERIFY(s.windowed(Q::Cpu, 5).empty());
        const TickValues v = valuesAt(Trace(), 0);
        QCOMPARE(v.cpuShare(), 0.0);
        QCOMPARE(v.io + v.ready, 0);
        QVERIFY(ui::averagingWindows(s).empty());
        const UtilizationLines lines = buildUtilizationLines(Trace(), nullptr, 5);
        QVERIFY(lines.series->empty());
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
            w.machine.ioModel = IoModel::Parallel; // I/O waits overlap: each one counts
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

    // By default the header shows the exact values of the cursor's tick, up to and at the end.
    void headerShowsTheCursor()
    {
        Fixture f(demoWorkload());
        CpuPlotView view(&f.playback, &f.viewState);
        view.resize(1400, 500);
        QCOMPARE(view.window(), Tick(0));
        const Trace& trace = f.document.trace();
        QCOMPARE(f.playback.lastTick(), trace.end());
        for (Tick t = 0; t <= f.playback.lastTick(); ++t) {
            f.playback.seek(t);
            const TickValues v = valuesAt(trace, t);
            const QString expected = QStringLiteral("CPU %1 %  I/O %2  Ready %3")
                                         .arg(std::lround(100 * v.cpuShare()))
                                         .arg(v.io)
                                         .arg(v.ready);
            QCOMPARE(view.headerText(), expected);
        }
        QVERIFY(view.captionText().startsWith(QStringLiteral("Exact at each tick")));
        // At the end every process has terminated: nothing runs, waits or is ready.
        QCOMPARE(view.headerText(), QStringLiteral("CPU 0 %  I/O 0  Ready 0"));
    }

    // Averaging is a choice, and its window stands next to the values.
    void averagingIsLabelled()
    {
        Fixture f(demoWorkload());
        CpuPlotView view(&f.playback, &f.viewState);
        showAt(view, 1400, 500);
        const UtilizationSeries s(f.document.trace());
        view.setWindow(5);
        QCOMPARE(view.window(), Tick(5));
        for (const Tick t : {Tick(0), Tick(7), Tick(20), f.playback.lastTick()}) {
            f.playback.seek(t);
            const ValueTexts v = averagedTexts(s, 5, s.bucketOf(t));
            QCOMPARE(view.headerText(),
                QStringLiteral("%1  %2  %3  (average of 5 ticks)").arg(v.cpu, v.io, v.ready));
        }
        QVERIFY(view.captionText().startsWith(QStringLiteral("Average of the last 5 ticks")));
        QCOMPARE(view.averagingBox()->currentText(), QStringLiteral("Average of 5 ticks"));
        // Back to exact from the combo box, with the keyboard.
        view.averagingBox()->setFocus();
        while (view.averagingBox()->currentIndex() > 0)
            QTest::keyClick(view.averagingBox(), Qt::Key_Up);
        QCOMPARE(view.window(), Tick(0));
        QVERIFY(!view.headerText().contains(QStringLiteral("average")));
        QTest::keyClick(view.averagingBox(), Qt::Key_Down);
        QVERIFY(view.window() > 0);
        QVERIFY(view.headerText().endsWith(QStringLiteral("(average of %1 ticks)").arg(view.window())));
    }

    void headerWithoutATrace()
    {
        PlaybackController playback;
        ViewState viewState;
        CpuPlotView view(&playback, &viewState);
        QCOMPARE(view.headerText(), QStringLiteral("CPU \u2013  I/O \u2013  Ready \u2013"));
        QCOMPARE(view.cpuGraph()->shownCount(), 0);
        QVERIFY(!view.grab().isNull());
    }

    // Each value holds for its whole tick: the lines are steps, changing at tick boundaries only.
    void linesAreSteps()
    {
        Fixture f(twoCpuTrace());
        CpuPlotView view(&f.playback, &f.viewState);
        showAt(view, 1200, 600);
        QCPAxis* time = view.countRect()->axis(QCPAxis::atBottom);
        for (CursorGraph* g : {view.cpuGraph(), view.ioGraph(), view.readyGraph()}) {
            QCOMPARE(g->lineStyle(), QCPGraph::lsStepLeft);
            const QVector<QPointF> points = g->strokedPoints();
            QVERIFY(points.size() >= 4);
            QString where;
            QVERIFY2(onlySteps(points, &where), qPrintable(g->name() + QStringLiteral(": ") + where));
            for (qsizetype i = 1; i < points.size(); ++i)
                if (std::abs(points[i].y() - points[i - 1].y()) > 0.5) { // a vertical move
                    const double tick = time->pixelToCoord(points[i].x());
                    QVERIFY2(std::abs(tick - std::round(tick)) < 0.02, qPrintable(QString::number(tick)));
                }
            // The last value holds to the end of the trace.
            QVERIFY(std::abs(rightmost(points) - time->coordToPixel(8)) < 0.5);
        }
        // Averaged lines are steps too.
        view.setWindow(2);
        view.plot()->replot(QCustomPlot::rpImmediateRefresh);
        QString where;
        QVERIFY2(onlySteps(view.cpuGraph()->strokedPoints(), &where), qPrintable(where));
    }

    // With the future hidden, nothing is drawn at or after the end of the cursor's tick; with it
    // shown, the whole trace; the plot follows the cursor and the flag.
    void hidesTheFuture()
    {
        Fixture f(demoWorkload());
        CpuPlotView view(&f.playback, &f.viewState);
        showAt(view, 1400, 600);
        const Tick end = f.document.trace().end();
        QCPAxis* time = view.cpuRect()->axis(QCPAxis::atBottom);
        f.playback.seek(20);
        QCOMPARE(view.shownEnd(), end); // the future is shown by default
        QVERIFY(drawsUpTo(view.cpuGraph(), end));
        view.plot()->replot(QCustomPlot::rpImmediateRefresh);
        QVERIFY(std::abs(rightmost(view.cpuGraph()->strokedPoints()) - time->coordToPixel(end)) < 0.5);

        f.viewState.setShowFuture(false);
        QCOMPARE(view.shownEnd(), Tick(21));
        for (CursorGraph* g : {view.cpuGraph(), view.cpuAreaGraph(), view.ioGraph(), view.readyGraph()})
            QVERIFY(drawsUpTo(g, 21));
        view.plot()->replot(QCustomPlot::rpImmediateRefresh);
        for (CursorGraph* g : {view.cpuGraph(), view.ioGraph(), view.readyGraph()})
            QVERIFY(rightmost(g->strokedPoints()) <= time->coordToPixel(21) + 0.5);
        // In pixels: the demo keeps its CPU busy, green left of the cursor, none right of its tick.
        QImage image = view.grab().toImage();
        QCustomPlot* plot = view.plot();
        const QRect area = view.cpuRect()->rect().translated(plot->pos());
        const auto x = [&](Tick t) { return plot->pos().x() + static_cast<int>(time->coordToPixel(t)); };
        QVERIFY(greenPixels(image, area.left() + 2, x(20) - 3, area.top(), area.bottom()) > 1000);
        QCOMPARE(greenPixels(image, x(21) + 4, area.right(), area.top(), area.bottom()), 0);
        // Nor the area under the line.
        const QColor fill = view.cpuAreaGraph()->brush().color();
        const auto fillPixels = [&](int x0, int x1) {
            int n = 0;
            for (int y = area.top(); y < area.bottom(); ++y)
                for (int px = x0; px < x1; ++px)
                    n += image.pixelColor(px, y) == fill ? 1 : 0;
            return n;
        };
        QVERIFY(fillPixels(area.left() + 2, x(20) - 3) > 1000);
        QCOMPARE(fillPixels(x(21) + 4, area.right()), 0);

        f.playback.seek(30); // the plot follows the cursor
        QCOMPARE(view.shownEnd(), Tick(31));
        f.viewState.setShowFuture(true);
        QCOMPARE(view.shownEnd(), end);
        plot->replot(QCustomPlot::rpImmediateRefresh);
        image = view.grab().toImage();
        QVERIFY(greenPixels(image, x(31) + 4, area.right(), area.top(), area.bottom()) > 500);
    }

    // The cursor can stand at the trace's end, future hidden or not.
    void cursorAtTheEnd()
    {
        Fixture f(richWorkload());
        CpuPlotView view(&f.playback, &f.viewState);
        showAt(view, 900, 450);
        for (const bool future : {true, false}) {
            f.viewState.setShowFuture(future);
            f.playback.toEnd();
            QCOMPARE(f.playback.tick(), f.document.trace().end());
            QCOMPARE(view.shownEnd(), f.document.trace().end());
            for (CursorGraph* g : {view.cpuGraph(), view.ioGraph(), view.readyGraph()})
                QVERIFY(drawsUpTo(g, f.document.trace().end()));
            QCOMPARE(view.headerText(), QStringLiteral("CPU 0 %  I/O 0  Ready 0"));
            QVERIFY(!view.grab().isNull());
            view.setWindow(4);
            QVERIFY(view.headerText().endsWith(QStringLiteral("(average of 4 ticks)")));
            QVERIFY(!view.grab().isNull());
            view.setWindow(0);
        }
    }

    // A Linux trace: time in a human unit, sleeping not counted as I/O, said in the caption.
    void linuxTraceInTheView()
    {
        Fixture f(linuxTrace());
        CpuPlotView view(&f.playback, &f.viewState);
        showAt(view, 1200, 500);
        QCOMPARE(view.countRect()->axis(QCPAxis::atBottom)->label(), QStringLiteral("time (µs)"));
        f.playback.seek(15'000);
        QCOMPARE(view.headerText(), QStringLiteral("CPU 0 %  I/O 1  Ready 0"));
        f.playback.seek(5'000);
        QCOMPARE(view.headerText(), QStringLiteral("CPU 100 %  I/O 0  Ready 0"));
        QVERIFY(view.captionText().contains(QStringLiteral("sleeping (S) is not I/O")));
        QVERIFY(view.captionText().startsWith(QStringLiteral("Exact at each instant")));
        f.viewState.setVisibleRange(10'000, 10'800);
        QCOMPARE(view.countRect()->axis(QCPAxis::atBottom)->label(), QStringLiteral("time (ns)"));
        // Large type in a narrow panel: the time labels thin out rather than overlap.
        f.viewState.setVisibleRange(0, 0);
        QFont large = view.font();
        large.setPixelSize(21);
        view.setFont(large);
        for (const int width : {1200, 520, 380}) {
            showAt(view, width, 320);
            QString why;
            QVERIFY2(
                timeLabelsApart(view, &why), qPrintable(QStringLiteral("%1 px: %2").arg(width).arg(why)));
        }
    }

    // Presentation mode makes the application's type one and a half times larger: the axes and
    // the caption follow; so does the palette.
    void followsTheFontAndPalette()
    {
        Fixture f(demoWorkload());
        CpuPlotView view(&f.playback, &f.viewState);
        QFont normal = view.font();
        normal.setPixelSize(14);
        view.setFont(normal);
        showAt(view, 800, 420);
        QCPAxis* time = view.countRect()->axis(QCPAxis::atBottom);
        const int ticks = time->tickLabelFont().pixelSize();
        const int title = time->labelFont().pixelSize();
        const qreal caption = view.header()->captionPx();
        QVERIFY(ticks >= 14);
        QFont large = normal;
        large.setPixelSize(21);
        view.setFont(large);
        QCOMPARE(time->tickLabelFont().pixelSize(), static_cast<int>(std::lround(ticks * 1.5)));
        QCOMPARE(view.cpuRect()->axis(QCPAxis::atLeft)->tickLabelFont().pixelSize(),
            time->tickLabelFont().pixelSize());
        QVERIFY(time->labelFont().pixelSize() >= title * 1.4);
        QCOMPARE(view.header()->captionPx(), caption * 1.5);

        view.setColorScheme(Palette::HighContrast);
        QCOMPARE(view.cpuGraph()->pen().color(), stateColor(S::Running, Palette::HighContrast).darker(110));
        QCOMPARE(view.ioGraph()->pen().color(), stateColor(S::Blocked, Palette::HighContrast));
        view.setColorScheme(Palette::Standard);
        QCOMPARE(view.cpuGraph()->pen().color(), stateColor(S::Running, Palette::Standard).darker(110));
    }

    void followsTheVisibleRange()
    {
        Fixture f(demoWorkload());
        CpuPlotView view(&f.playback, &f.viewState);
        view.resize(1000, 400);
        QCPAxis* top = view.cpuRect()->axis(QCPAxis::atBottom);
        QCPAxis* bottom = view.countRect()->axis(QCPAxis::atBottom);
        QCOMPARE(top->range().lower, 0.0);
        QCOMPARE(top->range().upper, static_cast<double>(f.document.trace().end()));
        f.viewState.setVisibleRange(10, 30);
        for (QCPAxis* axis : {top, bottom}) {
            QCOMPARE(axis->range().lower, 10.0);
            QCOMPARE(axis->range().upper, 30.0);
        }
        // Zooming either plot area moves the other and every view.
        bottom->setRange(5, 25);
        QCOMPARE(top->range().lower, 5.0);
        QCOMPARE(f.viewState.visibleFrom(), Tick(5));
        QCOMPARE(f.viewState.visibleTo(), Tick(25));
        top->setRange(7, 27);
        QCOMPARE(bottom->range().upper, 27.0);
        QCOMPARE(f.viewState.visibleTo(), Tick(27));
    }

    void perCpuLines()
    {
        Fixture f(richWorkload());
        CpuPlotView view(&f.playback, &f.viewState);
        // Exact: total (its line and the area under it), I/O, ready queue (a CPU is busy or not:
        // the Gantt chart's lanes show that).
        QCOMPARE(view.plot()->graphCount(), 4);
        // Averaged: and one line per CPU.
        view.setWindow(5);
        QCOMPARE(view.plot()->graphCount(), 4 + 2);
        Fixture one(demoWorkload());
        CpuPlotView single(&one.playback, &one.viewState);
        single.setWindow(5);
        QCOMPARE(single.plot()->graphCount(), 4);
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
        QCOMPARE(QImage(png).size(), view.size());
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
