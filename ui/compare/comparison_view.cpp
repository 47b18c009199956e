#include "ui/compare/comparison_view.h"

#include "ui/compare/comparison.h"
#include "ui/compare/comparison_model.h"
#include "ui/compare/comparison_table.h"
#include "ui/document/document.h"
#include "ui/gantt/gantt_view.h"
#include "ui/playback/playback_controller.h"
#include "ui/playback/view_state.h"
#include "ui/style/custom_plot.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>

namespace procscope::ui {

namespace {

constexpr int kChartSpacing = 4;

QToolButton* transportButton(QWidget* parent, QStyle::StandardPixmap icon, const QString& tip)
{
    auto* b = new QToolButton(parent);
    b->setIcon(parent->style()->standardIcon(icon));
    b->setToolTip(tip);
    b->setAutoRaise(true);
    b->setIconSize(QSize(24, 24));
    b->setFocusPolicy(Qt::NoFocus); // the keys belong to the charts: Space must not press a button
    return b;
}

// The same process in another run: workload processes keep their names under every policy.
ProcIndex sameProcess(const Trace& from, const Trace& to, ProcIndex p)
{
    if (p < 0 || static_cast<std::size_t>(p) >= from.processCount())
        return -1;
    const std::string& name = from.info(p).name;
    for (std::size_t q = 0; q < to.processCount(); ++q)
        if (to.info(static_cast<ProcIndex>(q)).name == name)
            return static_cast<ProcIndex>(q);
    return -1;
}

} // namespace

ComparisonView::ComparisonView(Comparison comparison, QWidget* parent)
    : QWidget(parent)
    , m_comparison(std::make_unique<Comparison>(std::move(comparison)))
{
    setWindowTitle(tr("Policies side by side \u2014 %1")
                       .arg(QString::fromStdString(m_comparison->workload().name.empty()
                                                       ? std::string("workload")
                                                       : m_comparison->workload().name)));

    // Every chart shows a copy of its run padded to the longest run: one time axis for all, and
    // a run that finished early shows its processes terminated and its CPUs idle meanwhile.
    const Tick end = m_comparison->end();
    for (int i = 0; i < m_comparison->variantCount(); ++i) {
        Trace trace = m_comparison->trace(i);
        trace.setEnd(end, trace.finished());
        Chart chart;
        chart.document = new Document(std::move(trace), m_comparison->variant(i).label, QString(), this);
        chart.playback = new PlaybackController(this);
        chart.playback->setDocument(chart.document);
        chart.state = new ViewState(this);
        m_charts.push_back(chart);
    }

    m_model = new ComparisonModel(this);
    m_model->setComparison(m_comparison.get());
    m_table = new ComparisonTable(m_model, this);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(makeTransport());
    layout->addWidget(makeCharts(), 1);
    layout->addWidget(m_table);
    applyFonts();

    connectCharts();
    addShortcuts();
    refreshTransport();
}

ComparisonView::~ComparisonView()
{
    // The charts read the documents' traces and the table reads the comparison: they go first.
    m_model->setComparison(nullptr);
    m_scroll->viewport()->removeEventFilter(this);
    for (Chart& chart : m_charts)
        chart.view->plot()->removeEventFilter(this);
    for (Chart& chart : m_charts) {
        delete chart.view;
        chart.view = nullptr;
    }
}

PlaybackController* ComparisonView::playback() const
{
    return m_charts.empty() ? nullptr : m_charts.front().playback;
}

// Beside its chart, not above it: the height goes to the rows, and a 1280 px wide window has width
// to spare for a short column.
QString ComparisonView::chartHeading(int i) const
{
    const Comparison& c = *m_comparison;
    // Plain text colour: in this window a colour means a process state, nothing else.
    QString text = QStringLiteral("<b>%1</b>").arg(c.variant(i).label.toHtmlEscaped());
    if (!c.error(i).isEmpty())
        return text + QStringLiteral("<br>cannot run: <i>%1</i>").arg(c.error(i).toHtmlEscaped());
    const Metrics& m = c.metrics(i);
    text += QStringLiteral("<br>turnaround %1<br>response %2<br>done at tick %3")
                .arg(formatMetric(ComparisonMetric::AvgTurnaround, m.avgTurnaround),
                    formatMetric(ComparisonMetric::AvgResponse, m.avgResponse))
                .arg(c.trace(i).end());
    if (c.hitTickLimit(i))
        text += QStringLiteral("<br><b>stopped at the tick limit</b>");
    return text;
}

QWidget* ComparisonView::makeCharts()
{
    const QString mouse = tr("Wheel: scroll the charts \u00b7 Ctrl+wheel: zoom the time axis \u00b7 "
                             "Shift+wheel or drag: pan \u00b7 double-click: move the cursor \u00b7 0: fit");
    auto* charts = new QWidget;
    auto* layout = new QVBoxLayout(charts);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(kChartSpacing);
    for (int i = 0; i < chartCount(); ++i) {
        Chart& chart = m_charts[static_cast<std::size_t>(i)];
        chart.title = new QLabel(chartHeading(i), charts);
        chart.title->setTextFormat(Qt::RichText);
        chart.title->setWordWrap(true);
        chart.title->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        chart.title->setToolTip(mouse);
        chart.title->setContentsMargins(4, 4, 4, 0);
        chart.view = new GanttView(chart.playback, chart.state, charts);
        // Wheel and page keys reach this view before the chart's own handling (last filter first).
        chart.view->plot()->installEventFilter(this);
        auto* row = new QHBoxLayout;
        row->setSpacing(0);
        row->addWidget(chart.title, 0, Qt::AlignTop);
        row->addWidget(chart.view, 1, Qt::AlignTop);
        layout->addLayout(row);
    }
    layout->addStretch(1);
    m_scroll = new QScrollArea(this);
    m_scroll->setWidget(charts);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setFocusPolicy(Qt::NoFocus);
    m_scroll->viewport()->installEventFilter(this);
    return m_scroll;
}

QWidget* ComparisonView::makeTransport()
{
    auto* bar = new QWidget(this);
    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* start = transportButton(bar, QStyle::SP_MediaSkipBackward, tr("Go to the start (Home)"));
    auto* previous = transportButton(bar, QStyle::SP_MediaSeekBackward, tr("Previous event (Shift+Left)"));
    auto* back = transportButton(bar, QStyle::SP_ArrowLeft, tr("Step back one tick (Left)"));
    m_play = transportButton(bar, QStyle::SP_MediaPlay, tr("Play / pause (Space)"));
    auto* forward = transportButton(bar, QStyle::SP_ArrowRight, tr("Step forward one tick (Right)"));
    auto* next = transportButton(bar, QStyle::SP_MediaSeekForward, tr("Next event (Shift+Right)"));
    auto* last = transportButton(bar, QStyle::SP_MediaSkipForward, tr("Go to the end (End)"));
    for (QToolButton* b : {start, previous, back, m_play, forward, next, last})
        layout->addWidget(b);
    m_tick = new QLabel(bar);
    layout->addWidget(m_tick);
    m_scrubber = new QSlider(Qt::Horizontal, bar);
    m_scrubber->setToolTip(tr("Drag to move every chart through time"));
    m_scrubber->setFocusPolicy(Qt::NoFocus);
    layout->addWidget(m_scrubber, 1);

    PlaybackController* master = playback();
    if (!master)
        return bar;
    connect(start, &QToolButton::clicked, master, &PlaybackController::toStart);
    connect(previous, &QToolButton::clicked, this, &ComparisonView::previousEvent);
    connect(back, &QToolButton::clicked, master, &PlaybackController::stepBack);
    connect(m_play, &QToolButton::clicked, master, &PlaybackController::togglePlay);
    connect(forward, &QToolButton::clicked, master, &PlaybackController::stepForward);
    connect(next, &QToolButton::clicked, this, &ComparisonView::nextEvent);
    connect(last, &QToolButton::clicked, master, &PlaybackController::toEnd);
    connect(m_scrubber, &QSlider::valueChanged, master, [master](int v) { master->seek(v); });
    connect(master, &PlaybackController::tickChanged, this, &ComparisonView::refreshTransport);
    connect(master, &PlaybackController::playingChanged, this, [this](bool playing) {
        m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    });
    return bar;
}

// One cursor: the first chart's controller is the master; every other chart follows it, and a
// chart moved by itself (double-click) moves the master. One visible range: any chart's zoom or
// pan is written to every other chart's ViewState. One selection, matched by process name.
void ComparisonView::connectCharts()
{
    PlaybackController* master = playback();
    for (std::size_t i = 0; i < m_charts.size(); ++i) {
        Chart& chart = m_charts[i];
        if (i > 0) {
            connect(master, &PlaybackController::tickChanged, chart.playback,
                [p = chart.playback](Tick tick, Tick) { p->seek(tick); });
            connect(chart.playback, &PlaybackController::tickChanged, master,
                [master](Tick tick, Tick) { master->seek(tick); });
        }
        for (std::size_t j = 0; j < m_charts.size(); ++j) {
            if (i == j)
                continue;
            ViewState* other = m_charts[j].state;
            connect(chart.state, &ViewState::visibleRangeChanged, other, &ViewState::setVisibleRange);
            const Trace* fromTrace = &chart.document->trace();
            const Trace* toTrace = &m_charts[j].document->trace();
            connect(chart.state, &ViewState::selectedProcessChanged, other,
                [other, fromTrace, toTrace](
                    ProcIndex p) { other->setSelectedProcess(sameProcess(*fromTrace, *toTrace, p)); });
        }
    }
}

void ComparisonView::addShortcuts()
{
    PlaybackController* master = playback();
    if (!master)
        return;
    const auto add = [this](const QKeySequence& keys, auto slot) {
        auto* shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, slot);
    };
    add(QKeySequence(Qt::Key_Space), [master] { master->togglePlay(); });
    add(QKeySequence(Qt::Key_Left), [master] { master->stepBack(); });
    add(QKeySequence(Qt::Key_Right), [master] { master->stepForward(); });
    add(QKeySequence(Qt::SHIFT | Qt::Key_Left), [this] { previousEvent(); });
    add(QKeySequence(Qt::SHIFT | Qt::Key_Right), [this] { nextEvent(); });
    add(QKeySequence(Qt::Key_Home), [master] { master->toStart(); });
    add(QKeySequence(Qt::Key_End), [master] { master->toEnd(); });
    add(QKeySequence::Close, [this] { close(); });
}

