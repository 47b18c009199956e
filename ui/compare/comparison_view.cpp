#include "ui/compare/comparison_view.h"

#include "ui/compare/comparison.h"
#include "ui/compare/comparison_model.h"
#include "ui/document/document.h"
#include "ui/gantt/gantt_view.h"
#include "ui/panels/panel_style.h"
#include "ui/playback/playback_controller.h"
#include "ui/playback/view_state.h"
#include "ui/style/custom_plot.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace procscope::ui {

namespace {

QToolButton* transportButton(QWidget* parent, QStyle::StandardPixmap icon, const QString& tip)
{
    auto* b = new QToolButton(parent);
    b->setIcon(parent->style()->standardIcon(icon));
    b->setToolTip(tip);
    b->setAutoRaise(true);
    b->setIconSize(QSize(24, 24));
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
    useReadableFont(this);
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
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignCenter);
    QFont bold = m_table->font();
    bold.setBold(true);
    m_table->verticalHeader()->setFont(bold);
    fitRowsToFont(m_table);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(makeTransport());
    layout->addWidget(makeCharts(), 1);
    layout->addWidget(m_table);
    fitTableHeight();

    connectCharts();
    addShortcuts();
    refreshTransport();
}

ComparisonView::~ComparisonView()
{
    // The charts read the documents' traces and the table reads the comparison: they go first.
    m_model->setComparison(nullptr);
    for (Chart& chart : m_charts)
        delete chart.view;
}

PlaybackController* ComparisonView::playback() const
{
    return m_charts.empty() ? nullptr : m_charts.front().playback;
}

QString ComparisonView::chartHeading(int i) const
{
    const Comparison& c = *m_comparison;
    QString text = QStringLiteral("<b>%1</b>").arg(c.variant(i).label.toHtmlEscaped());
    if (!c.error(i).isEmpty())
        return text + QStringLiteral(" &nbsp; <span style='color:#B71C1C'>%1</span>")
                          .arg(c.error(i).toHtmlEscaped());
    const Metrics& m = c.metrics(i);
    text += QStringLiteral(" &nbsp; avg turnaround %1 \u00b7 avg response %2 \u00b7 done at tick %3")
                .arg(formatMetric(ComparisonMetric::AvgTurnaround, m.avgTurnaround),
                    formatMetric(ComparisonMetric::AvgResponse, m.avgResponse))
                .arg(c.trace(i).end());
    if (c.hitTickLimit(i))
        text += QStringLiteral(" <span style='color:#B71C1C'>(tick limit)</span>");
    return text;
}

QWidget* ComparisonView::makeCharts()
{
    auto* charts = new QWidget;
    auto* layout = new QVBoxLayout(charts);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    for (int i = 0; i < chartCount(); ++i) {
        Chart& chart = m_charts[static_cast<std::size_t>(i)];
        chart.title = new QLabel(chartHeading(i), charts);
        chart.title->setTextFormat(Qt::RichText);
        chart.title->setContentsMargins(4, i == 0 ? 0 : 6, 4, 0);
        chart.view = new GanttView(chart.playback, chart.state, charts);
        // The charts keep the Gantt chart's own type size (11 pt and up): at the panels' larger
        // size three charts of five rows would not fit a projector's 1080 lines.
        chart.view->setFont(QApplication::font());
        // One legend for the stack, on the first chart; every row of every chart stays visible
        // (the scroll area scrolls the stack, not the charts).
        if (i > 0) {
            chart.view->plot()->legend->clearItems();
            chart.view->plot()->legend->setVisible(false);
        }
        const Trace& trace = chart.document->trace();
        const int rows = static_cast<int>(trace.processCount()) + trace.cpuCount();
        const int line = QFontMetrics(chart.view->plot()->yAxis->tickLabelFont()).height();
        chart.view->setMinimumHeight(rows * (line * 19 / 10) + line * (i == 0 ? 7 : 5));
        layout->addWidget(chart.title);
        layout->addWidget(chart.view, 1);
    }
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(charts);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return scroll;
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
    QFont bold = m_tick->font();
    bold.setBold(true);
    m_tick->setFont(bold);
    m_tick->setMinimumWidth(
        m_tick->fontMetrics().horizontalAdvance(QStringLiteral("tick 0000000 / 0000000")));
    layout->addWidget(m_tick);
    m_scrubber = new QSlider(Qt::Horizontal, bar);
    m_scrubber->setToolTip(tr("Drag to move every chart through time"));
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

// The table is as tall as its rows: every variant's numbers in view, the charts get the rest.
void ComparisonView::fitTableHeight()
{
    int height = m_table->horizontalHeader()->sizeHint().height() + 2 * m_table->frameWidth();
    for (int r = 0; r < m_model->rowCount(); ++r)
        height += m_table->rowHeight(r);
    m_table->setFixedHeight(height);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
}

void ComparisonView::setColorScheme(Palette palette)
{
    for (Chart& chart : m_charts)
        chart.view->setColorScheme(palette);
}

} // namespace procscope::ui
