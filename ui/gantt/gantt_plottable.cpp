#include "ui/gantt/gantt_plottable.h"

#include "ui/style/neutral_colors.h"
#include "ui/style/state_patterns.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace procscope::ui {

namespace {

const QColor kZebra(0xF4, 0xF4, 0xF4);
const QColor kLaneSeparator(0x60, 0x60, 0x60); // between the processes and the CPU lanes
const QColor kLaneDivider(0xD6, 0xD6, 0xD6);   // between two CPU lanes

int floorMod(int a, int n)
{
    const int r = a % n;
    return r < 0 ? r + n : r;
}

} // namespace

GanttPlottable::GanttPlottable(QCPAxis* keyAxis, QCPAxis* valueAxis)
    : QCPAbstractPlottable(keyAxis, valueAxis)
{
    setAntialiased(false);
    setAntialiasedFill(false);
    setSelectable(QCP::stNone);
    setName(QStringLiteral("Gantt"));
    setColorScheme(Palette::Standard);
}

void GanttPlottable::setTrace(const Trace* trace, const GanttRows* rows, const RowViewport* viewport)
{
    m_trace = trace;
    m_rows = rows;
    m_viewport = viewport;
    m_nameWidths.clear();
}

void GanttPlottable::setColorScheme(Palette palette)
{
    m_palette = palette;
    for (int s = 0; s < kStateCount; ++s) {
        const auto state = static_cast<ProcessState>(s);
        m_stateColors[static_cast<std::size_t>(s)] = stateColor(state, palette).rgba();
        m_tiles[static_cast<std::size_t>(s)] =
            statePattern(state) == StatePattern::Solid ? QImage() : stateTile(state, palette, m_cell);
    }
    m_switchColor = cpuSwitchColor(palette).rgba();
}

void GanttPlottable::setLabelFont(const QFont& font)
{
    m_labelFont = font;
    m_metrics = QFontMetrics(font);
    m_nameWidths.clear();
    m_cell = patternCellFor(m_metrics.height());
    setColorScheme(m_palette); // the tiles follow the cell
}

QString GanttPlottable::labelOf(ProcIndex p) const
{
    if (m_labels && static_cast<std::size_t>(p) < m_labels->size())
        return m_labels->label(p);
    return QString::fromStdString(m_trace->info(p).name);
}

int GanttPlottable::nameWidth(ProcIndex p) const
{
    if (m_nameWidths.size() != m_trace->processCount())
        m_nameWidths.assign(m_trace->processCount(), -1);
    int& w = m_nameWidths[static_cast<std::size_t>(p)];
    if (w < 0)
        w = m_metrics.horizontalAdvance(labelOf(p));
    return w;
}

GanttPlottable::Fill GanttPlottable::laneFill(int key) const
{
    if (key == kCpuSwitch)
        return {m_switchColor, nullptr, -1};
    const bool known = key >= 0 && static_cast<std::size_t>(key) < m_trace->processCount();
    return {(known ? processShade(m_trace->info(key).pid) : QColor(Qt::gray)).rgba(), nullptr, -1};
}

Tick GanttPlottable::drawEnd() const
{
    return std::min(m_trace->end(), m_shownEnd);
}

int GanttPlottable::markerWidth() const
{
    return m_metrics.height() * 3 / 5;
}

QRect GanttPlottable::clipRect() const
{
    if (!mKeyAxis)
        return {};
    const int strip = markerWidth() + 6;
    return mKeyAxis->axisRect()->rect().adjusted(-strip, 0, 0, 0);
}

void GanttPlottable::draw(QCPPainter* painter)
{
    m_visited = 0;
    m_primitives = 0;
    m_fontSet = false;
    if (!m_trace || !m_rows || !m_viewport || !mKeyAxis || m_rows->count() == 0)
        return;
    const QRect area = mKeyAxis->axisRect()->rect();
    const QCPRange keys = mKeyAxis->range();
    if (area.width() <= 0 || area.height() <= 0 || keys.size() <= 0)
        return;
    const PixelMap map{keys.lower, area.width() / keys.size(), static_cast<double>(area.width())};
    const RowViewport& viewport = *m_viewport;

    painter->setPen(Qt::NoPen);
    painter->setRenderHint(QPainter::Antialiasing, false);
    int covered = area.top(); // rows thinner than a pixel: the first row to reach a pixel line owns it
    const auto drawRow = [&](int r) {
        const double y0 = area.top() + viewport.visibleTop(r);
        const double y1 = area.top() + viewport.visibleBottom(r);
        if (!(y1 > y0))
            return;
        const int top = std::max(static_cast<int>(std::lround(y0)), covered);
        int bottom = std::min(static_cast<int>(std::lround(y1)), area.bottom() + 1);
        if (bottom <= top) {
            if (top > area.bottom() || std::lround(y0) < covered)
                return;
            bottom = top + 1;
        }
        covered = bottom;
        const RowBox box{r, top, bottom};
        drawRowBackground(painter, area, box);
        const int h = bottom - top;
        const int pad = h >= 10 ? static_cast<int>(std::lround(h * 0.14)) : (h >= 4 ? 1 : 0);
        if (m_rows->isCpu(r))
            drawCpuRow(painter, area, map, top + pad, bottom - pad, m_rows->cpuAt(r), h);
        else
            drawProcessRow(painter, area, map, top + pad, bottom - pad, m_rows->processAt(r));
        drawSelection(painter, area, box);
    };
    for (int r = viewport.firstProcessRow(); r <= viewport.lastProcessRow(); ++r)
        drawRow(r);
    for (int c = 0; c < m_rows->cpuRowCount(); ++c)
        drawRow(m_rows->processRowCount() + c);
}

