// "Simulation setup": the policy and its parameters, the CPUs, the context-switch cost and the
// I/O behaviour of the open workload. Re-running applies them.
#pragma once

#include "core/model/workload.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace procscope::ui {

class PolicyEditor;

class SimulationSetupDialog : public QDialog {
    Q_OBJECT

public:
    explicit SimulationSetupDialog(const Workload& workload, QWidget* parent = nullptr);

    // The workload with the chosen settings (valid after accept()).
    const Workload& workload() const { return m_workload; }
    void accept() override;

private:
    Workload m_workload;
    PolicyEditor* m_policy;
    QSpinBox* m_cpus;
    QSpinBox* m_switch;
    QComboBox* m_ioModel;
    QCheckBox* m_switchOnIo;
    QCheckBox* m_ioImmediate;
    QSpinBox* m_issueCost;
    QSpinBox* m_doneCost;
};

} // namespace procscope::ui
