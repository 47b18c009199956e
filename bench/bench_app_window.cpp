// The whole main window, as a user meets it: launch to first frame with a big trace, and
// playback frame times with 1,000 processes. Release build, offscreen, window 1600x900.
// usage: bench_app_window launch [events] [runs]
//        bench_app_window playback [frames] [ticks-per-second] [trace-file]
//        bench_app_window playback-repaint ...    (the same, the whole window repainted each frame)
//        bench_app_window responsive [events | trace-file] [replace]
//        bench_app_window scrub [events | trace-file] [seeks]
//        bench_app_window cancel [events | trace-file] [delay-ms]
//        bench_app_window generate [events] DIR   (writes DIR/big.json for the modes above)
// The trace: 1,000 processes under RR (quantum 4) with a random CPU/I/O mix, fixed seed
// 20261202, simulated until it holds the asked number of events (state changes + CPU records)
// and saved as a native trace; the window then opens that file like any user file.
#include "app/gui/main_window.h"
#include "bench/bench_workload.h"
#include "core/io/trace_json_writer.h"
#include "core/sim/simulator.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProgressDialog>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

using namespace procscope;

namespace {

Workload makeWorkload(int processes, Tick ticks)
{
    return bench::randomMix({processes, ticks, 1, 2 * ticks / processes + 40, 0.33, 10, 20261202});
}

std::size_t eventCount(const Trace& t)
{
    std::size_t n = t.stateChangeCount() + t.events().size();
    for (int c = 0; c < t.cpuCount(); ++c)
        n += t.cpu(c).size();
    return n;
}

// Simulates in steps until the trace holds `events`; writes it; returns the path.
QString writeBigTrace(const QString& dir, std::size_t events)
{
    Simulator sim(makeWorkload(1000, 100'000'000));
    Tick t = 0;
    while (eventCount(sim.trace()) < events)
        sim.advanceTo(t += 10'000);
    const QString path = dir + QStringLiteral("/big.json");
    std::ofstream(path.toStdString(), std::ios::binary) << writeTraceJson(sim.trace());
    std::printf("trace: %zu events, %lld ticks, %.1f MB\n", eventCount(sim.trace()),
        static_cast<long long>(sim.trace().end()), double(QFileInfo(path).size()) / 1e6);
    return path;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

int launch(const QString& path, int runs)
{
    std::vector<double> open, firstFrame;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer clock;
        clock.start();
        MainWindow window;
        window.setQuiet(true);
        window.resize(1600, 900);
        if (!window.openFile(path)) {
            std::fprintf(stderr, "cannot open: %s\n", qPrintable(window.lastError()));
            return 1;
        }
        open.push_back(double(clock.nsecsElapsed()) / 1e6);
        window.show();
        window.repaint(); // the first frame, painted now
        QApplication::processEvents();
        firstFrame.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    std::printf("launch (window, load, index, first frame): median %.0f ms (open %.0f ms), runs %d\n",
        median(firstFrame), median(open), runs);
    return 0;
}

// Frame times while the cursor moves to each of `ticks` in turn. As the application does it: the
// seek, then the event loop runs what the views queued (replots, updates) and paints the widgets
// that changed. With `everything`, the whole window is repainted each frame instead (an upper
// bound: toolbars, scroll bars and dock titles that did not change are drawn again too).
// CPU time of the calling thread, in ms: a frame slow in wall time but not in CPU time waited for
// the machine (another process, the hypervisor), not for ProcScope.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

std::vector<double> frameTimes(MainWindow& window, const std::vector<Tick>& ticks, bool everything = false)
{
    std::vector<double> ms;
    QElapsedTimer clock;
    for (const Tick t : ticks) {
        const double cpu = threadCpuMs();
        clock.start();
        window.playback()->seek(t);
        QApplication::processEvents(); // queued replots, then the paint of what changed
        if (everything)
            window.repaint();
        else
            QCoreApplication::sendPostedEvents(nullptr, QEvent::UpdateRequest);
        ms.push_back(double(clock.nsecsElapsed()) / 1e6);
        if (ms.back() > 1000.0 / 60.0 && qEnvironmentVariableIsSet("BENCH_SLOW_FRAMES")) {
            timespec now{};
            clock_gettime(CLOCK_MONOTONIC, &now);
            std::printf("  slow frame %zu: %.1f ms wall, %.1f ms CPU, ended at %.6f s (monotonic)\n",
                ms.size() - 1, ms.back(), threadCpuMs() - cpu,
                double(now.tv_sec) + double(now.tv_nsec) / 1e9);
        }
    }
    return ms;
}

void printFrames(const char* what, std::vector<double> ms)
{

    const auto late = std::count_if(ms.begin(), ms.end(), [](double v) { return v > 1000.0 / 60.0; });
    std::sort(ms.begin(), ms.end());
    std::printf("%s, %zu frames: median %.2f ms, p95 %.2f ms, max %.2f ms, frames over 16.7 ms: %lld\n", what,
        ms.size(), ms[ms.size() / 2], ms[ms.size() * 95 / 100], ms.back(), static_cast<long long>(late));
}

// The window as the benchmarks see it: 1600x900, shown, first frame painted.
void showWindow(MainWindow& window)
{
    window.resize(1600, 900);
    window.show();
    QApplication::processEvents();
}

bool openShown(MainWindow& window, const QString& path)
{
    window.setQuiet(true);
    window.resize(1600, 900);
    if (!window.openFile(path)) {
        std::fprintf(stderr, "cannot open: %s\n", qPrintable(window.lastError()));
        return false;
    }
    showWindow(window);
    return true;
}

int playback(const QString& path, int frames, double ticksPerSecond, bool everything)
{
    MainWindow window;
    if (!openShown(window, path))
        return 1;
    std::vector<Tick> ticks;
    for (int f = 1; f <= frames; ++f)
        ticks.push_back(static_cast<Tick>(f * ticksPerSecond / 60.0));
    const std::string what = "playback at " + std::to_string(static_cast<int>(ticksPerSecond)) + " ticks/s" +
                             (everything ? ", whole window repainted each frame" : "");
    printFrames(what.c_str(), frameTimes(window, ticks, everything));
    return 0;
}

// Dragging the timeline scrubber across a big trace: the cursor jumps to random ticks (fixed
// seed), each jump a frame.
int scrub(const QString& path, int seeks)
{
    MainWindow window;
    if (!openShown(window, path))
        return 1;
    const Tick end = window.playback()->lastTick();
    std::uint64_t state = 20261202;
    std::vector<Tick> ticks;
    for (int i = 0; i < seeks; ++i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        ticks.push_back(static_cast<Tick>((state >> 11) % static_cast<std::uint64_t>(end + 1)));
    }
    ticks.push_back(end); // End
    ticks.push_back(0);   // Home
    printFrames("scrub to random ticks", frameTimes(window, ticks));
    printFrames("scrub, whole window repainted each frame", frameTimes(window, ticks, true));
    return 0;
}

// How quickly Cancel in the progress dialog gives the window back: the dialog's Cancel is pressed
// `delayMs` after the open began (while loading, or later while the views are being prepared),
// and the time until openFile() returns is the figure.
int cancel(const QString& path, int delayMs)
{
    MainWindow window;
    showWindow(window);
    QElapsedTimer total, sinceCancel;
    bool opened = true, pressed = false;
    QString stage;
    QTimer::singleShot(0, &window, [&] {
        total.start();
        QTimer::singleShot(delayMs, &window, [&] {
            if (auto* dialog = window.findChild<QProgressDialog*>()) {
                stage = dialog->labelText().section(QLatin1Char('\n'), 1);
                sinceCancel.start();
                pressed = true;
                if (auto* button = dialog->findChild<QPushButton*>())
                    button->click(); // what the user does (QProgressDialog::cancel() only hides it)
            }
        });
        opened = window.openFile(path);
        QCoreApplication::quit();
    });
    QApplication::exec();
    if (!pressed) {
        std::printf("the open finished before %d ms: nothing to cancel\n", delayMs);
        return 1;
    }
    std::printf("cancel pressed %d ms after the open began (%s): the window was back %.1f ms later; %s\n",
        delayMs, stage.isEmpty() ? "loading" : qPrintable(stage), double(sinceCancel.nsecsElapsed()) / 1e6,
        opened ? "the document was opened anyway" : "the previous document stayed");
    return 0;
}

// A number of events to generate, or a trace file already written (a 10M-event trace takes half a
// minute to generate).
QString traceArgument(const QTemporaryDir& dir, int argc, char** argv)
{
    const QString arg = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QStringLiteral("1000000");
    bool number = false;
    const auto events = arg.toULongLong(&number);
    return number ? writeBigTrace(dir.path(), events) : arg;
}

// Peak resident memory of this process so far, in MB (Linux; 0 elsewhere).
double peakRssMb()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stod(line.substr(6)) / 1024.0;
    return 0;
}

// How long the GUI thread stops answering while a big trace opens the way File > Open opens it
// (background load with the progress dialog, then every view taking the new trace): a 5 ms timer
// runs throughout, and every gap between its shots beyond 5 ms is time the window was frozen.
// With `replace`, the window already shows that trace, and the new copy replaces it (the old one
// is freed on the way).
int responsive(const QString& path, bool replace)
{
    MainWindow window;
    showWindow(window);
    if (replace && !window.openFile(path))
        return 1;
    QApplication::processEvents();

    QElapsedTimer clock, total;
    std::vector<double> gaps;
    double worst = 0, worstAt = 0; // the longest stall, and when it ended
    QTimer beat;
    beat.setTimerType(Qt::PreciseTimer);
    beat.setInterval(5);
    QObject::connect(&beat, &QTimer::timeout, [&] {
        gaps.push_back(double(clock.nsecsElapsed()) / 1e6 - 5.0);
        if (gaps.back() > worst) {
            worst = gaps.back();
            worstAt = double(total.nsecsElapsed()) / 1e6;
        }
        clock.start();
    });
    bool opened = false;
    double openMs = 0;
    QTimer::singleShot(0, &window, [&] {
        total.start();
        clock.start();
        beat.start();
        opened = window.openFile(path);
        openMs = double(total.nsecsElapsed()) / 1e6;
        // Let the views paint the new trace, then stop.
        QTimer::singleShot(1000, qApp, &QCoreApplication::quit);
    });
    QApplication::exec();
    if (!opened) {
        std::fprintf(stderr, "cannot open: %s\n", qPrintable(window.lastError()));
        return 1;
    }
    std::sort(gaps.begin(), gaps.end());
    const auto over = std::count_if(gaps.begin(), gaps.end(), [](double g) { return g > 50.0; });
    std::printf("open with progress: %.0f ms; GUI thread longest stall %.1f ms (ended %.0f ms after the "
                "open began), p99 %.1f ms, stalls over 50 ms: %lld of %zu timer shots\n",
        openMs, worst, worstAt, gaps.empty() ? 0.0 : gaps[gaps.size() * 99 / 100],
        static_cast<long long>(over), gaps.size());
    std::printf("peak resident memory of the process: %.0f MB\n", peakRssMb());
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // leave the user's settings alone
    const QString mode = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("launch");
    QTemporaryDir dir;
    if (mode == QLatin1String("launch")) {
        const std::size_t events = argc > 2 ? std::stoul(argv[2]) : 1'000'000;
        const int runs = argc > 3 ? std::atoi(argv[3]) : 5;
        return launch(writeBigTrace(dir.path(), events), runs);
    }
    if (mode == QLatin1String("generate") && argc > 3)
        return writeBigTrace(QString::fromLocal8Bit(argv[3]), std::stoul(argv[2])).isEmpty() ? 1 : 0;
    if (mode == QLatin1String("responsive"))
        return responsive(traceArgument(dir, argc, argv), argc > 3 && std::string(argv[3]) == "replace");
    if (mode == QLatin1String("cancel"))
        return cancel(traceArgument(dir, argc, argv), argc > 3 ? std::atoi(argv[3]) : 1000);
    if (mode == QLatin1String("scrub"))
        return scrub(traceArgument(dir, argc, argv), argc > 3 ? std::atoi(argv[3]) : 200);
    const int frames = argc > 2 ? std::atoi(argv[2]) : 600;
    const double speed = argc > 3 ? std::atof(argv[3]) : 60;
    const QString path =
        argc > 4 ? QString::fromLocal8Bit(argv[4]) : writeBigTrace(dir.path(), 1'000'000); // or a written one
    return playback(path, frames, speed, mode == QLatin1String("playback-repaint"));
}
