#include "ui/gantt/gantt_view.h"

#include "ui/document/document.h"
#include "ui/gantt/gantt_input.h"
#include "ui/gantt/gantt_legend.h"
#include "ui/gantt/gantt_plottable.h"
#include "ui/gantt/gantt_text.h"
#include "ui/gantt/gantt_tickers.h"
#include "ui/playback/playback_controller.h"
#include "ui/playback/view_state.h"

#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>
#include <functional>
#include <utility>
#include <vector>

namespace procscope::ui {

namespace {

const QColor kCursor(0xC6, 0x28, 0x28);
const QColor kAxisText(0x20, 0x20, 0x20);
const QColor kGrid(0xC8, 0xCC, 0xD2);

QPen pen(const QColor& colour, double width = 1.0, Qt::PenStyle style = Qt::SolidLine)
{
    QPen p(colour, width, style);
    p.setCosmetic(true);
    return p;
}

// Simulations start at tick 0; a recorded trace starts at its first event (timestamps since boot).
Tick traceStart(const Trace& trace)
{
    if (timeUnitOf(trace) == TimeUnit::Tick)
        return 0;
    Tick start = trace.end();
    for (std::size_t p = 0; p < trace.processCount(); ++p)
        if (const ProcessTrack& track = trace.track(static_cast<ProcIndex>(p)); !track.empty())
            start = std::min(start, track.at(0));
    for (int c = 0; c < trace.cpuCount(); ++c)
        if (trace.cpu(c).size() > 0)
            start = std::min(start, trace.cpu(c).at(0));
    return start;
}

} // namespace

GanttView::GanttView(PlaybackController* playback, ViewState* viewState, QWidget* parent)
    : QWidget(parent)
    , m_playback(playback)
    , m_viewState(viewState)
    , m_plot(new QCustomPlot(this))
    , m_scrollBar(new QScrollBar(Qt::Vertical, this))
    , m_timeTicker(new TimeTicker)
    , m_rowTicker(new RowTicker)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_scrollBar);
    m_scrollBar->hide();
    setFocusProxy(m_plot);
    m_plot->setFocusPolicy(Qt::StrongFocus);
    m_plot->setAutoAddPlottableToLegend(false);
    m_plot->setInteractions({});
    m_plot->setBackground(Qt::white);
    m_plot->setMinimumSize(200, 120);

    // The legend gets a row of its own above the chart.
    // The legend gets a row of its own above the chart, packed to the left by a spacer.
    QCPLegend* legend = m_plot->legend;
    auto* legendRow = new QCPLayoutGrid;
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, legendRow);
    m_plot->plotLayout()->setRowStretchFactor(0, 0.001);
    m_plot->plotLayout()->setRowSpacing(0);
    legendRow->addElement(0, 0, legend);
    legendRow->addElement(0, 1, new QCPLayoutElement(m_plot));
    legendRow->setColumnStretchFactor(0, 0.001);
    legendRow->setColumnStretchFactor(1, 1);
    legendRow->setMargins(QMargins(0, 0, 0, 0));
    legend->setVisible(true);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(Qt::NoBrush);
    legend->setColumnSpacing(18);
    legend->setMargins(QMargins(8, 6, 8, 0));
    legend->setLayer(QStringLiteral("legend"));

    QCPAxisRect* rect = m_plot->axisRect();
    rect->setAutoMargins(QCP::msBottom);
    QCPAxis* x = m_plot->xAxis;
    QCPAxis* y = m_plot->yAxis;
    x->setTicker(m_timeTicker);
    x->setBasePen(pen(kAxisText));
    x->setTickPen(pen(kAxisText));
    x->setSubTickPen(pen(kAxisText));
    x->setTickLabelColor(kAxisText);
    x->setLabelColor(kAxisText);
    x->grid()->setPen(pen(kGrid, 1, Qt::DotLine));
    x->grid()->setZeroLinePen(Qt::NoPen);
    x->grid()->setLayer(QStringLiteral("axes")); // over the bars: the lines are where ticks are counted
    y->setTicker(m_rowTicker);
    y->setRangeReversed(true);
    y->setTickLength(0, 0);
    y->setSubTicks(false);
    y->grid()->setVisible(false);
    y->setBasePen(pen(kAxisText));
    y->setTickLabelColor(kAxisText);
    y->setTickLabelPadding(8);

    m_plottable = new GanttPlottable(x, y);

    // The cursor moves every frame of playback: it gets a buffer of its own on top, so a step redraws
    // only that layer. Everything else shares one buffer (the unused overlay layer needs none):
    // each buffer is a full-size pixmap to clear and blend on every replot.
    m_plot->layer(QStringLiteral("overlay"))->setMode(QCPLayer::lmLogical);
    m_plot->addLayer(
        QStringLiteral("cursor"), m_plot->layer(QStringLiteral("overlay")), QCustomPlot::limAbove);
    m_cursorLayer = m_plot->layer(QStringLiteral("cursor"));
    m_cursorLayer->setMode(QCPLayer::lmBuffered);
    m_cursorBand = new QCPItemRect(m_plot);
    m_cursorLine = new QCPItemStraightLine(m_plot);
    m_cursorLabel = new QCPItemText(m_plot);
    for (QCPItemPosition* p : {m_cursorBand->topLeft, m_cursorBand->bottomRight, m_cursorLine->point1,
             m_cursorLine->point2, m_cursorLabel->position}) {
        p->setTypeX(QCPItemPosition::ptPlotCoords);
        p->setTypeY(QCPItemPosition::ptAxisRectRatio);
    }
    m_cursorBand->setLayer(m_cursorLayer);
    m_cursorBand->setPen(Qt::NoPen);
    m_cursorBand->setBrush(QColor(kCursor.red(), kCursor.green(), kCursor.blue(), 38));
    m_cursorLine->setLayer(m_cursorLayer);
    m_cursorLine->setPen(QPen(kCursor, 2));
    m_cursorLabel->setLayer(m_cursorLayer);
    m_cursorLabel->setClipToAxisRect(false);
    m_cursorLabel->setPositionAlignment(Qt::AlignBottom | Qt::AlignHCenter);
    m_cursorLabel->setColor(Qt::white);
    m_cursorLabel->setBrush(kCursor);
    m_cursorLabel->setPen(Qt::NoPen);
    m_cursorLabel->setPadding(QMargins(6, 1, 6, 1));

    connect(m_plot, &QCustomPlot::afterLayout, this, &GanttView::onAfterLayout);
    connect(m_scrollBar, &QScrollBar::valueChanged, this,
        [this](int value) { setTopRow(value / m_rows.rowHeight()); });
    m_input = new GanttInput(this);
    m_plot->installEventFilter(m_input);

    if (m_playback) {
        connect(m_playback, &PlaybackController::traceChanged, this, &GanttView::onTraceChanged);
        connect(m_playback, &PlaybackController::tickChanged, this,
            [this](Tick tick, Tick) { onTickChanged(tick); });
    }
    if (m_viewState) {
        connect(m_viewState, &ViewState::selectedProcessChanged, this, &GanttView::onSelectionChanged);
        connect(m_viewState, &ViewState::visibleRangeChanged, this, &GanttView::onVisibleRangeChanged);
        m_plottable->setSelectedProcess(m_viewState->selectedProcess());
    }
    applyFonts();
    onTraceChanged();
}

