#include "ui/playback/playback_bar.h"

#include "ui/style/time_text.h"

#include "ui/document/document.h"
#include "ui/playback/playback_controller.h"

#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

#include <algorithm>

namespace procscope::ui {

namespace {

QToolButton* button(QWidget* parent, const QIcon& icon, const QString& tip)
{
    auto* b = new QToolButton(parent);
    b->setIcon(icon);
    b->setToolTip(tip);
    b->setAutoRaise(true);
    b->setIconSize(QSize(24, 24));
    return b;
}

QToolButton* button(QWidget* parent, QStyle::StandardPixmap icon, const QString& tip)
{
    return button(parent, parent->style()->standardIcon(icon), tip);
}

// "Go to the event ◆": an arrow that ends at a diamond, the mark of an event. Not the media
// player's double triangles, which read as rewind and fast-forward (a speed, not a jump), and
// not the plain arrow of one tick.
QIcon eventStepIcon(bool forward, const QColor& color)
{
    constexpr int kSize = 48;
    QPixmap pixmap(kSize, kSize);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    if (!forward) // drawn for "next", mirrored for "previous"
        p.setTransform(QTransform(-1, 0, 0, 1, kSize, 0));
    const double mid = kSize / 2.0;
    p.setPen(QPen(color, 7, Qt::SolidLine, Qt::FlatCap));
    p.drawLine(QPointF(1, mid), QPointF(18, mid));
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawPolygon(QPolygonF({QPointF(15, mid - 12), QPointF(29, mid), QPointF(15, mid + 12)}));
    p.drawPolygon(
        QPolygonF({QPointF(38.5, mid - 16), QPointF(47, mid), QPointF(38.5, mid + 16), QPointF(30, mid)}));
    return QIcon(pixmap);
}

} // namespace

PlaybackBar::PlaybackBar(PlaybackController* playback, QWidget* parent)
    : QWidget(parent)
    , m_playback(playback)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    auto* start = button(this, QStyle::SP_MediaSkipBackward, tr("Go to the start (Home)"));
    const QColor ink = palette().color(QPalette::ButtonText);
    auto* previousEvent = button(this, eventStepIcon(false, ink),
        tr("Previous event: jump back to the last tick where something changed (Shift+Left)"));
    auto* back = button(this, QStyle::SP_ArrowLeft, tr("Step back one tick (Left)"));
    m_play = button(this, QStyle::SP_MediaPlay, tr("Play / pause (Space)"));
    auto* forward = button(this, QStyle::SP_ArrowRight, tr("Step forward one tick (Right)"));
    auto* nextEvent = button(this, eventStepIcon(true, ink),
        tr("Next event: jump to the next tick where something changes (Shift+Right)"));
    auto* end = button(this, QStyle::SP_MediaSkipForward, tr("Go to the end (End)"));
    start->setObjectName(QStringLiteral("start"));
    previousEvent->setObjectName(QStringLiteral("previousEvent"));
    back->setObjectName(QStringLiteral("stepBack"));
    m_play->setObjectName(QStringLiteral("play"));
    forward->setObjectName(QStringLiteral("stepForward"));
    nextEvent->setObjectName(QStringLiteral("nextEvent"));
    end->setObjectName(QStringLiteral("end"));
    for (QToolButton* b : {start, previousEvent, back, m_play, forward, nextEvent, end})
        layout->addWidget(b);

    m_tick = new QLabel(this);
    QFont bold = m_tick->font();
    bold.setBold(true);
    m_tick->setFont(bold);
    layout->addWidget(m_tick);

    m_scrubber = new QSlider(Qt::Horizontal, this);
    m_scrubber->setToolTip(tr("Drag to move through time"));
    layout->addWidget(m_scrubber, 1);

    layout->addWidget(new QLabel(tr("Speed"), this));
    m_speed = new QDoubleSpinBox(this);
    m_speed->setRange(0.25, 1000.0);
    m_speed->setDecimals(2);
    m_speed->setSuffix(tr(" ticks/s"));
    m_speed->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    m_speed->setValue(playback->speed());
    m_speed->setToolTip(tr("Playback speed, 0.25 to 1000 ticks per second"));
    layout->addWidget(m_speed);

