// Policies side by side: one workload run under several policies (or machines), each with its own
// Simulator, and the textbook's metrics of each run with the best one marked. A teacher projects
// "FIFO vs SJF vs STCF" on the convoy workload and the class sees why SJF's average turnaround is
// lower; a student checks a homework answer against all three at once.
#pragma once

#include "core/metrics/metrics.h"
#include "core/model/workload.h"
#include "core/sim/simulator.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace procscope::ui {

class JobControl;

// One run of the comparison: a policy and, optionally, a different machine.
struct ComparisonVariant {
    QString label; // "FIFO", "RR q=4", "MLFQ boost 50"; empty: variantLabel(policy)
    PolicySpec policy;
    std::optional<MachineSpec> machine; // replaces the workload's machine
};

// The columns of the comparison, in table order.
enum class ComparisonMetric {
    AvgTurnaround,
    AvgResponse,
    AvgWaiting,
    Utilization,
    ContextSwitches,
    Throughput
};
inline constexpr int kComparisonMetricCount = 6;

QString metricTitle(ComparisonMetric metric);       // "Avg turnaround"
QString metricDescription(ComparisonMetric metric); // one sentence for tooltips
bool lowerIsBetter(ComparisonMetric metric);
double metricValue(const Metrics& metrics, ComparisonMetric metric);
// "50.0", "83 %", "0.025 /tick", "4"
QString formatMetric(ComparisonMetric metric, double value);

// A short name for a policy and the parameters that tell variants apart: "FIFO", "RR q=4",
// "Priority non-preemptive", "MLFQ 3 queues, q=10, boost 50", "CFS latency 24, min 3".
QString variantLabel(const PolicySpec& policy);

class Comparison {
public:
    // Simulates every variant of `workload` to the end (or the workload's tick limit). A variant
    // whose workload does not normalize keeps an empty trace and its error(). Variants with the
    // same label are numbered: "RR q=4", "RR q=4 (2)".
    Comparison(Workload workload, std::vector<ComparisonVariant> variants);
    // The same on a worker thread: progress through `control` (which may be null), and nothing
    // when the user cancelled.
    static std::optional<Comparison> simulate(
        Workload workload, std::vector<ComparisonVariant> variants, JobControl* control);
    ~Comparison();
    Comparison(Comparison&&) noexcept;
    Comparison& operator=(Comparison&&) noexcept;

    const Workload& workload() const { return m_workload; }
    int variantCount() const { return static_cast<int>(m_runs.size()); }
    const ComparisonVariant& variant(int i) const { return m_runs[static_cast<std::size_t>(i)].variant; }
    // The workload each variant ran (the base workload with its policy and machine).
    const Workload& variantWorkload(int i) const { return m_runs[static_cast<std::size_t>(i)].workload; }
    const Trace& trace(int i) const;
    const Metrics& metrics(int i) const { return m_runs[static_cast<std::size_t>(i)].metrics; }
    QString error(int i) const { return m_runs[static_cast<std::size_t>(i)].error; }
    bool hitTickLimit(int i) const;

    double value(int i, ComparisonMetric metric) const;
    // The best variants for a metric: lowest for times and context switches, highest for
    // utilization and throughput; every tied variant is best. Failed variants never are.
    std::vector<int> best(ComparisonMetric metric) const;
    bool isBest(int i, ComparisonMetric metric) const;

    // The latest end of all runs: the shared time axis spans [0, end()).
    Tick end() const;

private:
    // Stops (and returns false) when `keepGoing(done, total)` says so.
    using Progress = std::function<bool(std::uint64_t done, std::uint64_t total)>;
    Comparison(Workload workload, std::vector<ComparisonVariant> variants, const Progress& keepGoing);
    bool m_cancelled = false;

    struct Run {
        ComparisonVariant variant;
        Workload workload;
        std::unique_ptr<Simulator> simulator;
        Metrics metrics;
        QString error;
    };
    Workload m_workload;
    std::vector<Run> m_runs;
};

// A standard comparison for the workload: a name for the menu and its variants.
struct ComparisonPreset {
    QString name;
    std::vector<ComparisonVariant> variants;
};

// "FIFO vs SJF vs STCF", "RR q=1 vs q=4 vs FIFO", "MLFQ with and without boost". The MLFQ pair
// keeps the workload's own MLFQ queues when it has them.
std::vector<ComparisonPreset> standardComparisons(const Workload& workload);

} // namespace procscope::ui
