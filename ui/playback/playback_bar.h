// The transport controls every document shares: start, previous event, step back, play/pause,
// step forward, next event, end, a speed box and a scrubber over the whole trace.
#pragma once

#include "ui/playback/playback_controller.h"

#include "core/trace/trace.h"
#include <QPointer>

#include <QString>
#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QSlider;
class QToolButton;

namespace procscope::ui {

class PlaybackBar : public QWidget {
    Q_OBJECT

public:
    explicit PlaybackBar(PlaybackController* playback, QWidget* parent = nullptr);

    QSlider* scrubber() const { return m_scrubber; }
    QDoubleSpinBox* speedBox() const { return m_speed; }

    // The scrubber has at most this many positions; a longer trace maps onto them in proportion.
    static constexpr int kScrubberSteps = 1'000'000;
    // The scrubber position that shows `tick` of a trace whose last tick is `last`.
    static int scrubberPosition(Tick tick, Tick last);

protected:
    void changeEvent(QEvent* event) override; // a new font: the tick label's size again

private:
    void refresh();
    // A new trace: the speed box counts ticks per second, or for a recorded trace the trace's
    // time unit per second ("1.00 ms/s"), so that both play at a pace a person can follow.
    void retime();

    // Null once the controller is gone: the window's members die before its toolbars, and a
    // toolbar letting go of the bar changes its font.
    QPointer<PlaybackController> m_playback;
    QToolButton* m_play;
    QSlider* m_scrubber = nullptr;
    QDoubleSpinBox* m_speed;
    QLabel* m_tick = nullptr;
    QString m_sizedFor;      // the widest text the tick label was sized for
    double m_speedScale = 1; // ticks in one unit of the speed box
};

} // namespace procscope::ui
