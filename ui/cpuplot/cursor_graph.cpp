#include "ui/cpuplot/cursor_graph.h"

#include <algorithm>
#include <cmath>

namespace procscope::ui {

CursorSamples CursorSamples::make(const QVector<QCPGraphData>& samples)
{
    CursorSamples out;
    out.full->set(samples, true);
    // Sampling the coarse copy gives the same per-pixel minimum and maximum as the full data when
    // a block is under a pixel.
    QVector<QCPGraphData> coarse;
    const auto n = static_cast<int>(samples.size());
    coarse.reserve(2 * (n / kBlock + 1));
    out.coarseEnd.reserve(n / kBlock + 1);
    for (int start = 0; start < n; start += kBlock) {
        const int end = std::min(n, start + kBlock);
        int lo = start, hi = start;
        for (int i = start + 1; i < end; ++i) {
            if (samples[i].value < samples[lo].value)
                lo = i;
            if (samples[i].value > samples[hi].value)
                hi = i;
        }
        coarse.append(samples[std::min(lo, hi)]);
        if (lo != hi)
            coarse.append(samples[std::max(lo, hi)]);
        out.coarseEnd.append(static_cast<int>(coarse.size()));
    }
    out.coarse->set(coarse, true);
    return out;
}

void CursorGraph::setSamples(const CursorSamples& samples)
{
    setData(samples.full);
    m_coarse = samples.coarse;
    m_coarseEnd = samples.coarseEnd;
    setShownEnd(m_shownEnd);
}

void CursorGraph::setShownEnd(double key)
{
    m_shownEnd = key;
    m_shown =
        static_cast<int>(qIsNaN(key) ? mDataContainer->size()
                                     : mDataContainer->findBegin(key, false) - mDataContainer->constBegin());
}

// The pixel points of the samples [0, shown): whole blocks from the coarse copy when the visible
// range holds several blocks a pixel, the rest (at most a block) from the full data.
QVector<QPointF> CursorGraph::linesUpTo(int shown)
{
    QVector<QPointF> lines;
    const QCPRange range = keyAxis()->range();
    const double pixels =
        std::max(1.0, std::abs(keyAxis()->coordToPixel(range.upper) - keyAxis()->coordToPixel(range.lower)));
    const auto first = mDataContainer->findBegin(range.lower);
    const auto last = mDataContainer->findEnd(range.upper);
    const double visible = static_cast<double>(last - first);
    const int blocks = shown / kBlock;
    if (!m_coarse || blocks == 0 || visible < pixels * kBlock * 4) {
        getLines(&lines, QCPDataRange(0, shown));
        return lines;
    }
    // Sampling works on mDataContainer: point it at the coarse copy for whole blocks, then back.
    QSharedPointer<QCPGraphDataContainer> full = mDataContainer;
    mDataContainer = m_coarse;
    getLines(&lines, QCPDataRange(0, m_coarseEnd[blocks - 1]));
    mDataContainer = full;
    QVector<QPointF> tail;
    getLines(&tail, QCPDataRange(blocks * kBlock, shown));
    // Each getLines() starts its steps afresh: join the two parts with a step, not a slope.
    if (lineStyle() == lsStepLeft && !lines.isEmpty() && !tail.isEmpty())
        lines.append(QPointF(tail.first().x(), lines.last().y()));
    lines += tail;
    return lines;
}

// The shown samples' pixel points, the last step carried on to the shown end.
QVector<QPointF> CursorGraph::shownLines()
{
    if (!keyAxis() || !valueAxis() || m_shown <= 0 || mDataContainer->isEmpty())
        return {};
    if (keyAxis()->range().size() <= 0 || lineStyle() == lsNone)
        return {};
    QVector<QPointF> lines = linesUpTo(std::min(m_shown, static_cast<int>(mDataContainer->size())));
    if (!lines.isEmpty() && lineStyle() == lsStepLeft && !qIsNaN(m_shownEnd)) {
        // A horizontal key axis: x is the key. An end past the plot area stops just outside it.
        const QRect area = keyAxis()->axisRect()->rect();
        const double x =
            std::clamp(keyAxis()->coordToPixel(m_shownEnd), area.left() - 2.0, area.right() + 2.0);
        if (x > lines.last().x())
            lines.append(QPointF(x, lines.last().y()));
    }
    return lines;
}

QVector<QPointF> CursorGraph::strokedPoints()
{
    const QVector<QPointF> lines = shownLines();
    if (lines.size() < 2 || isBand(lines))
        return {};
    return folded(lines);
}

// QCPGraph::draw() without selection segments and scatters, over the points [0, shown).
void CursorGraph::draw(QCPPainter* painter)
{
    QVector<QPointF> lines = shownLines();
    if (lines.isEmpty())
        return;
    if (brush().style() != Qt::NoBrush) {
        painter->setBrush(brush());
        painter->setPen(Qt::NoPen);
        if (!drawColumnFill(painter, lines))
            drawFill(painter, &lines);
    }
    painter->setPen(pen());
    painter->setBrush(Qt::NoBrush);
    drawLinePlot(painter, lines);
}

void CursorGraph::drawLinePlot(QCPPainter* painter, const QVector<QPointF>& lines) const
{
    if (lines.size() < 2 || painter->pen().style() == Qt::NoPen)
        return;
    if (painter->modes().testFlag(QCPPainter::pmVectorized)) {
        QCPGraph::drawLinePlot(painter, lines); // exports keep one real polyline
        return;
    }
    if (isBand(lines)) {
        drawBand(painter, lines);
        return;
    }
    drawSegments(painter, folded(lines));
}

bool CursorGraph::isBand(const QVector<QPointF>& lines) const
{
    const QRect area = keyAxis()->axisRect()->rect();
    double travel = 0, left = lines.first().x(), right = left;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        travel += std::abs(lines[i].y() - lines[i - 1].y());
        left = std::min(left, lines[i].x());
        right = std::max(right, lines[i].x());
    }
    const double height = std::max(1, valueAxis()->axisRect()->height());
    const double columns = std::min(right, area.right() + 1.0) - std::max(left, area.left() - 1.0) + 1;
    return travel > 6 * height && static_cast<double>(lines.size()) >= columns;
}

