#include "ui/cpuplot/utilization_series.h"

#include "core/io/linux_sched_rebuild.h"

#include <algorithm>
#include <cmath>

namespace procscope::ui {

namespace {

// Adds intervals to per-bucket tick sums. The partial buckets at either end are added at once;
// the whole buckets in between through a difference array, so a long interval costs O(1).
class BucketSums {
public:
    BucketSums(std::size_t buckets, Tick width, Tick end)
        : m_sums(buckets, 0)
        , m_whole(buckets + 1, 0)
        , m_width(width)
        , m_end(end)
    { }

    void add(Tick from, Tick to)
    {
        from = std::max<Tick>(from, 0);
        to = std::min(to, m_end);
        if (to <= from)
            return;
        const auto first = static_cast<std::size_t>(from / m_width);
        const auto last = static_cast<std::size_t>((to - 1) / m_width);
        if (first == last) {
            m_sums[first] += to - from;
            return;
        }
        m_sums[first] += static_cast<Tick>(first + 1) * m_width - from;
        m_sums[last] += to - static_cast<Tick>(last) * m_width;
        ++m_whole[first + 1];
        --m_whole[last];
    }

    // Prefix sums over buckets, size buckets + 1.
    std::vector<std::int64_t> prefix() const
    {
        std::vector<std::int64_t> out(m_sums.size() + 1, 0);
        std::int64_t whole = 0;
        for (std::size_t i = 0; i < m_sums.size(); ++i) {
            whole += m_whole[i];
            out[i + 1] = out[i] + m_sums[i] + whole * m_width;
        }
        return out;
    }

private:
    std::vector<std::int64_t> m_sums;
    std::vector<std::int64_t> m_whole; // +1 where a run of whole buckets starts, -1 after it ends
    Tick m_width;
    Tick m_end;
};

// Calls f(state, aux, from, to) for each interval of a track, the last one ending at `end`.
template <typename F>
void forEachInterval(const ProcessTrack& track, Tick end, F&& f)
{
    const std::size_t n = track.size();
    for (std::size_t i = 0; i < n; ++i) {
        const Tick from = track.at(i);
        if (from >= end)
            break;
        const Tick to = i + 1 < n ? std::min(track.at(i + 1), end) : end;
        if (to > from)
            f(track.state(i), track.aux(i), from, to);
    }
}

} // namespace

IoMeaning ioMeaningOf(const Trace& trace)
{
    if (trace.meta.source == "trace-cmd" || trace.meta.source == "perf")
        return IoMeaning::LinuxDeviceWait;
    if (trace.meta.source == "chrome")
        return IoMeaning::Unknown;
    return IoMeaning::Device;
}

bool countsAsIo(IoMeaning meaning, std::int32_t aux)
{
    return meaning == IoMeaning::LinuxDeviceWait ? aux == kLinuxIoDevice : aux >= 0;
}

TickValues valuesAt(const Trace& trace, Tick t)
{
    TickValues v;
    v.cpus = trace.cpuCount();
    for (int c = 0; c < v.cpus; ++c)
        v.busyCpus += trace.cpu(c).procAt(t) >= 0 ? 1 : 0;
    const IoMeaning meaning = ioMeaningOf(trace);
    for (ProcIndex p = 0; p < static_cast<ProcIndex>(trace.processCount()); ++p) {
        const ProcessTrack& track = trace.track(p);
        const std::size_t k = track.indexAt(t);
        if (k == ProcessTrack::npos)
            continue;
        if (track.state(k) == ProcessState::Ready)
            ++v.ready;
        else if (track.state(k) == ProcessState::Blocked && countsAsIo(meaning, track.aux(k)))
            ++v.io;
    }
    return v;
}

UtilizationSeries::UtilizationSeries(const Trace& trace, std::size_t maxSamples)
    : m_end(std::max<Tick>(0, trace.end()))
    , m_cpus(trace.cpuCount())
    , m_ioMeaning(ioMeaningOf(trace))
{
    maxSamples = std::max<std::size_t>(1, maxSamples);
    const auto cap = static_cast<Tick>(maxSamples);
    m_width = std::max<Tick>(1, (m_end + cap - 1) / cap);
    m_buckets = static_cast<std::size_t>((m_end + m_width - 1) / m_width);

    // CPU lanes: busy while a process holds the CPU (a context switch is not useful work).
    BucketSums busy(m_buckets, m_width, m_end);
    for (int c = 0; c < m_cpus; ++c) {
        const CpuTrack& lane = trace.cpu(c);
        BucketSums mine(m_buckets, m_width, m_end);
        for (std::size_t i = 0; i < lane.size(); ++i) {
            if (lane.proc(i) < 0)
                continue;
            const Tick from = lane.at(i);
            const Tick to = i + 1 < lane.size() ? lane.at(i + 1) : m_end;
            mine.add(from, to);
            busy.add(from, to);
        }
        m_cpuBusy.push_back(mine.prefix());
    }
    m_busy = busy.prefix();

    // Process tracks: time Ready and time doing I/O add up process by process.
    BucketSums ready(m_buckets, m_width, m_end);
    BucketSums io(m_buckets, m_width, m_end);
    for (ProcIndex p = 0; p < static_cast<ProcIndex>(trace.processCount()); ++p) {
        forEachInterval(trace.track(p), m_end, [&](ProcessState s, std::int32_t aux, Tick from, Tick to) {
            if (s == ProcessState::Ready)
                ready.add(from, to);
            else if (s == ProcessState::Blocked && countsAsIo(m_ioMeaning, aux))
                io.add(from, to);
        });
    }
    m_ready = ready.prefix();
    m_io = io.prefix();
}

Tick UtilizationSeries::covered(std::size_t buckets) const
{
    return std::min(static_cast<Tick>(buckets) * m_width, m_end);
}

std::size_t UtilizationSeries::bucketOf(Tick t) const
{
    if (m_buckets == 0 || t <= 0)
        return 0;
    return std::min(static_cast<std::size_t>(t / m_width), m_buckets - 1);
}

std::size_t UtilizationSeries::bucketsBefore(Tick end) const
{
    if (end <= 0)
        return 0;
    return std::min(static_cast<std::size_t>((end - 1) / m_width) + 1, m_buckets);
}

Tick UtilizationSeries::wholeBuckets(Tick window) const
{
    const Tick buckets = std::max<Tick>(
        1, static_cast<Tick>(std::llround(static_cast<double>(window) / static_cast<double>(m_width))));
    return buckets * m_width;
}

double UtilizationSeries::share(
    const std::vector<std::int64_t>& sums, std::size_t from, std::size_t to, double per) const
{
    const Tick ticks = covered(to) - covered(from);
    if (ticks <= 0 || per <= 0)
        return 0;
    return static_cast<double>(sums[to] - sums[from]) / (static_cast<double>(ticks) * per);
}

double UtilizationSeries::cpu(std::size_t i) const
{
    return share(m_busy, i, i + 1, m_cpus);
}

double UtilizationSeries::cpu(int c, std::size_t i) const
{
    return share(m_cpuBusy[static_cast<std::size_t>(c)], i, i + 1, 1);
}

double UtilizationSeries::io(std::size_t i) const
{
    return share(m_io, i, i + 1, 1);
}

double UtilizationSeries::ready(std::size_t i) const
{
    return share(m_ready, i, i + 1, 1);
}

const std::vector<std::int64_t>& UtilizationSeries::prefix(Quantity q, int cpu) const
{
    switch (q) {
    case Quantity::Cpu:
        return cpu < 0 ? m_busy : m_cpuBusy[static_cast<std::size_t>(cpu)];
    case Quantity::Io:
        return m_io;
    case Quantity::Ready:
        break;
    }
    return m_ready;
}

double UtilizationSeries::windowedAt(Quantity q, Tick window, std::size_t i, int cpu) const
{
    if (i >= m_buckets)
        return 0;
    const auto buckets = static_cast<std::size_t>(wholeBuckets(window) / m_width);
    const std::size_t from = i + 1 >= buckets ? i + 1 - buckets : 0;
    const double per = q == Quantity::Cpu && cpu < 0 ? m_cpus : 1;
    return share(prefix(q, cpu), from, i + 1, per);
}

std::vector<double> UtilizationSeries::windowed(Quantity q, Tick window, int cpu) const
{
    std::vector<double> out(m_buckets);
    for (std::size_t i = 0; i < m_buckets; ++i)
        out[i] = windowedAt(q, window, i, cpu);
    return out;
}

} // namespace procscope::ui
