// Small helpers shared by the engine tests: build a workload in a line, run it, read results.
#pragma once

#include "core/io/workload_json.h"
#include "core/metrics/metrics.h"
#include "core/model/workload.h"
#include "core/sim/simulator.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <variant>
#include <vector>

namespace testing {

using namespace procscope;

#ifdef PROCSCOPE_TEST_DATA
// A workload bundled under traces/ ("demo.json"); a test cannot go on without it.
inline Workload bundledWorkload(const std::string& name)
{
    auto result = readWorkload(std::string(PROCSCOPE_TEST_DATA "/../../traces/") + name);
    if (const auto* error = std::get_if<LoadError>(&result)) {
        std::fprintf(stderr, "%s: %s\n", name.c_str(), error->toString().c_str());
        std::abort();
    }
    return std::get<Workload>(std::move(result));
}
#endif

struct Job {
    Tick arrival;
    Program program;
    int priority = 0;
    int tickets = 100;
};

inline Workload makeWorkload(const std::vector<Job>& jobs, PolicyKind policy, Tick quantum = 1, int cpus = 1)
{
    Workload w;
    w.policy.kind = policy;
    w.policy.quantum = quantum;
    w.machine.cpus = cpus;
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        ProcessSpec p;
        p.pid = static_cast<Pid>(i);
        p.name = std::string(1, static_cast<char>('A' + i));
        p.arrival = jobs[i].arrival;
        p.priority = jobs[i].priority;
        p.tickets = jobs[i].tickets;
        p.program = jobs[i].program;
        w.processes.push_back(std::move(p));
    }
    return w;
}

// CPU-only jobs: (arrival, length).
inline Workload cpuJobs(const std::vector<std::pair<Tick, Tick>>& jobs, PolicyKind policy, Tick quantum = 1)
{
    std::vector<Job> list;
    for (const auto& [arrival, length] : jobs)
        list.push_back(Job{arrival, {Op::cpu(length)}});
    return makeWorkload(list, policy, quantum);
}

inline Metrics runMetrics(const Workload& w)
{
    Simulator sim(w);
    sim.run();
    return computeMetrics(sim.trace());
}

// The process names in the order the CPU ran them, one letter per dispatch ("ABCCA").
inline std::string dispatchOrder(const Trace& trace, int cpu = 0)
{
    std::string order;
    for (std::size_t i = 0; i < trace.cpu(cpu).size(); ++i)
        if (const ProcIndex p = trace.cpu(cpu).proc(i); p >= 0)
            order += trace.info(p).name;
    return order;
}

} // namespace testing
