#include "ui/playback/playback_controller.h"

#include "ui/document/document.h"

#include <algorithm>

namespace procscope::ui {

PlaybackController::PlaybackController(QObject* parent)
    : QObject(parent)
{
    m_timer.setInterval(16); // ~60 frames per second
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &PlaybackController::advanceFrame);
}

void PlaybackController::setDocument(Document* document)
{
    pause();
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document)
        connect(m_document, &Document::traceChanged, this, [this] {
            Q_EMIT traceChanged();
            seek(std::min(m_tick, lastTick()));
        });
    const Tick previous = m_tick;
    m_tick = 0;
    Q_EMIT traceChanged();
    Q_EMIT tickChanged(m_tick, previous);
}

Tick PlaybackController::lastTick() const
{
    if (!m_document)
        return 0;
    const Tick end = std::max<Tick>(0, m_document->trace().end());
    return m_limit ? std::clamp<Tick>(*m_limit, 0, end) : end;
}

void PlaybackController::setLimit(std::optional<Tick> limit)
{
    m_limit = limit;
    if (m_tick > lastTick())
        seek(lastTick());
}

void PlaybackController::seek(Tick tick)
{
    if (m_document)
        m_document->ensureSimulatedTo(tick); // open-ended workloads grow as they play
    const Tick clamped = std::clamp<Tick>(tick, 0, lastTick());
    if (clamped == m_tick)
        return;
    const Tick previous = m_tick;
    m_tick = clamped;
    Q_EMIT tickChanged(m_tick, previous);
}

void PlaybackController::stepForward()
{
    seek(m_tick + 1);
}

void PlaybackController::stepBack()
{
    seek(m_tick - 1);
}

void PlaybackController::nextEvent()
{
    if (!m_document)
        return;
    if (const auto t = nextEventAfter(m_document->trace(), m_tick))
        seek(*t);
    else
        toEnd();
}

void PlaybackController::previousEvent()
{
    if (!m_document)
        return;
    if (const auto t = previousEventBefore(m_document->trace(), m_tick))
        seek(*t);
    else
        toStart();
}

void PlaybackController::toStart()
{
    seek(0);
}

void PlaybackController::toEnd()
{
    seek(lastTick());
}

void PlaybackController::play()
{
    if (isPlaying() || !m_document)
        return;
    if (m_tick >= lastTick() && m_document->simulator() && m_document->simulator()->finished())
        seek(0); // play from the start again
    m_pending = 0;
    m_clock.start();
    m_timer.start();
    Q_EMIT playingChanged(true);
}

void PlaybackController::pause()
{
    if (!isPlaying())
        return;
    m_timer.stop();
    Q_EMIT playingChanged(false);
}

void PlaybackController::togglePlay()
{
    isPlaying() ? pause() : play();
}

void PlaybackController::setSpeed(double ticksPerSecond)
{
    const double clamped = std::clamp(ticksPerSecond, kMinSpeed, kMaxSpeed);
    if (clamped == m_speed)
        return;
    m_speed = clamped;
    Q_EMIT speedChanged(m_speed);
}

// Advances by the ticks due since the last frame, so playback keeps time even if a frame is late.
void PlaybackController::advanceFrame()
{
    const double seconds = static_cast<double>(m_clock.restart()) / 1000.0;
    m_pending += seconds * m_speed;
    const auto whole = static_cast<Tick>(m_pending);
    if (whole <= 0)
        return;
    m_pending -= static_cast<double>(whole);
    seek(m_tick + whole);
    const bool more = m_document && (m_tick < lastTick() ||
                                        (m_document->simulator() && !m_document->simulator()->finished() &&
                                            !m_document->simulator()->hitTickLimit() &&
                                            !m_document->simulator()->stalled()));
    if (!more)
        pause();
}

} // namespace procscope::ui
