// A scheduling policy and a machine in the textbook's words, for titles and captions:
// "Round Robin, time slice 2 ticks", "MLFQ: 3 queues, time slices 10/10/10 ticks, boost every 50 ticks".
#pragma once

#include "core/model/workload.h"

#include <string>

namespace procscope {

std::string policyTitle(PolicyKind kind); // "Round Robin", "Shortest Job First (SJF)", ...
std::string describePolicy(const PolicySpec& policy);
std::string describeMachine(const MachineSpec& machine); // "2 CPUs, context switch 1 tick"

} // namespace procscope