    connect(start, &QToolButton::clicked, playback, &PlaybackController::toStart);
    connect(previousEvent, &QToolButton::clicked, playback, &PlaybackController::previousEvent);
    connect(back, &QToolButton::clicked, playback, &PlaybackController::stepBack);
    connect(m_play, &QToolButton::clicked, playback, &PlaybackController::togglePlay);
    connect(forward, &QToolButton::clicked, playback, &PlaybackController::stepForward);
    connect(nextEvent, &QToolButton::clicked, playback, &PlaybackController::nextEvent);
    connect(end, &QToolButton::clicked, playback, &PlaybackController::toEnd);
    connect(m_scrubber, &QSlider::valueChanged, playback, [this, playback](int v) {
        const Tick last = playback->lastTick();
        const int steps = m_scrubber->maximum();
        playback->seek(steps <= 0 || last <= steps
                           ? Tick(v)
                           : static_cast<Tick>(static_cast<long double>(v) * last / steps + 0.5L));
        refresh(); // a held cursor (the quiz's limit) puts the handle back where the cursor is
    });
    connect(m_speed, &QDoubleSpinBox::valueChanged, playback,
        [this, playback](double v) { playback->setSpeed(v * m_speedScale); });
    connect(playback, &PlaybackController::speedChanged, this, [this](double v) {
        const QSignalBlocker block(m_speed);
        m_speed->setValue(v / m_speedScale);
    });
    connect(playback, &PlaybackController::tickChanged, this, &PlaybackBar::refresh);
    connect(playback, &PlaybackController::traceChanged, this, &PlaybackBar::retime);
    connect(playback, &PlaybackController::traceChanged, this, &PlaybackBar::refresh);
    connect(playback, &PlaybackController::playingChanged, this, [this](bool playing) {
        m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    });
    refresh();
}

void PlaybackBar::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange && m_tick && m_scrubber && m_playback) {
        m_sizedFor.clear();
        refresh();
    }
}

int PlaybackBar::scrubberPosition(Tick tick, Tick last)
{
    const Tick steps = std::min<Tick>(last, kScrubberSteps);
    if (last <= steps)
        return static_cast<int>(tick);
    return static_cast<int>(static_cast<long double>(tick) * static_cast<long double>(steps) / last);
}

void PlaybackBar::retime()
{
    const TimeText time = m_playback->document() ? TimeText(m_playback->document()->trace()) : TimeText();
    const double scale = time.isTicks() ? 1.0 : time.nanosecondsPerUnit();
    const bool changed = scale != m_speedScale;
    m_speedScale = scale;
    const QSignalBlocker block(m_speed);
    m_speed->setSuffix(time.isTicks() ? tr(" ticks/s") : tr(" %1/s").arg(time.unit()));
    m_speed->setToolTip(time.isTicks() ? tr("Playback speed, 0.25 to 1000 ticks per second")
                                       : tr("Playback speed in trace time per second"));
    if (changed) // one unit of the trace's time a second: a 17.8 ms capture plays in 18 s
        m_playback->setSpeed(time.isTicks() ? 4.0 : scale);
    m_speed->setValue(m_playback->speed() / m_speedScale);
}

void PlaybackBar::refresh()
{
    const QSignalBlocker block(m_scrubber);
    const Tick last = m_playback->lastTick();
    // A QSlider holds an int: traces longer than that are scrubbed coarsely, which is all a hand can do.
    const int steps = static_cast<int>(std::min<Tick>(last, kScrubberSteps));
    m_scrubber->setRange(0, steps);
    m_scrubber->setValue(scrubberPosition(m_playback->tick(), last));
    const TimeText time = m_playback->document() ? TimeText(m_playback->document()->trace()) : TimeText();
    const QString pattern = time.isTicks() ? tr("%3 %1 / %2") : tr("%1 / %2 %3");
    m_tick->setText(pattern.arg(time.number(m_playback->tick()), time.number(last), time.unit()));
    // A label of fixed size changes its text without laying the bar out again on every frame;
    // it is measured again only for a new trace or a new font.
    const QString widest = pattern.arg(time.number(last), time.number(last), time.unit());
    if (widest == m_sizedFor)
        return;
    m_sizedFor = widest;
    const QFontMetrics metrics = m_tick->fontMetrics();
    m_tick->setFixedSize(std::max(metrics.horizontalAdvance(widest),
                             metrics.horizontalAdvance(QStringLiteral("tick 0000000 / 0000000"))) +
                             4,
        metrics.height() + 2 * m_tick->margin() + 2 * m_tick->frameWidth());
}

} // namespace procscope::ui
