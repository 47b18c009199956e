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

namespace {

CursorSamples fromSteps(const std::vector<Step>& steps, double scale)
{
    QVector<QCPGraphData> data(static_cast<qsizetype>(steps.size()));
    for (std::size_t i = 0; i < steps.size(); ++i)
        data[static_cast<qsizetype>(i)] =
            QCPGraphData(static_cast<double>(steps[i].at), scale * static_cast<double>(steps[i].value));
    return CursorSamples::make(data);
}

} // namespace

double UtilizationLines::countPeakBefore(Tick end) const
{
    const auto after = std::lower_bound(
        countPeaks.begin(), countPeaks.end(), end, [](const Peak& p, Tick t) { return p.at < t; });
    return after == countPeaks.begin() ? 0 : std::prev(after)->value;
}

UtilizationLines buildUtilizationLines(
    const Trace& trace, std::shared_ptr<const UtilizationSeries> shared, Tick window)
{
    UtilizationLines lines;
    lines.series = shared ? std::move(shared) : std::make_shared<const UtilizationSeries>();
    const UtilizationSeries& series = *lines.series;
    lines.window = window > 1 ? series.wholeBuckets(window) : 0;
    const Tick w = lines.window;
    const std::size_t n = series.size();
    // From the series, sample i at the start of its bucket; the graphs draw it as a step to the
    // next one.
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
    ExactSteps steps;
    if (!lines.averaged())
        steps = exactSteps(trace, UtilizationLines::kMaxExactSteps);
    lines.exactSteps = !lines.averaged() && steps.complete;
    if (lines.exactSteps) {
        lines.cpu = fromSteps(steps.busy, cpus > 0 ? 100.0 / cpus : 0);
        lines.io = fromSteps(steps.io, 1);
        lines.ready = fromSteps(steps.ready, 1);
    } else {
        const auto count = [&](Q q, std::size_t i) {
            return lines.averaged() ? series.windowedAt(q, w, i)
                   : q == Q::Io     ? series.io(i)
                                    : series.ready(i);
        };
        lines.ready = line([&](std::size_t i) { return count(Q::Ready, i); });
        lines.io = line([&](std::size_t i) { return count(Q::Io, i); });
        lines.cpu = line([&](std::size_t i) {
            return 100.0 * (lines.averaged() ? series.windowedAt(Q::Cpu, w, i) : series.cpu(i));
        });
    }
    // The running maximum of the count lines, where it rises: the two merged by key.
    const QCPGraphDataContainer& a = *lines.io.full;
    const QCPGraphDataContainer& b = *lines.ready.full;
    auto i = a.constBegin(), j = b.constBegin();
    while (i != a.constEnd() || j != b.constEnd()) {
        const bool fromA = j == b.constEnd() || (i != a.constEnd() && i->key <= j->key);
        const QCPGraphData& d = fromA ? *i++ : *j++;
        if (lines.countPeaks.empty() || d.value > lines.countPeaks.back().value)
            lines.countPeaks.push_back({static_cast<Tick>(d.key), d.value});
    }
    lines.maxCount = lines.countPeaks.empty() ? 0 : lines.countPeaks.back().value;
    return lines;
}

UtilizationLines buildUtilizationLines(const Trace& trace, std::size_t maxSamples, Tick window)
{
    return buildUtilizationLines(trace, std::make_shared<const UtilizationSeries>(trace, maxSamples), window);
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
    return indexes.get<UtilizationLines>(utilizationLinesKey(maxSamples, window),
        [&] { return buildUtilizationLines(trace, series, window); });
}

} // namespace procscope::ui
