// Simulation speed and trace memory: N processes with a random CPU/I/O mix under RR, simulated
// for T ticks. Fixed seed; prints the median of several runs.
// usage: bench_simulate [processes] [ticks] [cpus] [runs]
#include "bench/bench_workload.h"
#include "core/sim/simulator.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

using namespace procscope;

namespace {

// Enough work that nobody finishes before the tick limit: each process gets its share of CPU
// time twice over, in bursts of 1-20 ticks, an I/O of 1-10 ticks after a third of them.
Workload makeWorkload(int processes, Tick ticks, int cpus)
{
    return bench::randomMix({processes, ticks, cpus, 2 * ticks * cpus / processes + 40, 0.33, 10, 20261122});
}

long peakRssKb()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0)
            return std::atol(line.c_str() + 6);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    const int processes = argc > 1 ? std::atoi(argv[1]) : 1000;
    const Tick ticks = argc > 2 ? std::atoll(argv[2]) : 1'000'000;
    const int cpus = argc > 3 ? std::atoi(argv[3]) : 1;
    const int runs = argc > 4 ? std::atoi(argv[4]) : 5;
    const Workload w = makeWorkload(processes, ticks, cpus);
    std::vector<double> ms;
    std::size_t changes = 0, bytes = 0, cpuRecords = 0;
    for (int r = 0; r < runs; ++r) {
        Workload copy = w; // the caller's copy is not the engine's cost
        const auto start = std::chrono::steady_clock::now();
        Simulator sim(std::move(copy));
        sim.advanceTo(ticks);
        const auto stop = std::chrono::steady_clock::now();
        ms.push_back(std::chrono::duration<double, std::milli>(stop - start).count());
        changes = sim.trace().stateChangeCount();
        bytes = sim.trace().bytes();
        cpuRecords = 0;
        for (int c = 0; c < sim.trace().cpuCount(); ++c)
            cpuRecords += sim.trace().cpu(c).size();
    }
    std::sort(ms.begin(), ms.end());
    std::printf(
        "processes %d, ticks %lld, cpus %d, runs %d\n", processes, static_cast<long long>(ticks), cpus, runs);
    std::printf("simulate: median %.1f ms (min %.1f, max %.1f)\n", ms[ms.size() / 2], ms.front(), ms.back());
    std::printf("trace: %zu state changes, %zu CPU records, %.1f MB, %.1f bytes per state change\n", changes,
        cpuRecords, static_cast<double>(bytes) / 1e6,
        static_cast<double>(bytes) / static_cast<double>(changes));
    std::printf("peak RSS %.1f MB\n", static_cast<double>(peakRssKb()) / 1024.0);
    return 0;
}
