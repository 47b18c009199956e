// Time <-> pixel mapping of a horizontal time axis: a visible range [from, to) drawn across a
// width in pixels, inside the span of a trace. Zooming and panning are clamped here, not in
// widgets, so every view and every test sees the same rules.
#pragma once

#include "core/model/types.h"

namespace procscope::ui {

class TimeAxis {
public:
    // Never fewer ticks than this on screen: a tick is then at most width/10 pixels wide.
    static constexpr double kMinVisible = 10.0;
    // How far beyond the trace span one may zoom out or pan, as a fraction of the span.
    static constexpr double kMarginFraction = 0.05;

    TimeAxis() = default;
    // Fitted to the span.
    TimeAxis(Tick spanFrom, Tick spanTo, double width);

    // The span of the trace, usually [0, end). Clamps the visible range into it.
    void setSpan(Tick spanFrom, Tick spanTo);
    void setWidth(double width); // pixels, at least 1
    // Any range; clamped to the allowed lengths and region.
    void setRange(double from, double to);

    double from() const { return m_from; }
    double to() const { return m_to; }
    double length() const { return m_to - m_from; }
    double width() const { return m_width; }
    Tick spanFrom() const { return m_spanFrom; }
    Tick spanTo() const { return m_spanTo; }

    double toPixel(double t) const { return (t - m_from) * m_width / length(); }
    double toTime(double px) const { return m_from + px * length() / m_width; }
    double ticksPerPixel() const { return length() / m_width; }

    // Allowed visible lengths, and the region the visible range stays in.
    double minLength() const { return kMinVisible; }
    double maxLength() const { return regionTo() - regionFrom(); }
    double regionFrom() const;
    double regionTo() const;

    // factor > 1 zooms in, < 1 out; the time under pixel px stays under it (unless clamped).
    void zoom(double px, double factor);
    // Moves the visible range by px pixels' worth of time; positive shows later times.
    void pan(double px);
    // Shows the whole span (at least kMinVisible ticks).
    void fit();
    bool isFitted() const;

private:
    double margin() const;

    Tick m_spanFrom = 0;
    Tick m_spanTo = 0;
    double m_from = 0;
    double m_to = kMinVisible;
    double m_width = 1;
};

} // namespace procscope::ui