void GanttPlottable::drawRowBackground(QCPPainter* painter, const QRect& area, const RowBox& box)
{
    const int h = box.bottom - box.top;
    const bool cpu = m_rows->isCpu(box.row);
    if (!cpu && box.row % 2 == 1 && h >= 4) {
        painter->fillRect(QRect(area.left(), box.top, area.width(), h), kZebra);
        ++m_primitives;
    }
    if (!cpu || h < 4)
        return;
    if (box.row == m_rows->processRowCount() && box.row > 0) {
        painter->fillRect(QRect(area.left(), box.top, area.width(), 2), kLaneSeparator);
        ++m_primitives;
    } else if (box.row > m_rows->processRowCount()) {
        painter->fillRect(QRect(area.left(), box.top, area.width(), 1), kLaneDivider);
        ++m_primitives;
    }
}

// The selected process's row gets a frame and a marker beside its label: a shape, not a colour.
void GanttPlottable::drawSelection(QCPPainter* painter, const QRect& area, const RowBox& box)
{
    if (m_selected < 0 || m_rows->processAt(box.row) != m_selected)
        return;
    const int h = box.bottom - box.top;
    const QColor ink = selectionColor();
    if (h >= 6) {
        const int width = h >= 40 ? 3 : 2;
        const QRect frame(area.left(), box.top, area.width(), h);
        painter->fillRect(QRect(frame.left(), frame.top(), frame.width(), width), ink);
        painter->fillRect(QRect(frame.left(), frame.bottom() - width + 1, frame.width(), width), ink);
        painter->fillRect(QRect(frame.left(), frame.top(), width, frame.height()), ink);
        painter->fillRect(QRect(frame.right() - width + 1, frame.top(), width, frame.height()), ink);
        m_primitives += 4;
    }
    const double side = std::min<double>(markerWidth(), std::max(4, h));
    const double middle = (box.top + box.bottom) / 2.0;
    const double right = area.left() - 3;
    painter->setBrush(ink);
    painter->drawPolygon(QPolygonF({QPointF(right - side, middle - side / 2), QPointF(right, middle),
        QPointF(right - side, middle + side / 2)}));
    painter->setBrush(Qt::NoBrush);
    ++m_primitives;
}