// The filter would otherwise see the focus leave a half-destroyed view.
GanttView::~GanttView()
{
    m_plot->removeEventFilter(m_input);
}

void GanttView::setRowOrder(RowOrder order)
{
    m_rows.rebuild(m_trace ? *m_trace : Trace{}, order);
    updateRowLabels();
    if (m_viewState)
        scrollToRow(m_rows.rowOfProcess(m_viewState->selectedProcess()));
    queueReplot();
}

void GanttView::setCursorWidth(double pixels)
{
    m_cursorLine->setPen(QPen(kCursor, pixels));
    queueReplot();
}

void GanttView::setColorScheme(Palette palette)
{
    m_palette = palette;
    m_plottable->setColorScheme(palette);
    applyFonts(); // refills the legend
    queueReplot();
}

void GanttView::fit()
{
    m_axis.fit();
    applyTimeRange(true);
}

void GanttView::zoomAt(double x, double factor)
{
    m_axis.zoom(x - m_plot->axisRect()->left(), factor);
    applyTimeRange(true);
}

void GanttView::panBy(double dx)
{
    m_axis.pan(dx);
    applyTimeRange(true);
}

void GanttView::setTimeRange(double from, double to)
{
    m_axis.setRange(from, to);
    applyTimeRange(true);
}

