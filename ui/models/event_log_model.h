// Everything that happened, in time order: every state change of every process (time, process,
// from -> to, the cause in words), every scheduling decision with its reason in the textbook's
// terms (see decision_text.h), and the trace's system events (MLFQ boosts, commands, warnings).
//
// Built for big traces: the rows are the 16-byte references of buildEventIndex() (event_index.h),
// whose order within a tick tells the story as the mechanism acts, and text is rendered only in
// data(), so a view materialises only the rows it shows.
//
// It follows the cursor: rows at the cursor tick are highlighted (Qt::BackgroundRole, AtCursorRole)
// and rowForTick() finds where a view should scroll.
#pragma once

#include "core/trace/trace.h"
#include "ui/models/event_index.h"
#include "ui/style/state_colors.h"
#include "ui/style/time_text.h"

#include <QAbstractTableModel>

#include <cstdint>
#include <limits>
#include <memory>
#include <utility>
#include <vector>

namespace procscope::ui {

class PlaybackController;
class ViewState;

class EventLogModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Time, Who, Change, Why, ColumnCount };
    using Kind = EventKind;
    enum Role {
        TickRole = Qt::UserRole + 1, // qlonglong: when it happened
        KindRole,                    // int: Kind
        ProcIndexRole,               // int: the process that changed state or was chosen; -1 otherwise
        CpuRole,                     // int: the CPU of a decision or a dispatch; -1 otherwise
        StateRole,                   // int: the state entered by a state change; -1 otherwise
        AtCursorRole                 // bool: the event happens at the cursor tick
    };

    explicit EventLogModel(QObject* parent = nullptr);

    // Follows a controller (the trace and the cursor) and, when given, a view state: with the
    // future hidden only the events before ViewState::shownEnd() are rows.
    void follow(PlaybackController* controller, ViewState* viewState = nullptr);
    // The trace and its event index (buildEventIndex(); built here when not given).
    void setTrace(const Trace* trace, std::shared_ptr<const std::vector<EventRef>> events = nullptr);
    // Highlights the rows at this tick.
    void setCursorTick(Tick tick);
    Tick cursorTick() const { return m_cursor; }
    // Events at or after `end` are not rows (the future, hidden); kNoEnd shows them all.
    static constexpr Tick kNoEnd = std::numeric_limits<Tick>::max();
    void setShownEnd(Tick end);
    Tick shownEnd() const { return m_shownEnd; }
    void setPalette(Palette palette);

    // The first row at `tick`; when nothing happens at it, the last row before it (what is in effect
    // at the cursor); -1 when nothing happens at or before it. O(log rows).
    int rowForTick(Tick tick) const;
    // The rows at exactly `tick`: [first, last), empty when nothing happens then.
    std::pair<int, int> rowsAtTick(Tick tick) const;
    Tick tickOfRow(int row) const;
    // How the log writes times: ticks, or one unit for a recorded trace.
    const TimeText& timeText() const { return m_time; }
    Kind kindOfRow(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QString whoText(const EventRef& e) const;
    QString changeText(const EventRef& e) const;
    QString whyText(const EventRef& e) const;
    void emitRows(std::pair<int, int> rows);
    const std::vector<EventRef>& entries() const { return *m_entries; }
    int rowsBefore(const std::vector<EventRef>& entries, Tick end) const;

    const Trace* m_trace = nullptr;
    // See event_index.h; shared with the document's TraceIndexes, never null.
    std::shared_ptr<const std::vector<EventRef>> m_entries = std::make_shared<const std::vector<EventRef>>();
    Tick m_cursor = 0;
    TimeText m_time;
    Tick m_shownEnd = kNoEnd;
    int m_rows = 0; // the entries before m_shownEnd
    Palette m_palette = Palette::Standard;
};

} // namespace procscope::ui
