// "Simulation setup": the policy and its parameters, the CPUs, the context-switch cost and the
// I/O behaviour of the open workload. Re-running applies them.
#pragma once

#include "core/model/workload.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

namespace procscope::ui {

class SimulationSetupDialog : public QDialog {
    Q_OBJECT

public:
    explicit SimulationSetupDialog(const Workload& workload, QWidget* parent = nullptr);

    // The workload with the chosen settings (valid after accept()).
    const Workload& workload() const { return m_workload; }
    void accept() override;

private:
    Workload m_workload;
    QComboBox* m_policy;
    QSpinBox* m_quantum;
    QCheckBox* m_preemptive;
    QSpinBox* m_aging;
    QLineEdit* m_quanta;
    QLineEdit* m_allotments;
    QSpinBox* m_boost;
    QCheckBox* m_stay;
    QCheckBox* m_bump;
    QSpinBox* m_latency;
    QSpinBox* m_granularity;
    QSpinBox* m_cpus;
    QSpinBox* m_switch;
    QComboBox* m_ioModel;
    QCheckBox* m_switchOnIo;
    QCheckBox* m_ioImmediate;
    QSpinBox* m_issueCost;
    QSpinBox* m_doneCost;
    QStackedWidget* m_parameters;
};

} // namespace procscope::ui
