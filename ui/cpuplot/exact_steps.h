// The CPU plot's exact lines: each time the number of busy CPUs, of processes doing I/O or of
// ready processes changes, the new value, so a step line drawn through them is what was true at
// every tick, at any zoom. A merge of the time-sorted tracks: O(changes x log tracks) time and
// O(tracks) memory besides the steps; it gives up (complete false) past a number of steps, when
// the plot falls back to per-sample means. Plain code, no widget.
#pragma once

#include "core/trace/trace.h"

#include <cstddef>
#include <vector>

namespace procscope::ui {

struct Step {
    Tick at = 0;
    int value = 0;
    bool operator==(const Step&) const = default;
};

struct ExactSteps {
    // Each starts at time 0 and holds a step only where its value changes, up to the trace's end.
    std::vector<Step> busy, io, ready;
    bool complete = true; // false: more than the allowed steps, and the vectors are empty
};

ExactSteps exactSteps(const Trace& trace, std::size_t maxSteps);

// The value of a step function at t (the last step at or before t; 0 before the first).
int valueAt(const std::vector<Step>& steps, Tick t);

} // namespace procscope::ui
