#include "ui/diagram/token_flight.h"

#include <QLineF>

#include <algorithm>

namespace procscope::ui {

namespace {

// A hop between a slot and an arrow's end is short; it takes this share of an arrow's time.
constexpr qreal kHopWeight = 0.15;

QPointF cubic(QPointF a, QPointF c1, QPointF c2, QPointF b, qreal t)
{
    const qreal u = 1 - t;
    return u * u * u * a + 3 * u * u * t * c1 + 3 * u * t * t * c2 + t * t * t * b;
}

QRectF centredOn(QPointF centre, QSizeF size)
{
    return QRectF(centre.x() - size.width() / 2, centre.y() - size.height() / 2, size.width(), size.height());
}

} // namespace

TokenFlight::TokenFlight(
    ProcIndex process, QRectF from, QRectF to, const std::vector<const DiagramArrow*>& arrows, bool backwards)
    : m_process(process)
{
    std::vector<Segment> curves;
    for (const DiagramArrow* a : arrows) {
        if (!a)
            continue;
        curves.push_back(backwards ? Segment{a->end, a->c2, a->c1, a->start, 1}
                                   : Segment{a->start, a->c1, a->c2, a->end, 1});
    }
    if (backwards)
        std::reverse(curves.begin(), curves.end());
    if (from.isEmpty() && to.isEmpty())
        return;
    if (curves.empty() && (from.isEmpty() || to.isEmpty() || from == to))
        return;
    m_appears = from.isEmpty();
    m_vanishes = to.isEmpty();
    m_fromSize = from.isEmpty() ? to.size() * 0.6 : from.size();
    m_toSize = to.isEmpty() ? from.size() * 0.6 : to.size();
    if (curves.empty()) {
        hop(from.center(), to.center());
        m_segments.front().weight = m_total = 1;
        return;
    }
    QPointF at = from.isEmpty() ? curves.front().a : from.center();
    for (const Segment& c : curves) {
        hop(at, c.a);
        m_segments.push_back(c);
        m_total += c.weight;
        at = c.b;
    }
    hop(at, to.isEmpty() ? at : to.center());
}

void TokenFlight::hop(QPointF a, QPointF b)
{
    m_segments.push_back({a, a + (b - a) / 3, a + (b - a) * 2 / 3, b, kHopWeight});
    m_total += kHopWeight;
}

QPointF TokenFlight::pointAt(qreal progress) const
{
    if (m_segments.empty())
        return {};
    qreal left = std::clamp<qreal>(progress, 0, 1) * m_total;
    for (const Segment& s : m_segments) {
        if (left <= s.weight || &s == &m_segments.back())
            return cubic(s.a, s.c1, s.c2, s.b, std::clamp<qreal>(left / s.weight, 0, 1));
        left -= s.weight;
    }
    return m_segments.back().b;
}

QRectF TokenFlight::rectAt(qreal progress) const
{
    if (m_segments.empty())
        return {};
    const qreal v = std::clamp<qreal>(progress, 0, 1);
    return centredOn(pointAt(v), m_fromSize * (1 - v) + m_toSize * v);
}

qreal TokenFlight::opacityAt(qreal progress) const
{
    const qreal v = std::clamp<qreal>(progress, 0, 1);
    if (m_appears)
        return std::min<qreal>(1, v * 3);
    if (m_vanishes)
        return std::min<qreal>(1, (1 - v) * 3);
    return 1;
}

} // namespace procscope::ui