// A row of many runs is painted as one strip image: one drawImage instead of a fillRect per pixel
// column. Vector painters (PDF, SVG) get rectangles, and the patterns as vector shapes. Patterns
// are anchored at the chart's top-left corner, so neighbouring runs continue each other's lines.
template <typename FillOf>
void GanttPlottable::paintRuns(QCPPainter* painter, const QRect& area, int top, int bottom, FillOf fillOf)
{
    constexpr std::size_t kStripFrom = 24;
    const std::vector<PixelRun>& runs = m_folder.runs();
    const int type = painter->device() ? painter->device()->devType() : 0;
    const bool raster = (type == QInternal::Image || type == QInternal::Pixmap) &&
                        !painter->modes().testFlag(QCPPainter::pmVectorized);
    const QPointF origin = area.topLeft();
    if (!raster || runs.size() < kStripFrom) {
        for (const PixelRun& run : runs) {
            const QRect rect(area.left() + run.x0, top, run.x1 - run.x0, bottom - top);
            const auto [colour, tile, state] = fillOf(run.key);
            if (!tile) {
                painter->fillRect(rect, QColor::fromRgba(colour));
            } else if (raster) {
                painter->setBrushOrigin(origin);
                painter->fillRect(rect, QBrush(*tile));
            } else {
                paintStateFill(*painter, rect, static_cast<ProcessState>(state), m_palette, m_cell, origin);
            }
        }
        m_primitives += runs.size();
        return;
    }
    // Built at the row's full height: an unscaled image is blitted, a scaled one is resampled.
    const int height = bottom - top;
    const int width = area.width();
    if (m_strip.width() != width || m_strip.height() < height)
        m_strip = QImage(width, std::max(height, 1), QImage::Format_ARGB32_Premultiplied);
    bool patterned = false;
    for (const PixelRun& run : runs)
        patterned = patterned || fillOf(run.key).tile != nullptr;
    // A solid row is the same on every line: one line is built and copied down.
    const int built = patterned ? height : std::min(height, 1);
    for (int y = 0; y < built; ++y) {
        auto* line = reinterpret_cast<QRgb*>(m_strip.scanLine(y));
        std::fill(line, line + width, QRgb(0));
        int lastKey = runs.front().key;
        auto fill = fillOf(lastKey); // opaque colours: premultiplied is the same
        for (const PixelRun& run : runs) {
            if (run.key != lastKey) {
                lastKey = run.key;
                fill = fillOf(run.key);
            }
            const int x0 = std::max(0, run.x0);
            const int x1 = std::min(width, run.x1);
            const auto& [colour, tile, state] = fill;
            if (!tile || x1 <= x0) {
                std::fill(line + x0, line + std::max(x0, x1), colour);
                continue;
            }
            const int period = tile->width();
            const auto* pattern = reinterpret_cast<const QRgb*>(
                tile->constScanLine(floorMod(top - area.top() + y, tile->height())));
            for (int x = x0, phase = floorMod(x0, period); x < x1; ++x) {
                line[x] = pattern[phase];
                phase = phase + 1 == period ? 0 : phase + 1;
            }
        }
    }
    const auto bytes = static_cast<std::size_t>(width) * sizeof(QRgb);
    for (int y = built; y < height; ++y)
        std::memcpy(m_strip.scanLine(y), m_strip.constScanLine(0), bytes);
    painter->drawImage(QPoint(area.left(), top), m_strip, QRect(0, 0, width, height));
    ++m_primitives;
}

void GanttPlottable::drawProcessRow(
    QCPPainter* painter, const QRect& area, const PixelMap& map, int top, int bottom, ProcIndex p)
{
    const ProcessTrack& track = m_trace->track(p);
    m_visited += foldTrack(track, drawEnd(), map, m_folder, [&track](std::size_t i) {
        const ProcessState s = track.state(i);
        return s == ProcessState::Terminated ? RunFolder::kGap : static_cast<int>(s);
    });
    if (m_folder.runs().empty())
        return;
    paintRuns(painter, area, top, bottom, [this](int key) {
        const auto s = static_cast<std::size_t>(key);
        const QImage* tile = m_tiles[s].isNull() ? nullptr : &m_tiles[s];
        return Fill{m_stateColors[s], tile, key};
    });
}

void GanttPlottable::drawCpuRow(
    QCPPainter* painter, const QRect& area, const PixelMap& map, int top, int bottom, int cpu, int rowHeight)
{
    const CpuTrack& track = m_trace->cpu(cpu);
    const auto key = [&track](std::size_t i) {
        const ProcIndex p = track.proc(i);
        return p >= 0 || p == kCpuSwitch ? p : RunFolder::kGap;
    };
    m_visited += foldTrack(track, drawEnd(), map, m_folder, key, 4);
    if (m_folder.runs().empty())
        return;
    paintRuns(painter, area, top, bottom, [this](int key) { return laneFill(key); });
    separateProcesses(painter, area, top, bottom);
    drawNames(painter, area, top, bottom, rowHeight);
}

// Two processes back to back on a CPU (no context switch between them) may share a grey: a white
// line between them where both are wide enough to tell apart.
void GanttPlottable::separateProcesses(QCPPainter* painter, const QRect& area, int top, int bottom)
{
    constexpr int kMinWidth = 4;
    const std::vector<PixelRun>& runs = m_folder.runs();
    for (std::size_t i = 1; i < runs.size(); ++i) {
        const PixelRun& a = runs[i - 1];
        const PixelRun& b = runs[i];
        if (a.x1 != b.x0 || a.key < 0 || b.key < 0 || a.key == b.key || a.x1 - a.x0 < kMinWidth ||
            b.x1 - b.x0 < kMinWidth)
            continue;
        painter->fillRect(QRect(area.left() + b.x0, top, 1, bottom - top), Qt::white);
        ++m_primitives;
    }
}

