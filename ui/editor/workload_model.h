// The processes of a workload as an editable table, for teachers preparing a lecture example and
// students building a homework workload: pid, name, arrival, priority, tickets and the program.
//
// Every change goes through the model's QUndoStack (see workload_commands.h), so Undo and Redo
// restore exactly what was there, including the program text as the user typed it. A cell whose
// value the workload reader would reject keeps the value, turns red and says in its tooltip what
// was expected; workload() and problem() tell whether the whole workload can run.
#pragma once

#include "core/model/workload.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

#include <array>
#include <vector>

class QUndoStack;

namespace procscope::ui {

// One process as edited: its spec (whose program is the last text that parsed) and the program
// text exactly as the user wrote it.
struct WorkloadRow {
    ProcessSpec spec;
    QString programText;

    bool operator==(const WorkloadRow&) const = default;
};

class WorkloadModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Pid, Name, Arrival, Priority, Tickets, Program, ColumnCount };
    enum Role {
        ProblemRole = Qt::UserRole + 1 // QString: what the reader expected, empty when valid
    };

    explicit WorkloadModel(QObject* parent = nullptr);
    ~WorkloadModel() override;

    QUndoStack* undoStack() const { return m_undo; }

    // Replaces everything and forgets the undo history (a workload just loaded or created).
    void setWorkload(const Workload& workload);
    // The workload as edited, processes in table order (not normalized).
    Workload workload() const;
    // Machine, policy and the rest of the workload, without processes.
    const Workload& settings() const { return m_settings; }
    // The first problem that keeps the workload from running, or empty. Cells first (with the
    // process named), then the reader's normalize() on the whole workload.
    QString problem() const;
    QString cellProblem(int row, int column) const;

    // Undoable edits.
    void addProcess();
    void removeProcesses(QList<int> rows);
    void duplicateProcesses(QList<int> rows);
    void generate(const GeneratorSpec& spec);
    void editSettings(const Workload& settings, const QString& what);

    // What the undo commands call; each keeps the views informed.
    const WorkloadRow& row(int r) const { return m_rows[static_cast<std::size_t>(r)]; }
    const std::vector<WorkloadRow>& rows() const { return m_rows; }
    void replaceRow(int r, const WorkloadRow& row);
    void insertRowsAt(int first, const std::vector<WorkloadRow>& rows);
    void removeRowsAt(int first, int count);
    void replaceRows(const std::vector<WorkloadRow>& rows);
    void replaceSettings(const Workload& settings);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // The settings (machine, policy) changed, by an edit or an undo.
    void settingsChanged();

private:
    using Problems = std::array<QString, ColumnCount>;
    Problems check(const WorkloadRow& row) const;
    procscope::Pid nextPid() const;

    QUndoStack* m_undo;
    Workload m_settings; // processes empty
    std::vector<WorkloadRow> m_rows;
    std::vector<Problems> m_problems; // per row, per column
};

// A row for a spec: the program shown in its shortest text.
WorkloadRow rowFor(const ProcessSpec& spec, const MachineSpec& machine);

} // namespace procscope::ui