void GanttView::scrollRows(double rows)
{
    setTopRow(m_topRow + rows);
}

void GanttView::setTopRow(double row)
{
    if (!std::isfinite(row))
        return;
    m_topRow = row;
    applyRows();
    queueReplot();
}

void GanttView::setRowHeight(double pixels)
{
    m_fixedRowHeight =
        pixels > 0 ? std::clamp(pixels, GanttRows::kMinRowHeight, GanttRows::kMaxRowHeight) : 0;
    m_rows.setRowHeight(m_fixedRowHeight > 0 ? m_fixedRowHeight : autoRowHeight());
    applyRows();
    queueReplot();
}

double GanttView::visibleRowCount() const
{
    return std::max(1, m_plot->axisRect()->height()) / m_rows.rowHeight();
}

double GanttView::baseRowHeight() const
{
    return std::round(QFontMetricsF(m_plot->yAxis->tickLabelFont()).height() * 1.9);
}

// Few rows grow to fill the height, up to 1.8 times as tall; many rows keep the base height and scroll.
double GanttView::autoRowHeight() const
{
    const double base = baseRowHeight();
    const int n = std::max(1, m_rows.count());
    return std::clamp(std::floor(m_plot->axisRect()->height() / static_cast<double>(n)), base, base * 1.8);
}

QPoint GanttView::pointFor(ProcIndex process, Tick t)
{
    return pointForRow(m_rows.rowOfProcess(process), t);
}

QPoint GanttView::pointForCpu(int cpu, Tick t)
{
    return pointForRow(m_rows.rowOfCpu(cpu), t);
}

QPoint GanttView::pointForRow(int row, Tick t)
{
    if (row < 0)
        return {-1, -1};
    replotNow();
    scrollToRow(row);
    replotNow();
    return QPointF(
        m_plot->xAxis->coordToPixel(static_cast<double>(t) + 0.5), m_plot->yAxis->coordToPixel(row + 0.5))
        .toPoint();
}

QString GanttView::toolTipAt(const QPoint& pos) const
{
    if (!m_trace)
        return {};
    if (const auto hit = m_plottable->hitAt(pos))
        return hitToolTip(*m_trace, *hit);
    const int row = rowAt(pos);
    const ProcIndex p = m_rows.processAt(row);
    const Tick t = tickAt(pos.x());
    if (p < 0 || t < 0 || t >= m_trace->end())
        return {};
    const ProcessTrack& track = m_trace->track(p);
    if (track.empty() || t < track.at(0))
        return QStringLiteral("%1: not created yet").arg(processTitle(*m_trace, p));
    const std::size_t i = track.indexAt(t);
    return QStringLiteral("%1: Terminated at %2")
        .arg(processTitle(*m_trace, p), formatTime(track.at(i), timeUnitOf(*m_trace)));
}

int GanttView::rowAt(const QPoint& pos) const
{
    if (!m_plot->axisRect()->rect().contains(pos))
        return -1;
    const auto row = static_cast<int>(std::floor(m_plot->yAxis->pixelToCoord(pos.y())));
    return m_rows.contains(row) ? row : -1;
}

Tick GanttView::tickAt(double x) const
{
    return static_cast<Tick>(std::floor(m_plot->xAxis->pixelToCoord(x)));
}

void GanttView::replotNow()
{
    m_plot->replot(QCustomPlot::rpImmediateRefresh);
}

