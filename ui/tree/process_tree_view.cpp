#include "ui/tree/process_tree_view.h"

#include "ui/panels/panel_style.h"
#include "ui/playback/view_state.h"
#include "ui/tree/process_tree_model.h"

#include <QFontMetrics>
#include <QHeaderView>
#include <QItemSelectionModel>

#include <algorithm>

namespace procscope::ui {

ProcessTreeView::ProcessTreeView(PlaybackController* controller, ViewState* viewState, QWidget* parent)
    : QTreeView(parent)
    , m_viewState(viewState)
    , m_model(new ProcessTreeModel(this))
{
    setObjectName(QStringLiteral("processTreeView"));
    useReadableFont(this);
    // A reset (the tree changed shape) clears the selection: that must not clear the shared one.
    // Connected before the view's own connections so that it runs first.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_syncing = true; });
    setModel(m_model);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setUniformRowHeights(true);
    setItemsExpandable(false); // always expanded: the whole family is the point
    setRootIsDecorated(false);
    setIndentation(QFontMetrics(font()).horizontalAdvance(QStringLiteral("0000")));
    header()->setStretchLastSection(true);
    // Fitting the name column measures this many rows around the visible ones, not all of them:
    // with a thousand processes, measuring every name took a whole playback frame.
    header()->setResizeContentsPrecision(100);
    fitRowsToFont(this);

    connect(selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &ProcessTreeView::selectionToViewState);
    connect(m_viewState, &ViewState::selectedProcessChanged, this, &ProcessTreeView::showSelected);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        expandAll();
        fitColumns();
        showSelected();
    });

    m_model->follow(controller);
}

void ProcessTreeView::setStatePalette(Palette palette)
{
    m_model->setPalette(palette);
}

void ProcessTreeView::showEvent(QShowEvent* event)
{
    QTreeView::showEvent(event);
    if (m_fitPending)
        fitColumns();
}

void ProcessTreeView::fitColumns()
{
    // Behind another tab the tree only keeps its rows; its columns are fitted once it shows.
    m_fitPending = !isVisible();
    if (m_fitPending)
        return;
    resizeColumnToContents(ProcessTreeModel::Process);
    const QFontMetrics text(font());
    int stateWidth = 0;
    for (int s = 0; s < kStateCount; ++s)
        stateWidth = std::max(stateWidth, text.horizontalAdvance(stateLabel(static_cast<ProcessState>(s))));
    setColumnWidth(ProcessTreeModel::State, stateWidth + text.horizontalAdvance(QStringLiteral("00")));
}

void ProcessTreeView::selectionToViewState()
{
    if (m_syncing)
        return;
    const auto rows = selectionModel()->selectedRows();
    // An empty selection (the selected process does not exist at the cursor) says nothing.
    if (rows.isEmpty())
        return;
    m_viewState->setSelectedProcess(m_model->processAt(rows.first()));
}

void ProcessTreeView::showSelected()
{
    const QModelIndex index = m_model->indexOfProcess(m_viewState->selectedProcess());
    m_syncing = true;
    if (!index.isValid()) {
        selectionModel()->clearSelection();
    } else {
        selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        scrollTo(index);
    }
    m_syncing = false;
}

} // namespace procscope::ui
