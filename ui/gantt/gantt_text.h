// The words of the Gantt chart: times in the trace's unit, causes and scheduling decisions in the
// textbook's language, and the tooltip of an interval.
#pragma once

#include "core/trace/trace.h"
#include "ui/gantt/gantt_hit.h"

#include <QString>

namespace procscope::ui {

enum class TimeUnit { Tick, Nanosecond };
TimeUnit timeUnitOf(const Trace& trace);

// A unit to print nanoseconds in: the largest of ns, µs, ms, s not above `magnitude`.
struct UnitScale {
    double nanoseconds = 1; // of one unit
    QString name;           // "ns", "µs", "ms", "s"
};
UnitScale unitScaleFor(double magnitudeNs);
// The one unit every time of a trace is written in, chosen from its span: a 5 ms trace in ms, a
// 40 µs one in µs (a tick trace: ticks, scale 1 and no name).
UnitScale unitScaleFor(const Trace& trace);

// A point in time ("4", "1.25 ms") with enough decimals to tell apart times `resolution` apart,
// and a length ("5 ticks", "1 tick", "300 µs"). With a trace, nanoseconds are written in the
// trace's one unit; never in scientific notation.
QString formatTime(Tick t, TimeUnit unit, Tick resolution = 1);
QString formatTime(Tick t, const Trace& trace, Tick resolution = 1);
QString formatDuration(Tick d, TimeUnit unit);
QString formatDuration(Tick d, const Trace& trace);

QString causeText(Cause cause);

QString processTitle(const Trace& trace, ProcIndex p); // "editor (pid 0)"
// "P1 (pid 1): Ready 4–9 (5 ticks), cause: slice expired"
QString hitToolTip(const Trace& trace, const GanttHit& hit);

} // namespace procscope::ui
