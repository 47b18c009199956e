#include "ui/diagram/state_diagram_view.h"

#include "core/trace/cursor.h"
#include "ui/document/document.h"
#include "ui/playback/playback_controller.h"
#include "ui/playback/view_state.h"

#include <QEasingCurve>
#include <QFileInfo>
#include <QFontInfo>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace procscope::ui {

namespace {

// More tokens than this changing at once is a seek, not a step a student can follow.
constexpr std::size_t kMaxAnimatedFirings = 400;

QString stateText(ProcessState s)
{
    return stateLabel(s);
}

} // namespace

StateDiagramView::StateDiagramView(PlaybackController* playback, ViewState* viewState, QWidget* parent)
    : QWidget(parent)
    , m_playback(playback)
    , m_viewState(viewState)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(false);
    setMinimumSize(minimumSizeHint());
    m_animation.setStartValue(0.0);
    m_animation.setEndValue(1.0);
    m_animation.setDuration(kStepMilliseconds);
    m_animation.setEasingCurve(QEasingCurve::InOutCubic);
    connect(&m_animation, &QVariantAnimation::valueChanged, this, [this] { update(); });
    connect(&m_animation, &QVariantAnimation::finished, this, [this] {
        m_flights.clear();
        update();
    });
    if (m_playback) {
        connect(m_playback, &PlaybackController::traceChanged, this, &StateDiagramView::onTraceChanged);
        connect(m_playback, &PlaybackController::tickChanged, this, &StateDiagramView::onTickChanged);
    }
    if (m_viewState)
        connect(m_viewState, &ViewState::selectedProcessChanged, this, [this] {
            placeTokens();
            update();
        });
    relayout();
    onTraceChanged();
}

StateDiagramView::~StateDiagramView() = default;

const Trace* StateDiagramView::trace() const
{
    return m_playback && m_playback->document() ? &m_playback->document()->trace() : nullptr;
}

void StateDiagramView::setFullLifecycle(bool full)
{
    if (full == m_full)
        return;
    m_full = full;
    m_animation.stop();
    m_flights.clear();
    relayout();
    update();
}

void StateDiagramView::setArrowWording(ArrowWording wording)
{
    m_wording = wording;
    update();
}

void StateDiagramView::setColorScheme(Palette palette)
{
    m_palette = palette;
    update();
}

StateSet StateDiagramView::wantedStates() const
{
    if (m_full)
        return DiagramLayout::allStates();
    StateSet states = m_held;
    // The way out is shown whole: Zombie before Terminated even when every exit was reaped at once.
    if (states.test(std::size_t(ProcessState::Zombie)) || states.test(std::size_t(ProcessState::Terminated)))
        states.set(std::size_t(ProcessState::Zombie)).set(std::size_t(ProcessState::Terminated));
    return states;
}

void StateDiagramView::relayout()
{
    m_animation.stop();
    m_flights.clear();
    m_layout = DiagramLayout(QSizeF(size()), wantedStates(), m_rare, QFontInfo(font()).pixelSize());
    placeTokens();
}

void StateDiagramView::onTraceChanged()
{
    m_animation.stop();
    m_flights.clear();
    const Trace* t = trace();
    const Document* document = m_playback ? m_playback->document() : nullptr;
    auto checkpoints = document ? firingCheckpointsOf(document->indexes(), document->trace()) : nullptr;
    m_held = checkpoints ? checkpoints->held() : StateSet{};
    m_tally.reset(std::move(checkpoints));
    m_tick = m_playback ? m_playback->tick() : 0;
    m_counts = t ? m_tally.countsAt(*t, m_tick) : TransitionCounts{};
    m_lit.reset();
    if (t)
        for (const Firing& f : firedBetween(*t, m_tick - 1, m_tick))
            m_lit.set(static_cast<std::size_t>(f.transition));
    std::bitset<kTransitionCount> rare;
    for (int i = 0; i < kTransitionCount; ++i)
        rare.set(static_cast<std::size_t>(i), m_counts[static_cast<std::size_t>(i)] > 0);
    m_rare = rare;
    relayout();
    update();
}

