// The textbook's scheduling metrics (OSTEP 7.2, 7.6), computed from any Trace: simulated or
// imported, the numbers mean the same.
#pragma once

#include "core/trace/trace.h"

#include <string>
#include <vector>

namespace procscope {

struct ProcessMetrics {
    ProcIndex index = 0;
    Tick arrival = 0;
    Tick firstRun = -1;   // -1: never ran
    Tick finish = -1;     // became a Zombie; -1: not yet
    Tick turnaround = -1; // finish - arrival
    Tick response = -1;   // firstRun - arrival
    Tick waiting = 0;     // time Ready
    Tick cpu = 0;         // time Running
    Tick io = 0;          // time Blocked on a device
    int dispatches = 0;
};

struct CpuMetrics {
    Tick busy = 0;
    Tick switching = 0;
    Tick idle = 0;
    int contextSwitches = 0; // the CPU started running a different process than before
    double utilization = 0;  // busy / elapsed
};

struct Metrics {
    Tick elapsed = 0;
    std::vector<ProcessMetrics> processes;
    std::vector<CpuMetrics> cpus;
    double utilization = 0;   // busy time over all CPUs / (elapsed * CPUs)
    double ioUtilization = 0; // share of time with at least one I/O in progress
    double throughput = 0;    // finished processes per tick
    int finished = 0;
    int contextSwitches = 0;
    double avgTurnaround = 0, avgResponse = 0, avgWaiting = 0; // over finished processes
};

Metrics computeMetrics(const Trace& trace);

// Utilization over a sliding window, sampled every `step` ticks: for each sample time t, the busy
// share of all CPUs in (t - window, t], the I/O share, and the ready-queue length at t.
struct UtilizationSample {
    Tick at = 0;
    double cpu = 0;
    double io = 0;
    int ready = 0;
};
std::vector<UtilizationSample> utilizationSeries(const Trace& trace, Tick window, Tick step);

std::string formatMetrics(const Trace& trace, const Metrics& m);

} // namespace procscope
