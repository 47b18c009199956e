#include "ui/cpuplot/cpu_plot_view.h"

#include "ui/cpuplot/cursor_graph.h"
#include "ui/cpuplot/plot_time_ticker.h"
#include "ui/cpuplot/utilization_header.h"
#include "ui/cpuplot/utilization_lines.h"
#include "ui/cpuplot/utilization_text.h"
#include "ui/document/document.h"
#include "ui/playback/playback_controller.h"
#include "ui/playback/view_state.h"

#include <QComboBox>
#include <QEvent>
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

constexpr double kCpuTop = 104;  // the 100 % step shows whole under the top edge
constexpr double kBottom = 0.04; // below zero, as a share of the axis, so a zero step shows whole

} // namespace

CpuPlotView::CpuPlotView(PlaybackController* playback, ViewState* viewState, QWidget* parent)
    : QWidget(parent)
    , m_playback(playback)
    , m_viewState(viewState)
    , m_header(new UtilizationHeader(this))
    , m_averaging(new QComboBox(this))
    , m_plot(new QCustomPlot(this))
    , m_timeTicker(QSharedPointer<PlotTimeTicker>::create())
    , m_lines(std::make_shared<const UtilizationLines>())
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_header);
    m_header->setCornerWidget(m_averaging);
    layout->addWidget(m_plot, 1);
    m_averaging->setToolTip(tr("Show the exact value of each tick, or an average over the last ticks"));
    // As wide as the choice it shows ("Exact" is narrow), so the values keep their room.
    m_averaging->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    connect(m_averaging, &QComboBox::activated, this,
        [this](int index) { setWindow(m_averaging->itemData(index).toLongLong()); });
    connect(m_averaging, &QComboBox::currentTextChanged, this, [this](const QString& text) {
        m_averaging->setMinimumContentsLength(static_cast<int>(text.size()));
        m_header->relayout();
    });

    m_plot->setBackground(Qt::white);
    m_plot->setNoAntialiasingOnDrag(true);
    // Two plot areas, one value axis each, on one time axis: busy % above, processes below.
    m_cpuRect = m_plot->axisRect();
    m_countRect = new QCPAxisRect(m_plot);
    m_plot->plotLayout()->addElement(1, 0, m_countRect);
    m_plot->plotLayout()->setRowSpacing(0);
    auto* margins = new QCPMarginGroup(m_plot);
    for (QCPAxisRect* rect : {m_cpuRect, m_countRect}) {
        rect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
        rect->setRangeDrag(Qt::Horizontal);
        rect->setRangeZoom(Qt::Horizontal);
        rect->axis(QCPAxis::atBottom)->setTicker(m_timeTicker);
        rect->axis(QCPAxis::atBottom)->setRange(0, 1);
        rect->axis(QCPAxis::atLeft)->setTicker(QSharedPointer<QCPAxisTickerFixed>::create());
        rect->axis(QCPAxis::atLeft)->setNumberFormat(QStringLiteral("f"));
        rect->axis(QCPAxis::atLeft)->setNumberPrecision(0);
    }
    m_cpuRect->setAutoMargins(QCP::msLeft | QCP::msRight | QCP::msTop);
    m_cpuRect->setMargins(QMargins(0, 0, 0, 0)); // the gap between the areas: see applyStyle()
    m_cpuRect->axis(QCPAxis::atBottom)->setTickLabels(false);
    m_cpuRect->axis(QCPAxis::atLeft)->setRange(-kBottom * kCpuTop, kCpuTop);
    m_countRect->setAutoMargins(QCP::msLeft | QCP::msRight | QCP::msBottom);
    m_countRect->setMargins(QMargins(0, 0, 0, 0));
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    // The value axes fit the plot areas' heights, known once QCustomPlot has laid them out.
    connect(m_plot, &QCustomPlot::afterLayout, this, [this] {
        if (fitAxes())
            m_plot->replot(QCustomPlot::rpQueuedReplot);
    });

    // One paint buffer for everything: the overlay layer (QCustomPlot's own buffer for selection
    // rectangles, unused here) would cost another full-size blend every replot.
    m_plot->layer(QStringLiteral("overlay"))->setMode(QCPLayer::lmLogical);
    // The cursor is drawn over the lines.
    m_plot->addLayer(QStringLiteral("cursor"), m_plot->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    // The area under the CPU line goes under the grid, so it may be opaque (a translucent fill of
    // a whole plot area costs several times more to blend) and the grid still shows.
    m_plot->addLayer(QStringLiteral("fill"), m_plot->layer(QStringLiteral("grid")), QCustomPlot::limBelow);
    for (QCPAxisRect* rect : {m_cpuRect, m_countRect}) {
        auto* line = new QCPItemStraightLine(m_plot);
        line->setLayer(QStringLiteral("cursor"));
        line->setClipAxisRect(rect);
        line->setClipToAxisRect(true);
        for (QCPItemPosition* p : {line->point1, line->point2})
            p->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        m_cursorLines.push_back(line);
    }

    for (QCPAxisRect* rect : {m_cpuRect, m_countRect}) {
        QCPAxis* axis = rect->axis(QCPAxis::atBottom);
        connect(axis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
            [this, axis](const QCPRange& r) { onUserRange(axis, r); });
    }
    if (m_playback) {
        connect(m_playback, &PlaybackController::traceChanged, this, &CpuPlotView::onTraceChanged);
        connect(m_playback, &PlaybackController::tickChanged, this,
            [this](Tick now, Tick) { onTickChanged(now); });
    }
    if (m_viewState) {
        connect(m_viewState, &ViewState::visibleRangeChanged, this, &CpuPlotView::onVisibleRangeChanged);
        connect(m_viewState, &ViewState::showFutureChanged, this, [this] { onTickChanged(m_tick); });
    }
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
    return *m_lines->series;
}

