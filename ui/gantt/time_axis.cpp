#include "ui/gantt/time_axis.h"

#include <algorithm>
#include <cmath>

namespace procscope::ui {

TimeAxis::TimeAxis(Tick spanFrom, Tick spanTo, double width)
{
    setWidth(width);
    setSpan(spanFrom, spanTo);
    fit();
}

double TimeAxis::margin() const
{
    const double span = std::max(static_cast<double>(m_spanTo - m_spanFrom), kMinVisible);
    return span * kMarginFraction;
}

double TimeAxis::regionFrom() const
{
    return static_cast<double>(m_spanFrom) - margin();
}

// A span shorter than kMinVisible still allows kMinVisible ticks, starting at the span's start.
double TimeAxis::regionTo() const
{
    return static_cast<double>(std::max<Tick>(m_spanTo, m_spanFrom + static_cast<Tick>(kMinVisible))) +
           margin();
}

void TimeAxis::setSpan(Tick spanFrom, Tick spanTo)
{
    m_spanFrom = spanFrom;
    m_spanTo = std::max(spanFrom, spanTo);
    setRange(m_from, m_to);
}

void TimeAxis::setWidth(double width)
{
    m_width = std::isfinite(width) ? std::max(1.0, width) : 1.0;
}

void TimeAxis::setRange(double from, double to)
{
    if (!std::isfinite(from) || !std::isfinite(to))
        return;
    if (to < from)
        std::swap(from, to);
    const double length = std::clamp(to - from, minLength(), maxLength());
    const double centre = (from + to) / 2;
    m_from = std::clamp(centre - length / 2, regionFrom(), regionTo() - length);
    m_to = m_from + length;
}

void TimeAxis::zoom(double px, double factor)
{
    if (!(factor > 0) || !std::isfinite(factor))
        return;
    const double anchor = toTime(px);
    const double length = std::clamp(this->length() / factor, minLength(), maxLength());
    const double from = anchor - px / m_width * length;
    setRange(from, from + length);
}

void TimeAxis::pan(double px)
{
    const double dt = px * ticksPerPixel();
    setRange(m_from + dt, m_to + dt);
}

void TimeAxis::fit()
{
    const auto from = static_cast<double>(m_spanFrom);
    setRange(from, std::max(static_cast<double>(m_spanTo), from + kMinVisible));
}

bool TimeAxis::isFitted() const
{
    const auto from = static_cast<double>(m_spanFrom);
    const double to = std::max(static_cast<double>(m_spanTo), from + kMinVisible);
    return std::abs(m_from - from) < 1e-9 * std::max(1.0, to) &&
           std::abs(m_to - to) < 1e-9 * std::max(1.0, to);
}

} // namespace procscope::ui