// Process labels inside the CPU lane's runs that are wide enough, and a frame around the selected
// process's runs.
void GanttPlottable::drawNames(QCPPainter* painter, const QRect& area, int top, int bottom, int rowHeight)
{
    const int h = bottom - top;
    if (h < 6)
        return;
    const QFontMetrics& metrics = m_metrics;
    // The label may reach into the row's margins above and below the bar: a thin lane (many CPUs
    // on a small chart) still says who runs.
    const bool textFits = metrics.height() <= rowHeight - 2;
    for (const PixelRun& run : m_folder.runs()) {
        if (run.key < 0)
            continue;
        const QRect box(area.left() + run.x0, top, run.x1 - run.x0, h);
        if (run.key == m_selected && box.width() >= 3) {
            painter->setBrush(Qt::NoBrush);
            painter->setPen(QPen(selectionColor(), 2));
            painter->drawRect(QRectF(box).adjusted(1, 1, -1, -1));
            if (box.width() >= 8 && h >= 8) {
                painter->setPen(QPen(Qt::white, 1));
                painter->drawRect(QRectF(box).adjusted(2.5, 2.5, -2.5, -2.5));
            }
            m_primitives += 2;
        }
        if (!textFits || box.width() < 3 * metrics.averageCharWidth())
            continue;
        const QString name = labelOf(run.key);
        const int pad = metrics.averageCharWidth() / 2 + 1;
        const QRect textBox = box.intersected(area).adjusted(pad, 0, -pad, 0);
        if (textBox.width() <= 0)
            continue;
        const QString text = nameWidth(run.key) <= textBox.width()
                                 ? name
                                 : metrics.elidedText(name, Qt::ElideRight, textBox.width());
        if (text != name && text.size() < 3) // two letters and the ellipsis, or it says nothing
            continue;
        if (!m_fontSet) {
            painter->setFont(m_labelFont);
            m_fontSet = true;
        }
        painter->setPen(textColorOn(QColor::fromRgba(laneFill(run.key).colour)));
        painter->drawText(textBox, Qt::AlignCenter, text);
        ++m_primitives;
    }
    painter->setPen(Qt::NoPen);
}

std::optional<GanttHit> GanttPlottable::hitAt(const QPointF& pixel) const
{
    if (!m_trace || !m_rows || !m_viewport || !mKeyAxis)
        return std::nullopt;
    const QRect area = mKeyAxis->axisRect()->rect();
    if (!area.contains(pixel.toPoint()))
        return std::nullopt;
    const int row = m_viewport->rowAt(pixel.y() - area.top());
    const double time = mKeyAxis->pixelToCoord(pixel.x());
    const Tick end = drawEnd();
    if (!m_rows->contains(row) || !(time >= 0) || time >= static_cast<double>(end))
        return std::nullopt;
    const auto t = static_cast<Tick>(std::floor(time));
    GanttHit hit;
    hit.row = row;
    if (m_rows->isCpu(row)) {
        const CpuTrack& track = m_trace->cpu(m_rows->cpuAt(row));
        const std::size_t i = track.indexAt(t);
        if (i == CpuTrack::npos)
            return std::nullopt;
        hit.cpu = m_rows->cpuAt(row);
        hit.process = track.proc(i);
        hit.record = i;
        hit.from = track.at(i);
        hit.to = std::min(i + 1 < track.size() ? track.at(i + 1) : m_trace->end(), end);
        return hit;
    }
    hit.process = m_rows->processAt(row);
    const ProcessTrack& track = m_trace->track(hit.process);
    const std::size_t i = track.indexAt(t);
    if (i == ProcessTrack::npos || track.state(i) == ProcessState::Terminated)
        return std::nullopt;
    hit.record = i;
    hit.from = track.at(i);
    hit.to = std::min(i + 1 < track.size() ? track.at(i + 1) : m_trace->end(), end);
    return hit;
}

double GanttPlottable::selectTest(const QPointF& pos, bool onlySelectable, QVariant* details) const
{
    if (onlySelectable && !mSelectable)
        return -1;
    const auto hit = hitAt(pos);
    if (!hit)
        return -1;
    if (details)
        details->setValue(*hit);
    return 0;
}

QCPRange GanttPlottable::getKeyRange(bool& foundRange, QCP::SignDomain) const
{
    foundRange = m_trace && m_trace->end() > 0;
    return foundRange ? QCPRange(0, static_cast<double>(m_trace->end())) : QCPRange();
}

QCPRange GanttPlottable::getValueRange(bool& foundRange, QCP::SignDomain, const QCPRange&) const
{
    foundRange = m_viewport && m_viewport->height() > 0;
    return foundRange ? QCPRange(0, m_viewport->height()) : QCPRange();
}

void GanttPlottable::drawLegendIcon(QCPPainter* painter, const QRectF& rect) const
{
    painter->fillRect(rect, QColor::fromRgba(m_stateColors[static_cast<std::size_t>(ProcessState::Running)]));
}

} // namespace procscope::ui
