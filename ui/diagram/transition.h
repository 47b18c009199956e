// The textbook's state transitions (OSTEP ch. 4, Figure 4.2, plus the lifecycle around it: admit,
// exit, reap, suspend, resume, kill), and which of them fired in a Trace. The state diagram's
// arrows and their counts come from here; no widget.
#pragma once

#include "core/trace/trace.h"
#include "ui/document/trace_indexes.h"

#include <array>
#include <bitset>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace procscope::ui {

// One arrow of the diagram. Suspend and kill leave from several states, so each source is its own
// arrow with its own count.
enum class Transition : std::uint8_t {
    Admit,      // New -> Ready
    Dispatch,   // Ready -> Running
    Deschedule, // Running -> Ready: preempted or time slice used up
    Block,      // Running -> Blocked: I/O started, or wait() for a child
    Wake,       // Blocked -> Ready: I/O done, or the child exited
    Exit,       // Running -> Zombie
    Reap,       // Zombie -> Terminated
    SuspendNew,
    SuspendReady,
    SuspendRunning,
    SuspendBlocked,
    ResumeReady,
    ResumeBlocked,
    KillNew,
    KillReady,
    KillRunning,
    KillBlocked,
    KillSuspended,
    Other // a change the textbook has no arrow for (to or from Unknown in an imported trace)
};
inline constexpr int kTransitionCount = static_cast<int>(Transition::Other) + 1;

struct TransitionInfo {
    Transition id;
    ProcessState from;
    ProcessState to;
    std::string_view book;     // the words of OSTEP Figure 4.2: "Scheduled", "I/O: initiate", ...
    std::string_view detailed; // what happens, in full: "dispatch", "preempt / time slice", ...
};

// Which words the diagram's arrows carry: Figure 4.2's (the default) or the detailed ones.
enum class ArrowWording : std::uint8_t { Book, Detailed };
inline std::string_view transitionName(const TransitionInfo& info, ArrowWording wording)
{
    return wording == ArrowWording::Book ? info.book : info.detailed;
}

// Every transition in enum order (Other last, from and to Unknown).
const std::array<TransitionInfo, kTransitionCount>& transitionTable();
inline const TransitionInfo& transitionInfo(Transition t)
{
    return transitionTable()[static_cast<std::size_t>(t)];
}

// The arrow a recorded state change follows. Same-state changes are not transitions; callers skip
// them before asking. A change into Zombie is an exit when a running process exited, a kill otherwise.
Transition classifyTransition(ProcessState from, ProcessState to, Cause cause);

struct Firing {
    ProcIndex process = 0;
    ProcessState from = ProcessState::Unknown;
    ProcessState to = ProcessState::Unknown;
    Tick at = 0;
    Transition transition = Transition::Other;

    bool operator==(const Firing&) const = default;
};

// The states some process is in at a tick the cursor can reach, [0, end]. A state entered and
// left within one instant (New for a process admitted on arrival, Zombie for one reaped as it
// exits) is never shown by a frame, so it is not among them.
using StateSet = std::bitset<kStateCount>;
StateSet statesHeld(const Trace& trace);

// The transitions that fired in (previous, now], in time order (ties: by process, then record).
// Costs a binary search per process and a step per change in the range. Empty when now <= previous.
std::vector<Firing> firedBetween(const Trace& trace, Tick previous, Tick now);

using TransitionCounts = std::array<std::int64_t, kTransitionCount>;

// How often each transition fired in [0, now]: a walk over every change up to now.
TransitionCounts countFired(const Trace& trace, Tick now);

// countFired() at any tick without walking the whole past: the counts at up to kCheckpoints
// evenly spaced ticks, built in one pass over the trace (for a big file, on the worker that loads
// it), then a binary search per process and a walk over one stretch between checkpoints. Built
// with them, so the diagram finds all it derives from a trace in one index: statesHeld().
class FiringCheckpoints {
public:
    static constexpr Tick kCheckpoints = 1024;

    FiringCheckpoints() = default;
    explicit FiringCheckpoints(const Trace& trace);
    // countFired(trace, now) for the trace these were built from.
    TransitionCounts countsAt(const Trace& trace, Tick now) const;
    Tick step() const { return m_step; }     // ticks between checkpoints
    StateSet held() const { return m_held; } // statesHeld() of the trace

private:
    Tick m_step = 1;
    StateSet m_held;
    std::vector<TransitionCounts> m_counts; // [j]: fired in [0, j * step]
};

// The trace's checkpoints as kept in its document's indexes, built now when missing.
std::shared_ptr<const FiringCheckpoints> firingCheckpointsOf(TraceIndexes& indexes, const Trace& trace);

// countFired() kept up to date as the cursor moves: a step costs only the changes stepped over,
// a jump (scrubbing a big trace) goes through the checkpoints when there are some.
// reset() when the trace is replaced or truncated.
class TransitionTally {
public:
    const TransitionCounts& countsAt(const Trace& trace, Tick now);
    // Forgets the trace; the checkpoints (of the new trace) may be null.
    void reset(std::shared_ptr<const FiringCheckpoints> checkpoints = nullptr)
    {
        m_valid = false;
        m_checkpoints = std::move(checkpoints);
    }

private:
    std::shared_ptr<const FiringCheckpoints> m_checkpoints;
    TransitionCounts m_counts{};
    const Trace* m_trace = nullptr;
    Tick m_at = 0;
    bool m_valid = false;
};

} // namespace procscope::ui
