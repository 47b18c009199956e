// The process tree at the cursor (ProcessTreeModel) as an always-expanded tree, for a lecture on
// fork(), wait() and exit(): parents, children, zombies and orphans at a glance. Clicking a
// process selects it in the document's ViewState; a process selected elsewhere (the Gantt chart,
// the process table) is selected here.
#pragma once

#include "core/trace/trace.h"
#include "ui/style/state_colors.h"

#include <QTreeView>

namespace procscope::ui {

class PlaybackController;
class ProcessTreeModel;
class ViewState;

class ProcessTreeView : public QTreeView {
    Q_OBJECT

public:
    ProcessTreeView(PlaybackController* controller, ViewState* viewState, QWidget* parent = nullptr);

    ProcessTreeModel* treeModel() const { return m_model; }
    void setStatePalette(Palette palette);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void showSelected();
    void selectionToViewState();
    void fitColumns();

    ViewState* m_viewState;
    ProcessTreeModel* m_model;
    bool m_fitPending = false; // the tree changed while the view was hidden (another tab)
    bool m_syncing = false;    // selecting because ViewState said so (or a reset): do not echo it back
};

} // namespace procscope::ui
