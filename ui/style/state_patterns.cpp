#include "ui/style/state_patterns.h"

#include <QIconEngine>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <utility>

namespace procscope::ui {

namespace {

int floorMod(int a, int n)
{
    const int r = a % n;
    return r < 0 ? r + n : r;
}

int lineWidth(int cell)
{
    return std::max(2, cell / 4);
}

int dotSize(int cell)
{
    return std::max(2, cell * 3 / 8);
}

// Two crossing line sets would cover nearly half the fill at the lines' own spacing: they get a
// wider one, so the state's colour still dominates.
int spacingOf(StatePattern pattern, int cell)
{
    return pattern == StatePattern::Crossed || pattern == StatePattern::Grid ? cell + cell / 2 : cell;
}

QColor mix(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(static_cast<float>(a.redF() * (1 - t) + b.redF() * t),
        static_cast<float>(a.greenF() * (1 - t) + b.greenF() * t),
        static_cast<float>(a.blueF() * (1 - t) + b.blueF() * t));
}

// Vector output: the ink as shapes, clipped to the fill's rectangle.
void paintVectorInk(QPainter& painter, const QRectF& rect, StatePattern pattern, const QColor& ink, int cell,
    const QPointF& origin)
{
    const int s = spacingOf(pattern, cell);
    const double w = lineWidth(cell);
    QPainterPath path;
    const double top = rect.top();
    const double bottom = rect.bottom();
    const auto range = [s](double from, double to) {
        return std::pair{static_cast<int>(std::floor(from / s)) - 1, static_cast<int>(std::ceil(to / s)) + 1};
    };
    const bool slash = pattern == StatePattern::Diagonal || pattern == StatePattern::Crossed;
    const bool backslash = pattern == StatePattern::BackDiagonal || pattern == StatePattern::Crossed;
    if (slash) { // x + y in [a, a + w)
        const double o = origin.x() + origin.y();
        const auto [k0, k1] = range(rect.left() + top - o, rect.right() + bottom - o);
        for (int k = k0; k <= k1; ++k) {
            const double a = o + k * s;
            path.addPolygon(QPolygonF({QPointF(a - top, top), QPointF(a + w - top, top),
                QPointF(a + w - bottom, bottom), QPointF(a - bottom, bottom)}));
        }
    }
    if (backslash) { // x - y in [a, a + w)
        const double o = origin.x() - origin.y();
        const auto [k0, k1] = range(rect.left() - bottom - o, rect.right() - top - o);
        for (int k = k0; k <= k1; ++k) {
            const double a = o + k * s;
            path.addPolygon(QPolygonF({QPointF(a + top, top), QPointF(a + w + top, top),
                QPointF(a + w + bottom, bottom), QPointF(a + bottom, bottom)}));
        }
    }
    if (pattern == StatePattern::Horizontal || pattern == StatePattern::Grid) {
        const auto [k0, k1] = range(top - origin.y(), bottom - origin.y());
        for (int k = k0; k <= k1; ++k)
            path.addRect(QRectF(rect.left(), origin.y() + k * s, rect.width(), w));
    }
    if (pattern == StatePattern::Vertical || pattern == StatePattern::Grid) {
        const auto [k0, k1] = range(rect.left() - origin.x(), rect.right() - origin.x());
        for (int k = k0; k <= k1; ++k)
            path.addRect(QRectF(origin.x() + k * s, top, w, rect.height()));
    }
    if (pattern == StatePattern::Dots) {
        const double d = dotSize(cell);
        const auto [i0, i1] = range(rect.left() - origin.x(), rect.right() - origin.x());
        const auto [j0, j1] = range(top - origin.y(), bottom - origin.y());
        for (int j = j0; j <= j1; ++j)
            for (int i = i0; i <= i1; ++i)
                path.addRect(QRectF(origin.x() + i * s, origin.y() + j * s, d, d));
    }
    painter.save();
    painter.setClipRect(rect, Qt::IntersectClip);
    painter.setPen(Qt::NoPen);
    painter.setBrush(ink);
    path.setFillRule(Qt::WindingFill);
    painter.drawPath(path);
    painter.restore();
}

void paintSwatch(QPainter& painter, const QRectF& rect, ProcessState state, Palette palette)
{
    const QRectF r = rect.adjusted(0.5, 0.5, -0.5, -0.5);
    const int cell = std::max(4, static_cast<int>(std::lround(r.height() * 0.5)));
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    paintStateFill(painter, r, state, palette, cell, r.topLeft());
    painter.setPen(QPen(QColor(0x40, 0x40, 0x40), 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(r);
    painter.restore();
}

// Paints the swatch at whatever size the view asks for, so it stays sharp at every font size.
class SwatchEngine : public QIconEngine {
public:
    SwatchEngine(ProcessState state, Palette palette, std::optional<QColor> solid)
        : m_state(state)
        , m_palette(palette)
        , m_solid(std::move(solid))
    { }

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode, QIcon::State) override
    {
        if (!m_solid) {
            paintSwatch(*painter, rect, m_state, m_palette);
            return;
        }
        painter->save();
        painter->setPen(QPen(QColor(0x40, 0x40, 0x40), 1));
        painter->setBrush(*m_solid);
        painter->drawRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5));
        painter->restore();
    }

