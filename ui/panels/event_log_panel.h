// The event log (EventLogModel) following the cursor: the rows at the cursor tick are highlighted
// and scrolled into view while playing, clicking an event seeks to its tick, and a caption under
// the table says in words what happened at the cursor and why (the scheduler's reasons). The table
// is an EventLogView, whose cost does not grow with the number of events (10M in a big trace).
#pragma once

#include "core/trace/trace.h"
#include "ui/panels/caption_label.h"
#include "ui/style/state_colors.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QCheckBox;

namespace procscope::ui {

class EventLogModel;
class EventLogView;
class PlaybackController;
class ViewState;

class EventLogPanel : public QWidget {
    Q_OBJECT

public:
    explicit EventLogPanel(PlaybackController* controller, QWidget* parent = nullptr)
        : EventLogPanel(controller, nullptr, parent)
    { }
    // With a view state, the log lists only the events the views may show (View ▸ Show the future).
    EventLogPanel(PlaybackController* controller, ViewState* viewState, QWidget* parent = nullptr);

    EventLogView* view() const { return m_view; }
    EventLogModel* model() const { return m_model; }
    CaptionLabel* caption() const { return m_caption; }
    bool followsCursor() const;
    void setFollowCursor(bool follow);
    void setStatePalette(Palette palette);

    // At most this many events are listed in the caption; the rest are counted.
    static constexpr int kCaptionLines = 6;
    // How long the cursor rests before the caption shrinks to its text.
    static constexpr int kSettleMs = 400;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void cursorMoved();
    void seekToRow(const QModelIndex& index);
    void updateCaption();

    QPointer<PlaybackController> m_controller;
    EventLogModel* m_model;
    EventLogView* m_view;
    CaptionLabel* m_caption;
    QCheckBox* m_follow;
    QTimer m_settle;               // the cursor has rested: the caption may shrink to its text
    bool m_seekingFromLog = false; // the user clicked an event: keep the table where it is
};

} // namespace procscope::ui
