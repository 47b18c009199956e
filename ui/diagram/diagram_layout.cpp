#include "ui/diagram/diagram_layout.h"

#include <QLineF>

#include <algorithm>
#include <cmath>

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

// Figure 4.2 of OSTEP: Ready and Running side by side, Blocked below them.
const std::vector<NodeSpec>& threeStateNodes()
{
    static const std::vector<NodeSpec> nodes{
        {S::Ready, QRectF(QPointF(0.06, 0.14), QPointF(0.38, 0.54))},
        {S::Running, QRectF(QPointF(0.62, 0.14), QPointF(0.94, 0.54))},
        {S::Blocked, QRectF(QPointF(0.34, 0.68), QPointF(0.66, 0.98))},
    };
    return nodes;
}

const std::vector<ArrowSpec>& threeStateArrows()
{
    static const std::vector<ArrowSpec> arrows{
        {{T::Admit}, {S::Unknown, Side::Free, 0, {0.01, 0.035}}, {S::Ready, Side::Top, 0.25, {}}, {1, -1},
            0.12, {1, -0.2}, 0.2},
        {{T::Exit}, {S::Running, Side::Top, 0.75, {}}, {S::Unknown, Side::Free, 0, {0.99, 0.035}}, {-1, -1},
            0.12, {-1, -0.2}, 0.2},
        {{T::Dispatch}, {S::Ready, Side::Right, 0.3, {}}, {S::Running, Side::Left, 0.3, {}}, {0, -1}, 0.16,
            {0, -1}, 0.22},
        {{T::Deschedule}, {S::Running, Side::Left, 0.72, {}}, {S::Ready, Side::Right, 0.72, {}}, {0, 1}, 0.16,
            {0, 1}, 0.22},
        {{T::Block}, {S::Running, Side::Bottom, 0.45, {}}, {S::Blocked, Side::Right, 0.4, {}}, {1, 1}, 0.2,
            {1, 0.3}, 0.22},
        {{T::Wake}, {S::Blocked, Side::Left, 0.4, {}}, {S::Ready, Side::Bottom, 0.55, {}}, {-1, 1}, 0.2,
            {-1, 0.3}, 0.22},
    };
    return arrows;
}

// The lifecycle around it: New before Ready, Zombie and Terminated after Running, Suspended
// beside Ready and Blocked.
const std::vector<NodeSpec>& fullNodes()
{
    static const std::vector<NodeSpec> nodes{
        {S::New, QRectF(QPointF(0.015, 0.15), QPointF(0.155, 0.46))},
        {S::Ready, QRectF(QPointF(0.225, 0.15), QPointF(0.435, 0.50))},
        {S::Running, QRectF(QPointF(0.565, 0.15), QPointF(0.775, 0.50))},
        {S::Zombie, QRectF(QPointF(0.845, 0.15), QPointF(0.985, 0.46))},
        {S::Suspended, QRectF(QPointF(0.03, 0.68), QPointF(0.21, 0.98))},
        {S::Blocked, QRectF(QPointF(0.40, 0.68), QPointF(0.60, 0.98))},
        {S::Terminated, QRectF(QPointF(0.805, 0.68), QPointF(0.985, 0.98))},
    };
    return nodes;
}

