// The time each process has spent Running, Ready and in I/O up to any tick — what the process
// table shows at the cursor — answered in O(log changes + kStride) per process from sums kept
// at every kStride-th record of its track. Built once per trace (for a big file, on the worker
// that loads it; see prepare_views.h), it costs under a byte per state change: a
// ten-million-event trace stays a trace, not a trace plus its prefix sums.
#pragma once

#include "core/trace/trace.h"
#include "ui/document/trace_indexes.h"

#include <array>
#include <cstddef>
#include <memory>
#include <vector>

namespace procscope::ui {

class ProcessTimes {
public:
    enum Category { Running, Ready, Io, CategoryCount };
    using Times = std::array<Tick, CategoryCount>;
    static constexpr std::size_t kStride = 32;

    ProcessTimes() = default;
    explicit ProcessTimes(const Trace& trace);

    std::size_t processCount() const { return m_processes.size(); }
    // Time in each category within [0, upTo).
    Times before(const Trace& trace, ProcIndex process, Tick upTo) const;
    Tick created(ProcIndex p) const { return at(p).created; }
    Tick firstRun(ProcIndex p) const { return at(p).firstRun; } // -1: never ran
    Tick finished(ProcIndex p) const { return at(p).finished; } // -1: did not finish

    // Process indices in order of creation, their creation times, and each one's place in it.
    const std::vector<ProcIndex>& creationOrder() const { return m_order; }
    const std::vector<Tick>& creationTimes() const { return m_createdOrder; }
    int placeOf(ProcIndex p) const { return m_placeOf[static_cast<std::size_t>(p)]; }

    // The category a record's interval counts towards; -1: none (New, Zombie, waiting for a
    // child, ...).
    static int categoryOf(const ProcessTrack& track, std::size_t k);

private:
    struct Process {
        std::vector<Times> checkpoints; // [j]: time in each category before record j * kStride
        Tick created = 0;
        Tick firstRun = -1;
        Tick finished = -1;
    };
    const Process& at(ProcIndex p) const { return m_processes[static_cast<std::size_t>(p)]; }

    std::vector<Process> m_processes; // per process index
    std::vector<ProcIndex> m_order;
    std::vector<Tick> m_createdOrder;
    std::vector<int> m_placeOf;
};

// The trace's ProcessTimes as kept in its document's indexes, built now when missing.
std::shared_ptr<const ProcessTimes> processTimesOf(TraceIndexes& indexes, const Trace& trace);

} // namespace procscope::ui
