#include "ui/gantt/gantt_view.h"

#include "ui/document/document.h"
#include "ui/gantt/gantt_input.h"
#include "ui/gantt/gantt_legend.h"
#include "ui/gantt/gantt_plottable.h"
#include "ui/gantt/gantt_text.h"
#include "ui/gantt/gantt_tickers.h"
#include "ui/playback/playback_controller.h"
#include "ui/playback/view_state.h"
#include "ui/style/neutral_colors.h"

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

const QColor kAxisText(0x20, 0x20, 0x20);
const QColor kGrid(0xC8, 0xC8, 0xC8);

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

    // The legend gets a row of its own above the chart, packed to the left by a spacer. Below the
    // chart, a spacer takes the height the rows leave blank, so that the time axis stays under them.
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
    m_spacer = new QCPLayoutElement(m_plot);
    m_spacer->setMinimumSize(0, 0);
    m_spacer->setMaximumSize(QWIDGETSIZE_MAX, 0);
    m_plot->plotLayout()->addElement(2, 0, m_spacer);
    m_plot->plotLayout()->setRowStretchFactor(2, 0.001);

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
    m_cursorHalo = new QCPItemStraightLine(m_plot);
    m_cursorLine = new QCPItemStraightLine(m_plot);
    m_cursorLabel = new QCPItemText(m_plot);
    for (QCPItemPosition* p : {m_cursorBand->topLeft, m_cursorBand->bottomRight, m_cursorHalo->point1,
             m_cursorHalo->point2, m_cursorLine->point1, m_cursorLine->point2, m_cursorLabel->position}) {
        p->setTypeX(QCPItemPosition::ptPlotCoords);
        p->setTypeY(QCPItemPosition::ptAxisRectRatio);
    }
    // The cursor is no state's colour: black, with a white halo so that it reads on every fill.
    const QColor cursor = cursorColor();
    m_cursorBand->setLayer(m_cursorLayer);
    m_cursorBand->setPen(Qt::NoPen);
    m_cursorBand->setBrush(QColor(cursor.red(), cursor.green(), cursor.blue(), 24));
    m_cursorHalo->setLayer(m_cursorLayer);
    m_cursorLine->setLayer(m_cursorLayer);
    setCursorWidth(2);
    m_cursorLabel->setLayer(m_cursorLayer);
    m_cursorLabel->setClipToAxisRect(false);
    m_cursorLabel->setPositionAlignment(Qt::AlignBottom | Qt::AlignHCenter);
    m_cursorLabel->setColor(Qt::white);
    m_cursorLabel->setBrush(cursor);
    m_cursorLabel->setPen(Qt::NoPen);
    m_cursorLabel->setPadding(QMargins(6, 1, 6, 1));

    connect(m_plot, &QCustomPlot::afterLayout, this, &GanttView::onAfterLayout);
    connect(m_scrollBar, &QScrollBar::valueChanged, this,
        [this](int value) { setTopRow(value / m_viewport.rowHeight()); });
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
        connect(m_viewState, &ViewState::showFutureChanged, this, &GanttView::updateShownEnd);
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
    m_cursorHalo->setPen(QPen(Qt::white, pixels + 2));
    m_cursorLine->setPen(QPen(cursorColor(), pixels));
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
    m_rowSizing = RowSizing::FitAll;
    m_viewport.setTopRow(0);
    fitRowsTo(m_viewport.height() + m_spacerHeight);
    applyRows();
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
    setTopRow(m_viewport.topRow() + rows);
}

void GanttView::setTopRow(double row)
{
    if (!std::isfinite(row))
        return;
    m_viewport.setTopRow(row);
    applyRows();
    queueReplot();
}

void GanttView::setRowHeight(double pixels)
{
    if (!std::isfinite(pixels))
        return;
    m_rowSizing = pixels > 0 ? RowSizing::Fixed : RowSizing::Auto;
    m_fixedRowHeight = std::clamp(pixels, RowViewport::kMinRowHeight, RowViewport::kMaxRowHeight);
    fitRowsTo(m_viewport.height() + m_spacerHeight);
    applyRows();
    queueReplot();
}

