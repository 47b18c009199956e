// The ready queues, the CPUs, the I/O queues and the processes waiting for a child at the cursor
// (ReadyQueueModel), as an always-expanded tree. Clicking a process selects it in the ViewState.
#pragma once

#include "ui/style/state_colors.h"

#include <QWidget>

class QTreeView;

namespace procscope::ui {

class PlaybackController;
class ReadyQueueModel;
class ViewState;

class ReadyQueuePanel : public QWidget {
    Q_OBJECT

public:
    ReadyQueuePanel(PlaybackController* controller, ViewState* viewState, QWidget* parent = nullptr);

    QTreeView* view() const { return m_view; }
    ReadyQueueModel* model() const { return m_model; }
    void setStatePalette(Palette palette);

private:
    ReadyQueueModel* m_model;
    QTreeView* m_view;
};

} // namespace procscope::ui
