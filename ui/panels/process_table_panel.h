// The process table at the cursor (ProcessTableModel) in a sortable table. Clicking a row selects
// the process in the document's ViewState; a selection made elsewhere selects its row here.
#pragma once

#include "core/trace/trace.h"
#include "ui/style/state_colors.h"

#include <QWidget>

class QSortFilterProxyModel;
class QTableView;

namespace procscope::ui {

class PlaybackController;
class ProcessTableModel;
class ViewState;

class ProcessTablePanel : public QWidget {
    Q_OBJECT

public:
    ProcessTablePanel(PlaybackController* controller, ViewState* viewState, QWidget* parent = nullptr);

    QTableView* view() const { return m_view; }
    ProcessTableModel* model() const { return m_model; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    void setStatePalette(Palette palette);

private:
    void showSelected();
    void fitColumns(int firstRow, int lastRow);
    void fitNames(int firstRow, int lastRow);
    void selectionToViewState();

    ViewState* m_viewState;
    ProcessTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_view;
    bool m_syncing = false; // selecting a row because ViewState said so: do not echo it back
};

} // namespace procscope::ui