void StateDiagramView::onTickChanged(Tick now, Tick previous)
{
    const Trace* t = trace();
    if (!t)
        return;
    m_animation.stop();
    m_flights.clear();
    const std::vector<QRectF> before = m_rest;
    m_tick = now;
    m_counts = m_tally.countsAt(*t, now);
    // Rare arrows (suspend from New or Running) appear once they have fired.
    std::bitset<kTransitionCount> rare;
    for (int i = 0; i < kTransitionCount; ++i)
        rare.set(static_cast<std::size_t>(i), m_counts[static_cast<std::size_t>(i)] > 0);
    if (rare != m_rare) {
        m_rare = rare;
        m_layout = DiagramLayout(QSizeF(size()), wantedStates(), m_rare, QFontInfo(font()).pixelSize());
    }
    placeTokens();

    m_lit.reset();
    for (const Firing& f : firedBetween(*t, now - 1, now))
        m_lit.set(static_cast<std::size_t>(f.transition));

    // Animate one step, either way: to the next tick, or over ticks in which nothing happens but
    // at the far end. A jump over several events just places the tokens.
    const bool backwards = now < previous;
    const Tick low = std::min(now, previous), high = std::max(now, previous);
    int duration = kStepMilliseconds;
    if (m_playback && m_playback->isPlaying())
        duration = std::min(duration, static_cast<int>(800.0 / std::max(0.001, m_playback->speed())));
    bool animate = now != previous && isVisible() && duration >= 60;
    if (animate && high - low > 1) {
        const auto next = nextEventAfter(*t, low);
        animate = !next || *next >= high;
    }
    if (animate) {
        const std::vector<Firing> step = firedBetween(*t, low, high);
        if (step.size() <= kMaxAnimatedFirings) {
            m_animation.setDuration(duration);
            startAnimation(step, before, backwards);
        }
    }
    update();
}

void StateDiagramView::placeTokens()
{
    const Trace* t = trace();
    const std::size_t n = t ? t->processCount() : 0;
    m_state.assign(n, ProcessState::Unknown);
    m_rest.assign(n, QRectF());
    m_fontPx.assign(n, m_layout.tokenFontPx());
    m_population.fill(0);
    m_overflow.fill(0);
    m_placeholders.clear();
    if (!t)
        return;
    const Frame frame = frameAt(*t, m_tick);
    for (std::size_t i = 0; i < n; ++i)
        if (frame.states[i]) {
            m_state[i] = *frame.states[i];
            ++m_population[static_cast<std::size_t>(*frame.states[i])];
        }
    const ProcIndex selected = m_viewState ? m_viewState->selectedProcess() : -1;

    std::vector<std::vector<ProcIndex>> membersOf;
    for (const DiagramNode& node : m_layout.nodes()) {
        // The order inside a node teaches something: the ready queue head first, the running
        // processes by CPU (an idle CPU keeps its empty slot), the blocked ones by device queue.
        std::vector<ProcIndex> members;
        switch (node.state) {
        case ProcessState::Ready:
            for (const auto& level : frame.readyQueues)
                members.insert(members.end(), level.begin(), level.end());
            break;
        case ProcessState::Running: {
            std::vector<bool> seen(n, false);
            for (ProcIndex p : frame.running) {
                const bool running = p >= 0 && m_state[static_cast<std::size_t>(p)] == ProcessState::Running;
                members.push_back(running ? p : (p == kCpuSwitch ? kCpuSwitch : kCpuIdle));
                if (running)
                    seen[static_cast<std::size_t>(p)] = true;
            }
            for (std::size_t i = 0; i < n; ++i)
                if (m_state[i] == ProcessState::Running && !seen[i])
                    members.push_back(static_cast<ProcIndex>(i));
            break;
        }
        case ProcessState::Blocked:
            for (const auto& device : frame.ioQueues)
                members.insert(members.end(), device.begin(), device.end());
            members.insert(members.end(), frame.waiting.begin(), frame.waiting.end());
            break;
        default:
            for (std::size_t i = 0; i < n; ++i)
                if (m_state[i] == node.state)
                    members.push_back(static_cast<ProcIndex>(i));
            break;
        }
        membersOf.push_back(std::move(members));
    }
    // Each node's tokens as large as fit there with their names, then as discs with the pid,
    // then "+N more": a crowded ready queue does not shrink the one running process.
    for (std::size_t k = 0; k < membersOf.size(); ++k) {
        const DiagramNode& node = m_layout.nodes()[k];
        std::vector<ProcIndex>& members = membersOf[k];
        const TokenGrid grid = m_layout.tokenGrid(node.state, static_cast<int>(members.size()));
        const int capacity = grid.capacity();
        int shown = static_cast<int>(members.size());
        if (shown > capacity) {
            shown = std::max(0, capacity - 1);
            // The selected process never hides behind "+N more".
            const auto it = std::find(members.begin(), members.end(), selected);
            if (selected >= 0 && shown > 0 && it != members.end() && it - members.begin() >= shown)
                std::iter_swap(it, members.begin() + (shown - 1));
            const auto hidden =
                std::count_if(members.begin() + shown, members.end(), [](ProcIndex p) { return p >= 0; });
            m_overflow[static_cast<std::size_t>(node.state)] = static_cast<int>(hidden);
            if (capacity > 0) {
                // The rest of the last row says how many more there are.
                const QRectF more = grid.slot(shown).united(grid.slot(grid.capacity() - 1));
                m_placeholders.push_back({more, grid.fontPx * 1.1, tr("+%1 more").arg(hidden), false,
                    QStringLiteral("+%1").arg(hidden)});
            }
        }
        for (int i = 0; i < shown; ++i) {
            const ProcIndex p = members[static_cast<std::size_t>(i)];
            if (p >= 0) {
                m_rest[static_cast<std::size_t>(p)] = grid.slot(i);
                m_fontPx[static_cast<std::size_t>(p)] = grid.fontPx;
            } else {
                m_placeholders.push_back({grid.slot(i), grid.fontPx,
                    p == kCpuSwitch ? tr("switch") : tr("CPU %1 idle").arg(i), true});
            }
        }
    }
}