bool GanttView::exportTo(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    replotNow();
    if (suffix == QStringLiteral("png"))
        return m_plot->savePng(path, 0, 0, 2.0);
    if (suffix == QStringLiteral("pdf"))
        return m_plot->savePdf(
            path, 0, 0, QCP::epNoCosmetic, QStringLiteral("ProcScope"), QStringLiteral("Gantt chart"));
    if (suffix == QStringLiteral("svg")) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(m_plot->size());
        svg.setViewBox(QRect(QPoint(0, 0), m_plot->size()));
        svg.setResolution(m_plot->logicalDpiX()); // else point-sized fonts shrink to 72 dpi
        svg.setTitle(QStringLiteral("Gantt chart"));
        svg.setDescription(QStringLiteral("Exported by ProcScope"));
        QCPPainter painter;
        if (!painter.begin(&svg))
            return false;
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        m_plot->toPainter(&painter, m_plot->width(), m_plot->height());
        painter.end();
        return QFileInfo(path).size() > 0;
    }
    return false;
}

void GanttView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        applyFonts();
        queueReplot();
    }
}

// Row labels, tick labels and the legend at least 11 pt: readable from the back of a lecture
// hall; they grow with the widget's font.
void GanttView::applyFonts()
{
    QFont labels = font();
    if (labels.pointSizeF() > 0)
        labels.setPointSizeF(std::max(11.0, labels.pointSizeF()));
    QFont bold = labels;
    bold.setBold(true);
    m_plot->xAxis->setTickLabelFont(labels);
    m_plot->xAxis->setLabelFont(labels);
    m_plot->yAxis->setTickLabelFont(labels);
    m_plot->legend->setFont(labels);
    const int swatch = QFontMetrics(labels).height() - 2;
    m_plot->legend->setIconSize(swatch * 3 / 2, swatch);
    fillStateLegend(m_plot->legend, m_palette,
        m_trace && !m_trace->meta.source.empty() && m_trace->meta.source != "simulation");
    m_plottable->setLabelFont(labels);
    m_plot->yAxis->setTickLabelPadding(m_plottable->chipWidth() + 14);
    m_cursorLabel->setFont(bold);
    updateRowLabels();
}

void GanttView::updateRowLabels()
{
    const QFontMetrics metrics(m_plot->yAxis->tickLabelFont());
    int widest = metrics.horizontalAdvance(QStringLiteral("CPU 00"));
    // Measuring text costs ~20 us a name: 10,000 processes would stall every new trace for
    // 200 ms. The widest name is among the longest ones; a wider one elsewhere is elided.
    constexpr std::size_t kMeasured = 64;
    std::vector<std::pair<std::size_t, ProcIndex>> byLength;
    if (m_trace) {
        byLength.reserve(m_trace->processCount());
        for (std::size_t p = 0; p < m_trace->processCount(); ++p)
            byLength.emplace_back(
                m_trace->info(static_cast<ProcIndex>(p)).name.size(), static_cast<ProcIndex>(p));
        const auto longest =
            byLength.begin() + static_cast<std::ptrdiff_t>(std::min(kMeasured, byLength.size()));
        std::nth_element(byLength.begin(), longest, byLength.end(), std::greater<>());
        byLength.erase(longest, byLength.end());
    }
    for (const auto& [length, p] : byLength)
        widest = std::max(widest, metrics.horizontalAdvance(QString::fromStdString(m_trace->info(p).name)));
    m_labelWidth = std::min(widest, metrics.averageCharWidth() * 18) + 2;
    const int labelWidth = m_labelWidth;
    const QFont font = m_plot->yAxis->tickLabelFont();
    m_rowTicker->setLabels(
        [this, labelWidth, font](int row) {
            if (!m_trace)
                return QString();
            if (m_rows.isCpu(row))
                return QStringLiteral("CPU %1").arg(m_rows.cpuAt(row));
            const QString name = QString::fromStdString(m_trace->info(m_rows.processAt(row)).name);
            const QFontMetrics metrics(font);
            return metrics.horizontalAdvance(name) <= labelWidth
                       ? name
                       : metrics.elidedText(name, Qt::ElideRight, labelWidth);
        },
        m_rows.count());
    const QFontMetrics bold(m_cursorLabel->font());
    const int right = metrics.horizontalAdvance(QStringLiteral("000000")) / 2 + 12;
    const int left = m_labelWidth + m_plot->yAxis->tickLabelPadding() + 6;
    m_plot->axisRect()->setMargins(QMargins(left, bold.height() + 8, right, 0));
    if (!m_inLayout && m_fixedRowHeight <= 0)
        m_rows.setRowHeight(autoRowHeight());
    applyRows();
}