void ComparisonView::nextEvent()
{
    PlaybackController* master = playback();
    if (!master)
        return;
    std::optional<Tick> next;
    for (const Chart& chart : m_charts)
        if (const auto t = nextEventAfter(chart.document->trace(), master->tick());
            t && (!next || *t < *next))
            next = t;
    next ? master->seek(*next) : master->toEnd();
}

void ComparisonView::previousEvent()
{
    PlaybackController* master = playback();
    if (!master)
        return;
    std::optional<Tick> previous;
    for (const Chart& chart : m_charts)
        if (const auto t = previousEventBefore(chart.document->trace(), master->tick());
            t && (!previous || *t > *previous))
            previous = t;
    previous ? master->seek(*previous) : master->toStart();
}

void ComparisonView::refreshTransport()
{
    PlaybackController* master = playback();
    const Tick last = master ? master->lastTick() : 0;
    const Tick tick = master ? master->tick() : 0;
    const QSignalBlocker block(m_scrubber);
    m_scrubber->setRange(0, static_cast<int>(std::min<Tick>(last, std::numeric_limits<int>::max())));
    m_scrubber->setValue(static_cast<int>(std::min<Tick>(tick, std::numeric_limits<int>::max())));
    m_tick->setText(tr("tick %1 / %2").arg(tick).arg(last));
}

