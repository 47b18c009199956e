#include "ui/cpuplot/utilization_lines.h"

#include <algorithm>
#include <cmath>

namespace procscope::ui {

std::vector<Tick> averagingWindows(const UtilizationSeries& series)
{
    constexpr std::size_t kMaxChoices = 5;
    const Tick end = series.end();
    const Tick low = std::max<Tick>(2 * series.bucketWidth(), end / 500);
    const Tick high = end / 4;
    std::vector<Tick> nice;
    for (Tick decade = 1; decade <= high && decade < (Tick(1) << 60) / 10; decade *= 10)
        for (const Tick m : {1, 2, 5})
            if (m * decade >= low && m * decade <= high)
                nice.push_back(m * decade);
    // The ones nearest (on a log scale) to a fortieth of the trace, in increasing order.
    const double target = std::log(std::max(1.0, static_cast<double>(end) / 40.0));
    const auto distance = [&](Tick w) { return std::abs(std::log(static_cast<double>(w)) - target); };
    std::stable_sort(nice.begin(), nice.end(), [&](Tick a, Tick b) { return distance(a) < distance(b); });
    if (nice.size() > kMaxChoices)
        nice.resize(kMaxChoices);
    std::sort(nice.begin(), nice.end());
    return nice;
}

UtilizationLines buildUtilizationLines(std::shared_ptr<const UtilizationSeries> shared, Tick window)
{
    UtilizationLines lines;
    lines.series = shared ? std::move(shared) : std::make_shared<const UtilizationSeries>();
    const UtilizationSeries& series = *lines.series;
    lines.window = window > 1 ? series.wholeBuckets(window) : 0;
    const Tick w = lines.window;
    const std::size_t n = series.size();
    // Sample i at the start of its bucket; the graphs draw it as a step to the next one.
    const auto line = [&](auto&& value) {
        QVector<QCPGraphData> data(static_cast<qsizetype>(n));
        for (std::size_t i = 0; i < n; ++i)
            data[static_cast<qsizetype>(i)] =
                QCPGraphData(static_cast<double>(series.bucketStart(i)), value(i));
        return CursorSamples::make(data);
    };
    using Q = UtilizationSeries::Quantity;
    const int cpus = series.cpuCount();
    if (lines.averaged() && cpus > 1 && cpus <= UtilizationLines::kMaxPerCpuLines)
        for (int c = 0; c < cpus; ++c)
            lines.perCpu.push_back(
                line([&](std::size_t i) { return 100.0 * series.windowedAt(Q::Cpu, w, i, c); }));
    const auto count = [&](Q q, std::size_t i) {
        return lines.averaged() ? series.windowedAt(q, w, i) : q == Q::Io ? series.io(i) : series.ready(i);
    };
    lines.ready = line([&](std::size_t i) { return count(Q::Ready, i); });
    lines.io = line([&](std::size_t i) { return count(Q::Io, i); });
    lines.countPeak.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto k = static_cast<int>(i);
        lines.maxCount =
            std::max({lines.maxCount, lines.ready.full->at(k)->value, lines.io.full->at(k)->value});
        lines.countPeak[i] = lines.maxCount;
    }
    lines.cpu = line([&](std::size_t i) {
        return 100.0 * (lines.averaged() ? series.windowedAt(Q::Cpu, w, i) : series.cpu(i));
    });
    return lines;
}

UtilizationLines buildUtilizationLines(const Trace& trace, std::size_t maxSamples, Tick window)
{
    return buildUtilizationLines(std::make_shared<const UtilizationSeries>(trace, maxSamples), window);
}

std::string utilizationSeriesKey(std::size_t maxSamples)
{
    return "samples=" + std::to_string(maxSamples);
}

std::string utilizationLinesKey(std::size_t maxSamples, Tick window)
{
    return "samples=" + std::to_string(maxSamples) + " window=" + std::to_string(window > 1 ? window : 0);
}

std::shared_ptr<const UtilizationSeries> utilizationSeriesOf(
    TraceIndexes& indexes, const Trace& trace, std::size_t maxSamples)
{
    return indexes.get<UtilizationSeries>(
        utilizationSeriesKey(maxSamples), [&] { return UtilizationSeries(trace, maxSamples); });
}

std::shared_ptr<const UtilizationLines> utilizationLinesOf(
    TraceIndexes& indexes, const Trace& trace, std::size_t maxSamples, Tick window)
{
    if (auto found = indexes.find<UtilizationLines>(utilizationLinesKey(maxSamples, window)))
        return found;
    auto series = utilizationSeriesOf(indexes, trace, maxSamples);
    return indexes.get<UtilizationLines>(
        utilizationLinesKey(maxSamples, window), [&] { return buildUtilizationLines(series, window); });
}

} // namespace procscope::ui
