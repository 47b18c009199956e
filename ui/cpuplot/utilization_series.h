// CPU and I/O utilization and the ready-queue length over a whole Trace, in buckets of whole
// ticks (one tick a sample for short traces, k ticks for long ones, so there are at most
// maxSamples). One sweep over the CPU lanes and the process tracks: O(records + buckets), where
// core's utilizationSeries() costs O(samples x records). Plain code, no widget.
#pragma once

#include "core/trace/trace.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace procscope::ui {

class UtilizationSeries {
public:
    static constexpr std::size_t kDefaultMaxSamples = 250'000;

    UtilizationSeries() = default;
    explicit UtilizationSeries(const Trace& trace, std::size_t maxSamples = kDefaultMaxSamples);

    std::size_t size() const { return m_buckets; }
    bool empty() const { return m_buckets == 0; }
    Tick bucketWidth() const { return m_width; }
    Tick end() const { return m_end; }
    int cpuCount() const { return m_cpus; }

    // Bucket i covers [bucketStart(i), bucketStart(i) + bucketLength(i)); the last may be short.
    Tick bucketStart(std::size_t i) const { return static_cast<Tick>(i) * m_width; }
    Tick bucketLength(std::size_t i) const { return covered(i + 1) - covered(i); }
    // The bucket holding tick t, clamped into the series (0 when it is empty).
    std::size_t bucketOf(Tick t) const;

    // Each bucket on its own.
    double cpu(std::size_t i) const;        // share of CPU time busy, over all CPUs, in [0, 1]
    double cpu(int c, std::size_t i) const; // one CPU
    double io(std::size_t i) const;         // share of time with at least one process blocked on a device
    double ready(std::size_t i) const;      // mean ready-queue length (over all levels)

    // Trailing sliding-window averages: sample i averages the last `window` ticks up to and
    // including bucket i (whole buckets, at least one), weighted by time, so a sample never looks
    // ahead of its bucket. cpu -1 means all CPUs.
    enum class Quantity : std::uint8_t { Cpu, Io, Ready };
    double windowedAt(Quantity q, Tick window, std::size_t i, int cpu = -1) const;
    std::vector<double> windowed(Quantity q, Tick window, int cpu = -1) const;

private:
    Tick covered(std::size_t buckets) const; // ticks covered by the first `buckets` buckets
    const std::vector<std::int64_t>& prefix(Quantity q, int cpu) const;
    double share(const std::vector<std::int64_t>& sums, std::size_t from, std::size_t to, double per) const;

    Tick m_width = 1;
    Tick m_end = 0;
    std::size_t m_buckets = 0;
    int m_cpus = 0;
    // Prefix sums over buckets (size buckets + 1), in ticks: busy CPU-ticks, busy ticks per CPU,
    // ticks with I/O in progress, process-ticks spent Ready.
    std::vector<std::int64_t> m_busy;
    std::vector<std::vector<std::int64_t>> m_cpuBusy;
    std::vector<std::int64_t> m_io;
    std::vector<std::int64_t> m_ready;
};

// The ready-queue length at tick t, counted exactly (a binary search per process).
int readyQueueLength(const Trace& trace, Tick t);

} // namespace procscope::ui
