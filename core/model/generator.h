// Seeded random workloads, drawn from the Python-compatible MT19937 so runs are reproducible
// everywhere (and the same seed gives the same processes in every ProcScope).
#pragma once

#include "core/model/workload.h"
#include "core/ostep/py_random.h"

#include <vector>

namespace procscope {

// One batch of `spec.count` processes arriving in [start, start + spec.maxArrival], pids from
// firstPid. Each process: `bursts` CPU bursts in [minBurst, maxBurst], after each burst but the
// last an I/O of ioLength with chance ioPercent.
std::vector<ProcessSpec> generateBatch(
    const GeneratorSpec& spec, ostep::PyRandom& rng, Tick start, Pid firstPid);

} // namespace procscope
