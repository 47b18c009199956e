#include "core/metrics/metrics.h"

#include <algorithm>
#include <cstdio>

namespace procscope {

namespace {

// Calls f(state, aux, start, end) for each interval of a process track, clipped to end.
template <typename F>
void forEachInterval(const ProcessTrack& track, Tick end, F&& f)
{
    for (std::size_t i = 0; i < track.size(); ++i) {
        const Tick from = track.at(i);
        const Tick to = i + 1 < track.size() ? track.at(i + 1) : end;
        if (from >= end)
            break;
        f(track.state(i), track.aux(i), track.cause(i), from, std::min(to, end));
    }
}

} // namespace

Metrics computeMetrics(const Trace& trace)
{
    Metrics m;
    m.elapsed = trace.end();
    std::vector<std::pair<Tick, int>> ioEdges; // +1 at start, -1 at end of each I/O interval
    for (ProcIndex p = 0; p < static_cast<ProcIndex>(trace.processCount()); ++p) {
        ProcessMetrics pm;
        pm.index = p;
        const auto& track = trace.track(p);
        pm.arrival = track.empty() ? 0 : track.at(0);
        forEachInterval(
            track, m.elapsed, [&](ProcessState s, std::int32_t aux, Cause cause, Tick from, Tick to) {
                switch (s) {
                case ProcessState::Ready:
                    pm.waiting += to - from;
                    break;
                case ProcessState::Running:
                    if (pm.firstRun < 0)
                        pm.firstRun = from;
                    if (cause == Cause::Dispatched)
                        ++pm.dispatches;
                    pm.cpu += to - from;
                    break;
                case ProcessState::Blocked:
                    if (aux >= 0) {
                        pm.io += to - from;
                        if (to > from) {
                            ioEdges.emplace_back(from, 1);
                            ioEdges.emplace_back(to, -1);
                        }
                    }
                    break;
                default:
                    break;
                }
            });
        // A process that exits at the very end has a zero-length Zombie record there.
        for (std::size_t i = 0; i < track.size() && track.at(i) <= m.elapsed; ++i) {
            if (track.state(i) == ProcessState::Zombie || track.state(i) == ProcessState::Terminated) {
                pm.finish = track.at(i);
                break;
            }
        }
        if (pm.firstRun >= 0)
            pm.response = pm.firstRun - pm.arrival;
        if (pm.finish >= 0) {
            pm.turnaround = pm.finish - pm.arrival;
            ++m.finished;
            m.avgTurnaround += static_cast<double>(pm.turnaround);
            m.avgResponse += static_cast<double>(std::max<Tick>(0, pm.response));
            m.avgWaiting += static_cast<double>(pm.waiting);
        }
        m.processes.push_back(pm);
    }
    if (m.finished > 0) {
        m.avgTurnaround /= m.finished;
        m.avgResponse /= m.finished;
        m.avgWaiting /= m.finished;
    }
    Tick busy = 0;
    for (int c = 0; c < trace.cpuCount(); ++c) {
        CpuMetrics cm;
        const auto& cpu = trace.cpu(c);
        ProcIndex last = kCpuIdle;
        for (std::size_t i = 0; i < cpu.size(); ++i) {
            const Tick from = cpu.at(i);
            const Tick to = std::min(i + 1 < cpu.size() ? cpu.at(i + 1) : m.elapsed, m.elapsed);
            const ProcIndex p = cpu.proc(i);
            if (p >= 0) {
                cm.busy += std::max<Tick>(0, to - from);
                if (last >= 0 && p != last)
                    ++cm.contextSwitches;
                last = p;
            } else if (p == kCpuSwitch) {
                cm.switching += std::max<Tick>(0, to - from);
            }
        }
        cm.idle = m.elapsed - cm.busy - cm.switching;
        cm.utilization = m.elapsed > 0 ? static_cast<double>(cm.busy) / static_cast<double>(m.elapsed) : 0.0;
        busy += cm.busy;
        m.contextSwitches += cm.contextSwitches;
        m.cpus.push_back(cm);
    }
    if (m.elapsed > 0 && trace.cpuCount() > 0)
        m.utilization = static_cast<double>(busy) / static_cast<double>(m.elapsed * trace.cpuCount());
    std::sort(ioEdges.begin(), ioEdges.end());
    Tick ioBusy = 0, since = 0;
    int active = 0;
    for (const auto& [t, d] : ioEdges) {
        if (active > 0)
            ioBusy += t - since;
        active += d;
        since = t;
    }
    if (m.elapsed > 0) {
        m.ioUtilization = static_cast<double>(ioBusy) / static_cast<double>(m.elapsed);
        m.throughput = static_cast<double>(m.finished) / static_cast<double>(m.elapsed);
    }
    return m;
}

std::vector<UtilizationSample> utilizationSeries(const Trace& trace, Tick window, Tick step)
{
    std::vector<UtilizationSample> out;
    const Tick end = trace.end();
    if (end <= 0 || window <= 0 || step <= 0)
        return out;
    // Busy-ness per tick boundary as a difference array would cost O(ticks); instead accumulate
    // busy time per CPU with a prefix function evaluated at each sample.
    auto busyUntil = [&](const CpuTrack& cpu, Tick t) {
        Tick total = 0;
        for (std::size_t i = 0; i < cpu.size() && cpu.at(i) < t; ++i) {
            const Tick to = std::min(i + 1 < cpu.size() ? cpu.at(i + 1) : end, t);
            if (cpu.proc(i) >= 0)
                total += to - cpu.at(i);
        }
        return total;
    };
    const int cpus = std::max(1, trace.cpuCount());
    for (Tick t = step; t <= end; t += step) {
        UtilizationSample s;
        s.at = t;
        const Tick from = std::max<Tick>(0, t - window);
        Tick busy = 0;
        for (int c = 0; c < trace.cpuCount(); ++c)
            busy += busyUntil(trace.cpu(c), t) - busyUntil(trace.cpu(c), from);
        s.cpu = static_cast<double>(busy) / static_cast<double>((t - from) * cpus);
        Tick io = 0;
        for (ProcIndex p = 0; p < static_cast<ProcIndex>(trace.processCount()); ++p) {
            forEachInterval(trace.track(p), t, [&](ProcessState st, std::int32_t aux, Cause, Tick a, Tick b) {
                if (st == ProcessState::Blocked && aux >= 0)
                    io = std::max(io, std::min(b, t) - std::max(a, from));
            });
            if (const auto st = trace.track(p).stateAt(t - 1); st && *st == ProcessState::Ready)
                ++s.ready;
        }
        s.io = static_cast<double>(std::max<Tick>(0, io)) / static_cast<double>(t - from);
        out.push_back(s);
    }
    return out;
}

std::string formatMetrics(const Trace& trace, const Metrics& m)
{
    std::string out;
    char line[256];
    std::snprintf(line, sizeof line, "%-6s %-12s %8s %8s %8s %10s %8s %8s %8s\n", "pid", "name", "arrival",
        "finish", "response", "turnaround", "waiting", "cpu", "io");
    out += line;
    for (const auto& p : m.processes) {
        const auto& info = trace.info(p.index);
        auto num = [](Tick v) { return v < 0 ? std::string("-") : std::to_string(v); };
        std::snprintf(line, sizeof line, "%-6d %-12.12s %8lld %8s %8s %10s %8lld %8lld %8lld\n", info.pid,
            info.name.c_str(), static_cast<long long>(p.arrival), num(p.finish).c_str(),
            num(p.response).c_str(), num(p.turnaround).c_str(), static_cast<long long>(p.waiting),
            static_cast<long long>(p.cpu), static_cast<long long>(p.io));
        out += line;
    }
    std::snprintf(line, sizeof line,
        "\naverage turnaround %.2f, response %.2f, waiting %.2f (over %d finished)\n"
        "elapsed %lld %ss, CPU utilization %.1f%%, I/O utilization %.1f%%, throughput %.4f per %s, "
        "context switches %d\n",
        m.avgTurnaround, m.avgResponse, m.avgWaiting, m.finished, static_cast<long long>(m.elapsed),
        trace.meta.timeUnit.c_str(), 100.0 * m.utilization, 100.0 * m.ioUtilization, m.throughput,
        trace.meta.timeUnit.c_str(), m.contextSwitches);
    out += line;
    for (std::size_t c = 0; c < m.cpus.size(); ++c) {
        std::snprintf(line, sizeof line, "CPU %zu: busy %lld, switching %lld, idle %lld (%.1f%% busy)\n", c,
            static_cast<long long>(m.cpus[c].busy), static_cast<long long>(m.cpus[c].switching),
            static_cast<long long>(m.cpus[c].idle), 100.0 * m.cpus[c].utilization);
        out += line;
    }
    return out;
}

} // namespace procscope
