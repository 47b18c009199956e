#include "ui/dialogs/simulation_setup_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QSpinBox>
#include <QStackedWidget>
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

template <typename T>
QString joined(const std::vector<T>& values)
{
    QStringList parts;
    for (const T& v : values)
        parts << QString::number(v);
    return parts.join(QLatin1Char(','));
}

// "10,20,40" -> numbers; empty on anything else.
std::vector<long long> numbers(const QString& text)
{
    std::vector<long long> out;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const long long v = part.trimmed().toLongLong(&ok);
        if (!ok)
            return {};
        out.push_back(v);
    }
    return out;
}

} // namespace

SimulationSetupDialog::SimulationSetupDialog(const Workload& workload, QWidget* parent)
    : QDialog(parent)
    , m_workload(workload)
{
    setWindowTitle(tr("Simulation setup"));
    const PolicySpec& p = workload.policy;
    const MachineSpec& m = workload.machine;
    auto* layout = new QVBoxLayout(this);

    auto* policyBox = new QGroupBox(tr("Scheduling policy"), this);
    auto* policyForm = new QFormLayout(policyBox);
    m_policy = new QComboBox(policyBox);
    for (int k = 0; k < kPolicyCount; ++k)
        m_policy->addItem(QString::fromUtf8(policyName(static_cast<PolicyKind>(k)).data()));
    m_policy->setCurrentIndex(static_cast<int>(p.kind));
    policyForm->addRow(tr("Policy"), m_policy);
    m_parameters = new QStackedWidget(policyBox);
    policyForm->addRow(m_parameters);

    // One page of parameters per policy; policies without parameters share an empty page.
    auto page = [this](QFormLayout*& form) {
        auto* w = new QWidget(m_parameters);
        form = new QFormLayout(w);
        form->setContentsMargins(0, 0, 0, 0);
        m_parameters->addWidget(w);
        return m_parameters->count() - 1;
    };
    QFormLayout* form = nullptr;
    const int none = page(form);
    const int sliced = page(form);
    m_quantum = spin(this, 1, 1'000'000, p.quantum);
    form->addRow(tr("Time slice (quantum)"), m_quantum);
    const int priority = page(form);
    m_preemptive = check(this, tr("Preemptive"), p.preemptive);
    m_aging = spin(this, 0, 1'000'000, p.agingInterval);
    m_aging->setSpecialValueText(tr("off"));
    form->addRow(m_preemptive);
    form->addRow(tr("Aging: one level every"), m_aging);
    const int mlfq = page(form);
    m_quanta = new QLineEdit(joined(p.mlfqQuanta), this);
    m_allotments = new QLineEdit(joined(p.mlfqAllotments), this);
    m_boost = spin(this, 0, 1'000'000, p.boostPeriod);
    m_boost->setSpecialValueText(tr("never"));
    m_stay = check(this, tr("Stay at the same level after I/O (-S)"), p.stayOnIo);
    m_bump = check(this, tr("Finished I/O goes to the front of its queue (-I)"), p.ioBump);
    form->addRow(tr("Quanta, top queue first"), m_quanta);
    form->addRow(tr("Allotments, top queue first"), m_allotments);
    form->addRow(tr("Priority boost every"), m_boost);
    form->addRow(m_stay);
    form->addRow(m_bump);
    const int cfs = page(form);
    m_latency = spin(this, 1, 1'000'000, p.targetLatency);
    m_granularity = spin(this, 1, 1'000'000, p.minGranularity);
    form->addRow(tr("Target latency"), m_latency);
    form->addRow(tr("Minimum granularity"), m_granularity);
    auto showPage = [=, this](int k) {
        switch (static_cast<PolicyKind>(k)) {
        case PolicyKind::RoundRobin:
        case PolicyKind::Lottery:
        case PolicyKind::Stride:
            m_parameters->setCurrentIndex(sliced);
            break;
        case PolicyKind::Priority:
            m_parameters->setCurrentIndex(priority);
            break;
        case PolicyKind::Mlfq:
            m_parameters->setCurrentIndex(mlfq);
            break;
        case PolicyKind::Cfs:
            m_parameters->setCurrentIndex(cfs);
            break;
        default:
            m_parameters->setCurrentIndex(none);
        }
    };
    connect(m_policy, &QComboBox::currentIndexChanged, this, showPage);
    showPage(m_policy->currentIndex());
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
    PolicySpec& p = w.policy;
    p.kind = static_cast<PolicyKind>(m_policy->currentIndex());
    p.quantum = m_quantum->value();
    p.preemptive = m_preemptive->isChecked();
    p.agingInterval = m_aging->value();
    p.boostPeriod = m_boost->value();
    p.stayOnIo = m_stay->isChecked();
    p.ioBump = m_bump->isChecked();
    p.targetLatency = m_latency->value();
    p.minGranularity = m_granularity->value();
    if (p.kind == PolicyKind::Mlfq) {
        const auto quanta = numbers(m_quanta->text());
        const auto allotments = numbers(m_allotments->text());
        if (quanta.empty() || quanta.size() != allotments.size()) {
            QMessageBox::warning(this, windowTitle(),
                tr("MLFQ needs as many allotments as quanta, as comma-separated numbers "
                   "(e.g. quanta 10,20,40 and allotments 1,1,2)."));
            return;
        }
        p.mlfqQuanta.assign(quanta.begin(), quanta.end());
        p.mlfqAllotments.assign(allotments.begin(), allotments.end());
    }
    MachineSpec& m = w.machine;
    m.cpus = m_cpus->value();
    m.contextSwitch = m_switch->value();
    m.ioModel = m_ioModel->currentIndex() == 0 ? IoModel::Parallel : IoModel::FifoDevice;
    m.switchOnIo = m_switchOnIo->isChecked();
    m.ioDoneRunsImmediately = m_ioImmediate->isChecked();
    m.ioIssueCost = m_issueCost->value();
    m.ioDoneCost = m_doneCost->value();
    if (const std::string problem = normalize(w); !problem.empty()) {
        QMessageBox::warning(this, windowTitle(), QString::fromStdString(problem));
        return;
    }
    m_workload = std::move(w);
    QDialog::accept();
}

} // namespace procscope::ui
