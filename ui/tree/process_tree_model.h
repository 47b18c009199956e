// The process tree at the cursor, as `pstree` draws it and OSTEP chapter 5 explains it: each
// process under the one that forked it, top-level processes (children of init) at the top.
//
// Only processes that exist at the cursor are shown: created at or before it and not yet reaped
// (a Terminated process is gone). Each shows its state at the cursor with the state's colour.
// Two situations students ask about are marked in the Note column:
//  - a zombie: it has exited, but its parent has not called wait() to reap it yet;
//  - an orphan: its parent exited while it still lives, so init adopted it — it moves to the top.
// The orphan is found from the trace (the parent is a Zombie or gone at the cursor), so it also
// works for loaded traces that record each process's parent.
//
// Moving the cursor emits dataChanged when only states change, and resets the model when the
// shape of the tree changes (a fork, a reap, an adoption).
#pragma once

#include "core/trace/trace.h"
#include "ui/style/state_colors.h"

#include <QAbstractItemModel>

#include <vector>

namespace procscope::ui {

class PlaybackController;

class ProcessTreeModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Column { Process, State, Note, ColumnCount };
    enum Role {
        ProcIndexRole = Qt::UserRole + 1, // int: the process index in the Trace
        StateRole,                        // int: ProcessState at the cursor
        ZombieRole,                       // bool
        OrphanRole                        // bool: adopted by init
    };

    explicit ProcessTreeModel(QObject* parent = nullptr);

    // Follows a controller: re-reads its document's trace on traceChanged and moves on tickChanged.
    void follow(PlaybackController* controller);
    void setTrace(const Trace* trace);
    void setTick(Tick tick);
    Tick tick() const { return m_tick; }
    void setPalette(Palette palette);

    // The index showing a process (column 0), invalid when it does not exist at the cursor.
    QModelIndex indexOfProcess(ProcIndex process, int column = 0) const;
    ProcIndex processAt(const QModelIndex& index) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node {
        bool present = false;
        ProcIndex parent = -1; // -1: a child of init (top level)
        int row = 0;           // among its siblings
        ProcessState state = ProcessState::Unknown;
        bool orphan = false;
        std::vector<ProcIndex> children;
    };
    struct Tree {
        std::vector<Node> nodes; // per process index
        std::vector<ProcIndex> roots;
    };

    Tree build(Tick tick) const;
    static bool sameShape(const Tree& a, const Tree& b);
    void update(bool reset);
    QString note(ProcIndex p) const;

    const Trace* m_trace = nullptr;
    Tick m_tick = 0;
    Palette m_palette = Palette::Standard;
    Tree m_tree;
};

} // namespace procscope::ui
