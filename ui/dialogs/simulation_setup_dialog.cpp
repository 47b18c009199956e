#include "ui/dialogs/simulation_setup_dialog.h"

#include "ui/dialogs/policy_editor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QMessageBox>
#include <QSpinBox>
#include <QVBoxLayout>

namespace procscope::ui {

namespace {

QSpinBox* spin(QWidget* parent, int min, int max, long long value)
{
    auto* s = new QSpinBox(parent);
    s->setRange(min, max);
    s->setValue(static_cast<int>(std::clamp<long long>(value, min, max)));
    return s;
}

QCheckBox* check(QWidget* parent, const QString& text, bool value)
{
    auto* c = new QCheckBox(text, parent);
    c->setChecked(value);
    return c;
}

} // namespace

SimulationSetupDialog::SimulationSetupDialog(const Workload& workload, QWidget* parent)
    : QDialog(parent)
    , m_workload(workload)
{
    setWindowTitle(tr("Simulation setup"));
    const MachineSpec& m = workload.machine;
    auto* layout = new QVBoxLayout(this);

    auto* policyBox = new QGroupBox(tr("Scheduling policy"), this);
    auto* policyLayout = new QVBoxLayout(policyBox);
    m_policy = new PolicyEditor(workload.policy, policyBox);
    policyLayout->addWidget(m_policy);
    layout->addWidget(policyBox);

    auto* machineBox = new QGroupBox(tr("Machine"), this);
    auto* machineForm = new QFormLayout(machineBox);
    m_cpus = spin(machineBox, 1, 64, m.cpus);
    m_switch = spin(machineBox, 0, 1'000'000, m.contextSwitch);
    m_ioModel = new QComboBox(machineBox);
    m_ioModel->addItems({tr("Every I/O at once (OSTEP)"), tr("One request at a time per device (FIFO)")});
    m_ioModel->setCurrentIndex(m.ioModel == IoModel::Parallel ? 0 : 1);
    m_switchOnIo =
        check(machineBox, tr("Switch to another process on I/O (else wait: SWITCH_ON_END)"), m.switchOnIo);
    m_ioImmediate =
        check(machineBox, tr("A finished I/O runs at once (IO_RUN_IMMEDIATE)"), m.ioDoneRunsImmediately);
    m_issueCost = spin(machineBox, 0, 1000, m.ioIssueCost);
    m_doneCost = spin(machineBox, 0, 1000, m.ioDoneCost);
    machineForm->addRow(tr("CPUs"), m_cpus);
    machineForm->addRow(tr("Context switch (ticks)"), m_switch);
    machineForm->addRow(tr("I/O devices"), m_ioModel);
    machineForm->addRow(m_switchOnIo);
    machineForm->addRow(m_ioImmediate);
    machineForm->addRow(tr("CPU ticks to issue an I/O"), m_issueCost);
    machineForm->addRow(tr("CPU ticks to finish an I/O"), m_doneCost);
    layout->addWidget(machineBox);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SimulationSetupDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SimulationSetupDialog::reject);
}

void SimulationSetupDialog::accept()
{
    Workload w = m_workload;
    QString problem;
    const std::optional<PolicySpec> policy = m_policy->policy(&problem);
    if (!policy) {
        QMessageBox::warning(this, windowTitle(), problem);
        return;
    }
    w.policy = *policy;
    MachineSpec& m = w.machine;
    m.cpus = m_cpus->value();
    m.contextSwitch = m_switch->value();
    m.ioModel = m_ioModel->currentIndex() == 0 ? IoModel::Parallel : IoModel::FifoDevice;
    m.switchOnIo = m_switchOnIo->isChecked();
    m.ioDoneRunsImmediately = m_ioImmediate->isChecked();
    m.ioIssueCost = m_issueCost->value();
    m.ioDoneCost = m_doneCost->value();
    if (const std::string invalid = normalize(w); !invalid.empty()) {
        QMessageBox::warning(this, windowTitle(), QString::fromStdString(invalid));
        return;
    }
    m_workload = std::move(w);
    QDialog::accept();
}

} // namespace procscope::ui
