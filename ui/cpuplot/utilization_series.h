// CPU utilization, processes doing I/O and the ready-queue length over a whole Trace, in buckets
// of whole ticks (one tick a bucket for traces up to maxSamples ticks, so each value is exactly
// what was true during that tick; k ticks for longer ones). One sweep over the CPU lanes and the
// process tracks: O(records + buckets). Plain code, no widget.
#pragma once

#include "core/trace/trace.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace procscope::ui {

// What a Blocked span on a device means, judged from where the trace comes from.
enum class IoMeaning : std::uint8_t {
    Device,          // simulated or ProcScope's own traces: every device wait is I/O
    LinuxDeviceWait, // trace-cmd / perf: only uninterruptible waits (D) are I/O; sleeping (S) is not
    Unknown,         // foreign Chrome traces: a wait of unknown cause ("waiting", not "I/O")
};
IoMeaning ioMeaningOf(const Trace& trace);
// Whether a Blocked span with this aux (its device; -1 is wait()) counts as doing I/O.
bool countsAsIo(IoMeaning meaning, std::int32_t aux);

// What is true during tick t, counted exactly (a binary search per CPU and per process). At the
// trace's end every process shows its final state.
struct TickValues {
    int busyCpus = 0; // CPUs held by a process (a context switch is not busy)
    int cpus = 0;
    int io = 0;    // processes doing I/O (see IoMeaning)
    int ready = 0; // processes in the ready queue (all levels)
    double cpuShare() const { return cpus > 0 ? static_cast<double>(busyCpus) / cpus : 0; }
};
TickValues valuesAt(const Trace& trace, Tick t);

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
    IoMeaning ioMeaning() const { return m_ioMeaning; }

    // Bucket i covers [bucketStart(i), bucketStart(i) + bucketLength(i)); the last may be short.
    Tick bucketStart(std::size_t i) const { return static_cast<Tick>(i) * m_width; }
    Tick bucketLength(std::size_t i) const { return covered(i + 1) - covered(i); }
    // The bucket holding tick t, clamped into the series (0 when it is empty).
    std::size_t bucketOf(Tick t) const;
    // How many buckets start before `end`: those a view may draw when it stops at `end`.
    std::size_t bucketsBefore(Tick end) const;

    // Each bucket on its own (with one tick a bucket: the exact value of that tick).
    double cpu(std::size_t i) const;        // share of CPU time busy, over all CPUs, in [0, 1]
    double cpu(int c, std::size_t i) const; // one CPU
    double io(std::size_t i) const;         // mean number of processes doing I/O
    double ready(std::size_t i) const;      // mean ready-queue length (over all levels)

    // Trailing sliding-window averages: sample i averages the last `window` ticks up to and
    // including bucket i (whole buckets, at least one), weighted by time, so a sample never looks
    // ahead of its bucket. cpu -1 means all CPUs.
    enum class Quantity : std::uint8_t { Cpu, Io, Ready };
    double windowedAt(Quantity q, Tick window, std::size_t i, int cpu = -1) const;
    std::vector<double> windowed(Quantity q, Tick window, int cpu = -1) const;
    // The window in ticks that windowedAt() really averages over: whole buckets, at least one.
    Tick wholeBuckets(Tick window) const;

private:
    Tick covered(std::size_t buckets) const; // ticks covered by the first `buckets` buckets
    const std::vector<std::int64_t>& prefix(Quantity q, int cpu) const;
    double share(const std::vector<std::int64_t>& sums, std::size_t from, std::size_t to, double per) const;

    Tick m_width = 1;
    Tick m_end = 0;
    std::size_t m_buckets = 0;
    int m_cpus = 0;
    IoMeaning m_ioMeaning = IoMeaning::Device;
    // Prefix sums over buckets (size buckets + 1), in ticks: busy CPU-ticks, busy ticks per CPU,
    // process-ticks doing I/O, process-ticks spent Ready.
    std::vector<std::int64_t> m_busy;
    std::vector<std::vector<std::int64_t>> m_cpuBusy;
    std::vector<std::int64_t> m_io;
    std::vector<std::int64_t> m_ready;
};

} // namespace procscope::ui
