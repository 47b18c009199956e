// The words of the CPU plot: the values at the cursor ("CPU 50 %", "I/O 1", "Ready 3"), the
// averaging window written next to them ("(average of 10 ticks)") and the caption that says
// exactly what the values are. Pure functions, tested without a widget.
#pragma once

#include "ui/cpuplot/utilization_series.h"
#include "ui/gantt/gantt_text.h"

#include <QString>

namespace procscope::ui {

// "I/O", or "Waiting" when the trace cannot tell I/O from other waits.
QString ioName(IoMeaning meaning);
// "10 ticks", "1 tick", "100 µs".
QString windowText(Tick window, TimeUnit unit);
// "(average of 10 ticks)".
QString averageText(Tick window, TimeUnit unit);
// The combo box's entries: "Exact", "Average of 10 ticks".
QString averagingChoice(Tick window, TimeUnit unit);

struct ValueTexts {
    QString cpu, io, ready;
};
// The exact values of one tick: "CPU 50 %", "I/O 1", "Ready 3".
ValueTexts exactTexts(const TickValues& values, IoMeaning meaning);
// Trailing averages over `window` ticks up to and including sample i: "CPU 62 %", "I/O 1.4".
ValueTexts averagedTexts(const UtilizationSeries& series, Tick window, std::size_t i);

// What the values are, in a line: exact or averaged, what CPU counts, what I/O counts. Not
// exactSteps: the exact lines were too many changes to keep and show each sample's mean.
QString captionText(const UtilizationSeries& series, Tick window, TimeUnit unit, bool exactSteps = true);

} // namespace procscope::ui
