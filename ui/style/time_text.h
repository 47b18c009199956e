// Times for people, in one unit for the whole trace: ticks for a simulation; for a recorded trace
// (nanoseconds) ms or µs, chosen from its span, so the toolbar, the tables, the log and the status
// bar never show "ns 17808001" or a mix of units.
#pragma once

#include "core/trace/trace.h"

#include <QString>

namespace procscope::ui {

class TimeText {
public:
    TimeText() = default;
    explicit TimeText(const Trace& trace);

    bool isTicks() const { return m_ticks; }
    QString unit() const { return m_unit; } // "tick", "ms", "µs", ...
    double nanosecondsPerUnit() const { return m_scale; }
    QString number(Tick t) const;              // "12", "1.250"
    QString at(Tick t) const;                  // "tick 12", "1.250 ms"
    QString span(Tick d) const;                // "5 ticks", "1 tick", "17.808 ms"
    QString column(const QString& name) const; // "CPU", "CPU (ms)"

private:
    bool m_ticks = true;
    double m_scale = 1; // nanoseconds in one unit
    QString m_unit = QStringLiteral("tick");
};

} // namespace procscope::ui
