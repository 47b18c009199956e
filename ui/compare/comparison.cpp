#include "ui/compare/comparison.h"

#include "ui/document/job_control.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace procscope::ui {

namespace {

const Trace& emptyTrace()
{
    static const Trace trace;
    return trace;
}

// Values of a metric are averages of integers computed the same way for every run: a relative
// tolerance only absorbs rounding in the last bits.
bool same(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max({1.0, std::abs(a), std::abs(b)});
}

PolicySpec policyOf(PolicyKind kind, Tick quantum = 1)
{
    PolicySpec p;
    p.kind = kind;
    p.quantum = quantum;
    return p;
}

} // namespace

QString metricTitle(ComparisonMetric metric)
{
    switch (metric) {
    case ComparisonMetric::AvgTurnaround:
        return QStringLiteral("Avg turnaround");
    case ComparisonMetric::AvgResponse:
        return QStringLiteral("Avg response");
    case ComparisonMetric::AvgWaiting:
        return QStringLiteral("Avg waiting");
    case ComparisonMetric::Utilization:
        return QStringLiteral("CPU utilization");
    case ComparisonMetric::ContextSwitches:
        return QStringLiteral("Context switches");
    case ComparisonMetric::Throughput:
        return QStringLiteral("Jobs per 100 ticks");
    }
    return {};
}

QString metricDescription(ComparisonMetric metric)
{
    switch (metric) {
    case ComparisonMetric::AvgTurnaround:
        return QStringLiteral(
            "Average of completion - arrival over the finished processes (lower is better)");
    case ComparisonMetric::AvgResponse:
        return QStringLiteral("Average of first run - arrival over the finished processes (lower is better)");
    case ComparisonMetric::AvgWaiting:
        return QStringLiteral("Average time spent Ready over the finished processes (lower is better)");
    case ComparisonMetric::Utilization:
        return QStringLiteral("Share of CPU time spent running processes (higher is better)");
    case ComparisonMetric::ContextSwitches:
        return QStringLiteral("Times a CPU started running a different process (lower is better)");
    case ComparisonMetric::Throughput:
        return QStringLiteral("Processes finished per 100 ticks (higher is better)");
    }
    return {};
}

bool lowerIsBetter(ComparisonMetric metric)
{
    return metric != ComparisonMetric::Utilization && metric != ComparisonMetric::Throughput;
}

double metricValue(const Metrics& m, ComparisonMetric metric)
{
    switch (metric) {
    case ComparisonMetric::AvgTurnaround:
        return m.avgTurnaround;
    case ComparisonMetric::AvgResponse:
        return m.avgResponse;
    case ComparisonMetric::AvgWaiting:
        return m.avgWaiting;
    case ComparisonMetric::Utilization:
        return m.utilization;
    case ComparisonMetric::ContextSwitches:
        return m.contextSwitches;
    case ComparisonMetric::Throughput:
        return m.throughput;
    }
    return 0;
}

QString formatMetric(ComparisonMetric metric, double value)
{
    if (!std::isfinite(value))
        return QStringLiteral("\u2014");
    switch (metric) {
    case ComparisonMetric::Utilization:
        return QStringLiteral("%1 %").arg(value * 100, 0, 'f', 1);
    case ComparisonMetric::ContextSwitches:
        return QString::number(std::llround(value));
    case ComparisonMetric::Throughput:
        return QStringLiteral("%1").arg(value * 100, 0, 'f', 2);
    default:
        return QStringLiteral("%1").arg(value, 0, 'f', 1);
    }
}