void CpuPlotView::setWindow(Tick ticks)
{
    m_window = ticks > 1 ? ticks : 0;
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
    const Trace* t = trace();
    m_timeTicker->setNanoseconds(t && timeUnitOf(*t) == TimeUnit::Nanosecond);
    rebuildGraphs();
    onVisibleRangeChanged();
    onTickChanged(m_playback ? m_playback->tick() : 0);
}

// The lines come from the document's indexes: for a big file the job that loaded it built the
// exact ones, so a new trace costs the GUI thread only handing the shared samples to the graphs.
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
    auto graph = [&](QCPAxisRect* rect, const CursorSamples& samples) {
        auto* g = new CursorGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        g->setSamples(samples);
        g->setAdaptiveSampling(true);
        g->setLineStyle(QCPGraph::lsStepLeft); // a value holds for its whole tick
        return g;
    };
    for (const CursorSamples& samples : lines.perCpu)
        m_perCpu.push_back(graph(m_cpuRect, samples));
    m_ready = graph(m_countRect, lines.ready);
    m_io = graph(m_countRect, lines.io);
    m_cpuArea = graph(m_cpuRect, lines.cpu);
    m_cpuArea->setLayer(QStringLiteral("fill"));
    m_cpu = graph(m_cpuRect, lines.cpu);
    fillAveragingBox();
    applyStyle(); // fits the axes
}

void CpuPlotView::fillAveragingBox()
{
    const Trace* t = trace();
    const TimeUnit unit = t ? timeUnitOf(*t) : TimeUnit::Tick;
    std::vector<Tick> windows = averagingWindows(series());
    if (window() > 0 && std::find(windows.begin(), windows.end(), window()) == windows.end()) {
        windows.push_back(window());
        std::sort(windows.begin(), windows.end());
    }
    const QSignalBlocker quiet(m_averaging);
    m_averaging->clear();
    m_averaging->addItem(averagingChoice(0, unit), QVariant::fromValue<qlonglong>(0));
    for (const Tick w : windows)
        m_averaging->addItem(averagingChoice(w, unit), QVariant::fromValue<qlonglong>(w));
    m_averaging->setCurrentIndex(
        std::max(0, m_averaging->findData(QVariant::fromValue<qlonglong>(window()))));
    m_averaging->setEnabled(m_averaging->count() > 1);
    m_averaging->setMinimumContentsLength(static_cast<int>(m_averaging->currentText().size()));
    m_header->relayout();
}

