#include "ui/panels/event_log_panel.h"

#include "ui/models/event_log_model.h"
#include "ui/panels/caption_label.h"
#include "ui/panels/event_log_view.h"
#include "ui/panels/panel_style.h"
#include "ui/playback/playback_controller.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QVBoxLayout>

#include <algorithm>

namespace procscope::ui {

EventLogPanel::EventLogPanel(PlaybackController* controller, ViewState* viewState, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_model(new EventLogModel(this))
    , m_view(new EventLogView(this))
    , m_caption(new CaptionLabel(this))
    , m_follow(new QCheckBox(tr("Follow the cursor"), this))
{
    setObjectName(QStringLiteral("eventLogPanel"));
    useReadableFont(this);
    useNeutralSelection(m_view);
    // One row selected at a time, read-only, no word wrap, elided text; row height and swatch size
    // follow the font (what fitRowsToFont() does for a QTableView): all EventLogView's defaults.
    m_view->setModel(m_model);
    auto* header = m_view->horizontalHeader();
    header->setStretchLastSection(true);
    const int digit = m_view->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    header->resizeSection(EventLogModel::Time, digit * 9); // "17808.001"
    header->resizeSection(EventLogModel::Who, digit * 14);
    header->resizeSection(EventLogModel::Change, digit * 24);

    m_follow->setChecked(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_follow);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_caption);

    // While the cursor moves (playing, scrubbing) the caption only grows; once it rests, the
    // caption fits its text again.
    m_settle.setSingleShot(true);
    m_settle.setInterval(kSettleMs);
    connect(&m_settle, &QTimer::timeout, m_caption, &CaptionLabel::shrinkToFit);
    connect(controller, &PlaybackController::tickChanged, &m_settle, qOverload<>(&QTimer::start));

    m_model->follow(controller, viewState); // first, so the model has moved when cursorMoved() runs
    connect(controller, &PlaybackController::tickChanged, this, &EventLogPanel::cursorMoved);
    connect(m_model, &QAbstractItemModel::modelReset, m_caption, &CaptionLabel::shrinkToFit);
    connect(m_model, &QAbstractItemModel::modelReset, this, &EventLogPanel::cursorMoved);
    connect(m_view, &EventLogView::clicked, this, &EventLogPanel::seekToRow);
    connect(m_view, &EventLogView::activated, this, &EventLogPanel::seekToRow);
    connect(m_follow, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            cursorMoved();
    });
    cursorMoved();
}

// The caption takes at most a third of the panel: the table stays the main thing.
void EventLogPanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    m_caption->setMaximumLines(
        std::max(2, height() / 3 / std::max(1, m_caption->fontMetrics().lineSpacing())));
}

bool EventLogPanel::followsCursor() const
{
    return m_follow->isChecked();
}

void EventLogPanel::setFollowCursor(bool follow)
{
    m_follow->setChecked(follow);
}

void EventLogPanel::setStatePalette(Palette palette)
{
    m_model->setPalette(palette);
}

void EventLogPanel::seekToRow(const QModelIndex& index)
{
    if (!index.isValid() || !m_controller)
        return;
    m_seekingFromLog = true;
    m_controller->seek(index.data(EventLogModel::TickRole).toLongLong());
    m_seekingFromLog = false;
}

void EventLogPanel::cursorMoved()
{
    if (!m_controller)
        return;
    updateCaption();
    if (m_seekingFromLog || !followsCursor())
        return;
    const int row = m_model->rowForTick(m_controller->tick());
    if (row >= 0)
        m_view->scrollTo(m_model->index(row, 0), QAbstractItemView::PositionAtCenter);
}

void EventLogPanel::updateCaption()
{
    const Tick now = m_controller->tick();
    const auto [first, last] = m_model->rowsAtTick(now);
    QStringList lines;
    const TimeText& time = m_model->timeText();
    const QString at = time.isTicks() ? tr("Tick %1").arg(now) : tr("At %1").arg(time.at(now));
    if (first == last) {
        const int before = m_model->rowForTick(now);
        lines << (before < 0 ? tr("%1: nothing has happened yet").arg(at)
                             : tr("%1: nothing changes (the last event was at %2)")
                                   .arg(at, time.at(m_model->tickOfRow(before))));
    } else {
        lines << tr("%1:").arg(at);
        for (int row = first; row < last && row < first + kCaptionLines; ++row) {
            auto text = [&](int column) { return m_model->index(row, column).data().toString(); };
            QString line = QStringLiteral("\u2022 ") + text(EventLogModel::Who) + QStringLiteral(": ") +
                           text(EventLogModel::Change);
            if (const QString why = text(EventLogModel::Why); !why.isEmpty())
                line += QStringLiteral(" \u2014 ") + why;
            lines << line;
        }
        if (last - first > kCaptionLines)
            lines << tr("\u2026 and %1 more").arg(last - first - kCaptionLines);
    }
    m_caption->setText(lines.join(QLatin1Char('\n')));
}

} // namespace procscope::ui
