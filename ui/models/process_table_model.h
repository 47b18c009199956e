// The process table at the cursor: one row per process control block, as the textbook draws it
// (pid, name, parent, state, priority or MLFQ queue, and the time spent so far in each state).
//
// Rows are the processes that exist at the cursor tick (created at or before it), in order of
// creation; a process stays in the table after it terminates, with state Terminated, so its
// turnaround stays readable. Moving the cursor inserts or removes rows at the end.
//
// Times are "as of the end of the tick at the cursor": at tick t they count the interval
// [0, min(t + 1, end)), so at tick 0 a process that runs has 1 tick of CPU, and at the last tick
// every column equals computeMetrics(). Response is shown once the process has first run;
// turnaround once it has finished (became a Zombie) by the end of that tick.
//
// A tick change costs O(processes x log changes): the accumulated Running, Ready and I/O times
// come from ProcessTimes (process_times.h), built once per trace, and dataChanged is emitted for
// the cells that changed, never a reset.
#pragma once

#include "core/trace/trace.h"
#include "ui/models/process_times.h"
#include "ui/style/state_colors.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace procscope::ui {

class PlaybackController;

class ProcessTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Pid,
        Name,
        Parent,
        State,
        Priority,
        CpuTime,
        ReadyTime,
        IoTime,
        Turnaround,
        Response,
        ColumnCount
    };
    enum Role {
        ProcIndexRole = Qt::UserRole + 1, // int: the process index in the Trace
        StateRole,                        // int: ProcessState at the cursor
        SortRole                          // numbers as qlonglong, names as QString; -1 for blanks
    };

    explicit ProcessTableModel(QObject* parent = nullptr);

    // Follows a controller: re-reads its document's trace on traceChanged and moves on tickChanged.
    void follow(PlaybackController* controller);

    // The trace may be null (no document). Re-reads everything; call again when the trace changed.
    // The trace and its ProcessTimes (built here when not given).
    void setTrace(const Trace* trace, std::shared_ptr<const ProcessTimes> times = nullptr);
    void setTick(Tick tick);
    Tick tick() const { return m_tick; }
    void setPalette(Palette palette);

    // The row showing a process, or -1 when it does not exist at the cursor.
    int rowOfProcess(ProcIndex process) const;
    ProcIndex processAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    // What a row shows at the cursor; compared between ticks to find the changed cells.
    struct Values {
        int state = -1; // -1: not created
        int level = -1; // MLFQ level, -1 when not shown
        ProcessTimes::Times times{};
        Tick turnaround = -1;
        Tick response = -1;
    };

    Values valuesAt(ProcIndex process, Tick tick) const;
    void update(bool allChanged);
    bool mlfq() const;
    // A recorded trace counts nanoseconds: its times are shown in one unit chosen from its span.
    QVariant timeValue(Tick t) const;
    QString timeHeader(const QString& name) const;

    const Trace* m_trace = nullptr;
    Tick m_tick = 0;
    Palette m_palette = Palette::Standard;
    std::shared_ptr<const ProcessTimes> m_times = std::make_shared<const ProcessTimes>(); // never null
    std::vector<Values> m_rows; // per visible row: what it shows at m_tick
};

} // namespace procscope::ui
