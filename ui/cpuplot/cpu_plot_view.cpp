#include "ui/cpuplot/cpu_plot_view.h"

#include "ui/cpuplot/cursor_graph.h"
#include "ui/cpuplot/utilization_header.h"
#include "ui/cpuplot/utilization_lines.h"
#include "ui/document/document.h"
#include "ui/playback/playback_controller.h"
#include "ui/playback/view_state.h"

#include <QFileInfo>
#include <QPageSize>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <QVBoxLayout>

#include "ui/style/custom_plot.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace procscope::ui {

namespace {

QFont pixelFont(qreal px, bool bold = false)
{
    QFont f;
    f.setPixelSize(std::max(1, static_cast<int>(std::lround(px))));
    f.setBold(bold);
    return f;
}

QString unitName(const Trace* trace)
{
    return trace && trace->meta.timeUnit == "ns" ? QStringLiteral("ns") : QStringLiteral("ticks");
}

} // namespace

CpuPlotView::CpuPlotView(PlaybackController* playback, ViewState* viewState, QWidget* parent)
    : QWidget(parent)
    , m_playback(playback)
    , m_viewState(viewState)
    , m_header(new UtilizationHeader(this))
    , m_plot(new QCustomPlot(this))
    , m_lines(std::make_shared<const UtilizationLines>())
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_header);
    layout->addWidget(m_plot, 1);

    m_plot->setBackground(Qt::white);
    m_plot->setNoAntialiasingOnDrag(true);
    m_plot->yAxis->setRange(0, 105);
    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    ticker->setTickStep(25);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssNone);
    m_plot->yAxis->setTicker(ticker);
    m_yLabel = tr("busy %");
    m_plot->yAxis2->setVisible(true);
    m_plot->yAxis2->setTicker(QSharedPointer<QCPAxisTickerFixed>::create());
    m_plot->xAxis->setRange(0, 1);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);

    // One paint buffer for everything: the overlay layer (QCustomPlot's own buffer for selection
    // rectangles, unused here) would cost another full-size blend every replot.
    m_plot->layer(QStringLiteral("overlay"))->setMode(QCPLayer::lmLogical);
    // The cursor is drawn over the lines.
    m_plot->addLayer(QStringLiteral("cursor"), m_plot->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    m_cursorLine = new QCPItemStraightLine(m_plot);
    m_cursorLine->setLayer(QStringLiteral("cursor"));
    m_cursorLine->setPen(QPen(QColor(0x11, 0x11, 0x11), 2));
    m_cursorLine->setClipToAxisRect(true);

    connect(
        m_plot->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this](const QCPRange& r) {
            if (m_settingRange || !m_viewState)
                return;
            // The user dragged or zoomed the plot: every view follows.
            m_settingRange = true;
            m_viewState->setVisibleRange(
                static_cast<Tick>(std::floor(r.lower)), static_cast<Tick>(std::ceil(r.upper)));
            m_settingRange = false;
        });
    if (m_playback) {
        connect(m_playback, &PlaybackController::traceChanged, this, &CpuPlotView::onTraceChanged);
        connect(m_playback, &PlaybackController::tickChanged, this,
            [this](Tick now, Tick) { onTickChanged(now); });
    }
    if (m_viewState)
        connect(m_viewState, &ViewState::visibleRangeChanged, this, &CpuPlotView::onVisibleRangeChanged);
    applyStyle();
    onTraceChanged();
}

CpuPlotView::~CpuPlotView() = default;

const Trace* CpuPlotView::trace() const
{
    return m_playback && m_playback->document() ? &m_playback->document()->trace() : nullptr;
}

Tick CpuPlotView::window() const
{
    return m_lines->window;
}

const UtilizationSeries& CpuPlotView::series() const
{
    return m_lines->series;
}

void CpuPlotView::setWindow(Tick ticks)
{
    m_window = std::max<Tick>(0, ticks);
    rebuildGraphs();
    onTickChanged(m_tick);
}