void StateDiagramView::startAnimation(
    const std::vector<Firing>& fired, const std::vector<QRectF>& before, bool backwards)
{
    const std::size_t n = m_rest.size();
    std::vector<std::vector<const DiagramArrow*>> taken(n);
    for (const Firing& f : fired)
        if (static_cast<std::size_t>(f.process) < n)
            taken[static_cast<std::size_t>(f.process)].push_back(m_layout.arrow(f.transition));
    for (std::size_t i = 0; i < n; ++i) {
        const QRectF from = i < before.size() ? before[i] : QRectF();
        TokenFlight flight(static_cast<ProcIndex>(i), from, m_rest[i], taken[i], backwards);
        if (!flight.isEmpty())
            m_flights.push_back(std::move(flight));
    }
    if (!m_flights.empty())
        m_animation.start();
}

const TokenFlight* StateDiagramView::flightOf(ProcIndex process) const
{
    for (const TokenFlight& f : m_flights)
        if (f.process() == process)
            return &f;
    return nullptr;
}

QRectF StateDiagramView::tokenRectAt(ProcIndex process, qreal progress) const
{
    if (const TokenFlight* f = isAnimating() ? flightOf(process) : nullptr)
        return f->rectAt(progress);
    return tokenRect(process);
}

QRectF StateDiagramView::currentRect(ProcIndex process) const
{
    return tokenRectAt(process, isAnimating() ? m_animation.currentValue().toReal() : 1.0);
}

