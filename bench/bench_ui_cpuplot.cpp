// CPU-plot replot time with 1,000,000 samples: a fixed-seed RR simulation of 1,000,000 ticks on
// two CPUs, one sample a tick, drawn offscreen at 1600 x 900 with the cursor at the end (every
// sample shown). Prints the median of several replots with a 10,000-sample window visible and
// with the whole trace visible (goals: 5 ms and 16 ms), and the one-off cost of a new trace.
// usage: bench_ui_cpuplot [ticks] [runs] [export.png (the 10,000-sample window)]
#include "bench/bench_workload.h"
#include "ui/cpuplot/cpu_plot_view.h"
#include "ui/cpuplot/utilization_series.h"
#include "ui/document/document.h"
#include "ui/playback/playback_controller.h"
#include "ui/playback/view_state.h"
#include "ui/style/custom_plot.h"

#include <QApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace procscope;
using namespace procscope::ui;

namespace {

// Five processes on two CPUs, and after most bursts an I/O of 1-60 ticks, so the CPU and the disk
// come and go: the lines move.
Workload makeWorkload(Tick ticks)
{
    return bench::randomMix({5, ticks, 2, ticks / 5, 0.7, 60, 20261122});
}

double medianMs(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

template <typename F>
double timeMs(F&& f)
{
    QElapsedTimer clock;
    clock.start();
    f();
    return static_cast<double>(clock.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const Tick ticks = argc > 1 ? std::atoll(argv[1]) : 1'000'000;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 31;

    Document document(makeWorkload(ticks), QStringLiteral("bench"));
    const double simulate = timeMs([&] { document.simulateAll(); });
    const Trace& trace = document.trace();
    std::printf("trace: %lld ticks, %zu state changes, simulated in %.0f ms\n",
        static_cast<long long>(trace.end()), trace.stateChangeCount(), simulate);

    std::vector<double> sweep;
    for (int i = 0; i < 5; ++i)
        sweep.push_back(timeMs([&] { UtilizationSeries s(trace, static_cast<std::size_t>(ticks)); }));
    std::printf("UtilizationSeries (one sweep, %lld samples): median %.1f ms\n",
        static_cast<long long>(ticks), medianMs(sweep));

    PlaybackController playback;
    ViewState viewState;
    CpuPlotView view(&playback, &viewState);
    view.setMaxSamples(static_cast<std::size_t>(ticks));
    view.resize(1600, 900);
    view.show();
    const double load = timeMs([&] { playback.setDocument(&document); });
    std::printf("new trace (series + plot data for %zu samples, %d lines): %.0f ms\n", view.series().size(),
        view.plot()->graphCount(), load);
    playback.toEnd();
    QCoreApplication::processEvents();

    auto replots = [&](const char* label) {
        std::vector<double> times;
        for (int i = 0; i < runs + 3; ++i) {
            const double ms = timeMs([&] { view.plot()->replot(QCustomPlot::rpImmediateRefresh); });
            if (i >= 3)
                times.push_back(ms); // the first few warm caches up
        }
        std::printf("replot, %s: median %.2f ms (min %.2f, max %.2f) over %d\n", label, medianMs(times),
            *std::min_element(times.begin(), times.end()), *std::max_element(times.begin(), times.end()),
            runs);
    };
    const Tick middle = ticks / 2;
    viewState.setVisibleRange(middle, middle + 10'000);
    replots("10,000-sample window");
    viewState.setVisibleRange(0, 0);
    replots("all 1,000,000 samples");
    if (qEnvironmentVariableIsSet("BENCH_EACH")) {
        // Each line alone, in the 10,000-sample window (BENCH_EACH=window) or with all shown.
        if (qEnvironmentVariable("BENCH_EACH") == QLatin1String("window"))
            viewState.setVisibleRange(middle, middle + 10'000);
        for (int g = 0; g < view.plot()->graphCount(); ++g) {
            for (int h = 0; h < view.plot()->graphCount(); ++h)
                view.plot()->graph(h)->setVisible(h == g);
            replots(qPrintable(view.plot()->graph(g)->name()));
        }
        for (int h = 0; h < view.plot()->graphCount(); ++h)
            view.plot()->graph(h)->setVisible(false);
        replots("none");
        for (int h = 0; h < view.plot()->graphCount(); ++h)
            view.plot()->graph(h)->setVisible(view.plot()->graph(h)->name() == QStringLiteral("Ready"));
        for (int h = 0; h < view.plot()->graphCount(); ++h)
            if (view.plot()->graph(h)->name() == QStringLiteral("Ready"))
                view.plot()->graph(h)->setLineStyle(QCPGraph::lsLine);
        replots("ready as lsLine");
        for (int h = 0; h < view.plot()->graphCount(); ++h)
            if (view.plot()->graph(h)->name() == QStringLiteral("Ready")) {
                view.plot()->graph(h)->setLineStyle(QCPGraph::lsStepLeft);
                view.plot()->graph(h)->setAntialiased(false);
            }
        replots("ready step, no antialiasing");
        for (int h = 0; h < view.plot()->graphCount(); ++h)
            view.plot()->graph(h)->setVisible(true);
    }

    // A frame of playback: the cursor moves a tick, the header and the plot follow.
    std::vector<double> frames;
    for (int i = 0; i < runs; ++i)
        frames.push_back(timeMs([&] {
            playback.seek(middle + i);
            view.plot()->replot(QCustomPlot::rpImmediateRefresh);
        }));
    std::printf("cursor step + replot, all visible, cursor mid-trace: median %.2f ms\n", medianMs(frames));
    if (argc > 3) { // the 10,000-sample window, as measured
        playback.toEnd();
        viewState.setVisibleRange(middle, middle + 10'000);
        view.exportTo(QString::fromLocal8Bit(argv[3]));
    }
    return 0;
}