// The headings and the table read from the back of the room; the charts keep the Gantt chart's
// own type size (11 pt and up), or the rows of three charts would not share one screen. Both
// follow the application font (presentation mode makes it larger).
void ComparisonView::applyFonts()
{
    // At least 13 pt, and the application's size when larger (presentation mode's 1.5 times):
    // not the panels' 1.2 times more, or the table would not share a 1024 px projector with them.
    QFont readable = QApplication::font();
    if (readable.pointSizeF() > 0)
        readable.setPointSizeF(std::max(13.0, readable.pointSizeF()));
    setFont(readable);
    QFont bold = font();
    bold.setBold(true);
    m_tick->setFont(bold);
    m_tick->setMinimumWidth(QFontMetrics(bold).horizontalAdvance(QStringLiteral("tick 0000000 / 0000000")));
    m_table->setFont(font());
    // The headings' column: the widest of its lines, or a label wraps onto more lines.
    const int column = QFontMetrics(bold).horizontalAdvance(QStringLiteral("turnaround 00000.0")) + 8;
    for (int i = 0; i < chartCount(); ++i) {
        Chart& chart = m_charts[static_cast<std::size_t>(i)];
        chart.title->setFixedWidth(column);
        chart.view->setFont(QApplication::font());
        // Tall enough to lay the plot out once before layoutCharts() measures it.
        const int line = QFontMetrics(chart.view->plot()->yAxis->tickLabelFont()).height();
        chart.view->setFixedHeight((chart.view->rows().count() * 2 + 12) * line);
    }
    shareLegendAndAxis();
    scheduleLayout();
}

int ComparisonView::minimumRowHeight() const
{
    // A row label with an eighth of its height free above and below it, not less: the rows of a
    // chart must not read as one block from the back of the room.
    const int line = m_charts.empty()
                         ? fontMetrics().height()
                         : QFontMetrics(m_charts.front().view->plot()->yAxis->tickLabelFont()).height();
    return line * 5 / 4;
}

void ComparisonView::scheduleLayout()
{
    if (m_layoutPending)
        return;
    m_layoutPending = true;
    QTimer::singleShot(0, this, [this] {
        m_layoutPending = false;
        layoutCharts();
    });
}

