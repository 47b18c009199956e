// The event log's index over a Trace: one 16-byte reference per event (a state change, a
// scheduling decision or a system event), in time order, so a log of a million events costs 16 MB
// and its text is rendered only for the rows a view shows. Plain C++, no Qt.
#pragma once

#include "core/trace/trace.h"
#include "ui/document/trace_indexes.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace procscope::ui {

enum class EventKind : std::uint8_t { StateChange, Decision, System };

struct EventRef {
    Tick at = 0;
    std::uint32_t key = 0;    // kind << 24 | process index or CPU (24 bits); 0 for system events
    std::uint32_t record = 0; // in the process track, the CPU track, or Trace::events()

    static EventRef make(Tick at, EventKind kind, std::int32_t track, std::size_t record)
    {
        return EventRef{at,
            (static_cast<std::uint32_t>(kind) << 24) | (static_cast<std::uint32_t>(track) & 0xFFFFFF),
            static_cast<std::uint32_t>(record)};
    }
    EventKind kind() const { return static_cast<EventKind>(key >> 24); }
    std::int32_t track() const { return static_cast<std::int32_t>(key & 0xFFFFFF); }
    bool operator==(const EventRef&) const = default;
};
static_assert(sizeof(EventRef) == 16);

// Every state change, every CPU record that carries a decision (Reason other than None) and every
// system event, up to the trace's end, sorted by time. Within one tick the Trace keeps no global
// order, so the events are told as the mechanism acts: each process's and each CPU's own records
// keep their order; a CPU's decision comes after the process that held the CPU has left it, and
// right before the dispatch it causes; otherwise processes leaving the CPU come first, then
// reaping, boosts, arrivals and wake-ups, preemptions, decisions and dispatches.
// By time, then track, then record: sorted in blocks of `block` entries, then merged pairwise, so
// that keepGoing (when given) is asked between steps. False when it said stop (the entries are
// then in no useful order).
bool sortEventRefs(std::vector<EventRef>& entries, const std::function<bool()>& keepGoing,
    std::size_t block = std::size_t{1} << 20);

// keepGoing, when given, is asked now and then (a million entries); once it says false the build
// stops and returns an empty index.
std::vector<EventRef> buildEventIndex(const Trace& trace, const std::function<bool()>& keepGoing = {});

// The trace's event index as kept in its document's indexes, built now when missing. A build that
// keepGoing stops keeps nothing and returns null.
std::shared_ptr<const std::vector<EventRef>> eventIndexOf(
    TraceIndexes& indexes, const Trace& trace, const std::function<bool()>& keepGoing = {});

} // namespace procscope::ui