void GanttView::onTraceChanged()
{
    const Trace* trace = m_playback && m_playback->document() ? &m_playback->document()->trace() : nullptr;
    const bool newTrace = trace != m_trace;
    const bool wasFitted = newTrace || m_axis.isFitted();
    m_trace = trace;
    if (m_trace)
        m_rows.rebuild(*m_trace, m_rows.order());
    else
        m_rows.clear();
    m_plottable->setTrace(m_trace, &m_rows);
    m_axis.setSpan(m_trace ? traceStart(*m_trace) : 0, m_trace ? m_trace->end() : 0);
    if (wasFitted)
        m_axis.fit();
    if (newTrace) {
        m_topRow = 0;
        applyFonts(); // the legend and the label width depend on the trace
    } else {
        updateRowLabels();
    }
    applyTimeRange(false);
}

void GanttView::onTickChanged(Tick tick)
{
    // Keep the cursor in view while it plays or steps: page forward (or back) to show it.
    const auto t = static_cast<double>(tick);
    if (!m_axis.isFitted() && (t < m_axis.from() || t + 1 > m_axis.to())) {
        const double length = m_axis.length();
        const double from = t + 1 > m_axis.to() ? t - 0.1 * length : t - 0.9 * length;
        m_axis.setRange(from, from + length);
        applyTimeRange(true);
        return;
    }
    updateCursor();
    m_cursorLayer->replot();
}

void GanttView::onSelectionChanged(ProcIndex process)
{
    m_plottable->setSelectedProcess(process);
    scrollToRow(m_rows.rowOfProcess(process));
    queueReplot();
}

void GanttView::onVisibleRangeChanged(Tick from, Tick to)
{
    if (m_publishing)
        return;
    if (from == to)
        m_axis.fit();
    else
        m_axis.setRange(static_cast<double>(from), static_cast<double>(to));
    applyTimeRange(false);
}

// The axis rect's size is known only after QCustomPlot's layout pass: the row height, the rows
// that fit and the width of the time axis follow it, and the ticks are set up again.
void GanttView::onAfterLayout()
{
    if (m_inLayout)
        return;
    m_inLayout = true;
    fitLegend();
    const QRect rect = m_plot->axisRect()->rect();
    m_axis.setWidth(rect.width());
    const int ticksBefore = m_timeTicker->tickCount();
    m_timeTicker->setTickCount(std::max(4, rect.width() / 90)); // a labelled tick every ~90 px
    const QCPRange before = m_plot->yAxis->range();
    const int strideBefore = m_rowTicker->stride();
    m_rows.setRowHeight(m_fixedRowHeight > 0 ? m_fixedRowHeight : autoRowHeight());
    applyRows();
    if (m_plot->yAxis->range() != before || m_rowTicker->stride() != strideBefore ||
        m_timeTicker->tickCount() != ticksBefore)
        m_plot->axisRect()->update(QCPLayoutElement::upPreparation);
    m_inLayout = false;
}

// The legend wraps onto more rows rather than cutting its labels off when the window is narrow or
// the type is large (presentation mode on a 1024x768 projector).
void GanttView::fitLegend()
{
    QCPLegend* legend = m_plot->legend;
    const int available = m_plot->width() - legend->margins().left() - legend->margins().right();
    std::vector<int> widths;
    for (int i = 0; i < legend->elementCount(); ++i)
        if (QCPLayoutElement* item = legend->elementAt(i)) // null: an empty cell of a wrapped grid
            widths.push_back(item->minimumOuterSizeHint().width());
    // The most items per row that fit, where each column is as wide as its widest item.
    int perRow = static_cast<int>(widths.size());
    for (; perRow > 1; --perRow) {
        int total = (perRow - 1) * legend->columnSpacing();
        for (int column = 0; column < perRow; ++column) {
            int widest = 0;
            for (std::size_t i = static_cast<std::size_t>(column); i < widths.size();
                 i += static_cast<std::size_t>(perRow))
                widest = std::max(widest, widths[i]);
            total += widest;
        }
        if (total <= available)
            break;
    }
    perRow = std::max(1, perRow);
    if (legend->wrap() == perRow)
        return;
    legend->setWrap(perRow);
    legend->setFillOrder(legend->fillOrder(), true); // rearranges the items into the new rows
    queueReplot();
}

