#include "ui/editor/workload_editor.h"

#include "core/io/workload_json.h"
#include "ui/editor/generate_dialog.h"
#include "ui/editor/workload_model.h"
#include "ui/panels/panel_style.h"

#include <QAction>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <variant>

namespace procscope::ui {

namespace {

bool hasQuantum(PolicyKind kind)
{
    return kind == PolicyKind::RoundRobin || kind == PolicyKind::Lottery || kind == PolicyKind::Stride;
}

} // namespace

WorkloadEditor::WorkloadEditor(QWidget* parent)
    : QWidget(parent)
    , m_model(new WorkloadModel(this))
    , m_view(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_policy(new QComboBox(this))
    , m_quantum(new QSpinBox(this))
    , m_cpus(new QSpinBox(this))
    , m_remove(new QPushButton(tr("Remove"), this))
    , m_duplicate(new QPushButton(tr("Duplicate"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("workloadEditor"));
    useReadableFont(this);

    for (int k = 0; k < kPolicyCount; ++k)
        m_policy->addItem(QString::fromUtf8(policyName(static_cast<PolicyKind>(k))));
    m_policy->setToolTip(tr("Scheduling policy"));
    m_quantum->setRange(1, 1'000'000);
    m_quantum->setPrefix(tr("quantum "));
    m_quantum->setToolTip(tr("Time slice in ticks (RR, Lottery, Stride)"));
    m_cpus->setRange(1, 64);
    m_cpus->setSuffix(tr(" CPU"));
    connect(m_cpus, &QSpinBox::valueChanged, this,
        [this](int n) { m_cpus->setSuffix(n == 1 ? tr(" CPU") : tr(" CPUs")); });
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* settings = new QHBoxLayout;
    settings->addWidget(new QLabel(tr("Policy:"), this));
    settings->addWidget(m_policy);
    settings->addWidget(m_quantum);
    settings->addWidget(m_cpus);
    settings->addStretch(1);

    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(WorkloadModel::Program, QHeaderView::Stretch);
    fitRowsToFont(m_view);

    auto* add = new QPushButton(tr("Add"), this);
    auto* generate = new QPushButton(tr("Generate…"), this);
    auto* run = new QPushButton(tr("Run"), this);
    add->setToolTip(tr("Add a process at the end"));
    m_remove->setToolTip(tr("Remove the selected processes"));
    m_duplicate->setToolTip(tr("Copy the selected processes, with new pids"));
    generate->setToolTip(tr("Replace the processes with a seeded random workload"));
    run->setToolTip(tr("Simulate the workload as edited"));
    run->setDefault(true);
    QAction* undo = undoStack()->createUndoAction(this, tr("Undo"));
    QAction* redo = undoStack()->createRedoAction(this, tr("Redo"));
    undo->setShortcut(QKeySequence::Undo);
    redo->setShortcut(QKeySequence::Redo);
    undo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    redo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(undo);
    addAction(redo);
    auto* undoButton = new QToolButton(this);
    auto* redoButton = new QToolButton(this);
    undoButton->setObjectName(QStringLiteral("undoButton"));
    redoButton->setObjectName(QStringLiteral("redoButton"));
    undoButton->setDefaultAction(undo);
    redoButton->setDefaultAction(redo);
    undoButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    redoButton->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto* buttons = new QHBoxLayout;
    for (QWidget* w : {static_cast<QWidget*>(add), static_cast<QWidget*>(m_remove),
             static_cast<QWidget*>(m_duplicate), static_cast<QWidget*>(generate),
             static_cast<QWidget*>(undoButton), static_cast<QWidget*>(redoButton)})
        buttons->addWidget(w);
    buttons->addStretch(1);
    buttons->addWidget(run);

    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(settings);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_status);

    connect(add, &QPushButton::clicked, this, &WorkloadEditor::addProcess);
    connect(m_remove, &QPushButton::clicked, this, &WorkloadEditor::removeSelected);
    connect(m_duplicate, &QPushButton::clicked, this, &WorkloadEditor::duplicateSelected);
    connect(generate, &QPushButton::clicked, this, &WorkloadEditor::generate);
    connect(run, &QPushButton::clicked, this, &WorkloadEditor::run);
    connect(m_policy, &QComboBox::activated, this, &WorkloadEditor::settingsEdited);
    connect(m_quantum, &QSpinBox::editingFinished, this, &WorkloadEditor::settingsEdited);
    connect(m_cpus, &QSpinBox::editingFinished, this, &WorkloadEditor::settingsEdited);
    connect(m_model, &WorkloadModel::settingsChanged, this, &WorkloadEditor::showSettings);
    connect(
        undoStack(), &QUndoStack::cleanChanged, this, [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
    connect(undoStack(), &QUndoStack::indexChanged, this, &WorkloadEditor::showProblem);
    auto selectionChanged = [this] {
        const bool any = !selectedRows().isEmpty();
        m_remove->setEnabled(any);
        m_duplicate->setEnabled(any);
    };
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, selectionChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, selectionChanged);
    selectionChanged();
    m_lastGenerator.maxArrival = 10;
    setWorkload(Workload{});
}

QUndoStack* WorkloadEditor::undoStack() const
{
    return m_model->undoStack();
}

void WorkloadEditor::setWorkload(const Workload& workload, const QString& path)
{
    m_model->setWorkload(workload);
    m_path = path;
    undoStack()->setClean();
    showProblem();
}

Workload WorkloadEditor::workload() const
{
    return m_model->workload();
}

QString WorkloadEditor::problem() const
{
    return m_model->problem();
}

bool WorkloadEditor::load(const QString& path)
{
    auto result = readWorkload(path.toStdString());
    if (const auto* error = std::get_if<LoadError>(&result)) {
        m_error = QString::fromStdString(error->toString());
        return false;
    }
    setWorkload(std::get<Workload>(result), path);
    m_error.clear();
    return true;
}

bool WorkloadEditor::save(const QString& path)
{
    if (const QString p = problem(); !p.isEmpty()) {
        m_error = tr("The workload cannot be saved until this is fixed: %1").arg(p);
        return false;
    }
    Workload w = workload();
    normalize(w);
    const std::string text = writeWorkload(w);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size()) ||
        !file.commit()) {
        m_error = tr("%1: %2").arg(path, file.errorString());
        return false;
    }
    m_path = path;
    m_error.clear();
    setClean();
    return true;
}

bool WorkloadEditor::isModified() const
{
    return !undoStack()->isClean();
}

void WorkloadEditor::setClean()
{
    undoStack()->setClean();
}

bool WorkloadEditor::maybeSave(QWidget* parent)
{
    if (!isModified())
        return true;
    const auto answer = QMessageBox::warning(parent, tr("Unsaved workload"),
        tr("The workload has changes that are not saved. Save them?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Discard)
        return true;
    if (answer != QMessageBox::Save)
        return false;
    QString target = m_path;
    if (target.isEmpty())
        target = QFileDialog::getSaveFileName(
            parent, tr("Save workload"), QString(), tr("ProcScope workloads (*.json)"));
    if (target.isEmpty())
        return false;
    if (save(target))
        return true;
    QMessageBox::critical(parent, tr("Save workload"), m_error);
    return false;
}

QString WorkloadEditor::summary(const Workload& w)
{
    QString policy = QString::fromUtf8(policyName(w.policy.kind));
    if (hasQuantum(w.policy.kind))
        policy += tr(", quantum %1").arg(w.policy.quantum);
    QStringList devices;
    for (const std::string& d : w.machine.devices)
        devices << QString::fromStdString(d);
    const QString cpus = w.machine.cpus == 1 ? tr("1 CPU") : tr("%1 CPUs").arg(w.machine.cpus);
    QString text = tr("%1 · %2 · devices: %3").arg(policy, cpus, devices.join(QStringLiteral(", ")));
    if (w.machine.contextSwitch > 0)
        text += tr(" · context switch %1").arg(w.machine.contextSwitch);
    if (!w.name.empty())
        text = QStringLiteral("<b>%1</b> — %2").arg(QString::fromStdString(w.name).toHtmlEscaped(), text);
    return text;
}

void WorkloadEditor::addProcess()
{
    m_model->addProcess();
    m_view->selectRow(m_model->rowCount() - 1);
}

void WorkloadEditor::removeSelected()
{
    m_model->removeProcesses(selectedRows());
}

void WorkloadEditor::duplicateSelected()
{
    m_model->duplicateProcesses(selectedRows());
}

void WorkloadEditor::generate()
{
    GenerateDialog dialog(m_lastGenerator, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_lastGenerator = dialog.spec();
    m_model->generate(m_lastGenerator);
}

bool WorkloadEditor::run()
{
    if (const QString p = problem(); !p.isEmpty()) {
        m_status->setText(tr("<span style='color:#b71c1c'>Cannot run: %1</span>").arg(p.toHtmlEscaped()));
        Q_EMIT runRefused(p);
        return false;
    }
    Workload w = workload();
    normalize(w);
    Q_EMIT runRequested(w);
    return true;
}

QList<int> WorkloadEditor::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex& index : m_view->selectionModel()->selectedRows())
        rows << index.row();
    return rows;
}

void WorkloadEditor::showSettings()
{
    const Workload& w = m_model->settings();
    const QSignalBlocker b1(m_policy), b2(m_quantum), b3(m_cpus);
    m_policy->setCurrentIndex(static_cast<int>(w.policy.kind));
    m_quantum->setValue(static_cast<int>(std::clamp<Tick>(w.policy.quantum, 1, 1'000'000)));
    m_quantum->setEnabled(hasQuantum(w.policy.kind));
    m_cpus->setValue(w.machine.cpus);
    m_summary->setText(summary(w));
}

void WorkloadEditor::settingsEdited()
{
    Workload w = m_model->settings();
    const auto kind = static_cast<PolicyKind>(m_policy->currentIndex());
    QString what;
    if (kind != w.policy.kind) {
        // A new policy starts from its defaults, keeping the time slice the user chose.
        const Tick quantum = w.policy.quantum;
        w.policy = PolicySpec{};
        w.policy.kind = kind;
        w.policy.quantum = quantum;
        what = tr("Policy %1").arg(m_policy->currentText());
    } else if (m_quantum->value() != w.policy.quantum) {
        w.policy.quantum = m_quantum->value();
        what = tr("Quantum %1").arg(m_quantum->value());
    } else if (m_cpus->value() != w.machine.cpus) {
        w.machine.cpus = m_cpus->value();
        what = tr("CPUs: %1").arg(m_cpus->value());
    } else {
        return;
    }
    m_model->editSettings(w, what);
}

void WorkloadEditor::showProblem()
{
    const QString p = problem();
    m_status->setText(
        p.isEmpty() ? tr("Ready to run: %1 processes.").arg(m_model->rowCount())
                    : tr("<span style='color:#b71c1c'>Cannot run yet: %1</span>").arg(p.toHtmlEscaped()));
}

} // namespace procscope::ui
