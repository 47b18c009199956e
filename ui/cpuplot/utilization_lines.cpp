#include "ui/cpuplot/utilization_lines.h"

#include <algorithm>
#include <cmath>

namespace procscope::ui {

Tick automaticWindow(const UtilizationSeries& series)
{
    const Tick automatic =
        std::max<Tick>(4, static_cast<Tick>(std::llround(static_cast<double>(series.end()) / 40.0)));
    return std::max(automatic, series.bucketWidth());
}

UtilizationLines buildUtilizationLines(const Trace& trace, std::size_t maxSamples, Tick window)
{
    UtilizationLines lines;
    lines.series = UtilizationSeries(trace, maxSamples);
    const UtilizationSeries& series = lines.series;
    lines.window = window > 0 ? window : automaticWindow(series);
    const Tick w = lines.window;
    const std::size_t n = series.size();
    const auto line = [&](auto&& value) {
        QVector<QCPGraphData> data(static_cast<qsizetype>(n));
        for (std::size_t i = 0; i < n; ++i)
            data[static_cast<qsizetype>(i)] =
                QCPGraphData(static_cast<double>(series.bucketStart(i)), value(i));
        return CursorSamples::make(data);
    };
    using Q = UtilizationSeries::Quantity;
    const int cpus = series.cpuCount();
    if (cpus > 1 && cpus <= UtilizationLines::kMaxPerCpuLines)
        for (int c = 0; c < cpus; ++c)
            lines.perCpu.push_back(
                line([&](std::size_t i) { return 100.0 * series.windowedAt(Q::Cpu, w, i, c); }));
    // A short trace shows the ready queue as it was, step by step; over thousands of samples that
    // is a solid band of noise, so a long one shows its mean over the window.
    lines.exactReady = n <= UtilizationLines::kExactReadySamples;
    lines.ready = line([&](std::size_t i) {
        const double v = lines.exactReady ? series.ready(i) : series.windowedAt(Q::Ready, w, i);
        lines.maxReady = std::max(lines.maxReady, v);
        return v;
    });
    lines.io = line([&](std::size_t i) { return 100.0 * series.windowedAt(Q::Io, w, i); });
    lines.cpu = line([&](std::size_t i) { return 100.0 * series.windowedAt(Q::Cpu, w, i); });
    return lines;
}

std::string utilizationLinesKey(std::size_t maxSamples, Tick window)
{
    return "samples=" + std::to_string(maxSamples) + " window=" + std::to_string(window);
}

std::shared_ptr<const UtilizationLines> utilizationLinesOf(
    TraceIndexes& indexes, const Trace& trace, std::size_t maxSamples, Tick window)
{
    return indexes.get<UtilizationLines>(utilizationLinesKey(maxSamples, window),
        [&] { return buildUtilizationLines(trace, maxSamples, window); });
}

} // namespace procscope::ui