void GanttView::applyTimeRange(bool publish)
{
    m_plot->xAxis->setRange(m_axis.from(), m_axis.to());
    if (m_trace && timeUnitOf(*m_trace) == TimeUnit::Nanosecond) {
        const UnitScale scale = unitScaleFor(std::max(std::abs(m_axis.from()), std::abs(m_axis.to())));
        m_timeTicker->setUnit(TimeUnit::Nanosecond, scale);
        m_plot->xAxis->setLabel(QStringLiteral("time (%1)").arg(scale.name));
    } else {
        m_timeTicker->setUnit(TimeUnit::Tick);
        m_plot->xAxis->setLabel(QStringLiteral("time (ticks)"));
    }
    if (publish && m_viewState) {
        m_publishing = true;
        if (m_axis.isFitted())
            m_viewState->setVisibleRange(0, 0);
        else
            m_viewState->setVisibleRange(
                static_cast<Tick>(std::floor(m_axis.from())), static_cast<Tick>(std::ceil(m_axis.to())));
        m_publishing = false;
    }
    updateCursor();
    queueReplot();
}

void GanttView::applyRows()
{
    const double visible = visibleRowCount();
    m_topRow = std::clamp(m_topRow, 0.0, std::max(0.0, m_rows.count() - visible));
    m_plot->yAxis->setRange(m_topRow, m_topRow + visible);
    const double lineHeight = QFontMetricsF(m_plot->yAxis->tickLabelFont()).height();
    m_rowTicker->setStride(static_cast<int>(std::ceil(lineHeight / m_rows.rowHeight() - 1e-9)));
    updateScrollBar();
}

void GanttView::updateScrollBar()
{
    const double visible = visibleRowCount();
    const double rowHeight = m_rows.rowHeight();
    const int maximum = static_cast<int>(std::ceil(std::max(0.0, m_rows.count() - visible) * rowHeight));
    const QSignalBlocker blocker(m_scrollBar);
    m_scrollBar->setRange(0, maximum);
    m_scrollBar->setPageStep(std::max(1, m_plot->axisRect()->height()));
    m_scrollBar->setSingleStep(std::max(1, static_cast<int>(rowHeight)));
    m_scrollBar->setValue(static_cast<int>(std::lround(m_topRow * rowHeight)));
    m_scrollBar->setVisible(maximum > 0);
}

void GanttView::scrollToRow(int row)
{
    if (!m_rows.contains(row))
        return;
    const double visible = visibleRowCount();
    if (row < m_topRow)
        setTopRow(row);
    else if (row + 1 > m_topRow + visible)
        setTopRow(row + 1 - visible);
}

void GanttView::updateCursor()
{
    const Tick tick = m_playback ? m_playback->tick() : 0;
    m_shownTick = tick;
    const auto t = static_cast<double>(tick);
    const bool visible = m_trace && m_trace->end() > 0;
    m_cursorBand->setVisible(visible);
    m_cursorLine->setVisible(visible);
    m_cursorLabel->setVisible(visible && t >= m_axis.from() && t < m_axis.to());
    m_cursorBand->topLeft->setCoords(t, 0);
    m_cursorBand->bottomRight->setCoords(t + 1, 1);
    m_cursorLine->point1->setCoords(t, 0);
    m_cursorLine->point2->setCoords(t, 1);
    // The label stays inside the plot's width when the cursor is near an edge.
    const double middle = std::clamp(t + 0.5, m_axis.from(), m_axis.to());
    m_cursorLabel->position->setCoords(middle, 0);
    const auto resolution = static_cast<Tick>(std::max(1.0, m_axis.ticksPerPixel()));
    m_cursorLabel->setText(m_trace ? formatTime(tick, timeUnitOf(*m_trace), resolution) : QString());
}

void GanttView::queueReplot()
{
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace procscope::ui