void CpuPlotView::setColorScheme(Palette palette)
{
    m_palette = palette;
    applyStyle();
    updateHeader();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void CpuPlotView::setMaxSamples(std::size_t samples)
{
    m_maxSamples = std::max<std::size_t>(1, samples);
    onTraceChanged();
}

void CpuPlotView::onTraceChanged()
{
    m_plot->xAxis->setLabel(tr("time (%1)").arg(unitName(trace())));
    rebuildGraphs();
    onVisibleRangeChanged();
    onTickChanged(m_playback ? m_playback->tick() : 0);
}

// The lines come from the document's indexes: for a big file the job that loaded it built them,
// so a new trace costs the GUI thread only handing the shared samples to the graphs.
void CpuPlotView::rebuildGraphs()
{
    m_plot->clearGraphs();
    m_perCpu.clear();
    const Document* document = m_playback ? m_playback->document() : nullptr;
    if (document) {
        m_lines = utilizationLinesOf(document->indexes(), document->trace(), m_maxSamples, m_window);
    } else {
        m_lines = std::make_shared<const UtilizationLines>();
    }
    const UtilizationLines& lines = *m_lines;
    auto graph = [&](QCPAxis* valueAxis, const CursorSamples& samples) {
        auto* g = new CursorGraph(m_plot->xAxis, valueAxis);
        g->setSamples(samples);
        g->setAdaptiveSampling(true);
        return g;
    };
    for (const CursorSamples& samples : lines.perCpu)
        m_perCpu.push_back(graph(m_plot->yAxis, samples));
    m_ready = graph(m_plot->yAxis2, lines.ready);
    m_ready->setLineStyle(lines.exactReady ? QCPGraph::lsStepLeft : QCPGraph::lsLine);
    m_y2Label = lines.exactReady ? tr("ready queue") : tr("ready queue (mean)");
    m_io = graph(m_plot->yAxis, lines.io);
    m_cpu = graph(m_plot->yAxis, lines.cpu);

    m_readyPeak = std::max(2.0, lines.maxReady * 1.05);
    applyStyle(); // fits the axes
}

void CpuPlotView::applyStyle()
{
    // Colours that mean what the state colours mean: busy CPU is Running, I/O is Blocked, the
    // ready queue is Ready.
    const QColor running = stateColor(ProcessState::Running, m_palette);
    const QColor blocked = stateColor(ProcessState::Blocked, m_palette);
    const QColor ready = stateColor(ProcessState::Ready, m_palette).darker(115);
    const qreal s = std::clamp(std::min(width() / 1400.0, height() / 480.0), 0.6, 2.5);
    if (m_cpu) {
        m_cpu->setPen(QPen(running.darker(110), std::max(2.0, 4 * s)));
        QColor fill = running;
        fill.setAlpha(45);
        m_cpu->setBrush(fill);
        m_cpu->setAntialiasedFill(false); // a large area: the edge is drawn by the line anyway
        m_cpu->setName(tr("CPU"));
    }
    for (std::size_t c = 0; c < m_perCpu.size(); ++c) {
        QColor thin = running.lighter(static_cast<int>(115 + 15 * (c % 4)));
        thin.setAlpha(170);
        m_perCpu[c]->setPen(QPen(thin, std::max(1.0, 1.5 * s)));
        m_perCpu[c]->setName(tr("CPU %1").arg(c));
    }
    if (m_io) {
        m_io->setPen(QPen(blocked, std::max(2.0, 3.5 * s), Qt::DashLine));
        m_io->setName(tr("I/O"));
    }
    if (m_ready) {
        m_ready->setPen(QPen(ready, std::max(1.5, 3 * s)));
        m_ready->setName(tr("Ready"));
    }
    m_cursorLine->setPen(QPen(QColor(0x11, 0x11, 0x11), std::max(1.5, 2.5 * s)));
    m_header->setFontPx(std::max(18.0, 42 * s));
    const QFont ticks = pixelFont(std::max(11.0, 17 * s));
    const QFont labels = pixelFont(std::max(12.0, 18 * s), true);
    for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis, m_plot->yAxis2}) {
        axis->setTickLabelFont(ticks);
        axis->setLabelFont(labels);
        axis->setBasePen(QPen(QColor(0x44, 0x44, 0x44), std::max(1.0, s)));
        axis->setTickPen(QPen(QColor(0x44, 0x44, 0x44), std::max(1.0, s)));
        axis->setSubTicks(false);
        axis->grid()->setPen(QPen(QColor(0xE3, 0xE5, 0xE8), 1));
    }
    m_plot->yAxis2->grid()->setVisible(false);
    fitAxes();
}

// The value axes for the plot's height. Their titles run along them: on a plot too short for one
// it would be cut at both ends ("ady queu"), so it is left out (the header above names the lines
// anyway). Ticks stay at least one and a half label heights apart: busy % every 25, 50 or 100;
// the ready queue in whole processes, every 1, 2 or 5 times a power of ten.
void CpuPlotView::fitAxes()
{
    const QFontMetrics labels(m_plot->yAxis->labelFont());
    const QFontMetrics tickLabels(m_plot->yAxis->tickLabelFont());
    // A title is centred on its axis and may reach into the margins, not past the plot's edges.
    const auto fit = [&](const QString& label) {
        return labels.horizontalAdvance(label) <= m_plot->height() - 16 ? label : QString();
    };
    m_plot->yAxis->setLabel(fit(m_yLabel));
    m_plot->yAxis2->setLabel(fit(m_y2Label));
    const int axis = std::max(0, m_plot->height() - 3 * labels.height()); // less the x axis and margins
    const int intervals = std::clamp(static_cast<int>(axis / (1.5 * tickLabels.height())), 1, 5);

    double busyStep = 100;
    for (const double step : {50.0, 25.0})
        if (100 / step <= intervals)
            busyStep = step;
    double readyStep = 0;
    for (double decade = 1; readyStep == 0; decade *= 10)
        for (const double m : {1.0, 2.0, 5.0})
            if (readyStep == 0 && m * decade * intervals >= m_readyPeak)
                readyStep = m * decade;
    m_plot->yAxis2->setRange(0, std::ceil(m_readyPeak / readyStep) * readyStep);
    for (const auto& [axis, step] :
        {std::pair{m_plot->yAxis, busyStep}, std::pair{m_plot->yAxis2, readyStep}})
        if (auto fixed = qSharedPointerDynamicCast<QCPAxisTickerFixed>(axis->ticker())) {
            fixed->setTickStep(step);
            fixed->setScaleStrategy(QCPAxisTickerFixed::ssNone);
        }
}

