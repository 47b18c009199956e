// Policies side by side: one workload run under several policies (or machines), each with its own
// Simulator, and the textbook's metrics of each run with the best one marked. A teacher projects
// "FIFO vs SJF vs STCF" on the convoy workload and the class sees why SJF's average turnaround is
// lower; a student checks a homework answer against all three at once.
#pragma once

#include "core/metrics/metrics.h"
#include "core/model/workload.h"
#include "core/sim/simulator.h"

#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace procscope::ui {

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

// A short name for a policy and its main parameter: "FIFO", "RR q=4", "MLFQ boost 50", "MLFQ no boost".
QString variantLabel(const PolicySpec& policy);

class Comparison {
public:
    // Simulates every variant of `workload` to the end (or the workload's tick limit). A variant
    // whose workload does not normalize keeps an empty trace and its error().
    Comparison(Workload workload, std::vector<ComparisonVariant> variants);
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