QString variantLabel(const PolicySpec& policy)
{
    const std::string_view name = policyName(policy.kind);
    QString label = QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
    const PolicySpec defaults;
    switch (policy.kind) {
    case PolicyKind::RoundRobin:
    case PolicyKind::Lottery:
    case PolicyKind::Stride:
        return QStringLiteral("%1 q=%2").arg(label).arg(policy.quantum);
    case PolicyKind::Priority:
        if (!policy.preemptive)
            label += QStringLiteral(" non-preemptive");
        if (policy.agingInterval > 0)
            label += QStringLiteral(" aging %1").arg(policy.agingInterval);
        return label;
    case PolicyKind::Mlfq: {
        const std::size_t queues = policy.mlfqQuanta.size();
        label += queues == 1 ? QStringLiteral(" 1 queue") : QStringLiteral(" %1 queues").arg(queues);
        const bool sameQuanta = std::adjacent_find(policy.mlfqQuanta.begin(), policy.mlfqQuanta.end(),
                                    std::not_equal_to<>()) == policy.mlfqQuanta.end();
        if (queues > 0 && sameQuanta) {
            label += QStringLiteral(", q=%1").arg(policy.mlfqQuanta.front());
        } else if (queues > 0) {
            QStringList quanta;
            for (const Tick q : policy.mlfqQuanta)
                quanta << QString::number(q);
            label += QStringLiteral(", q=") + quanta.join(QLatin1Char(','));
        }
        label += policy.boostPeriod > 0 ? QStringLiteral(", boost %1").arg(policy.boostPeriod)
                                        : QStringLiteral(", no boost");
        if (policy.stayOnIo)
            label += QStringLiteral(" -S");
        if (policy.ioBump)
            label += QStringLiteral(" -I");
        return label;
    }
    case PolicyKind::Cfs:
        if (policy.targetLatency != defaults.targetLatency ||
            policy.minGranularity != defaults.minGranularity)
            label +=
                QStringLiteral(" latency %1, min %2").arg(policy.targetLatency).arg(policy.minGranularity);
        return label;
    default:
        return label;
    }
}

Comparison::Comparison(Workload workload, std::vector<ComparisonVariant> variants)
    : Comparison(std::move(workload), std::move(variants), Progress())
{ }

std::optional<Comparison> Comparison::simulate(
    Workload workload, std::vector<ComparisonVariant> variants, JobControl* control)
{
    Progress progress;
    if (control)
        progress = [control](
                       std::uint64_t done, std::uint64_t total) { return control->report(done, total); };
    Comparison c(std::move(workload), std::move(variants), progress);
    if (c.m_cancelled)
        return std::nullopt;
    return c;
}

Comparison::Comparison(Workload workload, std::vector<ComparisonVariant> variants, const Progress& keepGoing)
    : m_workload(std::move(workload))
{
    // Progress counts each variant as kShare steps, shared out by simulated time over the tick limit.
    constexpr std::uint64_t kShare = 1000;
    const auto total = static_cast<std::uint64_t>(variants.size()) * kShare;
    QStringList labels; // before numbering
    m_runs.reserve(variants.size());
    for (ComparisonVariant& v : variants) {
        Run run;
        if (v.label.isEmpty())
            v.label = variantLabel(v.policy);
        const auto same = labels.count(v.label);
        labels << v.label;
        if (same > 0)
            v.label += QStringLiteral(" (%1)").arg(same + 1);
        run.variant = std::move(v);
        run.workload = m_workload;
        run.workload.policy = run.variant.policy;
        if (run.variant.machine)
            run.workload.machine = *run.variant.machine;
        if (const std::string problem = normalize(run.workload); !problem.empty()) {
            run.error = QString::fromStdString(problem);
            m_runs.push_back(std::move(run));
            continue;
        }
        run.simulator = std::make_unique<Simulator>(run.workload);
        Simulator& sim = *run.simulator;
        const auto done = static_cast<std::uint64_t>(m_runs.size()) * kShare;
        if (!keepGoing) {
            sim.run();
        } else {
            // Chunks of simulated time short enough to answer a cancel within a few milliseconds.
            constexpr Tick kChunk = 20'000;
            const Tick limit = std::max<Tick>(1, run.workload.tickLimit);
            while (!sim.finished() && !sim.hitTickLimit() && !sim.stalled()) {
                const Tick before = sim.trace().end();
                const auto share = static_cast<std::uint64_t>(std::clamp<Tick>(before, 0, limit)) * kShare /
                                   static_cast<std::uint64_t>(limit);
                if (!keepGoing(done + share, total)) {
                    m_cancelled = true;
                    return;
                }
                sim.advanceTo(before + kChunk);
                if (sim.trace().end() == before) // nothing more can happen
                    break;
            }
        }
        run.metrics = computeMetrics(sim.trace());
        m_runs.push_back(std::move(run));
    }
    if (keepGoing && !keepGoing(total, total))
        m_cancelled = true;
}

