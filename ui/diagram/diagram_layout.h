// Where the state diagram puts its nodes, arrows and tokens for a widget size: a plain class, so
// the geometry is tested without painting. Positions are proportions of the widget, and sizes
// of text and tokens follow the widget, so the diagram reads the same projected on a wall.
#pragma once

#include "ui/diagram/transition.h"

#include <QPainterPath>
#include <QRectF>

#include <bitset>
#include <optional>
#include <vector>

namespace procscope::ui {

struct DiagramNode {
    ProcessState state = ProcessState::Unknown;
    QRectF rect;
    QRectF header; // the band holding the state's name
    QRectF tokens; // the area the tokens fill
};

// A curved arrow: a cubic from `start` to `end`. A stub starts or ends outside every node (admit
// and exit in the three-state view, kill into Zombie). One arrow may stand for several
// transitions (kill from any state), and lights up when any of them fires.
struct DiagramArrow {
    std::vector<Transition> transitions;
    QPointF start, c1, c2, end;
    QPointF labelAnchor;  // the curve's midpoint
    QPointF labelSide;    // unit vector: the label sits on this side of the anchor
    qreal labelWidth = 0; // wrap the label to this width
    bool stubStart = false;
    bool stubEnd = false;

    QPainterPath path() const;
    QPointF pointAt(qreal t) const;
    bool stands(Transition t) const;
};

// Slots for n tokens in a node, row by row. When they do not all fit even at the smallest size,
// the last slot shows "+N more" and only capacity() - 1 tokens are drawn.
struct TokenGrid {
    QRectF area;
    QSizeF cell;
    qreal gap = 0;
    int columns = 1;
    int rows = 0;
    qreal fontPx = 10;

    int capacity() const { return columns * rows; }
    QRectF slot(int i) const;
};

class DiagramLayout {
public:
    DiagramLayout() = default;
    // `rare`: transitions drawn in the full view only when the trace has them (suspend from New
    // or Running, kill), so the everyday diagram stays uncluttered.
    DiagramLayout(QSizeF size, bool fullLifecycle, const std::bitset<kTransitionCount>& rare = {});

    QSizeF size() const { return m_size; }
    bool fullLifecycle() const { return m_full; }
    const std::vector<DiagramNode>& nodes() const { return m_nodes; }
    const std::vector<DiagramArrow>& arrows() const { return m_arrows; }
    const DiagramNode* node(ProcessState state) const;
    // The arrow standing for t, if this view draws one.
    const DiagramArrow* arrow(Transition t) const;

    // Text sizes in pixels.
    qreal nodeFontPx() const { return m_nodeFont; }
    qreal arrowFontPx() const { return m_arrowFont; }
    qreal tokenFontPx() const { return m_tokenFont; }
    qreal lineWidth() const { return m_line; }

    // Slots for `count` tokens, starting from `fontPx` (0: the largest this size allows) and
    // shrinking until they fit, down to the smallest legible size.
    TokenGrid tokenGrid(ProcessState state, int count, qreal fontPx = 0) const;
    qreal largestTokenFontPx() const { return m_tokenFont * 1.6; }
    qreal smallestTokenFontPx() const;

    // The states each view shows.
    static std::vector<ProcessState> states(bool fullLifecycle);

private:
    void addArrows(const std::bitset<kTransitionCount>& rare);

    QSizeF m_size;
    bool m_full = false;
    qreal m_nodeFont = 12, m_arrowFont = 10, m_tokenFont = 10, m_line = 2;
    std::vector<DiagramNode> m_nodes;
    std::vector<DiagramArrow> m_arrows;
};

} // namespace procscope::ui
