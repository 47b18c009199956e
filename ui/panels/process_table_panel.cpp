#include "ui/panels/process_table_panel.h"

#include "ui/models/process_table_model.h"
#include "ui/panels/panel_style.h"
#include "ui/playback/view_state.h"

#include <QFontMetrics>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace procscope::ui {

ProcessTablePanel::ProcessTablePanel(PlaybackController* controller, ViewState* viewState, QWidget* parent)
    : QWidget(parent)
    , m_viewState(viewState)
    , m_model(new ProcessTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("processTablePanel"));
    useReadableFont(this);
    // When the cursor moves back past a process's creation its row goes, and the view would select
    // a neighbouring row in its place: that must not change the shared selection. Connected before
    // the proxy and the view so that it runs before them.
    connect(m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this] { m_syncing = true; });
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ProcessTableModel::SortRole);

    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    // Widths from the font, not from the contents: ResizeToContents would not follow the cursor.
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(false);
    // The state right after the name: the column a class reads, visible in the narrowest dock.
    m_view->horizontalHeader()->moveSection(
        m_view->horizontalHeader()->visualIndex(ProcessTableModel::State), ProcessTableModel::Parent);
    // Creation order until the user sorts by a column.
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    fitRowsToFont(m_view);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &ProcessTablePanel::selectionToViewState);
    connect(m_viewState, &ViewState::selectedProcessChanged, this, &ProcessTablePanel::showSelected);
    // A selected process that appears (or a new trace) gets its row selected.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ProcessTablePanel::showSelected);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ProcessTablePanel::showSelected);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ProcessTablePanel::showSelected);
    connect(
        m_model, &QAbstractItemModel::modelReset, this, [this] { fitColumns(0, m_model->rowCount() - 1); });
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
        [this](const QModelIndex&, int first, int last) { fitNames(first, last); });
    connect(m_model, &QAbstractItemModel::headerDataChanged, this, [this] { fitColumns(0, -1); });

    m_model->follow(controller);
    fitColumns(0, m_model->rowCount() - 1);
    showSelected();
}

void ProcessTablePanel::fitColumns(int first, int last)
{
    const QFontMetrics text(m_view->font());
    const QFontMetrics label(m_view->horizontalHeader()->font());
    const int pad = text.horizontalAdvance(QLatin1Char('0'));
    const int sortArrow = label.height() / 2;
    const QString number = QStringLiteral("00000");
    int stateWidth = 0;
    for (int s = 0; s < kStateCount; ++s)
        stateWidth = std::max(stateWidth, text.horizontalAdvance(stateLabel(static_cast<ProcessState>(s))));
    for (int c = 0; c < ProcessTableModel::ColumnCount; ++c) {
        int content = text.horizontalAdvance(number);
        if (c == ProcessTableModel::State)
            content = m_view->iconSize().width() + pad / 2 + stateWidth;
        else if (c == ProcessTableModel::Name)
            content = text.horizontalAdvance(QStringLiteral("compiler"));
        const int header =
            label.horizontalAdvance(m_model->headerData(c, Qt::Horizontal).toString()) + sortArrow;
        m_view->horizontalHeader()->resizeSection(c, std::max(content, header) + pad);
    }
    fitNames(first, last);
}

void ProcessTablePanel::fitNames(int first, int last)
{
    // Wide enough for the longest name seen; a few hundred rows are plenty to measure.
    const QFontMetrics text(m_view->font());
    int width = m_view->horizontalHeader()->sectionSize(ProcessTableModel::Name);
    const int pad = text.horizontalAdvance(QLatin1Char('0')) * 2;
    for (int row = first; row <= last && row < first + 500; ++row)
        width = std::max(width,
            text.horizontalAdvance(m_model->index(row, ProcessTableModel::Name).data().toString()) + pad);
    m_view->horizontalHeader()->resizeSection(ProcessTableModel::Name, width);
}

void ProcessTablePanel::setStatePalette(Palette palette)
{
    m_model->setPalette(palette);
}

void ProcessTablePanel::selectionToViewState()
{
    if (m_syncing)
        return;
    const auto rows = m_view->selectionModel()->selectedRows();
    // An empty selection (the selected process has not been created yet at the cursor) says nothing.
    if (rows.isEmpty())
        return;
    m_viewState->setSelectedProcess(rows.first().data(ProcessTableModel::ProcIndexRole).toInt());
}

void ProcessTablePanel::showSelected()
{
    const int row = m_model->rowOfProcess(m_viewState->selectedProcess());
    m_syncing = true;
    if (row < 0) {
        m_view->selectionModel()->clearSelection();
    } else {
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
        m_view->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_view->scrollTo(index);
    }
    m_syncing = false;
}

} // namespace procscope::ui
