#include "ui/panels/ready_queue_panel.h"

#include "ui/models/ready_queue_model.h"
#include "ui/panels/panel_style.h"
#include "ui/playback/view_state.h"

#include <QTreeView>
#include <QVBoxLayout>

namespace procscope::ui {

ReadyQueuePanel::ReadyQueuePanel(PlaybackController* controller, ViewState* viewState, QWidget* parent)
    : QWidget(parent)
    , m_model(new ReadyQueueModel(this))
    , m_view(new QTreeView(this))
{
    setObjectName(QStringLiteral("readyQueuePanel"));
    useReadableFont(this);
    m_view->setModel(m_model);
    m_view->setHeaderHidden(true);
    m_view->setUniformRowHeights(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setRootIsDecorated(false);
    m_view->setItemsExpandable(false);
    fitRowsToFont(m_view);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    // Groups never collapse: a queue that empties and fills again stays open.
    connect(m_model, &QAbstractItemModel::modelReset, m_view, &QTreeView::expandAll);
    connect(m_model, &QAbstractItemModel::rowsInserted, m_view, [this](const QModelIndex& parent) {
        if (parent.isValid())
            m_view->expand(parent);
    });
    connect(m_view, &QAbstractItemView::clicked, this, [viewState](const QModelIndex& index) {
        const int p = index.data(ReadyQueueModel::ProcIndexRole).toInt();
        if (p >= 0)
            viewState->setSelectedProcess(p);
    });

    m_model->follow(controller);
    m_view->expandAll();
}

void ReadyQueuePanel::setStatePalette(Palette palette)
{
    m_model->setPalette(palette);
}

} // namespace procscope::ui