void CpuPlotView::applyStyle()
{
    // Colours that mean what the state colours mean: busy CPU is Running, I/O is Blocked, the
    // ready queue is Ready.
    const QColor running = stateColor(ProcessState::Running, m_palette);
    const QColor blocked = stateColor(ProcessState::Blocked, m_palette);
    const QColor ready = stateColor(ProcessState::Ready, m_palette).darker(115);
    // Type follows the application's (one and a half times larger in presentation mode) and
    // grows with the panel; lines grow with the panel.
    const qreal base = std::max(9, QFontInfo(font()).pixelSize());
    const qreal s = std::clamp(std::min(width() / 1000.0, height() / 420.0), 1.0, 2.0);
    const qreal line = std::clamp(std::min(width() / 1400.0, height() / 480.0), 0.6, 2.5);
    if (m_cpu) {
        m_cpu->setPen(QPen(running.darker(110), std::max(2.0, 4 * line)));
        m_cpu->setName(tr("CPU"));
        // The running colour at one sixth over the white plot, opaque.
        const QColor white(Qt::white);
        const auto mix = [](int a, int b) { return (5 * a + b) / 6; };
        m_cpuArea->setPen(Qt::NoPen);
        m_cpuArea->setBrush(QColor(mix(white.red(), running.red()), mix(white.green(), running.green()),
            mix(white.blue(), running.blue())));
        m_cpuArea->setAntialiasedFill(false); // a large area: the edge is drawn by the line anyway
        m_cpuArea->setName(tr("CPU (area)"));
    }
    for (std::size_t c = 0; c < m_perCpu.size(); ++c) {
        QColor thin = running.lighter(static_cast<int>(115 + 15 * (c % 4)));
        thin.setAlpha(170);
        m_perCpu[c]->setPen(QPen(thin, std::max(1.0, 1.5 * line)));
        m_perCpu[c]->setName(tr("CPU %1").arg(c));
    }
    if (m_io) {
        m_io->setPen(QPen(blocked, std::max(2.0, 3.5 * line), Qt::DashLine));
        m_io->setName(ioName(series().ioMeaning()));
    }
    if (m_ready) {
        m_ready->setPen(QPen(ready, std::max(1.5, 3 * line)));
        m_ready->setName(tr("Ready"));
    }
    for (QCPItemStraightLine* cursor : m_cursorLines)
        cursor->setPen(QPen(QColor(0x11, 0x11, 0x11), std::max(1.5, 2.5 * line)));

    m_tickPx = base * 1.15 * s;
    // The values in large type, but never so tall that the plot below loses its room.
    const qreal values = std::min(base * 2.4 * s, std::max(base * 1.4, height() * 0.12));
    m_header->setFontPx(values, base * s);
    const QFont ticks = pixelFont(m_tickPx);
    const QFont labels = pixelFont(m_tickPx, true);
    for (QCPAxisRect* rect : {m_cpuRect, m_countRect})
        for (QCPAxis* axis : rect->axes()) {
            axis->setTickLabelFont(ticks);
            axis->setLabelFont(labels);
            axis->setBasePen(QPen(QColor(0x44, 0x44, 0x44), std::max(1.0, line)));
            axis->setTickPen(QPen(QColor(0x44, 0x44, 0x44), std::max(1.0, line)));
            axis->setSubTicks(false);
            axis->grid()->setPen(QPen(QColor(0xE3, 0xE5, 0xE8), 1));
        }
    QFont box = font();
    box.setPixelSize(static_cast<int>(std::lround(base * s)));
    m_averaging->setFont(box);
    // A useful minimum: each plot area keeps room for two tick labels and the space between, the
    // time axis for its labels and title; besides, the gap between the areas and half a label
    // above. On a short panel the caption gives up its lines (it stays as a tooltip) first.
    const int label = QFontMetrics(ticks).height();
    const int area = static_cast<int>(std::max(40.0, 2.4 * label));
    for (QCPAxisRect* rect : {m_cpuRect, m_countRect}) {
        rect->setSizeConstraintRect(QCPLayoutElement::scrInnerRect);
        rect->setMinimumSize(0, area);
    }
    // The lowest label of the upper area and the highest of the lower one must not touch.
    const int gap = std::max(8, static_cast<int>(0.7 * label));
    m_cpuRect->setMargins(QMargins(0, 0, 0, gap / 2));
    m_countRect->setMargins(QMargins(0, gap - gap / 2, 0, 0));
    const int plotMinimum = 2 * area + gap + (label / 2 + 10) + (2 * label + 22);
    const bool compact = height() < m_header->heightFor(width(), false) + plotMinimum + 3 * label;
    m_header->setCompact(compact);
    // Compact, the time axis's unit goes after a tick label ("40 ticks") instead of a title line.
    m_timeTicker->setUnitInLabels(compact);
    m_plot->setMinimumHeight(compact ? plotMinimum - label - 8 : plotMinimum);
    m_header->relayout(); // the combo box's size changed with its type
    fitAxes();
    updateTimeLabel();
}

