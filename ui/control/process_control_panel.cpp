#include "ui/control/process_control_panel.h"

#include "ui/document/document.h"
#include "ui/editor/program_text.h"
#include "ui/panels/panel_style.h"
#include "ui/playback/playback_controller.h"
#include "ui/playback/view_state.h"
#include "ui/style/state_colors.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace procscope::ui {

namespace {

bool hasQuantum(PolicyKind kind)
{
    return kind == PolicyKind::RoundRobin || kind == PolicyKind::Lottery || kind == PolicyKind::Stride;
}

QString errorText(const QString& text)
{
    return QStringLiteral("<span style='color:#b71c1c'>%1</span>").arg(text.toHtmlEscaped());
}

} // namespace

ProcessControlPanel::Legal ProcessControlPanel::legalActions(const Trace& trace, ProcIndex process, Tick tick)
{
    Legal legal;
    if (process < 0 || static_cast<std::size_t>(process) >= trace.processCount()) {
        legal.why = tr("Select a process first");
        return legal;
    }
    const ProcessTrack& track = trace.track(process);
    const auto state = track.stateAt(tick);
    if (!state) {
        legal.why = tr("The process does not exist yet at this tick");
        return legal;
    }
    // Commands act before the tick's arrivals (docs/engine.md): a process arriving at this very tick
    // is not there yet when they run.
    if (track.at(0) == tick && trace.info(process).parent == kInitPid) {
        legal.why = tr("The process arrives at this tick; step one tick forward to act on it");
        return legal;
    }
    legal.kill = isLive(*state) || *state == ProcessState::Suspended;
    legal.suspend = isLive(*state);
    legal.resume = *state == ProcessState::Suspended;
    if (*state == ProcessState::Zombie)
        legal.why = tr("It has already exited (a zombie waiting to be reaped)");
    else if (*state == ProcessState::Terminated)
        legal.why = tr("It has terminated");
    return legal;
}