Comparison::~Comparison() = default;
Comparison::Comparison(Comparison&&) noexcept = default;
Comparison& Comparison::operator=(Comparison&&) noexcept = default;

const Trace& Comparison::trace(int i) const
{
    const Run& run = m_runs[static_cast<std::size_t>(i)];
    return run.simulator ? run.simulator->trace() : emptyTrace();
}

bool Comparison::hitTickLimit(int i) const
{
    const Run& run = m_runs[static_cast<std::size_t>(i)];
    return run.simulator && run.simulator->hitTickLimit();
}

double Comparison::value(int i, ComparisonMetric metric) const
{
    const Run& run = m_runs[static_cast<std::size_t>(i)];
    if (!run.simulator)
        return std::numeric_limits<double>::quiet_NaN();
    return metricValue(run.metrics, metric);
}

std::vector<int> Comparison::best(ComparisonMetric metric) const
{
    std::optional<double> bestValue;
    for (int i = 0; i < variantCount(); ++i) {
        const double v = value(i, metric);
        if (!std::isfinite(v))
            continue;
        if (!bestValue || (lowerIsBetter(metric) ? v < *bestValue : v > *bestValue))
            bestValue = v;
    }
    std::vector<int> result;
    for (int i = 0; bestValue && i < variantCount(); ++i)
        if (const double v = value(i, metric); std::isfinite(v) && same(v, *bestValue))
            result.push_back(i);
    return result;
}

bool Comparison::isBest(int i, ComparisonMetric metric) const
{
    const std::vector<int> b = best(metric);
    return std::find(b.begin(), b.end(), i) != b.end();
}

Tick Comparison::end() const
{
    Tick end = 0;
    for (int i = 0; i < variantCount(); ++i)
        end = std::max(end, trace(i).end());
    return end;
}

std::vector<ComparisonPreset> standardComparisons(const Workload& workload)
{
    std::vector<ComparisonPreset> presets;
    presets.push_back({QStringLiteral("FIFO vs SJF vs STCF"),
        {{{}, policyOf(PolicyKind::Fifo), {}}, {{}, policyOf(PolicyKind::Sjf), {}},
            {{}, policyOf(PolicyKind::Stcf), {}}}});
    presets.push_back({QStringLiteral("RR q=1 vs q=4 vs FIFO"),
        {{{}, policyOf(PolicyKind::RoundRobin, 1), {}}, {{}, policyOf(PolicyKind::RoundRobin, 4), {}},
            {{}, policyOf(PolicyKind::Fifo), {}}}});

    // The workload's own queues when it is an MLFQ lesson; OSTEP's defaults otherwise.
    PolicySpec mlfq = workload.policy.kind == PolicyKind::Mlfq ? workload.policy : policyOf(PolicyKind::Mlfq);
    mlfq.kind = PolicyKind::Mlfq;
    PolicySpec noBoost = mlfq;
    noBoost.boostPeriod = 0;
    PolicySpec boost = mlfq;
    if (boost.boostPeriod <= 0)
        boost.boostPeriod = 50;
    presets.push_back({QStringLiteral("MLFQ with and without boost"), {{{}, noBoost, {}}, {{}, boost, {}}}});
    return presets;
}

} // namespace procscope::ui
