// The path a process's token takes on one step: out of its slot onto the arrow it took, along the
// arrow (several, in order, when more fired in one instant), into its new slot; stepping back, the
// same path reversed. A plain class, so where a token is mid-step is tested without a clock.
#pragma once

#include "ui/diagram/diagram_layout.h"

#include <QRectF>

#include <vector>

namespace procscope::ui {

class TokenFlight {
public:
    TokenFlight() = default;
    // `from`/`to`: the token's slots before and after the step, empty when it has none there (it
    // appears at the path's start or vanishes at its end). `arrows`: those it took, in the order
    // they fired; `backwards`: the step undoes them, so they are followed from head to tail in
    // reverse order. With no arrow the token glides straight (a queue moved up).
    TokenFlight(ProcIndex process, QRectF from, QRectF to, const std::vector<const DiagramArrow*>& arrows,
        bool backwards);

    ProcIndex process() const { return m_process; }
    // Nothing to show: no slot at either end, or the same slot at both and no arrow.
    bool isEmpty() const { return m_segments.empty(); }
    bool appears() const { return m_appears; }
    bool vanishes() const { return m_vanishes; }

    // Where the token's centre is at `progress` (0: the start, 1: the end). Each arrow takes an
    // equal share of the time and the hops between slots and arrows a short one, so halfway
    // through a step that took one arrow the token is at that arrow's midpoint.
    QPointF pointAt(qreal progress) const;
    QRectF rectAt(qreal progress) const;
    qreal opacityAt(qreal progress) const;

private:
    struct Segment {
        QPointF a, c1, c2, b; // a cubic; a straight hop has its control points on the line
        qreal weight;
    };
    void hop(QPointF a, QPointF b);

    ProcIndex m_process = -1;
    QSizeF m_fromSize, m_toSize;
    bool m_appears = false, m_vanishes = false;
    std::vector<Segment> m_segments;
    qreal m_total = 0;
};

} // namespace procscope::ui