// The value axes for their plot areas' heights. A title runs along its axis: on an area too short
// for it, it would be cut at both ends ("ocesse"), so it is left out (the header names the lines
// anyway). Ticks stay at least one and a half label heights apart: busy % every 25, 50 or 100;
// processes in whole numbers, every 1, 2 or 5 times a power of ten.
bool CpuPlotView::fitAxes()
{
    QCPAxis* busy = m_cpuRect->axis(QCPAxis::atLeft);
    QCPAxis* count = m_countRect->axis(QCPAxis::atLeft);
    const QFontMetrics labels(busy->labelFont());
    const QFontMetrics tickLabels(busy->tickLabelFont());
    // The first of the titles that fits.
    const auto fit = [&](QCPAxisRect* rect, std::initializer_list<QString> titles) {
        for (const QString& title : titles)
            if (labels.horizontalAdvance(title) <= rect->height() + 12)
                return title;
        return QString();
    };
    bool changed = false;
    const auto setLabel = [&](QCPAxis* axis, const QString& label) {
        changed = changed || axis->label() != label;
        axis->setLabel(label);
    };
    setLabel(busy, fit(m_cpuRect, {tr("CPU busy %"), tr("CPU %")}));
    setLabel(count, fit(m_countRect, {tr("processes")}));
    const auto intervals = [&](QCPAxisRect* rect) {
        return std::clamp(static_cast<int>(rect->height() / (1.5 * tickLabels.height())), 1, 5);
    };

    double busyStep = 100;
    for (const double step : {50.0, 25.0})
        if (100 / step <= intervals(m_cpuRect))
            busyStep = step;
    double countStep = 0;
    for (double decade = 1; countStep == 0; decade *= 10)
        for (const double m : {1.0, 2.0, 5.0})
            if (countStep == 0 && m * decade * intervals(m_countRect) >= m_countPeak)
                countStep = m * decade;
    const double countTop = std::ceil(m_countPeak / countStep - 1e-9) * countStep;
    const QCPRange range(-kBottom * countTop, countTop * (kCpuTop / 100));
    changed = changed || count->range() != range;
    count->setRange(range);
    for (const auto& [axis, step] : {std::pair{busy, busyStep}, std::pair{count, countStep}})
        if (auto fixed = qSharedPointerDynamicCast<QCPAxisTickerFixed>(axis->ticker())) {
            changed = changed || fixed->tickStep() != step;
            fixed->setTickStep(step);
            fixed->setScaleStrategy(QCPAxisTickerFixed::ssNone);
        }
    // Time labels as wide as the widest that may come ("17 ms", "2.5 ms"), a label and a quarter
    // apart (QCustomPlot rounds the step to 1, 2, 2.5 or 5 times a power of ten, a little closer).
    QCPAxis* time = m_countRect->axis(QCPAxis::atBottom);
    const QCPRange span = time->range();
    const double scale = m_timeTicker->nanoseconds() ? unitScaleFor(span.size()).nanoseconds : 1;
    QString widest = QString::number(std::max(std::abs(span.lower), std::abs(span.upper)) / scale, 'f', 0);
    if (m_timeTicker->nanoseconds() && span.size() / scale < 10)
        widest += QStringLiteral(".5"); // steps under a whole unit
    if (m_timeTicker->unitInLabels())
        widest += QLatin1Char(' ') + m_timeTicker->unitFor(span.size());
    const double labelWidth = tickLabels.horizontalAdvance(widest) + tickLabels.height();
    const int tickCount = std::clamp(static_cast<int>(m_countRect->width() / (1.25 * labelWidth)), 2, 5);
    changed = changed || m_timeTicker->tickCount() != tickCount;
    m_timeTicker->setTickCount(tickCount);
    return changed;
}