    QIconEngine* clone() const override { return new SwatchEngine(m_state, m_palette, m_solid); }
    QString key() const override { return QStringLiteral("procscope-swatch"); }

private:
    ProcessState m_state;
    Palette m_palette;
    std::optional<QColor> m_solid;
};

} // namespace

StatePattern statePattern(ProcessState state)
{
    switch (state) {
    case ProcessState::Running:
        return StatePattern::Solid;
    case ProcessState::Ready:
        return StatePattern::Diagonal;
    case ProcessState::Blocked:
        return StatePattern::Dots;
    case ProcessState::New:
        return StatePattern::Vertical;
    case ProcessState::Suspended:
        return StatePattern::Grid;
    case ProcessState::Zombie:
        return StatePattern::Crossed;
    case ProcessState::Terminated:
        return StatePattern::Solid;
    case ProcessState::Unknown:
        return StatePattern::Horizontal;
    }
    return StatePattern::Solid;
}

bool patternInk(StatePattern pattern, int x, int y, int cell)
{
    cell = std::max(4, cell);
    const int s = spacingOf(pattern, cell);
    const int w = lineWidth(cell);
    switch (pattern) {
    case StatePattern::Solid:
        return false;
    case StatePattern::Diagonal:
        return floorMod(x + y, s) < w;
    case StatePattern::BackDiagonal:
        return floorMod(x - y, s) < w;
    case StatePattern::Crossed:
        return floorMod(x + y, s) < w || floorMod(x - y, s) < w;
    case StatePattern::Grid:
        return floorMod(x, s) < w || floorMod(y, s) < w;
    case StatePattern::Dots:
        return floorMod(x, s) < dotSize(cell) && floorMod(y, s) < dotSize(cell);
    case StatePattern::Horizontal:
        return floorMod(y, s) < w;
    case StatePattern::Vertical:
        return floorMod(x, s) < w;
    }
    return false;
}

int patternCellFor(double lineHeight)
{
    if (!std::isfinite(lineHeight))
        return 8;
    return std::clamp(static_cast<int>(std::lround(lineHeight * 0.5)), 6, 32);
}

QColor stateInkColor(ProcessState state, Palette palette)
{
    // By grey value, not hue lightness: what a grey-scale projector shows.
    const QColor base = stateColor(state, palette);
    return qGray(base.rgb()) > 150 ? mix(base, Qt::black, 0.38) : mix(base, Qt::white, 0.45);
}

QImage stateTile(ProcessState state, Palette palette, int cell)
{
    cell = std::max(4, cell);
    const StatePattern pattern = statePattern(state);
    const int s = spacingOf(pattern, cell);
    QImage tile(s, s, QImage::Format_ARGB32_Premultiplied);
    const QRgb base = stateColor(state, palette).rgba();
    const QRgb ink = stateInkColor(state, palette).rgba();
    for (int y = 0; y < s; ++y) {
        auto* line = reinterpret_cast<QRgb*>(tile.scanLine(y));
        for (int x = 0; x < s; ++x)
            line[x] = patternInk(pattern, x, y, cell) ? ink : base;
    }
    return tile;
}

void paintStateFill(QPainter& painter, const QRectF& rect, ProcessState state, Palette palette, int cell,
    const QPointF& origin)
{
    if (rect.isEmpty())
        return;
    const StatePattern pattern = statePattern(state);
    const QPaintEngine* engine = painter.paintEngine();
    const bool raster = engine && engine->type() == QPaintEngine::Raster;
    if (pattern == StatePattern::Solid || !raster) {
        painter.fillRect(rect, stateColor(state, palette));
        if (pattern != StatePattern::Solid)
            paintVectorInk(painter, rect, pattern, stateInkColor(state, palette), std::max(4, cell), origin);
        return;
    }
    const QPointF before = painter.brushOrigin();
    painter.setBrushOrigin(origin);
    painter.fillRect(rect, QBrush(stateTile(state, palette, cell)));
    painter.setBrushOrigin(before);
}

// One icon per state and palette, made once: item views ask for it on every paint, and the same
// icon lets Qt reuse its rendered pixmaps.
QIcon stateIcon(ProcessState state, Palette palette)
{
    static std::array<QIcon, 2 * kStateCount> icons;
    const auto s = static_cast<std::size_t>(state);
    if (s >= static_cast<std::size_t>(kStateCount))
        return {};
    QIcon& icon = icons[(palette == Palette::HighContrast ? kStateCount : 0) + s];
    if (icon.isNull())
        icon = QIcon(new SwatchEngine(state, palette, std::nullopt));
    return icon;
}

QIcon contextSwitchIcon(Palette palette)
{
    static std::array<QIcon, 2> icons;
    QIcon& icon = icons[palette == Palette::HighContrast ? 1 : 0];
    if (icon.isNull())
        icon = QIcon(new SwatchEngine(ProcessState::Running, palette, cpuSwitchColor(palette)));
    return icon;
}

} // namespace procscope::ui
