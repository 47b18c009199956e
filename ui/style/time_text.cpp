#include "ui/style/time_text.h"

#include <cmath>

namespace procscope::ui {

TimeText::TimeText(const Trace& trace)
    : m_ticks(trace.meta.timeUnit != "ns")
{
    if (m_ticks)
        return;
    // The unit in which the span reads as a number of at least 10: 17.808 ms, 450.000 µs.
    const double tenth = static_cast<double>(trace.end()) / 10.0;
    if (tenth >= 1e9) {
        m_scale = 1e9;
        m_unit = QStringLiteral("s");
    } else if (tenth >= 1e6) {
        m_scale = 1e6;
        m_unit = QStringLiteral("ms");
    } else if (tenth >= 1e3) {
        m_scale = 1e3;
        m_unit = QStringLiteral("µs");
    } else {
        m_scale = 1;
        m_unit = QStringLiteral("ns");
    }
}

QString TimeText::number(Tick t) const
{
    if (m_ticks)
        return QString::number(t);
    return QString::number(static_cast<double>(t) / m_scale, 'f', m_scale > 1 ? 3 : 0);
}

QString TimeText::at(Tick t) const
{
    return m_ticks ? QStringLiteral("tick %1").arg(t) : QStringLiteral("%1 %2").arg(number(t), m_unit);
}

QString TimeText::span(Tick d) const
{
    if (m_ticks)
        return d == 1 ? QStringLiteral("1 tick") : QStringLiteral("%1 ticks").arg(d);
    return QStringLiteral("%1 %2").arg(number(d), m_unit);
}

QString TimeText::column(const QString& name) const
{
    return m_ticks ? name : QStringLiteral("%1 (%2)").arg(name, m_unit);
}

} // namespace procscope::ui
