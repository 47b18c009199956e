// The undoable edits of the workload editor. Each keeps the exact state before and after, so Undo
// gives back what the teacher or student had, program text included, and Redo the edit again.
#pragma once

#include "ui/editor/workload_model.h"

#include <QUndoCommand>

#include <utility>
#include <vector>

namespace procscope::ui {

// One cell changed (the whole row is kept, so the text of an invalid program comes back too).
class EditCellCommand : public QUndoCommand {
public:
    EditCellCommand(
        WorkloadModel* model, int row, WorkloadRow before, WorkloadRow after, const QString& text);
    void undo() override;
    void redo() override;

private:
    WorkloadModel* m_model;
    int m_row;
    WorkloadRow m_before;
    WorkloadRow m_after;
};

// Processes inserted at a position (Add, Duplicate).
class InsertProcessesCommand : public QUndoCommand {
public:
    InsertProcessesCommand(
        WorkloadModel* model, int first, std::vector<WorkloadRow> rows, const QString& text);
    void undo() override;
    void redo() override;

private:
    WorkloadModel* m_model;
    int m_first;
    std::vector<WorkloadRow> m_rows;
};

// Processes removed from anywhere in the table; undo puts each back at its row.
class RemoveProcessesCommand : public QUndoCommand {
public:
    // `removed`: (row, contents), rows ascending.
    RemoveProcessesCommand(WorkloadModel* model, std::vector<std::pair<int, WorkloadRow>> removed);
    void undo() override;
    void redo() override;

private:
    WorkloadModel* m_model;
    std::vector<std::pair<int, WorkloadRow>> m_removed;
};

// Every process replaced (a generated workload).
class ReplaceProcessesCommand : public QUndoCommand {
public:
    ReplaceProcessesCommand(WorkloadModel* model, std::vector<WorkloadRow> before,
        std::vector<WorkloadRow> after, const QString& text);
    void undo() override;
    void redo() override;

private:
    WorkloadModel* m_model;
    std::vector<WorkloadRow> m_before;
    std::vector<WorkloadRow> m_after;
};

// Machine or policy changed.
class EditSettingsCommand : public QUndoCommand {
public:
    EditSettingsCommand(WorkloadModel* model, Workload before, Workload after, const QString& text);
    void undo() override;
    void redo() override;

private:
    WorkloadModel* m_model;
    Workload m_before;
    Workload m_after;
};

} // namespace procscope::ui