void CpuPlotView::onVisibleRangeChanged()
{
    if (m_settingRange)
        return;
    Tick from = m_viewState ? m_viewState->visibleFrom() : 0;
    Tick to = m_viewState ? m_viewState->visibleTo() : 0;
    if (to <= from) {
        from = 0;
        to = std::max<Tick>(1, series().end());
    }
    m_settingRange = true;
    m_plot->xAxis->setRange(static_cast<double>(from), static_cast<double>(to));
    m_settingRange = false;
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void CpuPlotView::onTickChanged(Tick now)
{
    m_tick = now;
    m_shown = series().empty() ? 0 : static_cast<int>(series().bucketOf(now) + 1);
    for (CursorGraph* g : m_perCpu)
        g->setShownCount(m_shown);
    for (CursorGraph* g : {m_cpu, m_io, m_ready})
        if (g)
            g->setShownCount(m_shown);
    m_cursorLine->point1->setCoords(static_cast<double>(now), 0);
    m_cursorLine->point2->setCoords(static_cast<double>(now), 1);
    updateHeader();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void CpuPlotView::updateHeader()
{
    const Trace* t = trace();
    const QColor running = stateColor(ProcessState::Running, m_palette).darker(110);
    const QColor blocked = stateColor(ProcessState::Blocked, m_palette);
    const QColor ready = stateColor(ProcessState::Ready, m_palette).darker(115);
    QString cpu = QStringLiteral("\u2013"), io = cpu, queue = cpu;
    QString caption;
    if (t && !series().empty()) {
        using Q = UtilizationSeries::Quantity;
        const std::size_t i = series().bucketOf(m_tick);
        const Tick w = window();
        cpu = QStringLiteral("%1%").arg(std::lround(100.0 * series().windowedAt(Q::Cpu, w, i)));
        io = QStringLiteral("%1%").arg(std::lround(100.0 * series().windowedAt(Q::Io, w, i)));
        queue = QString::number(readyQueueLength(*t, m_tick));
        caption = tr("CPU and I/O over the last %1 %2").arg(w).arg(unitName(t));
    }
    m_header->setItems(
        {{tr("CPU %1").arg(cpu), QPen(running, 4)}, {tr("I/O %1").arg(io), QPen(blocked, 4, Qt::DashLine)},
            {tr("Ready %1").arg(queue), QPen(ready, 4)}},
        caption);
}

QString CpuPlotView::headerText() const
{
    return m_header->text();
}

void CpuPlotView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    applyStyle();
}

bool CpuPlotView::exportTo(const QString& path)
{
    m_plot->replot(QCustomPlot::rpImmediateRefresh);
    const QString suffix = QFileInfo(path).suffix().toLower();
    const bool svg = suffix == QLatin1String("svg");
    if (!svg && suffix != QLatin1String("pdf"))
        return grab().save(path);
    // Vector output: the header and the plot painted again, not a screenshot.
    auto paint = [&](QPaintDevice* device, bool scaleToDevice) {
        QCPPainter painter;
        if (!painter.begin(device))
            return false;
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        if (scaleToDevice)
            painter.setWindow(rect());
        m_header->paintTo(painter, QRectF(m_header->geometry()));
        painter.translate(m_plot->geometry().topLeft());
        m_plot->toPainter(&painter, m_plot->width(), m_plot->height());
        return painter.end();
    };
    if (svg) {
        QSvgGenerator generator;
        generator.setFileName(path);
        generator.setSize(size());
        generator.setViewBox(rect());
        generator.setTitle(tr("CPU utilization"));
        return paint(&generator, false);
    }
    QPdfWriter pdf(path);
    pdf.setPageSize(QPageSize(QSizeF(width(), height()), QPageSize::Point));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    pdf.setTitle(tr("CPU utilization"));
    return paint(&pdf, true);
}

} // namespace procscope::ui
