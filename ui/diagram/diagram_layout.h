// Where the state diagram puts its nodes, arrows and tokens for a widget size: a plain class, so
// the geometry is tested without painting. Running, Ready and Blocked keep the places of OSTEP
// Figure 4.2 (Running left, Ready right, Blocked below between them); the lifecycle states a trace
// has (New, Zombie, Terminated above them, Suspended beside Blocked) join around them. Text starts
// at the application's text size and grows with the widget, as far as the room between the nodes
// allows.
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
    QRectF header;     // the band holding the state's name
    qreal fontPx = 12; // the name's size: smaller than nodeFontPx() only in a node too short for it
    QRectF tokens;     // the area the tokens fill
};

// A curved arrow: a cubic from `start` to `end`. A stub starts or ends outside every node (admit
// and exit when New or Zombie has no node, kill into Zombie). One arrow may stand for several
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
    bool named = true; // wide enough for names; else discs with the pid

    int capacity() const { return columns * rows; }
    QRectF slot(int i) const;
};

class DiagramLayout {
public:
    // The text size of a desktop's user interface, when the caller knows no better.
    static constexpr qreal kDefaultTextPx = 13;

    DiagramLayout() = default;
    // `states`: which states get a node (Ready, Running and Blocked always do). `rare`: transitions
    // drawn only when the trace has them (suspend from New or Running, kill). `textPx`: the
    // application's text size (presentation mode makes it larger); labels grow from it.
    DiagramLayout(QSizeF size, StateSet states, const std::bitset<kTransitionCount>& rare = {},
        qreal textPx = kDefaultTextPx);

    // Figure 4.2's three; all seven.
    static StateSet coreStates();
    static StateSet allStates();

    QSizeF size() const { return m_size; }
    StateSet states() const { return m_states; }
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
    qreal largestTokenFontPx() const { return m_tokenFont * 1.3; }
    qreal smallestTokenFontPx() const { return m_smallestToken; }

private:
    void addNodes();
    void addArrows(const std::bitset<kTransitionCount>& rare);

    QSizeF m_size;
    StateSet m_states;
    qreal m_nodeFont = 12, m_arrowFont = 10, m_tokenFont = 10, m_smallestToken = 8, m_line = 2;
    std::vector<DiagramNode> m_nodes;
    std::vector<DiagramArrow> m_arrows;
};

} // namespace procscope::ui