Tick GanttView::shownEnd() const
{
    if (!m_trace)
        return 0;
    return m_viewState ? m_viewState->shownEnd(*m_trace, m_playback ? m_playback->tick() : 0)
                       : m_trace->end();
}

double GanttView::baseRowHeight() const
{
    return std::round(QFontMetricsF(m_plot->yAxis->tickLabelFont()).height() * 1.9);
}

// Few rows grow to fill the height, up to kMaxRowGrowth times as tall; many rows keep the base
// height and scroll.
double GanttView::autoRowHeight(double available) const
{
    const double base = baseRowHeight();
    const int n = std::max(1, m_rows.count());
    return std::clamp(std::floor(available / static_cast<double>(n)), base, base * kMaxRowGrowth);
}

// Sets the rows' and lanes' heights for `available` pixels of chart, and returns whether the
// blank below the rows (the spacer's height) changed.
bool GanttView::fitRowsTo(double available)
{
    const double base = baseRowHeight();
    const double fill = autoRowHeight(available);
    const int processes = m_rows.processRowCount();
    const int lanes = m_rows.cpuRowCount();
    double rowHeight = fill;
    double laneHeight = fill;
    if (m_rowSizing == RowSizing::Fixed) {
        rowHeight = m_fixedRowHeight;
    } else if (m_rowSizing == RowSizing::FitAll && (processes + lanes) * base > available && processes > 0) {
        laneHeight = base;
        rowHeight = std::max(RowViewport::kMinRowHeight, (available - lanes * base) / processes);
    }
    m_viewport.setRows(processes, lanes);
    m_viewport.setHeight(available);
    m_viewport.setRowHeight(rowHeight);
    m_viewport.setLaneHeight(laneHeight);
    // A little short of the exact blank: the layout rounds, and a chart a pixel too short would
    // scroll its last row.
    const int blank = std::max(0, static_cast<int>(std::floor(available - m_viewport.contentBottom())) - 2);
    m_viewport.setHeight(available - blank);
    if (blank == m_spacerHeight)
        return false;
    m_spacerHeight = blank;
    m_spacer->setMinimumSize(0, blank);
    m_spacer->setMaximumSize(QWIDGETSIZE_MAX, blank);
    return true;
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
    const double y =
        m_plot->axisRect()->top() + (m_viewport.visibleTop(row) + m_viewport.visibleBottom(row)) / 2;
    return QPointF(m_plot->xAxis->coordToPixel(static_cast<double>(t) + 0.5), y).toPoint();
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
    if (p < 0 || t < 0 || t >= shownEnd())
        return {};
    const ProcessTrack& track = m_trace->track(p);
    if (track.empty() || t < track.at(0))
        return QStringLiteral("%1: not created yet").arg(processTitle(*m_trace, p));
    const std::size_t i = track.indexAt(t);
    return QStringLiteral("%1: Terminated at %2")
        .arg(processTitle(*m_trace, p), formatTime(track.at(i), *m_trace));
}

int GanttView::rowAt(const QPoint& pos) const
{
    if (!m_plot->axisRect()->rect().contains(pos))
        return -1;
    const int row = m_viewport.rowAt(pos.y() - m_plot->axisRect()->top());
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
    // The image ends below the time axis: the blank the rows leave is not exported.
    const QSize size(m_plot->width(), std::max(1, m_plot->height() - m_spacerHeight));
    bool ok = false;
    if (suffix == QStringLiteral("png"))
        ok = m_plot->savePng(path, size.width(), size.height(), 2.0);
    else if (suffix == QStringLiteral("pdf"))
        ok = m_plot->savePdf(path, size.width(), size.height(), QCP::epNoCosmetic,
            QStringLiteral("ProcScope"), QStringLiteral("Gantt chart"));
    else if (suffix == QStringLiteral("svg"))
        ok = exportSvg(path, size);
    replotNow(); // the export laid the plot out at its own size
    return ok;
}