QVector<QPointF> CursorGraph::folded(const QVector<QPointF>& lines) const
{
    const QVector<QPointF> midline = calmMidline(lines);
    return simplified(midline.isEmpty() ? lines : midline);
}

// A line that moves by at most a pixel within every pixel column, sampled several times a column
// (the adaptive sampling keeps each column's lowest and highest value): one point a column, at
// the middle of what the column holds. Empty when the line is not that calm.
QVector<QPointF> CursorGraph::calmMidline(const QVector<QPointF>& lines)
{
    QVector<QPointF> out;
    out.reserve(lines.size() / 2 + 1);
    qsizetype i = 0;
    while (i < lines.size()) {
        const double column = std::floor(lines[i].x());
        double lo = lines[i].y(), hi = lo, x = 0;
        qsizetype n = 0;
        for (; i < lines.size() && std::floor(lines[i].x()) == column; ++i, ++n) {
            if (qIsNaN(lines[i].y()))
                return {};
            lo = std::min(lo, lines[i].y());
            hi = std::max(hi, lines[i].y());
            x += lines[i].x();
        }
        if (hi - lo > 1.0)
            return {};
        out.append(QPointF(x / static_cast<double>(n), (lo + hi) / 2));
    }
    return out.size() < lines.size() ? out : QVector<QPointF>{};
}

// Drops the points that stay within half a pixel of a straight run (Reumann-Witkam: a run
// starts at the last point kept and heads for the one after it): a smooth line sampled at every
// pixel keeps a few hundred points, a noisy one keeps its extremes.
QVector<QPointF> CursorGraph::simplified(const QVector<QPointF>& lines)
{
    QVector<QPointF> out;
    out.reserve(lines.size());
    out.append(lines.first());
    qsizetype i = 1;
    while (i < lines.size()) {
        const QPointF a = out.last();
        const QPointF toward = lines[i];
        const QPointF d = toward - a;
        const double length = std::hypot(d.x(), d.y());
        qsizetype j = i + 1;
        while (j < lines.size() && length > 0 && !qIsNaN(lines[j].y())) {
            const QPointF& p = lines[j];
            if (std::abs(d.x() * (a.y() - p.y()) - d.y() * (a.x() - p.x())) / length > 0.5)
                break;
            ++j;
        }
        out.append(lines[j - 1]); // the last point of the run
        i = j;
    }
    return out;
}

// Qt strokes a wide antialiased polyline as one outline path; when the line zigzags, that path
// crosses itself thousands of times and filling it takes tens of milliseconds, and even a calm
// line of a few hundred points costs 2-4 ms at 4 px (measured with bench_ui_cpuplot). Stroking
// the segments one by one costs a fraction of that; with a point every few pixels the joins do
// not show. Dashes
// are cut by hand along the line's length, so a dashed line keeps its dashes at any density.
void CursorGraph::drawSegments(QCPPainter* painter, const QVector<QPointF>& lines) const
{
    QPen pen = painter->pen();
    const bool dashed = pen.style() != Qt::SolidLine;
    const double width = std::max(1.0, pen.widthF());
    QVector<qreal> pattern = dashed ? pen.dashPattern() : QVector<qreal>{};
    for (qreal& p : pattern)
        p *= width;
    pen.setStyle(Qt::SolidLine);
    // Square caps close the notch on the outside of each join; a translucent line keeps flat ones,
    // or every join would show as a darker dot where two caps overlap.
    pen.setCapStyle(!dashed && pen.color().alpha() == 255 ? Qt::SquareCap : Qt::FlatCap);
    QVector<QLineF> segments;
    segments.reserve(lines.size());
    qsizetype dash = 0;
    double left = pattern.isEmpty() ? 0 : pattern[0]; // of the current dash or gap
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QPointF a = lines[i - 1];
        const QPointF b = lines[i];
        if (qIsNaN(a.y()) || qIsNaN(b.y()))
            continue;
        if (!dashed) {
            segments.append(QLineF(a, b));
            continue;
        }
        double length = QLineF(a, b).length();
        while (length > 0) {
            const double step = std::min(length, left);
            const QPointF c = a + (b - a) * (step / QLineF(a, b).length());
            if (dash % 2 == 0)
                segments.append(QLineF(a, c));
            length -= step;
            left -= step;
            a = c;
            if (left <= 0) {
                dash = (dash + 1) % pattern.size();
                left = pattern[dash];
            }
        }
    }
    painter->save();
    painter->setPen(pen);
    painter->drawLines(segments);
    painter->restore();
}

