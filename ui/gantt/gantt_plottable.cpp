#include "ui/gantt/gantt_plottable.h"

#include "ui/diagram/diagram_painter.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace procscope::ui {

namespace {

const QColor kZebra(0xF3, 0xF4, 0xF6);
const QColor kCpuLaneBackground(0xE9, 0xED, 0xF2);
const QColor kSelectedRow(0xD4, 0xCC, 0xF4);
const QColor kSelectedEdge(0x6A, 0x5A, 0xCD);
const QColor kSelectedOutline(0x1A, 0x1A, 0x1A);
const QColor kCpuSeparator(0x70, 0x78, 0x80);

QColor textColorOn(const QColor& background)
{
    return background.lightnessF() > 0.55 ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace

QColor laneColor(const Trace& trace, ProcIndex p)
{
    if (p < 0 || static_cast<std::size_t>(p) >= trace.processCount())
        return QColor(Qt::transparent);
    return processColor(trace.info(p).pid);
}

GanttPlottable::GanttPlottable(QCPAxis* keyAxis, QCPAxis* valueAxis)
    : QCPAbstractPlottable(keyAxis, valueAxis)
{
    setAntialiased(false);
    setAntialiasedFill(false);
    setSelectable(QCP::stNone);
    setName(QStringLiteral("Gantt"));
    setColorScheme(Palette::Standard);
}

void GanttPlottable::setTrace(const Trace* trace, const GanttRows* rows)
{
    m_trace = trace;
    m_rows = rows;
    m_nameWidths.clear();
    m_laneColors.clear();
    if (m_trace)
        for (std::size_t p = 0; p < m_trace->processCount(); ++p)
            m_laneColors.push_back(laneColor(*m_trace, static_cast<ProcIndex>(p)).rgba());
}

void GanttPlottable::setColorScheme(Palette palette)
{
    m_palette = palette;
    for (int s = 0; s < kStateCount; ++s)
        m_stateColors[static_cast<std::size_t>(s)] = stateColor(static_cast<ProcessState>(s), palette);
    m_switchColor = cpuSwitchColor(palette);
}

void GanttPlottable::setLabelFont(const QFont& font)
{
    m_labelFont = font;
    m_metrics = QFontMetrics(font);
    m_nameWidths.clear();
}

int GanttPlottable::nameWidth(ProcIndex p) const
{
    if (m_nameWidths.size() != m_trace->processCount())
        m_nameWidths.assign(m_trace->processCount(), -1);
    int& w = m_nameWidths[static_cast<std::size_t>(p)];
    if (w < 0)
        w = m_metrics.horizontalAdvance(QString::fromStdString(m_trace->info(p).name));
    return w;
}

QColor GanttPlottable::laneRgb(ProcIndex p) const
{
    const auto i = static_cast<std::size_t>(p);
    return p >= 0 && i < m_laneColors.size() ? QColor::fromRgb(m_laneColors[i]) : QColor(Qt::gray);
}

int GanttPlottable::chipWidth() const
{
    return m_metrics.height() * 3 / 4;
}

QRect GanttPlottable::clipRect() const
{
    if (!mKeyAxis)
        return {};
    const int strip = chipWidth() + 6;
    return mKeyAxis->axisRect()->rect().adjusted(-strip, 0, 0, 0);
}

void GanttPlottable::draw(QCPPainter* painter)
{
    m_visited = 0;
    m_primitives = 0;
    m_fontSet = false;
    if (!m_trace || !m_rows || !mKeyAxis || !mValueAxis || m_rows->count() == 0)
        return;
    const QRect area = mKeyAxis->axisRect()->rect();
    const QCPRange keys = mKeyAxis->range();
    const QCPRange values = mValueAxis->range();
    if (area.width() <= 0 || area.height() <= 0 || keys.size() <= 0 || values.size() <= 0)
        return;
    const PixelMap map{keys.lower, area.width() / keys.size(), static_cast<double>(area.width())};

    painter->setPen(Qt::NoPen);
    painter->setRenderHint(QPainter::Antialiasing, false);
    const int firstRow = std::max(0, static_cast<int>(std::floor(values.lower)));
    const int lastRow = std::min(m_rows->count() - 1, static_cast<int>(std::ceil(values.upper)));
    int covered = area.top(); // rows thinner than a pixel: the first row to reach a pixel line owns it
    for (int r = firstRow; r <= lastRow; ++r) {
        const double y0 = mValueAxis->coordToPixel(r);
        const double y1 = mValueAxis->coordToPixel(r + 1.0);
        int top = std::max(static_cast<int>(std::lround(std::min(y0, y1))), covered);
        int bottom = std::min(static_cast<int>(std::lround(std::max(y0, y1))), area.bottom() + 1);
        if (bottom <= top) {
            if (top > area.bottom() || std::lround(std::min(y0, y1)) < covered)
                continue;
            bottom = top + 1;
        }
        covered = bottom;
        const RowBox box{r, top, bottom};
        drawRowBackground(painter, area, box);
        drawChip(painter, area, box);
        const int h = bottom - top;
        const int pad = h >= 10 ? static_cast<int>(std::lround(h * 0.14)) : (h >= 4 ? 1 : 0);
        if (m_rows->isCpu(r))
            drawCpuRow(painter, area, map, top + pad, bottom - pad, m_rows->cpuAt(r));
        else
            drawProcessRow(painter, area, map, top + pad, bottom - pad, m_rows->processAt(r));
    }
}

void GanttPlottable::drawRowBackground(QCPPainter* painter, const QRect& area, const RowBox& box)
{
    const int h = box.bottom - box.top;
    const bool cpu = m_rows->isCpu(box.row);
    QColor colour;
    if (!cpu && m_rows->processAt(box.row) == m_selected && m_selected >= 0)
        colour = kSelectedRow;
    else if (cpu)
        colour = kCpuLaneBackground;
    else if (box.row % 2 == 1 && h >= 4)
        colour = kZebra;
    if (colour.isValid()) {
        painter->fillRect(QRect(area.left(), box.top, area.width(), h), colour);
        ++m_primitives;
    }
    if (colour == kSelectedRow && h >= 8) { // edges, so the selection reads on a washed-out projector
        painter->fillRect(QRect(area.left(), box.top, area.width(), 2), kSelectedEdge);
        painter->fillRect(QRect(area.left(), box.bottom - 2, area.width(), 2), kSelectedEdge);
        m_primitives += 2;
    }
    if (cpu && box.row == m_rows->processRowCount() && box.row > 0 && h >= 4) {
        painter->fillRect(QRect(area.left(), box.top, area.width(), 2), kCpuSeparator);
        ++m_primitives;
    }
}

// A square in the process's CPU-lane colour beside its label: which colour on the lanes is whom.
void GanttPlottable::drawChip(QCPPainter* painter, const QRect& area, const RowBox& box)
{
    const ProcIndex p = m_rows->processAt(box.row);
    const int h = box.bottom - box.top;
    if (p < 0 || h < 8)
        return;
    const int side = std::min(chipWidth(), h * 3 / 5);
    const QRect chip(area.left() - 5 - side, box.top + (h - side) / 2, side, side);
    painter->fillRect(chip, laneRgb(p));
    ++m_primitives;
}

// A row of many runs is painted as one strip image: one drawImage
// instead of a fillRect per pixel column. Vector painters (PDF, SVG) get rectangles.
template <typename ColourOf>
void GanttPlottable::paintRuns(QCPPainter* painter, const QRect& area, int top, int bottom, ColourOf colourOf)
{
    constexpr std::size_t kStripFrom = 24;
    const std::vector<PixelRun>& runs = m_folder.runs();
    const int type = painter->device() ? painter->device()->devType() : 0;
    const bool raster = (type == QInternal::Image || type == QInternal::Pixmap) &&
                        !painter->modes().testFlag(QCPPainter::pmVectorized);
    if (!raster || runs.size() < kStripFrom) {
        for (const PixelRun& run : runs)
            painter->fillRect(
                QRect(area.left() + run.x0, top, run.x1 - run.x0, bottom - top), colourOf(run.key));
        m_primitives += runs.size();
        return;
    }
    // Built at the row's full height: an unscaled image is blitted, a scaled one is resampled.
    const int height = bottom - top;
    if (m_strip.width() != area.width() || m_strip.height() < height)
        m_strip = QImage(area.width(), std::max(height, 1), QImage::Format_ARGB32_Premultiplied);
    auto* line = reinterpret_cast<QRgb*>(m_strip.scanLine(0));
    std::fill(line, line + area.width(), QRgb(0));
    int lastKey = runs.front().key;
    QRgb colour = colourOf(lastKey).rgba(); // opaque colours: premultiplied is the same
    for (const PixelRun& run : runs) {
        if (run.key != lastKey) {
            lastKey = run.key;
            colour = colourOf(run.key).rgba();
        }
        std::fill(line + std::max(0, run.x0), line + std::min(area.width(), run.x1), colour);
    }
    const auto bytes = static_cast<std::size_t>(area.width()) * sizeof(QRgb);
    for (int y = 1; y < height; ++y)
        std::memcpy(m_strip.scanLine(y), line, bytes);
    painter->drawImage(QPoint(area.left(), top), m_strip, QRect(0, 0, area.width(), height));
    ++m_primitives;
}

void GanttPlottable::drawProcessRow(
    QCPPainter* painter, const QRect& area, const PixelMap& map, int top, int bottom, ProcIndex p)
{
    const ProcessTrack& track = m_trace->track(p);
    m_visited += foldTrack(track, m_trace->end(), map, m_folder, [&track](std::size_t i) {
        const ProcessState s = track.state(i);
        return s == ProcessState::Terminated ? RunFolder::kGap : static_cast<int>(s);
    });
    paintRuns(
        painter, area, top, bottom, [this](int key) { return m_stateColors[static_cast<std::size_t>(key)]; });
}

void GanttPlottable::drawCpuRow(
    QCPPainter* painter, const QRect& area, const PixelMap& map, int top, int bottom, int cpu)
{
    const CpuTrack& track = m_trace->cpu(cpu);
    const auto key = [&track](std::size_t i) {
        const ProcIndex p = track.proc(i);
        return p >= 0 || p == kCpuSwitch ? p : RunFolder::kGap;
    };
    m_visited += foldTrack(track, m_trace->end(), map, m_folder, key, 4);
    paintRuns(painter, area, top, bottom,
        [this](int key) { return key == kCpuSwitch ? m_switchColor : laneRgb(key); });
    drawNames(painter, area, top, bottom);
}

// Process names inside the CPU lane's runs that are wide enough, and an outline around the
// selected process's runs.
void GanttPlottable::drawNames(QCPPainter* painter, const QRect& area, int top, int bottom)
{
    const int h = bottom - top;
    if (h < 6)
        return;
    const QFontMetrics& metrics = m_metrics;
    const bool textFits = metrics.height() <= h + 2;
    for (const PixelRun& run : m_folder.runs()) {
        if (run.key < 0)
            continue;
        const QRect box(area.left() + run.x0, top, run.x1 - run.x0, h);
        if (run.key == m_selected && box.width() >= 3) {
            painter->setPen(QPen(kSelectedOutline, 2));
            painter->setBrush(Qt::NoBrush);
            painter->drawRect(box.adjusted(1, 1, -1, -1));
            ++m_primitives;
        }
        if (!textFits || box.width() < 3 * metrics.averageCharWidth())
            continue;
        const QString name = QString::fromStdString(m_trace->info(run.key).name);
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
        painter->setPen(textColorOn(laneRgb(run.key)));
        painter->drawText(textBox, Qt::AlignCenter, text);
        ++m_primitives;
    }
    painter->setPen(Qt::NoPen);
}

std::optional<GanttHit> GanttPlottable::hitAt(const QPointF& pixel) const
{
    if (!m_trace || !m_rows || !mKeyAxis || !mValueAxis)
        return std::nullopt;
    if (!mKeyAxis->axisRect()->rect().contains(pixel.toPoint()))
        return std::nullopt;
    const int row = static_cast<int>(std::floor(mValueAxis->pixelToCoord(pixel.y())));
    const double time = mKeyAxis->pixelToCoord(pixel.x());
    if (!m_rows->contains(row) || !(time >= 0) || time >= static_cast<double>(m_trace->end()))
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
        hit.to = i + 1 < track.size() ? track.at(i + 1) : m_trace->end();
        return hit;
    }
    hit.process = m_rows->processAt(row);
    const ProcessTrack& track = m_trace->track(hit.process);
    const std::size_t i = track.indexAt(t);
    if (i == ProcessTrack::npos || track.state(i) == ProcessState::Terminated)
        return std::nullopt;
    hit.record = i;
    hit.from = track.at(i);
    hit.to = i + 1 < track.size() ? track.at(i + 1) : m_trace->end();
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
    foundRange = m_rows && m_rows->count() > 0;
    return foundRange ? QCPRange(0, m_rows->count()) : QCPRange();
}

void GanttPlottable::drawLegendIcon(QCPPainter* painter, const QRectF& rect) const
{
    painter->fillRect(rect, m_stateColors[static_cast<std::size_t>(ProcessState::Running)]);
}

} // namespace procscope::ui
