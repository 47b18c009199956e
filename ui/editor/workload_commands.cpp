#include "ui/editor/workload_commands.h"

namespace procscope::ui {

EditCellCommand::EditCellCommand(
    WorkloadModel* model, int row, WorkloadRow before, WorkloadRow after, const QString& text)
    : QUndoCommand(text)
    , m_model(model)
    , m_row(row)
    , m_before(std::move(before))
    , m_after(std::move(after))
{ }

void EditCellCommand::undo()
{
    m_model->replaceRow(m_row, m_before);
}

void EditCellCommand::redo()
{
    m_model->replaceRow(m_row, m_after);
}

InsertProcessesCommand::InsertProcessesCommand(
    WorkloadModel* model, int first, std::vector<WorkloadRow> rows, const QString& text)
    : QUndoCommand(text)
    , m_model(model)
    , m_first(first)
    , m_rows(std::move(rows))
{ }

void InsertProcessesCommand::undo()
{
    m_model->removeRowsAt(m_first, static_cast<int>(m_rows.size()));
}

void InsertProcessesCommand::redo()
{
    m_model->insertRowsAt(m_first, m_rows);
}

RemoveProcessesCommand::RemoveProcessesCommand(
    WorkloadModel* model, std::vector<std::pair<int, WorkloadRow>> removed)
    : QUndoCommand(removed.size() == 1 ? QObject::tr("Remove process") : QObject::tr("Remove processes"))
    , m_model(model)
    , m_removed(std::move(removed))
{ }

void RemoveProcessesCommand::undo()
{
    // Ascending: each row goes back where it was, the ones before it being back already.
    for (const auto& [row, contents] : m_removed)
        m_model->insertRowsAt(row, {contents});
}

void RemoveProcessesCommand::redo()
{
    for (auto it = m_removed.rbegin(); it != m_removed.rend(); ++it)
        m_model->removeRowsAt(it->first, 1);
}

ReplaceProcessesCommand::ReplaceProcessesCommand(WorkloadModel* model, std::vector<WorkloadRow> before,
    std::vector<WorkloadRow> after, const QString& text)
    : QUndoCommand(text)
    , m_model(model)
    , m_before(std::move(before))
    , m_after(std::move(after))
{ }

void ReplaceProcessesCommand::undo()
{
    m_model->replaceRows(m_before);
}

void ReplaceProcessesCommand::redo()
{
    m_model->replaceRows(m_after);
}

EditSettingsCommand::EditSettingsCommand(
    WorkloadModel* model, Workload before, Workload after, const QString& text)
    : QUndoCommand(text)
    , m_model(model)
    , m_before(std::move(before))
    , m_after(std::move(after))
{ }

void EditSettingsCommand::undo()
{
    m_model->replaceSettings(m_before);
}

void EditSettingsCommand::redo()
{
    m_model->replaceSettings(m_after);
}

} // namespace procscope::ui
