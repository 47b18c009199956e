// The workload editor: the processes of a workload in an editable table (WorkloadModel) with Add,
// Remove, Duplicate, Generate…, Undo and Redo, the policy and CPUs, and Run. A teacher prepares a
// lecture example with it; a student builds a homework workload and runs it. Every edit can be
// undone, invalid cells are red and say what was expected, and maybeSave() asks before anything
// unsaved is thrown away.
#pragma once

#include "core/model/workload.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;
class QUndoStack;

namespace procscope::ui {

class WorkloadModel;

class WorkloadEditor : public QWidget {
    Q_OBJECT

public:
    explicit WorkloadEditor(QWidget* parent = nullptr);

    WorkloadModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QUndoStack* undoStack() const;

    // A workload to edit, e.g. the open document's; forgets the undo history and is unmodified.
    void setWorkload(const Workload& workload, const QString& path = {});
    // The workload as edited (processes in table order, not normalized).
    Workload workload() const;
    // The first problem that keeps it from running, or empty.
    QString problem() const;

    // The native workload JSON (docs/workload-format.md). load() replaces the contents and marks
    // them unmodified; save() writes atomically (QSaveFile) and marks them saved. On failure both
    // return false and leave a message in errorString().
    bool load(const QString& path);
    bool save(const QString& path);
    QString path() const { return m_path; }
    QString errorString() const { return m_error; }

    // Unsaved edits: follows the undo stack's clean state.
    bool isModified() const;
    void setClean();
    // Unsaved edits? Asks Save / Discard / Cancel. True when the caller may go on (saved or
    // discarded, or nothing to save), false when the user cancelled or the save failed.
    bool maybeSave(QWidget* parent);

    // Short text for the machine and policy: "RR, quantum 2 · 1 CPU · devices: disk".
    static QString summary(const Workload& workload);

public Q_SLOTS:
    void addProcess();
    void removeSelected();
    void duplicateSelected();
    // Asks for a seed and the generator's parameters, then replaces the processes (undoable).
    void generate();
    // Emits runRequested() with the normalized workload when it is valid; otherwise shows the
    // problem, emits runRefused() and returns false.
    bool run();

Q_SIGNALS:
    void runRequested(const procscope::Workload& workload);
    void runRefused(const QString& problem);
    void modifiedChanged(bool modified);

private:
    QList<int> selectedRows() const;
    void showSettings();
    void settingsEdited();
    void showProblem();

    WorkloadModel* m_model;
    QTableView* m_view;
    QLabel* m_summary;
    QComboBox* m_policy;
    QSpinBox* m_quantum;
    QSpinBox* m_cpus;
    QPushButton* m_remove;
    QPushButton* m_duplicate;
    QLabel* m_status;
    QString m_path;
    QString m_error;
    GeneratorSpec m_lastGenerator;
};

} // namespace procscope::ui
