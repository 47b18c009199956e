// The benchmarks' workload: processes under Round Robin (quantum 4), each a random mix of 1-20-tick
// CPU bursts with an I/O after some of them, arrivals in 0-100, from a fixed seed (Python's
// Mersenne Twister, as everywhere in ProcScope).
#pragma once

#include "core/model/workload.h"
#include "core/ostep/py_random.h"

#include <string>

namespace procscope::bench {

struct RandomMix {
    int processes = 1000;
    Tick ticks = 1'000'000; // the tick limit
    int cpus = 1;
    Tick cpuEach = 1000;    // CPU time of each process, at least
    double ioChance = 0.33; // after a burst, the chance of an I/O...
    Tick maxIo = 10;        // ...of 1 to this many ticks
    std::uint32_t seed = 20261122;
};

inline Workload randomMix(const RandomMix& m)
{
    ostep::PyRandom rng(m.seed);
    Workload w;
    w.name = "bench";
    w.machine.cpus = m.cpus;
    w.policy.kind = PolicyKind::RoundRobin;
    w.policy.quantum = 4;
    w.tickLimit = m.ticks;
    for (int i = 0; i < m.processes; ++i) {
        ProcessSpec p;
        p.pid = i;
        p.name = "P" + std::to_string(i);
        p.arrival = rng.randint(0, 100);
        for (Tick cpu = 0; cpu < m.cpuEach;) {
            const Tick burst = rng.randint(1, 20);
            p.program.push_back(Op::cpu(burst));
            cpu += burst;
            if (rng.random() < m.ioChance)
                p.program.push_back(Op::io(rng.randint(1, m.maxIo)));
        }
        w.processes.push_back(std::move(p));
    }
    return w;
}

} // namespace procscope::bench
