// What the CPU plot draws for a whole trace, computed in one go: the utilization series and, for
// each line (overall CPU, each CPU, I/O, the ready queue), its samples as the graph holds them.
// Plain data with no widget, so the background job that loads a big trace builds it beside the
// trace (see prepare_views.h) and the plot only shares it.
#pragma once

#include "ui/cpuplot/cursor_graph.h"
#include "ui/cpuplot/utilization_series.h"
#include "ui/document/trace_indexes.h"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace procscope::ui {

struct UtilizationLines {
    // Per-CPU lines help up to a handful of CPUs; beyond that they are a grey blur over the total.
    static constexpr int kMaxPerCpuLines = 8;
    // Up to this many samples the ready queue is drawn exactly; beyond, as a sliding mean.
    static constexpr std::size_t kExactReadySamples = 4096;

    UtilizationSeries series;
    Tick window = 1;                   // the sliding window of the lines, in ticks
    bool exactReady = true;            // the ready queue step by step, not its mean over the window
    double maxReady = 0;               // the highest value of the ready line
    std::vector<CursorSamples> perCpu; // one per CPU when there are 2 to kMaxPerCpuLines
    CursorSamples cpu, io, ready;
};

// The window used when none is asked for: about a fortieth of the trace, smooth enough to read a
// trend, short enough to see phases; at least one sample.
Tick automaticWindow(const UtilizationSeries& series);

// At most maxSamples samples; window 0 picks automaticWindow().
UtilizationLines buildUtilizationLines(const Trace& trace, std::size_t maxSamples, Tick window);

// The key of these lines in a document's TraceIndexes.
std::string utilizationLinesKey(std::size_t maxSamples, Tick window);
// The lines as kept in a document's indexes, built now when missing.
std::shared_ptr<const UtilizationLines> utilizationLinesOf(
    TraceIndexes& indexes, const Trace& trace, std::size_t maxSamples, Tick window);

} // namespace procscope::ui