DiagramScene StateDiagramView::scene(bool atRest) const
{
    DiagramScene s;
    s.layout = &m_layout;
    s.trace = trace();
    s.palette = m_palette;
    s.wording = m_wording;
    s.counts = m_counts;
    s.lit = m_lit;
    s.population = m_population;
    s.placeholders = m_placeholders;
    const ProcIndex selected = m_viewState ? m_viewState->selectedProcess() : -1;
    const bool flying = !atRest && isAnimating();
    std::vector<bool> inFlight(m_rest.size(), false);
    if (flying) {
        const qreal v = m_animation.currentValue().toReal();
        for (const TokenFlight& f : m_flights) {
            const auto i = static_cast<std::size_t>(f.process());
            inFlight[i] = true;
            s.moving.push_back(
                {f.process(), f.rectAt(v), m_fontPx[i], f.process() == selected, f.opacityAt(v)});
        }
    }
    for (std::size_t i = 0; i < m_rest.size(); ++i) {
        if (m_rest[i].isEmpty() || inFlight[i])
            continue;
        const auto p = static_cast<ProcIndex>(i);
        s.tokens.push_back({p, m_rest[i], m_fontPx[i], p == selected, 1.0});
    }
    // Processes in a state without a node (Unknown in an imported trace) are still counted.
    QStringList hidden;
    for (int k = 0; k < kStateCount; ++k) {
        const auto st = static_cast<ProcessState>(k);
        if (const int count = m_population[std::size_t(k)]; count > 0 && !m_layout.node(st))
            hidden << QStringLiteral("%1 %2").arg(stateText(st)).arg(count);
    }
    if (!hidden.isEmpty())
        s.note = tr("Not shown: %1").arg(hidden.join(QStringLiteral(" \u00B7 ")));
    return s;
}

void StateDiagramView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    paintDiagram(painter, scene(false));
}

void StateDiagramView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void StateDiagramView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    // Presentation mode makes the application's type larger: the labels follow it.
    if (event->type() == QEvent::FontChange) {
        relayout();
        update();
    }
}

ProcIndex StateDiagramView::tokenAt(QPointF pos) const
{
    // Moving tokens are painted on top, so they are hit first.
    if (isAnimating())
        for (const TokenFlight& f : m_flights)
            if (currentRect(f.process()).contains(pos))
                return f.process();
    for (std::size_t i = 0; i < m_rest.size(); ++i)
        if (m_rest[i].contains(pos))
            return static_cast<ProcIndex>(i);
    return -1;
}

void StateDiagramView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && m_viewState) {
        const ProcIndex p = tokenAt(event->position());
        if (p >= 0) {
            m_viewState->setSelectedProcess(p);
            event->accept();
            return;
        }
    }
    QWidget::mousePressEvent(event);
}

bool StateDiagramView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const ProcIndex p = tokenAt(help->pos());
        const Trace* t = trace();
        if (p >= 0 && t) {
            const ProcessInfo& info = t->info(p);
            QToolTip::showText(help->globalPos(),
                tr("%1 (pid %2): %3")
                    .arg(QString::fromStdString(info.name))
                    .arg(info.pid)
                    .arg(stateText(m_state[static_cast<std::size_t>(p)])),
                this);
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}

QRectF StateDiagramView::tokenRect(ProcIndex process) const
{
    if (process < 0 || static_cast<std::size_t>(process) >= m_rest.size())
        return {};
    return m_rest[static_cast<std::size_t>(process)];
}

QRectF StateDiagramView::nodeRect(ProcessState state) const
{
    const DiagramNode* n = m_layout.node(state);
    return n ? n->rect : QRectF();
}

std::vector<Transition> StateDiagramView::litTransitions() const
{
    std::vector<Transition> out;
    for (int i = 0; i < kTransitionCount; ++i)
        if (m_lit.test(static_cast<std::size_t>(i)))
            out.push_back(static_cast<Transition>(i));
    return out;
}

bool StateDiagramView::exportTo(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const DiagramScene s = scene(true);
    if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size());
        svg.setViewBox(QRect(QPoint(0, 0), size()));
        svg.setTitle(tr("Process states"));
        QPainter painter;
        if (!painter.begin(&svg))
            return false;
        paintDiagram(painter, s);
        return painter.end();
    }
    if (suffix == QLatin1String("pdf")) {
        QPdfWriter pdf(path);
        pdf.setPageSize(QPageSize(QSizeF(width(), height()), QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setTitle(tr("Process states"));
        QPainter painter;
        if (!painter.begin(&pdf))
            return false;
        const qreal scale = std::min(painter.viewport().width() / static_cast<qreal>(std::max(1, width())),
            painter.viewport().height() / static_cast<qreal>(std::max(1, height())));
        painter.scale(scale, scale);
        paintDiagram(painter, s);
        return painter.end();
    }
    QImage image(size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        paintDiagram(painter, s);
    }
    return image.save(path);
}

} // namespace procscope::ui