// One row height for every chart, so a tick and a process are the same size in all of them: what
// the list's height leaves after each chart's axis, legend and cursor label, shared by all the rows.
void ComparisonView::layoutCharts()
{
    if (m_charts.empty())
        return;
    int fixed = kChartSpacing * (chartCount() - 1);
    int rows = 0;
    std::vector<int> overhead;
    for (const Chart& chart : m_charts) {
        // The chart's own layout gives its axis, legend and cursor label heights at this width.
        chart.view->replotNow();
        const int plot = chart.view->plot()->height();
        const int area = chart.view->plot()->axisRect()->height();
        const int line = QFontMetrics(chart.view->plot()->yAxis->tickLabelFont()).height();
        // Two pixels to spare: no rounding may hide the last row. A collapsed plot: a fair guess.
        overhead.push_back((area > line ? plot - area : 8 * line) + 2);
        fixed += overhead.back();
        rows += chart.view->rows().count();
    }
    const int least = minimumRowHeight();
    const int fill = (m_scroll->viewport()->height() - fixed) / std::max(1, rows);
    m_rowHeight = std::clamp(fill, least, least * 3);
    for (std::size_t i = 0; i < m_charts.size(); ++i) {
        GanttView* view = m_charts[i].view;
        view->setRowHeight(m_rowHeight);
        view->setFixedHeight(overhead[i] + view->rows().count() * m_rowHeight);
    }
}

bool ComparisonView::event(QEvent* event)
{
    if (event->type() == QEvent::ApplicationFontChange)
        applyFonts();
    return QWidget::event(event);
}

bool ComparisonView::eventFilter(QObject* watched, QEvent* event)
{
    if (m_scroll && watched == m_scroll->viewport()) {
        if (event->type() == QEvent::Resize)
            scheduleLayout();
        return false;
    }
    for (const Chart& chart : m_charts) {
        if (!chart.view || watched != chart.view->plot())
            continue;
        if (event->type() == QEvent::Wheel)
            return wheelOnChart(chart.view, static_cast<QWheelEvent*>(event));
        if (event->type() == QEvent::KeyPress)
            return keyOnChart(static_cast<QKeyEvent*>(event));
        return false;
    }
    return false;
}

// The wheel scrolls the list of charts as it scrolls any page; zooming asks for Ctrl, as in a
// browser. Each chart shows all its rows, so it has nothing of its own to scroll.
bool ComparisonView::wheelOnChart(GanttView* chart, QWheelEvent* event)
{
    const QPoint delta = event->angleDelta();
    const double notches = (delta.y() != 0 ? delta.y() : delta.x()) / 120.0;
    const Qt::KeyboardModifiers mods = event->modifiers();
    if (mods & Qt::ControlModifier)
        chart->zoomAt(event->position().x(), std::pow(1.25, notches));
    else if ((mods & Qt::ShiftModifier) || std::abs(delta.x()) > std::abs(delta.y()))
        chart->panBy(-notches * chart->timeAxis().width() / 10);
    else
        QCoreApplication::sendEvent(m_scroll->verticalScrollBar(), event);
    event->accept();
    return true;
}

bool ComparisonView::keyOnChart(QKeyEvent* event)
{
    if (event->modifiers() != Qt::NoModifier && event->modifiers() != Qt::KeypadModifier)
        return false;
    QScrollBar* bar = m_scroll->verticalScrollBar();
    switch (event->key()) {
    case Qt::Key_Up:
        bar->triggerAction(QAbstractSlider::SliderSingleStepSub);
        return true;
    case Qt::Key_Down:
        bar->triggerAction(QAbstractSlider::SliderSingleStepAdd);
        return true;
    case Qt::Key_PageUp:
        bar->triggerAction(QAbstractSlider::SliderPageStepSub);
        return true;
    case Qt::Key_PageDown:
        bar->triggerAction(QAbstractSlider::SliderPageStepAdd);
        return true;
    default:
        return false;
    }
}

void ComparisonView::setColorScheme(Palette palette)
{
    for (Chart& chart : m_charts)
        chart.view->setColorScheme(palette);
    shareLegendAndAxis();
    scheduleLayout(); // the legend's width, so its rows, may change
}

// One legend for the stack, over the first chart; one numbered time axis, under the last (the
// others keep their grid lines at the same ticks): the height goes to the rows. Again after each
// change of font or palette, which refills a chart's legend.
void ComparisonView::shareLegendAndAxis()
{
    for (int i = 0; i < chartCount(); ++i) {
        QCustomPlot* plot = m_charts[static_cast<std::size_t>(i)].view->plot();
        if (i > 0) {
            plot->legend->clearItems();
            plot->legend->setVisible(false);
        }
        if (i + 1 < chartCount()) {
            plot->xAxis->setVisible(false);
            plot->axisRect()->setMinimumMargins(QMargins(0, 0, 0, 2));
        }
    }
}

} // namespace procscope::ui
