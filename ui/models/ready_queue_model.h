// Where every live process is at the cursor, as a two-level tree (the Frame of core/trace/cursor.h):
//
//   CPUs                  CPU 0: P2 shell · CPU 1: idle · CPU 2: context switch
//   Ready queue           (or "Queue 0 (top)", "Queue 1", ... under MLFQ) the ready processes, head first
//   I/O: disk             the processes blocked on each device, in order of arrival
//   Waiting for a child   the processes blocked in wait()
//
// The groups are fixed for a trace; a tick change inserts, removes and changes the rows under them
// (never a reset), so a view keeps its expansion and scroll position while playing.
#pragma once

#include "core/trace/cursor.h"
#include "ui/style/state_colors.h"

#include <QAbstractItemModel>

#include <vector>

namespace procscope::ui {

class PlaybackController;

class ReadyQueueModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum class Group { Cpus, ReadyQueue, IoQueue, Waiting };
    enum Role {
        ProcIndexRole = Qt::UserRole + 1, // int: the process of a row, -1 for groups, idle or switching CPUs
        StateRole,                        // int: its ProcessState, -1 when none
        GroupRole,                        // int: Group of the row or of its parent
        PositionRole                      // int: place in its queue (0 = head), the CPU number for CPUs
    };

    explicit ReadyQueueModel(QObject* parent = nullptr);

    void follow(PlaybackController* controller);
    void setTrace(const Trace* trace);
    void setTick(Tick tick);
    Tick tick() const { return m_tick; }
    void setPalette(Palette palette);

    // The top-level row of a group: the ready queue of an MLFQ level, the I/O queue of a device.
    int groupRow(Group group, int which = 0) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct GroupRows {
        Group group = Group::Cpus;
        int which = 0;                  // MLFQ level or device
        std::vector<ProcIndex> members; // processes; for CPUs one entry per CPU (kCpuIdle, kCpuSwitch)
    };

    std::vector<GroupRows> layout() const;
    std::vector<std::vector<ProcIndex>> membersAt(Tick tick) const;
    void update(bool allChanged);
    QString groupText(const GroupRows& g) const;
    QString memberText(const GroupRows& g, int row) const;
    std::optional<ProcessState> stateOf(ProcIndex p) const;

    const Trace* m_trace = nullptr;
    Tick m_tick = 0;
    Palette m_palette = Palette::Standard;
    std::vector<GroupRows> m_groups;
};

} // namespace procscope::ui
