#include "ui/diagram/diagram_layout.h"

#include "ui/style/state_colors.h"

#include <QFont>
#include <QFontMetricsF>
#include <QLineF>

#include <algorithm>
#include <cmath>
#include <initializer_list>

namespace procscope::ui {

namespace {

using S = ProcessState;
using T = Transition;

enum class Side : std::uint8_t { Left, Right, Top, Bottom, Free };

// One end of an arrow: a point on a side of a node (at a fraction along it), or a free point
// (in proportions of the widget) for a stub.
struct End {
    S state;
    Side side;
    qreal at;
    QPointF free{};
};

End on(S state, Side side, qreal at)
{
    return {state, side, at, {}};
}

End freePoint(qreal x, qreal y)
{
    return {S::Unknown, Side::Free, 0, {x, y}};
}

struct ArrowSpec {
    std::vector<T> transitions;
    End from, to;
    QPointF bulge;     // direction the curve bows out to (in proportions: (0,-1) = up)
    qreal amount;      // how far, as a share of the arrow's length
    QPointF labelSide; // which side of the curve the label goes
    qreal labelWidth;  // wrap width, in proportions of the widget width
    bool rare = false; // drawn only when the trace has it
};

struct NodeSpec {
    S state;
    QRectF rect; // proportions of the widget
};

bool has(StateSet states, S s)
{
    return states.test(static_cast<std::size_t>(s));
}

QRectF box(qreal left, qreal top, qreal right, qreal bottom)
{
    return QRectF(QPointF(left, top), QPointF(right, bottom));
}

// Rows, as shares of the height: the lifecycle's row above Figure 4.2 when there is one.
struct Rows {
    qreal highTop = 0.02, highBottom = 0.25;
    qreal midTop, midBottom, lowTop, lowBottom = 0.98;
};

Rows rowsFor(StateSet states)
{
    const bool high = has(states, S::New) || has(states, S::Zombie) || has(states, S::Terminated);
    Rows r;
    r.midTop = high ? 0.35 : 0.12;
    r.midBottom = high ? 0.63 : 0.50;
    r.lowTop = high ? 0.73 : 0.66;
    return r;
}

std::vector<NodeSpec> nodeSpecs(StateSet states)
{
    const Rows r = rowsFor(states);
    const bool suspended = has(states, S::Suspended);
    std::vector<NodeSpec> nodes{
        {S::Running, box(0.03, r.midTop, 0.35, r.midBottom)},
        {S::Ready, box(0.65, r.midTop, 0.97, r.midBottom)},
        {S::Blocked,
            suspended ? box(0.30, r.lowTop, 0.60, r.lowBottom) : box(0.34, r.lowTop, 0.66, r.lowBottom)},
    };
    // After Running the way out (Zombie, then Terminated); before Ready the way in (New).
    if (has(states, S::Zombie))
        nodes.push_back({S::Zombie, box(0.03, r.highTop, 0.25, r.highBottom)});
    if (has(states, S::Terminated))
        nodes.push_back({S::Terminated, box(0.40, r.highTop, 0.68, r.highBottom)});
    if (has(states, S::New))
        nodes.push_back({S::New, box(0.76, r.highTop, 0.97, r.highBottom)});
    if (suspended)
        nodes.push_back({S::Suspended, box(0.74, r.lowTop, 0.97, r.lowBottom)});
    return nodes;
}

std::vector<ArrowSpec> arrowSpecs(StateSet states)
{
    const bool suspended = has(states, S::Suspended);
    std::vector<ArrowSpec> arrows{
        // Figure 4.2: Descheduled above, Scheduled below, I/O down on the left and up on the right.
        {{T::Deschedule}, on(S::Running, Side::Right, 0.3), on(S::Ready, Side::Left, 0.3), {0, -1}, 0.14,
            {0, -1}, 0.28},
        {{T::Dispatch}, on(S::Ready, Side::Left, 0.72), on(S::Running, Side::Right, 0.72), {0, 1}, 0.14,
            {0, 1}, 0.28},
        {{T::Block}, on(S::Running, Side::Bottom, 0.72), on(S::Blocked, Side::Left, 0.45), {-1, 1}, 0.2,
            {-1, 0.25}, 0.24},
        {{T::Wake}, suspended ? on(S::Blocked, Side::Top, 0.88) : on(S::Blocked, Side::Right, 0.45),
            on(S::Ready, Side::Bottom, suspended ? 0.12 : 0.28), {1, 1}, suspended ? 0.1 : 0.2,
            suspended ? QPointF(-1, 0) : QPointF(1, 0.25), suspended ? 0.14 : 0.24},
    };
    if (has(states, S::New))
        arrows.push_back({{T::Admit}, on(S::New, Side::Bottom, 0.5), on(S::Ready, Side::Top, 0.69), {1, 0}, 0,
            {-1, 0}, 0.2});
    else
        arrows.push_back(
            {{T::Admit}, freePoint(0.985, 0.03), on(S::Ready, Side::Top, 0.75), {1, -1}, 0.12, {-1, 0}, 0.2});
    if (has(states, S::Zombie))
        arrows.push_back({{T::Exit}, on(S::Running, Side::Top, 0.4), on(S::Zombie, Side::Bottom, 0.6), {1, 0},
            0, {1, 0}, 0.2});
    else
        arrows.push_back({{T::Exit}, on(S::Running, Side::Top, 0.25), freePoint(0.015, 0.03), {-1, -1}, 0.12,
            {1, 0}, 0.2});
    if (has(states, S::Zombie) && has(states, S::Terminated))
        arrows.push_back({{T::Reap}, on(S::Zombie, Side::Right, 0.72), on(S::Terminated, Side::Left, 0.72),
            {0, 1}, 0, {0, -1}, 0.15});
    if (has(states, S::Zombie))
        arrows.push_back({{T::KillNew, T::KillReady, T::KillRunning, T::KillBlocked, T::KillSuspended},
            freePoint(0.30, 0.31), on(S::Zombie, Side::Right, 0.85), {1, 0}, 0.1, {1, 0.3}, 0.1, true});
    if (suspended) {
        arrows.push_back({{T::SuspendReady}, on(S::Ready, Side::Bottom, 0.62),
            on(S::Suspended, Side::Top, 0.4), {-1, 0}, 0.1, {-1, 0}, 0.14});
        arrows.push_back({{T::ResumeReady}, on(S::Suspended, Side::Top, 0.85),
            on(S::Ready, Side::Bottom, 0.91), {1, 0}, 0.1, {1, 0}, 0.14});
        arrows.push_back({{T::SuspendBlocked}, on(S::Blocked, Side::Right, 0.35),
            on(S::Suspended, Side::Left, 0.35), {0, -1}, 0.08, {0, -1}, 0.2});
        arrows.push_back({{T::ResumeBlocked}, on(S::Suspended, Side::Left, 0.85),
            on(S::Blocked, Side::Right, 0.85), {0, 1}, 0.08, {0, 1}, 0.2});
        if (has(states, S::New))
            arrows.push_back({{T::SuspendNew}, on(S::New, Side::Right, 0.7),
                on(S::Suspended, Side::Right, 0.3), {1, 0}, 0.06, {-1, 0}, 0.1, true});
        arrows.push_back({{T::SuspendRunning}, on(S::Running, Side::Bottom, 0.2),
            on(S::Suspended, Side::Bottom, 0.5), {0, 1}, 0.12, {0, 1}, 0.2, true});
    }
    return arrows;
}

QPointF onSide(const QRectF& r, Side side, qreal at)
{
    switch (side) {
    case Side::Left:
        return {r.left(), r.top() + at * r.height()};
    case Side::Right:
        return {r.right(), r.top() + at * r.height()};
    case Side::Top:
        return {r.left() + at * r.width(), r.top()};
    case Side::Bottom:
        return {r.left() + at * r.width(), r.bottom()};
    case Side::Free:
        break;
    }
    return r.center();
}

QPointF unit(QPointF v)
{
    const qreal len = std::hypot(v.x(), v.y());
    return len > 0 ? v / len : QPointF(0, 0);
}

} // namespace

QPainterPath DiagramArrow::path() const
{
    QPainterPath p(start);
    p.cubicTo(c1, c2, end);
    return p;
}

QPointF DiagramArrow::pointAt(qreal t) const
{
    const qreal u = 1 - t;
    return u * u * u * start + 3 * u * u * t * c1 + 3 * u * t * t * c2 + t * t * t * end;
}

bool DiagramArrow::stands(Transition t) const
{
    return std::find(transitions.begin(), transitions.end(), t) != transitions.end();
}

QRectF TokenGrid::slot(int i) const
{
    const int row = i / columns;
    const int column = i % columns;
    return QRectF(area.left() + column * (cell.width() + gap), area.top() + row * (cell.height() + gap),
        cell.width(), cell.height());
}

StateSet DiagramLayout::coreStates()
{
    StateSet s;
    for (S state : {S::Ready, S::Running, S::Blocked})
        s.set(static_cast<std::size_t>(state));
    return s;
}

StateSet DiagramLayout::allStates()
{
    StateSet s = coreStates();
    for (S state : {S::New, S::Suspended, S::Zombie, S::Terminated})
        s.set(static_cast<std::size_t>(state));
    return s;
}

DiagramLayout::DiagramLayout(
    QSizeF size, StateSet states, const std::bitset<kTransitionCount>& rare, qreal textPx)
    : m_size(size)
    , m_states((states & allStates()) | coreStates())
{
    // The application's text size in a diagram the size of its dock; larger with the diagram's
    // area beyond that (as far as its width and height leave room for the labels), so a diagram
    // on a wall reads from the back of the room. Presentation mode's larger type raises it all.
    textPx = std::max<qreal>(6, textPx);
    const qreal w = size.width(), h = size.height();
    const qreal scale =
        std::max<qreal>(1, std::min({std::sqrt(w * h / (560.0 * 330.0)), w / 440.0, h / 250.0}));
    // An arrow's label ("Descheduled ×12", some 8 ems) fits between Running and Ready.
    m_nodeFont = textPx * 1.3 * scale;
    m_arrowFont =
        std::min({textPx * 1.05 * scale, std::max<qreal>(6, h * 0.07), std::max<qreal>(6, w * 0.035)});
    m_tokenFont = textPx * scale;
    m_smallestToken = std::max<qreal>(8, textPx * 0.8);
    m_line = std::max<qreal>(1.5, 2.0 * scale * textPx / kDefaultTextPx);
    addNodes();
    addArrows(rare);
}

void DiagramLayout::addNodes()
{
    const qreal w = m_size.width(), h = m_size.height();
    const std::vector<NodeSpec> specs = nodeSpecs(m_states);
    // A state's name takes at most 40 % of Running's height; the rest holds its tokens.
    const qreal running = specs.front().rect.height() * h; // Running comes first
    m_nodeFont = std::min(m_nodeFont, std::max<qreal>(6, running * 0.4 / 1.45));
    m_arrowFont = std::min(m_arrowFont, m_nodeFont);
    for (const NodeSpec& spec : specs) {
        DiagramNode n;
        n.state = spec.state;
        n.rect =
            QRectF(spec.rect.left() * w, spec.rect.top() * h, spec.rect.width() * w, spec.rect.height() * h);
        const qreal pad = std::max<qreal>(3, std::min(m_tokenFont * 0.4, n.rect.height() * 0.08));
        // A node too short for its name and a row of tokens at their smallest (the lifecycle's, in
        // a short diagram) gives its name a little less than half its height.
        n.fontPx = m_nodeFont;
        if (n.rect.height() < m_nodeFont * 1.45 + smallestTokenFontPx() * 1.9 + pad)
            n.fontPx = std::min(m_nodeFont, n.rect.height() * 0.45 / 1.45);
        // A narrow node's name ("Terminated (12)") gets smaller type rather than losing letters.
        QFont bold;
        bold.setPixelSize(100);
        bold.setBold(true);
        const qreal advance =
            QFontMetricsF(bold).horizontalAdvance(QStringLiteral("%1 (00)").arg(stateLabel(n.state))) / 100;
        n.fontPx =
            std::max<qreal>(6, std::min(n.fontPx, (n.rect.width() * 0.92) / std::max<qreal>(1, advance)));
        const qreal headerHeight = n.fontPx * 1.45;
        n.header = QRectF(n.rect.left(), n.rect.top(), n.rect.width(), headerHeight);
        n.tokens = QRectF(n.rect.left() + pad, n.rect.top() + headerHeight, n.rect.width() - 2 * pad,
            std::max<qreal>(0, n.rect.height() - headerHeight - pad));
        m_nodes.push_back(n);
    }
}

void DiagramLayout::addArrows(const std::bitset<kTransitionCount>& rare)
{
    const qreal w = m_size.width(), h = m_size.height();
    auto point = [&](const End& e) {
        if (e.side == Side::Free)
            return QPointF(e.free.x() * w, e.free.y() * h);
        return onSide(node(e.state)->rect, e.side, e.at);
    };
    for (const ArrowSpec& spec : arrowSpecs(m_states)) {
        if (spec.rare && std::none_of(spec.transitions.begin(), spec.transitions.end(),
                             [&](T t) { return rare.test(static_cast<std::size_t>(t)); }))
            continue;
        DiagramArrow a;
        a.transitions = spec.transitions;
        a.start = point(spec.from);
        a.end = point(spec.to);
        a.stubStart = spec.from.side == Side::Free;
        a.stubEnd = spec.to.side == Side::Free;
        // A quadratic bow, written as a cubic so every arrow is drawn and followed the same way.
        const qreal length = QLineF(a.start, a.end).length();
        const QPointF control = (a.start + a.end) / 2 + unit(spec.bulge) * spec.amount * length;
        a.c1 = a.start + (control - a.start) * 2.0 / 3.0;
        a.c2 = a.end + (control - a.end) * 2.0 / 3.0;
        a.labelAnchor = a.pointAt(0.5);
        a.labelSide = unit(spec.labelSide);
        a.labelWidth = spec.labelWidth * w;
        m_arrows.push_back(std::move(a));
    }
}

const DiagramNode* DiagramLayout::node(ProcessState state) const
{
    for (const DiagramNode& n : m_nodes)
        if (n.state == state)
            return &n;
    return nullptr;
}

const DiagramArrow* DiagramLayout::arrow(Transition t) const
{
    for (const DiagramArrow& a : m_arrows)
        if (a.stands(t))
            return &a;
    return nullptr;
}

TokenGrid DiagramLayout::tokenGrid(ProcessState state, int count, qreal fontPx) const
{
    TokenGrid g;
    const DiagramNode* n = node(state);
    if (!n || n->tokens.width() <= 0 || n->tokens.height() <= 0)
        return g;
    g.area = n->tokens;
    auto shape = [&](qreal font, qreal narrowest) {
        g.fontPx = font;
        g.gap = std::max<qreal>(2, font * 0.3);
        const qreal height = font * 1.9;
        // No more columns than tokens: one token gets the whole width for its name.
        g.columns = std::clamp(
            static_cast<int>((g.area.width() + g.gap) / (narrowest + g.gap)), 1, std::max(1, count));
        // A disc is as wide as it is tall; a named token takes its share of the row.
        const qreal share = (g.area.width() - (g.columns - 1) * g.gap) / g.columns;
        g.cell = QSizeF(g.named ? std::min(font * 13.0, share) : std::min(height, share), height);
        g.rows = std::max(0, static_cast<int>((g.area.height() + g.gap) / (height + g.gap)));
        if (g.area.width() < narrowest)
            g.rows = 0; // not even one token of this size fits across
    };
    // Shrink the tokens until they all fit with their names, down to a size still legible; then
    // drop the names (a disc with the pid; the tooltip names it); past that, "+N more".
    const qreal smallest = smallestTokenFontPx();
    const qreal start = fontPx > 0 ? fontPx : largestTokenFontPx();
    for (const qreal narrowest : {6.5, 1.9}) {
        g.named = narrowest > 2;
        for (qreal font = start;; font = std::max(smallest, font * 0.85)) {
            shape(font, font * narrowest);
            if (g.capacity() >= count || font <= smallest)
                break;
        }
        if (g.capacity() >= count)
            return g;
    }
    if (g.rows == 0) {
        // Not even one row at the smallest size (a short node): tokens as tall as the node has
        // room for, with their names if they fit across, else discs.
        const qreal font = std::max<qreal>(1, std::min(smallest, g.area.height() / 1.9));
        g.named = true;
        shape(font, font * 6.5);
        if (g.capacity() < count) {
            g.named = false;
            shape(font, font * 1.9);
        }
        g.rows = std::max(1, g.rows);
        g.cell = g.cell.boundedTo(g.area.size());
    }
    return g;
}

} // namespace procscope::ui