ProcessControlPanel::ProcessControlPanel(
    PlaybackController* controller, ViewState* viewState, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_viewState(viewState)
    , m_selection(new QLabel(this))
    , m_kill(new QPushButton(tr("Kill"), this))
    , m_suspend(new QPushButton(tr("Suspend"), this))
    , m_resume(new QPushButton(tr("Resume"), this))
    , m_name(new QLineEdit(QStringLiteral("new"), this))
    , m_program(new QLineEdit(QStringLiteral("c5,i,c3"), this))
    , m_create(new QPushButton(tr("Create"), this))
    , m_policy(new QComboBox(this))
    , m_quantum(new QSpinBox(this))
    , m_applyPolicy(new QPushButton(tr("Change"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("processControlPanel"));
    useReadableFont(this);
    m_kill->setToolTip(tr("kill(): the process exits now (status -9) and becomes a zombie"));
    m_suspend->setToolTip(tr("Suspend: the process leaves the CPU and the ready queue until resumed"));
    m_resume->setToolTip(tr("Resume: the process goes back to Ready (or Blocked, if its I/O is not done)"));
    m_program->setToolTip(tr("c7,i,c1 (CPU 7, an I/O of %1, CPU 1) or a list of operations such as "
                             "[{\"cpu\": 2}, {\"fork\": \"c3\"}, {\"wait\": \"any\"}]")
                              .arg(kEditorIoLength));
    m_selection->setWordWrap(true);
    m_status->setWordWrap(true);
    for (int k = 0; k < kPolicyCount; ++k)
        m_policy->addItem(QString::fromUtf8(policyName(static_cast<PolicyKind>(k))));
    m_quantum->setRange(1, 1'000'000);
    m_quantum->setPrefix(tr("quantum "));

    auto* selected = new QGroupBox(tr("Selected process"), this);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_kill);
    actions->addWidget(m_suspend);
    actions->addWidget(m_resume);
    actions->addStretch(1);
    auto* selectedLayout = new QVBoxLayout(selected);
    selectedLayout->addWidget(m_selection);
    selectedLayout->addLayout(actions);

    auto* create = new QGroupBox(tr("New process at the cursor"), this);
    auto* form = new QFormLayout(create);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Program:"), m_program);
    form->addRow(QString(), m_create);

    auto* policy = new QGroupBox(tr("Policy from the cursor on"), this);
    auto* policyLayout = new QHBoxLayout(policy);
    policyLayout->addWidget(m_policy);
    policyLayout->addWidget(m_quantum);
    policyLayout->addWidget(m_applyPolicy);
    policyLayout->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(selected);
    layout->addWidget(create);
    layout->addWidget(policy);
    layout->addWidget(m_status);
    layout->addStretch(1);

    connect(m_kill, &QPushButton::clicked, this, &ProcessControlPanel::killSelected);
    connect(m_suspend, &QPushButton::clicked, this, &ProcessControlPanel::suspendSelected);
    connect(m_resume, &QPushButton::clicked, this, &ProcessControlPanel::resumeSelected);
    connect(m_create, &QPushButton::clicked, this, &ProcessControlPanel::createProcess);
    connect(m_program, &QLineEdit::returnPressed, this, &ProcessControlPanel::createProcess);
    connect(m_applyPolicy, &QPushButton::clicked, this, &ProcessControlPanel::changePolicy);
    connect(m_program, &QLineEdit::textChanged, this, &ProcessControlPanel::refresh);
    connect(m_policy, &QComboBox::currentIndexChanged, this,
        [this](int k) { m_quantum->setEnabled(hasQuantum(static_cast<PolicyKind>(k))); });
    connect(m_controller, &PlaybackController::tickChanged, this, &ProcessControlPanel::refresh);
    connect(m_controller, &PlaybackController::traceChanged, this, [this] {
        if (const Document* d = m_controller->document(); d && d->workload()) {
            m_policy->setCurrentIndex(static_cast<int>(d->workload()->policy.kind));
            m_quantum->setValue(
                static_cast<int>(std::clamp<Tick>(d->workload()->policy.quantum, 1, 1'000'000)));
        }
        refresh();
    });
    connect(m_viewState, &ViewState::selectedProcessChanged, this, &ProcessControlPanel::refresh);
    m_quantum->setEnabled(hasQuantum(static_cast<PolicyKind>(m_policy->currentIndex())));
    refresh();
}

bool ProcessControlPanel::isSimulation() const
{
    const Document* d = m_controller->document();
    return d && d->isSimulation();
}

void ProcessControlPanel::refresh()
{
    const bool simulation = isSimulation();
    const Tick tick = m_controller->tick();
    Legal legal;
    if (!m_controller->document()) {
        legal.why = tr("Nothing is open");
    } else if (!simulation) {
        legal.why = tr("A loaded trace is a record: only a simulation can be changed");
    } else {
        legal = legalActions(m_controller->document()->trace(), m_viewState->selectedProcess(), tick);
    }
    m_kill->setEnabled(legal.kill);
    m_suspend->setEnabled(legal.suspend);
    m_resume->setEnabled(legal.resume);

    QString text;
    const ProcIndex p = m_viewState->selectedProcess();
    if (simulation && p >= 0 &&
        static_cast<std::size_t>(p) < m_controller->document()->trace().processCount()) {
        const Trace& trace = m_controller->document()->trace();
        const auto state = trace.track(p).stateAt(tick);
        text = tr("At tick %1: %2 (pid %3) is %4.")
                   .arg(tick)
                   .arg(QString::fromStdString(trace.info(p).name))
                   .arg(trace.info(p).pid)
                   .arg(state ? stateLabel(*state) : tr("not created yet"));
    }
    if (!legal.why.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral(" ")) + legal.why + QLatin1Char('.');
    m_selection->setText(text);

    QString programError;
    if (simulation) {
        const ProgramText parsed =
            parseProgramText(m_program->text(), m_controller->document()->workload()->machine);
        programError = parsed.program ? QString() : parsed.error;
    }
    m_program->setStyleSheet(programError.isEmpty() ? QString() : QStringLiteral("background: #ffcdd2"));
    m_create->setEnabled(simulation && programError.isEmpty());
    m_create->setToolTip(
        programError.isEmpty() ? tr("Create the process at tick %1").arg(tick) : programError);
    m_applyPolicy->setEnabled(simulation);
    m_policy->setEnabled(simulation);
}

void ProcessControlPanel::apply(Command command)
{
    Document* document = m_controller->document();
    if (!document || !document->isSimulation())
        return;
    command.at = m_controller->tick();
    document->apply(command);
    QString what = QString::fromUtf8(commandName(command.kind));
    if (!what.isEmpty())
        what[0] = what[0].toUpper();
    m_status->setText(tr("%1 at tick %2; the future was simulated again.").arg(what).arg(command.at));
    Q_EMIT commandApplied(command);
}

void ProcessControlPanel::actOnSelected(Command::Kind kind)
{
    const Document* document = m_controller->document();
    const ProcIndex p = m_viewState->selectedProcess();
    if (!isSimulation() || p < 0 || static_cast<std::size_t>(p) >= document->trace().processCount())
        return;
    const Legal legal = legalActions(document->trace(), p, m_controller->tick());
    if ((kind == Command::Kind::Kill && !legal.kill) || (kind == Command::Kind::Suspend && !legal.suspend) ||
        (kind == Command::Kind::Resume && !legal.resume))
        return;
    Command c;
    c.kind = kind;
    c.pid = document->trace().info(p).pid;
    apply(std::move(c));
}

void ProcessControlPanel::killSelected()
{
    actOnSelected(Command::Kind::Kill);
}

void ProcessControlPanel::suspendSelected()
{
    actOnSelected(Command::Kind::Suspend);
}

void ProcessControlPanel::resumeSelected()
{
    actOnSelected(Command::Kind::Resume);
}

void ProcessControlPanel::createProcess()
{
    if (!isSimulation())
        return;
    const Document* document = m_controller->document();
    const ProgramText parsed = parseProgramText(m_program->text(), document->workload()->machine);
    if (!parsed.program) {
        m_status->setText(errorText(tr("Cannot create: %1").arg(parsed.error)));
        return;
    }
    Command c;
    c.kind = Command::Kind::Create;
    c.process.name = m_name->text().trimmed().toStdString();
    c.process.program = *parsed.program;
    const Tick tick = m_controller->tick();
    apply(c);
    // Select the new process: the last one created at this tick by init with that name.
    const Trace& trace = m_controller->document()->trace();
    for (auto p = static_cast<ProcIndex>(trace.processCount()) - 1; p >= 0; --p) {
        if (trace.track(p).at(0) == tick && trace.info(p).parent == kInitPid &&
            (c.process.name.empty() || trace.info(p).name == c.process.name)) {
            m_viewState->setSelectedProcess(p);
            break;
        }
    }
}

void ProcessControlPanel::changePolicy()
{
    if (!isSimulation())
        return;
    const Workload* workload = m_controller->document()->workload();
    Command c;
    c.kind = Command::Kind::SetPolicy;
    const auto kind = static_cast<PolicyKind>(m_policy->currentIndex());
    c.policy = workload->policy.kind == kind ? workload->policy : PolicySpec{};
    c.policy.kind = kind;
    c.policy.quantum = m_quantum->value();
    apply(std::move(c));
}

} // namespace procscope::ui
