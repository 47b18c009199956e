// What the CPU plot draws for a whole trace, computed in one go: the utilization series and, for
// each line (overall CPU, each CPU when averaged, I/O, the ready queue), its samples as the graph
// holds them. By default a line is the exact value of each tick, drawn as steps; averaging over a
// window of ticks is an option. Plain data with no widget, so the background job that loads a big
// trace builds it beside the trace (see prepare_views.h) and the plot only shares it.
#pragma once

#include "ui/cpuplot/cursor_graph.h"
#include "ui/cpuplot/exact_steps.h"
#include "ui/cpuplot/utilization_series.h"
#include "ui/document/trace_indexes.h"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace procscope::ui {

struct UtilizationLines {
    // Per-CPU lines help up to a handful of CPUs; beyond that they are a grey blur over the total.
    // Exact per-CPU values are 0 or 100 %, the Gantt chart's CPU lanes say that better: averaged only.
    static constexpr int kMaxPerCpuLines = 8;
    // Exact lines keep a sample per change up to this many (16 bytes each); a trace with more
    // changes is drawn from the series' per-sample means.
    static constexpr std::size_t kMaxExactSteps = 2'000'000;

    std::shared_ptr<const UtilizationSeries> series = std::make_shared<const UtilizationSeries>();
    Tick window = 0;                   // 0: exact; else the averaging window really used, in ticks
    bool exactSteps = true;            // window 0: a sample at each change (else per-sample means)
    double maxCount = 0;               // the highest value of the I/O and ready lines
    std::vector<CursorSamples> perCpu; // one per CPU when averaged on 2 to kMaxPerCpuLines CPUs
    CursorSamples cpu, io, ready;      // cpu in %, io and ready in processes

    bool averaged() const { return window > 0; }
    // The highest I/O or ready value drawn before `end` (for an axis that gives nothing away).
    double countPeakBefore(Tick end) const;

    // Where the running maximum of the I/O and ready lines rises, and to what.
    struct Peak {
        Tick at;
        double value;
    };
    std::vector<Peak> countPeaks;
};

// Windows worth offering for averaging (nice numbers of ticks, 1-2-5 times a power of ten, around
// a fortieth of the trace), at least two samples each; empty for a trace too short to average.
std::vector<Tick> averagingWindows(const UtilizationSeries& series);

// window 0 or 1: the exact values (a sample at each change); otherwise the trailing average over
// that many ticks (whole samples of the series).
UtilizationLines buildUtilizationLines(
    const Trace& trace, std::shared_ptr<const UtilizationSeries> series, Tick window);
UtilizationLines buildUtilizationLines(const Trace& trace, std::size_t maxSamples, Tick window);

// The keys of the series and of these lines in a document's TraceIndexes.
std::string utilizationSeriesKey(std::size_t maxSamples);
std::string utilizationLinesKey(std::size_t maxSamples, Tick window);
// The series and the lines as kept in a document's indexes, built now when missing; lines of
// another window share the series.
std::shared_ptr<const UtilizationSeries> utilizationSeriesOf(
    TraceIndexes& indexes, const Trace& trace, std::size_t maxSamples);
std::shared_ptr<const UtilizationLines> utilizationLinesOf(
    TraceIndexes& indexes, const Trace& trace, std::size_t maxSamples, Tick window);

} // namespace procscope::ui