bool GanttView::exportSvg(const QString& path, const QSize& size)
{
    {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setResolution(m_plot->logicalDpiX()); // else point-sized fonts shrink to 72 dpi
        svg.setTitle(QStringLiteral("Gantt chart"));
        svg.setDescription(QStringLiteral("Exported by ProcScope"));
        QCPPainter painter;
        if (!painter.begin(&svg))
            return false;
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        m_plot->toPainter(&painter, size.width(), size.height());
        painter.end();
    }
    return QFileInfo(path).size() > 0;
}

void GanttView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        applyFonts();
        queueReplot();
    }
}

// Row labels, tick labels and the legend 1.2 times the widget's font and at least 11 pt: readable
// from the back of a lecture hall, and growing with the application's font in presentation mode.
void GanttView::applyFonts()
{
    QFont labels = font();
    if (labels.pointSizeF() > 0)
        labels.setPointSizeF(std::max(11.0, std::round(labels.pointSizeF() * 1.2 * 2) / 2));
    else if (labels.pixelSize() > 0)
        labels.setPixelSize(std::max(15, labels.pixelSize() * 6 / 5));
    QFont bold = labels;
    bold.setBold(true);
    m_plot->xAxis->setTickLabelFont(labels);
    m_plot->xAxis->setLabelFont(labels);
    m_plot->yAxis->setTickLabelFont(labels);
    m_plot->legend->setFont(labels);
    const int swatch = QFontMetrics(labels).height() - 2;
    m_plot->legend->setIconSize(swatch * 3 / 2, swatch);
    m_plottable->setLabelFont(labels);
    fillStateLegend(m_plot->legend, m_palette, m_plottable->patternCell(), m_legendContents);
    m_plot->yAxis->setTickLabelPadding(m_plottable->markerWidth() + 12);
    m_rowTicker->setLineHeight(QFontMetricsF(labels).height());
    m_cursorLabel->setFont(bold);
    updateRowLabels();
}

void GanttView::updateRowLabels()
{
    const QFontMetrics metrics(m_plot->yAxis->tickLabelFont());
    int widest = metrics.horizontalAdvance(QStringLiteral("CPU 00"));
    // Measuring text costs ~20 us a label: 10,000 processes would stall every new trace for
    // 200 ms. The widest label is among the longest ones; a wider one elsewhere is elided.
    constexpr std::size_t kMeasured = 64;
    std::vector<std::pair<qsizetype, ProcIndex>> byLength;
    if (m_trace) {
        byLength.reserve(m_labels.size());
        for (std::size_t p = 0; p < m_labels.size(); ++p)
            byLength.emplace_back(
                m_labels.label(static_cast<ProcIndex>(p)).size(), static_cast<ProcIndex>(p));
        const auto longest =
            byLength.begin() + static_cast<std::ptrdiff_t>(std::min(kMeasured, byLength.size()));
        std::nth_element(byLength.begin(), longest, byLength.end(), std::greater<>());
        byLength.erase(longest, byLength.end());
    }
    for (const auto& [length, p] : byLength)
        widest = std::max(widest, metrics.horizontalAdvance(m_labels.label(p)));
    // Never more than a quarter of the chart's width: long names are elided (the tooltip and the
    // CPU lanes carry them whole) so that a small chart keeps its time axis.
    m_labelsForWidth = m_plot->width();
    const int quarter = std::max(metrics.horizontalAdvance(QStringLiteral("CPU 00")), m_labelsForWidth / 4);
    m_labelWidth = std::min({widest, metrics.averageCharWidth() * 20, quarter}) + 2;
    const int labelWidth = m_labelWidth;
    const QFont font = m_plot->yAxis->tickLabelFont();
    m_rowTicker->setRows(&m_viewport, [this, labelWidth, font](int row) {
        if (!m_trace || !m_rows.contains(row))
            return QString();
        if (m_rows.isCpu(row))
            return QStringLiteral("CPU %1").arg(m_rows.cpuAt(row));
        const QString& name = m_labels.label(m_rows.processAt(row));
        const QFontMetrics metrics(font);
        return metrics.horizontalAdvance(name) <= labelWidth
                   ? name
                   : metrics.elidedText(name, Qt::ElideRight, labelWidth);
    });
    const QFontMetrics bold(m_cursorLabel->font());
    // Room for half a time label either side of the chart, so the first ("0") and the last fit.
    const int half = metrics.horizontalAdvance(QStringLiteral("0000.00")) / 2 + 8;
    const int left = std::max(m_labelWidth + m_plot->yAxis->tickLabelPadding() + 6, half);
    m_plot->axisRect()->setMargins(QMargins(left, bold.height() + 8, half, 0));
    if (!m_inLayout)
        fitRowsTo(m_viewport.height() + m_spacerHeight);
    applyRows();
}

