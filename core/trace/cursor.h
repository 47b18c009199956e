// A Cursor is a position in a Trace. Every view shows the Frame at the cursor; stepping back is a
// cursor move, never a re-simulation.
#pragma once

#include "core/trace/trace.h"

#include <optional>
#include <vector>

namespace procscope {

// Everything true at one tick.
struct Frame {
    Tick at = 0;
    std::vector<std::optional<ProcessState>> states; // per process index; nullopt: not created yet
    std::vector<ProcIndex> running;                  // per CPU: a process, kCpuIdle or kCpuSwitch
    std::vector<std::vector<ProcIndex>> readyQueues; // per level (0 = top), head first
    std::vector<std::vector<ProcIndex>> ioQueues;    // per device, in order of arrival
    std::vector<ProcIndex> waiting;                  // blocked in wait() for a child
};

// The frame at t, in O((processes + CPUs) log changes).
Frame frameAt(const Trace& trace, Tick t);

// The first tick after t / the last tick before t at which anything changes.
std::optional<Tick> nextEventAfter(const Trace& trace, Tick t);
std::optional<Tick> previousEventBefore(const Trace& trace, Tick t);

class Cursor {
public:
    explicit Cursor(const Trace& trace)
        : m_trace(&trace)
    { }
    Tick at() const { return m_at; }
    // The last tick that can be shown: the end, where every process shows its final state.
    Tick last() const { return m_trace->end() > 0 ? m_trace->end() : 0; }
    // Moves to t, clamped to [0, last()]; returns whether the position changed.
    bool seek(Tick t);
    bool step(Tick delta) { return seek(m_at + delta); }
    bool nextEvent();
    bool previousEvent();
    Frame frame() const { return frameAt(*m_trace, m_at); }

private:
    const Trace* m_trace;
    Tick m_at = 0;
};

} // namespace procscope