// The area under a line with points in every pixel column: one bar a column from the zero line
// up to the column's highest point. Qt fills the same area given as one polygon that zigzags
// thousands of times far more slowly (hundreds of milliseconds for an exact CPU line). False,
// drawing nothing, for a sparser line: its polygon is cheap and exact.
// Adds the pixels [top, bottom) of column x, widening the last bar when it is its neighbour with
// the same extent: a noisy line reaches its lowest and highest value in most columns, and the
// raster engine fills one wide rectangle far faster than a row of one-pixel ones.
void CursorGraph::appendBar(QVector<QRect>& bars, int x, int top, int bottom)
{
    if (!bars.isEmpty()) {
        QRect& last = bars.last();
        if (last.right() + 1 == x && last.top() == top && last.bottom() + 1 == bottom) {
            last.setRight(x);
            return;
        }
    }
    bars.append(QRect(x, top, 1, bottom - top));
}

bool CursorGraph::drawColumnFill(QCPPainter* painter, const QVector<QPointF>& lines) const
{
    if (lines.size() < 2 || painter->modes().testFlag(QCPPainter::pmVectorized))
        return false;
    const Columns columns = columnsOf(lines);
    if (static_cast<double>(lines.size()) < static_cast<double>(columns.lo.size()))
        return false;
    // Whole-pixel rectangles: the raster engine fills those directly (fractional ones go through
    // its path filler, several times slower; so does one polygon along the tops).
    const int base = static_cast<int>(std::lround(valueAxis()->coordToPixel(0)));
    QVector<QRect> bars;
    bars.reserve(static_cast<qsizetype>(columns.lo.size()));
    for (std::size_t c = 0; c < columns.lo.size(); ++c) {
        const int top = static_cast<int>(std::lround(columns.lo[c])); // lo: the highest point
        if (columns.lo[c] <= columns.hi[c] && top < base)
            appendBar(bars, columns.first + static_cast<int>(c), top, base);
    }
    painter->save();
    painter->setAntialiasing(false);
    painter->drawRects(bars);
    painter->restore();
    return true;
}

// The lowest and highest y each pixel column of the plot area holds, segments between points
// included; columns outside the area (and a pixel either side) are left out.
CursorGraph::Columns CursorGraph::columnsOf(const QVector<QPointF>& lines) const
{
    const QRect area = keyAxis()->axisRect()->rect();
    double left = lines.first().x(), right = left;
    for (const QPointF& p : lines) {
        left = std::min(left, p.x());
        right = std::max(right, p.x());
    }
    Columns out;
    out.first = static_cast<int>(std::floor(std::max(left, area.left() - 1.0)));
    const int last = static_cast<int>(std::floor(std::min(right, area.right() + 1.0)));
    if (last < out.first)
        return out;
    const auto n = static_cast<std::size_t>(last - out.first) + 1;
    out.lo.assign(n, 1e300);
    out.hi.assign(n, -1e300);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QPointF& a = lines[i - 1];
        const QPointF& b = lines[i];
        if (qIsNaN(a.y()) || qIsNaN(b.y()))
            continue;
        const int c0 = std::max(out.first, static_cast<int>(std::floor(std::min(a.x(), b.x()))));
        const int c1 = std::min(last, static_cast<int>(std::floor(std::max(a.x(), b.x()))));
        for (int c = c0; c <= c1; ++c) {
            const auto k = static_cast<std::size_t>(c - out.first);
            out.lo[k] = std::min({out.lo[k], a.y(), b.y()});
            out.hi[k] = std::max({out.hi[k], a.y(), b.y()});
        }
    }
    return out;
}

// A line so dense and noisy that it fills every pixel column from its low to its high: one bar a
// column, the band it looks like anyway.
void CursorGraph::drawBand(QCPPainter* painter, const QVector<QPointF>& lines) const
{
    const Columns columns = columnsOf(lines);
    const double half = std::max(0.5, painter->pen().widthF() / 2);
    QVector<QRect> bars;
    bars.reserve(static_cast<qsizetype>(columns.lo.size()));
    for (std::size_t c = 0; c < columns.lo.size(); ++c)
        if (columns.lo[c] <= columns.hi[c]) {
            const int top = static_cast<int>(std::lround(columns.lo[c] - half));
            const int bottom = static_cast<int>(std::lround(columns.hi[c] + half));
            appendBar(bars, columns.first + static_cast<int>(c), top, std::max(top + 1, bottom));
        }
    const QColor color = painter->pen().color();
    painter->save();
    painter->setAntialiasing(false);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawRects(bars);
    painter->restore();
}

} // namespace procscope::ui
