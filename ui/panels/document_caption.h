// The line above the Gantt chart that says what is being shown: the policy and its parameters and
// the machine for a simulation ("Round Robin, time slice 2 ticks · 1 CPU"), the source, CPUs and
// span for a recorded trace. It follows re-runs and policy changes.
#pragma once

#include <QLabel>
#include <QString>

namespace procscope::ui {

class Document;
class PlaybackController;

QString documentCaption(const Document& document);

class DocumentCaption : public QLabel {
    Q_OBJECT

public:
    explicit DocumentCaption(PlaybackController* controller, QWidget* parent = nullptr);

private:
    void update(const PlaybackController* controller);
};

} // namespace procscope::ui
