// One PlaybackController per document: the cursor every view follows, and play / pause / speed /
// step. Views never keep their own notion of "now".
#pragma once

#include "core/trace/cursor.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <optional>

namespace procscope::ui {

class Document;

class PlaybackController : public QObject {
    Q_OBJECT

public:
    explicit PlaybackController(QObject* parent = nullptr);

    void setDocument(Document* document);
    Document* document() const { return m_document; }

    Tick tick() const { return m_tick; }
    // The last tick the cursor can reach: the trace's end, the boundary after the last change,
    // where every process shows its final state (Terminated, or Zombie if never reaped). A limit
    // (the quiz's revealed past) can hold it earlier.
    Tick lastTick() const;
    void setLimit(std::optional<Tick> limit);
    std::optional<Tick> limit() const { return m_limit; }
    bool isPlaying() const { return m_timer.isActive(); }
    double speed() const { return m_speed; } // ticks per second

    // A recorded trace counts nanoseconds: a millisecond a second is a million ticks a second.
    static constexpr double kMinSpeed = 0.25;
    static constexpr double kMaxSpeed = 1e12;

public Q_SLOTS:
    void seek(Tick tick);
    void stepForward();
    void stepBack();
    void nextEvent();
    void previousEvent();
    void toStart();
    void toEnd();
    void play();
    void pause();
    void togglePlay();
    void setSpeed(double ticksPerSecond);

Q_SIGNALS:
    void tickChanged(procscope::Tick tick, procscope::Tick previous);
    void playingChanged(bool playing);
    void speedChanged(double ticksPerSecond);
    // A different document, or its trace was replaced or grew: views re-read everything.
    void traceChanged();

private:
    void advanceFrame();

    Document* m_document = nullptr;
    Tick m_tick = 0;
    std::optional<Tick> m_limit;
    double m_speed = 4.0;
    double m_pending = 0.0; // fractional ticks carried between frames
    QTimer m_timer;
    QElapsedTimer m_clock;
};

} // namespace procscope::ui