const std::vector<ArrowSpec>& fullArrows()
{
    static const std::vector<ArrowSpec> arrows{
        {{T::Admit}, {S::New, Side::Right, 0.5, {}}, {S::Ready, Side::Left, 0.443, {}}, {0, -1}, 0, {0, -1},
            0.08},
        {{T::Dispatch}, {S::Ready, Side::Top, 0.8, {}}, {S::Running, Side::Top, 0.2, {}}, {0, -1}, 0.3,
            {0, -1}, 0.2},
        {{T::Deschedule}, {S::Running, Side::Left, 0.55, {}}, {S::Ready, Side::Right, 0.55, {}}, {0, 1}, 0.0,
            {0, -1}, 0.12},
        {{T::Exit}, {S::Running, Side::Right, 0.4, {}}, {S::Zombie, Side::Left, 0.452, {}}, {0, -1}, 0,
            {0, -1}, 0.075},
        {{T::Reap}, {S::Zombie, Side::Bottom, 0.5, {}}, {S::Terminated, Side::Top, 0.611, {}}, {1, 0}, 0,
            {-1, 0}, 0.1},
        {{T::Block}, {S::Running, Side::Bottom, 0.35, {}}, {S::Blocked, Side::Right, 0.3, {}}, {1, 0}, 0.22,
            {1, 0}, 0.14},
        {{T::Wake}, {S::Blocked, Side::Left, 0.3, {}}, {S::Ready, Side::Bottom, 0.65, {}}, {-1, 0}, 0.22,
            {1, 0}, 0.1},
        {{T::SuspendReady}, {S::Ready, Side::Bottom, 0.2, {}}, {S::Suspended, Side::Top, 0.85, {}}, {1, 0.5},
            0.12, {1, 0}, 0.1},
        {{T::ResumeReady}, {S::Suspended, Side::Top, 0.55, {}}, {S::Ready, Side::Left, 0.9, {}}, {-1, -0.5},
            0.12, {-1, 0}, 0.1},
        {{T::SuspendBlocked}, {S::Blocked, Side::Left, 0.62, {}}, {S::Suspended, Side::Right, 0.62, {}},
            {0, -1}, 0.1, {0, -1}, 0.17},
        {{T::ResumeBlocked}, {S::Suspended, Side::Right, 0.85, {}}, {S::Blocked, Side::Left, 0.85, {}},
            {0, 1}, 0.1, {0, 1}, 0.17},
        {{T::KillNew, T::KillReady, T::KillRunning, T::KillBlocked, T::KillSuspended},
            {S::Unknown, Side::Free, 0, {0.80, 0.035}}, {S::Zombie, Side::Top, 0.5, {}}, {1, -1}, 0.12,
            {-1, 0}, 0.1},
        {{T::SuspendNew}, {S::New, Side::Bottom, 0.5, {}}, {S::Suspended, Side::Top, 0.25, {}}, {-1, 0}, 0.0,
            {-1, 0}, 0.1, true},
        {{T::SuspendRunning}, {S::Running, Side::Bottom, 0.1, {}}, {S::Suspended, Side::Top, 0.97, {}},
            {1, 1}, 0.1, {1, 0}, 0.1, true},
    };
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

std::vector<ProcessState> DiagramLayout::states(bool fullLifecycle)
{
    std::vector<ProcessState> out;
    for (const NodeSpec& n : fullLifecycle ? fullNodes() : threeStateNodes())
        out.push_back(n.state);
    return out;
}

DiagramLayout::DiagramLayout(QSizeF size, bool fullLifecycle, const std::bitset<kTransitionCount>& rare)
    : m_size(size)
    , m_full(fullLifecycle)
{
    // 1 at 1600 x 900, the usual projector; text never shrinks below what a laptop can show.
    const qreal scale = std::min(size.width() / 1600.0, size.height() / 900.0);
    m_nodeFont = std::max<qreal>(11, (fullLifecycle ? 30 : 36) * scale);
    m_arrowFont = std::max<qreal>(9, (fullLifecycle ? 19 : 24) * scale);
    m_tokenFont = std::max<qreal>(8, (fullLifecycle ? 15 : 19) * scale);
    m_line = std::max<qreal>(1.5, 3 * scale);

    const qreal w = size.width(), h = size.height();
    for (const NodeSpec& spec : fullLifecycle ? fullNodes() : threeStateNodes()) {
        DiagramNode n;
        n.state = spec.state;
        n.rect =
            QRectF(spec.rect.left() * w, spec.rect.top() * h, spec.rect.width() * w, spec.rect.height() * h);
        const qreal headerHeight = m_nodeFont * 1.6;
        n.header = QRectF(n.rect.left(), n.rect.top(), n.rect.width(), headerHeight);
        const qreal pad = std::max<qreal>(4, m_tokenFont * 0.5);
        n.tokens = QRectF(n.rect.left() + pad, n.rect.top() + headerHeight, n.rect.width() - 2 * pad,
            n.rect.height() - headerHeight - pad);
        m_nodes.push_back(n);
    }
    addArrows(rare);
}

void DiagramLayout::addArrows(const std::bitset<kTransitionCount>& rare)
{
    const qreal w = m_size.width(), h = m_size.height();
    auto point = [&](const End& e) {
        if (e.side == Side::Free)
            return QPointF(e.free.x() * w, e.free.y() * h);
        return onSide(node(e.state)->rect, e.side, e.at);
    };
    for (const ArrowSpec& spec : m_full ? fullArrows() : threeStateArrows()) {
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

qreal DiagramLayout::smallestTokenFontPx() const
{
    return std::max<qreal>(8, m_tokenFont * 0.7);
}

TokenGrid DiagramLayout::tokenGrid(ProcessState state, int count, qreal fontPx) const
{
    TokenGrid g;
    const DiagramNode* n = node(state);
    if (!n || n->tokens.width() <= 0 || n->tokens.height() <= 0)
        return g;
    g.area = n->tokens;
    // Shrink the tokens until they all fit, down to a size still legible; past that, "+N more".
    const qreal smallest = smallestTokenFontPx();
    for (qreal font = fontPx > 0 ? fontPx : largestTokenFontPx();; font = std::max(smallest, font * 0.85)) {
        g.fontPx = font;
        g.gap = std::max<qreal>(2, font * 0.35);
        const qreal height = font * 2.0;
        const qreal preferredWidth = font * 9.0;
        g.columns = std::max(1, static_cast<int>((g.area.width() + g.gap) / (preferredWidth + g.gap)));
        const qreal width = std::min(font * 13.0, (g.area.width() - (g.columns - 1) * g.gap) / g.columns);
        g.cell = QSizeF(width, height);
        g.rows = std::max(0, static_cast<int>((g.area.height() + g.gap) / (height + g.gap)));
        if (g.capacity() >= count || font <= smallest)
            break;
    }
    return g;
}

} // namespace procscope::ui
