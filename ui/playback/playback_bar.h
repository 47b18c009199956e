// The transport controls every document shares: start, previous event, step back, play/pause,
// step forward, next event, end, a speed box and a scrubber over the whole trace.
#pragma once

#include <QString>
#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QSlider;
class QToolButton;

namespace procscope::ui {

class PlaybackController;

class PlaybackBar : public QWidget {
    Q_OBJECT

public:
    explicit PlaybackBar(PlaybackController* playback, QWidget* parent = nullptr);

    QSlider* scrubber() const { return m_scrubber; }

protected:
    void changeEvent(QEvent* event) override; // a new font: the tick label's size again

private:
    void refresh();

    PlaybackController* m_playback;
    QToolButton* m_play;
    QSlider* m_scrubber = nullptr;
    QDoubleSpinBox* m_speed;
    QLabel* m_tick = nullptr;
    QString m_sizedFor; // the widest text the tick label was sized for
};

} // namespace procscope::ui