void GanttView::onTraceChanged()
{
    const Trace* trace = m_playback && m_playback->document() ? &m_playback->document()->trace() : nullptr;
    const bool newTrace = trace != m_trace;
    const bool wasFitted = newTrace || m_axis.isFitted();
    m_trace = trace;
    if (m_trace) {
        m_rows.rebuild(*m_trace, m_rows.order());
        if (newTrace)
            m_labels.rebuild(*m_trace);
        else
            m_labels.update(*m_trace);
    } else {
        m_rows.clear();
        m_labels.clear();
    }
    m_plottable->setTrace(m_trace, &m_rows, &m_viewport);
    m_plottable->setLabels(&m_labels);
    m_axis.setSpan(m_trace ? traceStart(*m_trace) : 0, m_trace ? m_trace->end() : 0);
    if (wasFitted)
        m_axis.fit();
    m_viewport.setRows(m_rows.processRowCount(), m_rows.cpuRowCount());
    if (newTrace)
        m_legendContents.clear();
    const bool legendChanged = m_trace && m_legendContents.update(*m_trace);
    if (newTrace) {
        m_rowSizing = RowSizing::Auto;
        m_viewport.setTopRow(0);
    }
    if (newTrace || legendChanged)
        applyFonts(); // the legend and the label width depend on the trace
    else
        updateRowLabels();
    m_plottable->setShownEnd(shownEnd());
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
        m_plottable->setShownEnd(shownEnd());
        applyTimeRange(true);
        return;
    }
    updateCursor();
    const Tick end = shownEnd();
    if (end != m_plottable->shownEnd()) { // the future is hidden: the chart grows with the cursor
        m_plottable->setShownEnd(end);
        queueReplot();
        return;
    }
    m_cursorLayer->replot();
}

void GanttView::updateShownEnd()
{
    m_plottable->setShownEnd(shownEnd());
    queueReplot();
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

// The axis rect's size is known only after QCustomPlot's layout pass: the row heights, the blank
// below the rows, the width of the time axis follow it. When the blank changes, the layout runs
// again so that the time axis sits right under the last CPU lane.
void GanttView::onAfterLayout()
{
    if (m_inLayout)
        return;
    m_inLayout = true;
    bool relayout = fitLegend();
    if (m_plot->width() != m_labelsForWidth) { // the label column follows the width
        updateRowLabels();
        relayout = true;
    }
    QCPAxisRect* rect = m_plot->axisRect();
    if (relayout) { // the legend's new rows take their height before the rows are fitted
        m_plot->plotLayout()->update(QCPLayoutElement::upPreparation);
        m_plot->plotLayout()->update(QCPLayoutElement::upMargins);
        m_plot->plotLayout()->update(QCPLayoutElement::upLayout);
    }
    if (fitRowsTo(rect->rect().height() + m_spacerHeight)) {
        m_plot->plotLayout()->update(QCPLayoutElement::upPreparation);
        m_plot->plotLayout()->update(QCPLayoutElement::upMargins);
        m_plot->plotLayout()->update(QCPLayoutElement::upLayout);
    }
    m_viewport.setHeight(rect->rect().height());
    m_axis.setWidth(rect->rect().width());
    m_timeTicker->setTickCount(std::max(4, rect->rect().width() / 90)); // a labelled tick every ~90 px
    applyRows();
    rect->update(QCPLayoutElement::upPreparation); // the ticks, for the final sizes
    m_inLayout = false;
}

// The legend wraps onto more rows rather than cutting its labels off when the window is narrow or
// the type is large (presentation mode on a 1024x768 projector).
bool GanttView::fitLegend()
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
        return false;
    legend->setWrap(perRow);
    legend->setFillOrder(legend->fillOrder(), true); // rearranges the items into the new rows
    return true;
}

