// The whole main window, as a user meets it: launch to first frame with a big trace, and
// playback frame times with 1,000 processes. Release build, offscreen, window 1600x900.
// usage: bench_app_window launch [events] [runs]
//        bench_app_window playback [frames] [ticks-per-second]
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
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <fstream>
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

int playback(const QString& path, int frames, double ticksPerSecond)
{
    MainWindow window;
    window.setQuiet(true);
    window.resize(1600, 900);
    if (!window.openFile(path))
        return 1;
    window.show();
    QApplication::processEvents();
    auto* controller = window.playback();
    const double ticksPerFrame = ticksPerSecond / 60.0;
    double at = 0;
    std::vector<double> ms;
    QElapsedTimer clock;
    for (int f = 0; f < frames; ++f) {
        at += ticksPerFrame;
        clock.start();
        controller->seek(static_cast<Tick>(at));
        QApplication::processEvents(); // deferred work the views queued for this tick
        window.repaint();              // every view drawn for this frame
        ms.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    const auto late = std::count_if(ms.begin(), ms.end(), [](double v) { return v > 1000.0 / 60.0; });
    std::vector<double> sorted = ms;
    std::sort(sorted.begin(), sorted.end());
    std::printf("playback at %.0f ticks/s, %d frames: median %.2f ms, p95 %.2f ms, max %.2f ms, "
                "frames over 16.7 ms: %lld\n",
        ticksPerSecond, frames, median(ms), sorted[sorted.size() * 95 / 100], sorted.back(),
        static_cast<long long>(late));
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
    const int frames = argc > 2 ? std::atoi(argv[2]) : 600;
    const double speed = argc > 3 ? std::atof(argv[3]) : 60;
    return playback(writeBigTrace(dir.path(), 1'000'000), frames, speed);
}