void CpuPlotView::updateTimeLabel()
{
    QCPAxis* time = m_countRect->axis(QCPAxis::atBottom);
    time->setLabel(m_timeTicker->unitInLabels()
                       ? QString()
                       : tr("time (%1)").arg(m_timeTicker->unitFor(time->range().size())));
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
    for (QCPAxisRect* rect : {m_cpuRect, m_countRect})
        rect->axis(QCPAxis::atBottom)->setRange(static_cast<double>(from), static_cast<double>(to));
    m_settingRange = false;
    updateTimeLabel();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

// The user dragged or zoomed one plot area: the other follows, and so does every view.
void CpuPlotView::onUserRange(QCPAxis* moved, const QCPRange& range)
{
    if (m_settingRange)
        return;
    m_settingRange = true;
    for (QCPAxisRect* rect : {m_cpuRect, m_countRect})
        if (QCPAxis* axis = rect->axis(QCPAxis::atBottom); axis != moved)
            axis->setRange(range);
    if (m_viewState)
        m_viewState->setVisibleRange(
            static_cast<Tick>(std::floor(range.lower)), static_cast<Tick>(std::ceil(range.upper)));
    m_settingRange = false;
    updateTimeLabel();
}

void CpuPlotView::onTickChanged(Tick now)
{
    m_tick = now;
    const Trace* t = trace();
    m_shownEnd = !t ? 0 : m_viewState ? m_viewState->shownEnd(*t, now) : t->end();
    for (CursorGraph* g : m_perCpu)
        g->setShownEnd(static_cast<double>(m_shownEnd));
    for (CursorGraph* g : {m_cpuArea, m_cpu, m_io, m_ready})
        if (g)
            g->setShownEnd(static_cast<double>(m_shownEnd));
    // With the future hidden, the count axis does not give away how long the queues will grow.
    const double countPeak = std::max(2.0, m_lines->countPeakBefore(m_shownEnd));
    if (countPeak != m_countPeak) {
        m_countPeak = countPeak;
        fitAxes();
    }
    for (QCPItemStraightLine* cursor : m_cursorLines) {
        cursor->point1->setCoords(static_cast<double>(now), 0);
        cursor->point2->setCoords(static_cast<double>(now), 1);
    }
    updateHeader();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void CpuPlotView::updateHeader()
{
    const Trace* t = trace();
    const QColor running = stateColor(ProcessState::Running, m_palette).darker(110);
    const QColor blocked = stateColor(ProcessState::Blocked, m_palette);
    const QColor ready = stateColor(ProcessState::Ready, m_palette).darker(115);
    const QString none = QStringLiteral("\u2013");
    const QString io = ioName(series().ioMeaning());
    ValueTexts texts{tr("CPU %1").arg(none), QStringLiteral("%1 %2").arg(io, none), tr("Ready %1").arg(none)};
    QString caption;
    const Tick w = window();
    const TimeUnit unit = t ? timeUnitOf(*t) : TimeUnit::Tick;
    if (t && !series().empty()) {
        texts = w > 0 ? averagedTexts(series(), w, series().bucketOf(m_tick))
                      : exactTexts(valuesAt(*t, m_tick), series().ioMeaning());
        caption = ui::captionText(series(), w, unit, m_lines->exactSteps);
    }
    // The widest each value gets, so the strip does not reflow as they change.
    const int digits = static_cast<int>(QString::number(std::lround(m_lines->maxCount)).size());
    const QString count =
        w > 0 ? QString(digits, QLatin1Char('8')) + QStringLiteral(".8") : QString(digits, QLatin1Char('8'));
    std::vector<UtilizationHeader::Item> items{
        {texts.cpu, QPen(running, 4), tr("CPU 100 %")},
        {texts.io, QPen(blocked, 4, Qt::DashLine), QStringLiteral("%1 %2").arg(io, count)},
        {texts.ready, QPen(ready, 4), tr("Ready %1").arg(count)},
    };
    if (w > 0)
        items.push_back({averageText(w, unit), QPen(Qt::NoPen), {}});
    m_header->setItems(std::move(items), caption);
}

QString CpuPlotView::headerText() const
{
    return m_header->text();
}

QString CpuPlotView::captionText() const
{
    return m_header->caption();
}

void CpuPlotView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    applyStyle();
}

void CpuPlotView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
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