void GanttView::applyTimeRange(bool publish)
{
    m_plot->xAxis->setRange(m_axis.from(), m_axis.to());
    if (m_trace && timeUnitOf(*m_trace) == TimeUnit::Nanosecond) {
        // One unit for the whole trace, as everywhere else: chosen from its span, not the zoom.
        const UnitScale scale = unitScaleFor(*m_trace);
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

// The value axis counts pixels from the top of the chart (RowViewport's coordinates).
void GanttView::applyRows()
{
    m_viewport.setRows(m_rows.processRowCount(), m_rows.cpuRowCount());
    m_plot->yAxis->setRange(0, std::max(1.0, m_viewport.height()));
    updateScrollBar();
}

void GanttView::updateScrollBar()
{
    const double rowHeight = m_viewport.rowHeight();
    const int maximum = static_cast<int>(std::ceil(m_viewport.maxTopRow() * rowHeight));
    const QSignalBlocker blocker(m_scrollBar);
    m_scrollBar->setRange(0, maximum);
    m_scrollBar->setPageStep(std::max(1, static_cast<int>(m_viewport.lanesTop())));
    m_scrollBar->setSingleStep(std::max(1, static_cast<int>(rowHeight)));
    m_scrollBar->setValue(static_cast<int>(std::lround(m_viewport.topRow() * rowHeight)));
    m_scrollBar->setVisible(maximum > 0);
}

void GanttView::scrollToRow(int row)
{
    if (!m_rows.contains(row) || m_rows.isCpu(row))
        return;
    const double top = m_viewport.topRowShowing(row);
    if (top != m_viewport.topRow())
        setTopRow(top);
}

void GanttView::updateCursor()
{
    const Tick tick = m_playback ? m_playback->tick() : 0;
    m_shownTick = tick;
    const auto t = static_cast<double>(tick);
    const bool visible = m_trace && m_trace->end() > 0;
    m_cursorBand->setVisible(visible && tick < m_trace->end()); // at the end there is no tick to mark
    m_cursorHalo->setVisible(visible);
    m_cursorLine->setVisible(visible);
    m_cursorLabel->setVisible(visible && t >= m_axis.from() && t <= m_axis.to());
    m_cursorBand->topLeft->setCoords(t, 0);
    m_cursorBand->bottomRight->setCoords(t + 1, 1);
    for (QCPItemStraightLine* line : {m_cursorHalo, m_cursorLine}) {
        line->point1->setCoords(t, 0);
        line->point2->setCoords(t, 1);
    }
    const auto resolution = static_cast<Tick>(std::max(1.0, m_axis.ticksPerPixel()));
    const QString text = m_trace ? formatTime(tick, *m_trace, resolution) : QString();
    m_cursorLabel->setText(text);
    // Centred on the cursor's tick, or against the cursor's line where it would leave the plot.
    const double middle = std::clamp(t + 0.5, m_axis.from(), m_axis.to());
    const QCPAxisRect* rect = m_plot->axisRect();
    const double x = rect->left() + m_axis.toPixel(middle);
    const double half = QFontMetrics(m_cursorLabel->font()).horizontalAdvance(text) / 2.0 + 8;
    Qt::Alignment horizontal = Qt::AlignHCenter;
    double at = middle;
    if (x + half > m_plot->width()) {
        horizontal = Qt::AlignRight;
        at = t;
    } else if (x - half < 0) {
        horizontal = Qt::AlignLeft;
        at = t;
    }
    m_cursorLabel->setPositionAlignment(Qt::AlignBottom | horizontal);
    m_cursorLabel->position->setCoords(at, 0);
}

void GanttView::queueReplot()
{
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace procscope::ui
