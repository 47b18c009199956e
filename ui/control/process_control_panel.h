// Live process control: the textbook's process API applied to a running simulation at the cursor.
// A teacher pauses at a tick and asks "what if we kill the editor now?", clicks Kill, and every
// view shows the new future while the past stays as it was. Create a process (a name and a
// program), Kill, Suspend or Resume the selected one, or change the policy and its quantum; each
// is a Command (core/sim/command.h) given to Document::apply at the cursor's tick.
//
// The buttons are enabled only when the action means something for the selected process's state
// at the cursor (Resume only when it is Suspended), and only for simulations: a loaded trace has
// no future to change.
#pragma once

#include "core/sim/command.h"
#include "core/trace/trace.h"

#include <QString>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace procscope::ui {

class PlaybackController;
class ViewState;

class ProcessControlPanel : public QWidget {
    Q_OBJECT

public:
    ProcessControlPanel(PlaybackController* controller, ViewState* viewState, QWidget* parent = nullptr);

    // What may be done to a process at a tick, and if nothing, why not (for the tooltip).
    struct Legal {
        bool kill = false;
        bool suspend = false;
        bool resume = false;
        QString why;
    };
    static Legal legalActions(const Trace& trace, ProcIndex process, Tick tick);

    QPushButton* killButton() const { return m_kill; }
    QPushButton* suspendButton() const { return m_suspend; }
    QPushButton* resumeButton() const { return m_resume; }
    QPushButton* createButton() const { return m_create; }
    QPushButton* policyButton() const { return m_applyPolicy; }
    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* programEdit() const { return m_program; }
    QComboBox* policyBox() const { return m_policy; }
    QSpinBox* quantumBox() const { return m_quantum; }

public Q_SLOTS:
    void killSelected();
    void suspendSelected();
    void resumeSelected();
    // Creates the process named and programmed in the fields, arriving at the cursor, and selects it.
    void createProcess();
    // The policy and quantum in the fields from the cursor on.
    void changePolicy();

Q_SIGNALS:
    // After the command was applied and the future simulated again (for a status bar).
    void commandApplied(const procscope::Command& command);

private:
    void apply(Command command);
    void actOnSelected(Command::Kind kind);
    void refresh();
    bool isSimulation() const;

    PlaybackController* m_controller;
    ViewState* m_viewState;
    QLabel* m_selection;
    QPushButton* m_kill;
    QPushButton* m_suspend;
    QPushButton* m_resume;
    QLineEdit* m_name;
    QLineEdit* m_program;
    QPushButton* m_create;
    QComboBox* m_policy;
    QSpinBox* m_quantum;
    QPushButton* m_applyPolicy;
    QLabel* m_status;
};

} // namespace procscope::ui
