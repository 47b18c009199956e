#include "ui/editor/workload_model.h"

#include "core/io/workload_json.h"
#include "core/model/generator.h"
#include "core/ostep/py_random.h"
#include "ui/editor/program_text.h"
#include "ui/editor/workload_commands.h"

#include <nlohmann/json.hpp>

#include <QColor>
#include <QUndoStack>

#include <algorithm>

namespace procscope::ui {

namespace {

// What the workload reader says about one process holding just this field (the others default):
// "arrival: expected an integer ..." or empty.
QString readerProblem(const ProcessSpec& field)
{
    Workload w;
    w.processes.push_back(field);
    w.processes.back().pid = 0;
    Workload out;
    const auto error = workloadFromJson(nlohmann::json(workloadToJson(w)), {}, "$", out);
    if (!error)
        return {};
    static const std::string prefix = "$.processes[0].";
    std::string where = error->jsonPath;
    if (where.starts_with(prefix))
        where = where.substr(prefix.size());
    return QString::fromStdString(where.empty() ? error->message : where + ": " + error->message);
}

QString processLabel(const WorkloadRow& row)
{
    const QString name = QString::fromStdString(row.spec.name);
    return name.isEmpty() ? QObject::tr("P%1").arg(row.spec.pid)
                          : QObject::tr("P%1 (%2)").arg(row.spec.pid).arg(name);
}

} // namespace

WorkloadRow rowFor(const ProcessSpec& spec, const MachineSpec& machine)
{
    return WorkloadRow{spec, formatProgramText(spec.program, machine)};
}

WorkloadModel::WorkloadModel(QObject* parent)
    : QAbstractTableModel(parent)
    , m_undo(new QUndoStack(this))
{ }

WorkloadModel::~WorkloadModel()
{
    // The stack clears itself when deleted and says so; whoever listens may be half destroyed.
    m_undo->blockSignals(true);
}

void WorkloadModel::setWorkload(const Workload& workload)
{
    beginResetModel();
    m_settings = workload;
    m_settings.processes.clear();
    m_rows.clear();
    m_problems.clear();
    for (const ProcessSpec& p : workload.processes) {
        m_rows.push_back(rowFor(p, workload.machine));
        m_problems.push_back(check(m_rows.back()));
    }
    endResetModel();
    m_undo->clear();
    Q_EMIT settingsChanged();
}

Workload WorkloadModel::workload() const
{
    Workload w = m_settings;
    for (const WorkloadRow& row : m_rows)
        w.processes.push_back(row.spec);
    return w;
}

QString WorkloadModel::problem() const
{
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        for (int c = 0; c < ColumnCount; ++c) {
            if (const QString& p = m_problems[r][static_cast<std::size_t>(c)]; !p.isEmpty())
                return tr("%1, %2").arg(processLabel(m_rows[r]), p);
        }
    }
    Workload w = workload();
    return QString::fromStdString(normalize(w));
}

QString WorkloadModel::cellProblem(int row, int column) const
{
    if (row < 0 || row >= rowCount() || column < 0 || column >= ColumnCount)
        return {};
    return m_problems[static_cast<std::size_t>(row)][static_cast<std::size_t>(column)];
}

WorkloadModel::Problems WorkloadModel::check(const WorkloadRow& row) const
{
    Problems problems;
    ProcessSpec field;
    field.pid = row.spec.pid;
    problems[Pid] = readerProblem(field);
    field = {};
    field.arrival = row.spec.arrival;
    problems[Arrival] = readerProblem(field);
    field = {};
    field.priority = row.spec.priority;
    problems[Priority] = readerProblem(field);
    field = {};
    field.tickets = row.spec.tickets;
    problems[Tickets] = readerProblem(field);
    const ProgramText program = parseProgramText(row.programText, m_settings.machine);
    if (!program.program)
        problems[Program] = tr("program: %1").arg(program.error);
    return problems;
}

procscope::Pid WorkloadModel::nextPid() const
{
    procscope::Pid next = 0;
    for (const WorkloadRow& row : m_rows)
        next = std::max(next, row.spec.pid + 1);
    return next;
}

void WorkloadModel::addProcess()
{
    ProcessSpec spec;
    spec.pid = nextPid();
    spec.name = "P" + std::to_string(spec.pid);
    spec.program = {Op::cpu(5)};
    m_undo->push(new InsertProcessesCommand(
        this, rowCount(), {rowFor(spec, m_settings.machine)}, tr("Add process %1").arg(spec.pid)));
}

void WorkloadModel::removeProcesses(QList<int> rows)
{
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    std::vector<std::pair<int, WorkloadRow>> removed;
    for (int r : rows)
        if (r >= 0 && r < rowCount())
            removed.emplace_back(r, row(r));
    if (!removed.empty())
        m_undo->push(new RemoveProcessesCommand(this, std::move(removed)));
}

void WorkloadModel::duplicateProcesses(QList<int> rows)
{
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    std::vector<WorkloadRow> copies;
    procscope::Pid pid = nextPid();
    for (int r : rows) {
        if (r < 0 || r >= rowCount())
            continue;
        WorkloadRow copy = row(r);
        copy.spec.pid = pid++;
        copy.spec.name =
            copy.spec.name.empty() ? "P" + std::to_string(copy.spec.pid) : copy.spec.name + " (2)";
        copies.push_back(std::move(copy));
    }
    if (!copies.empty())
        m_undo->push(new InsertProcessesCommand(this, rowCount(), std::move(copies), tr("Duplicate")));
}

void WorkloadModel::generate(const GeneratorSpec& spec)
{
    ostep::PyRandom rng(static_cast<std::int64_t>(spec.seed));
    std::vector<WorkloadRow> rows;
    for (const ProcessSpec& p : generateBatch(spec, rng, 0, 0))
        rows.push_back(rowFor(p, m_settings.machine));
    m_undo->push(
        new ReplaceProcessesCommand(this, m_rows, std::move(rows), tr("Generate (seed %1)").arg(spec.seed)));
}

void WorkloadModel::editSettings(const Workload& settings, const QString& what)
{
    Workload after = settings;
    after.processes.clear();
    if (after == m_settings)
        return;
    m_undo->push(new EditSettingsCommand(this, m_settings, std::move(after), what));
}

void WorkloadModel::replaceRow(int r, const WorkloadRow& contents)
{
    m_rows[static_cast<std::size_t>(r)] = contents;
    m_problems[static_cast<std::size_t>(r)] = check(contents);
    Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1));
}

void WorkloadModel::insertRowsAt(int first, const std::vector<WorkloadRow>& rows)
{
    if (rows.empty())
        return;
    beginInsertRows({}, first, first + static_cast<int>(rows.size()) - 1);
    m_rows.insert(m_rows.begin() + first, rows.begin(), rows.end());
    std::vector<Problems> problems;
    for (const WorkloadRow& row : rows)
        problems.push_back(check(row));
    m_problems.insert(m_problems.begin() + first, problems.begin(), problems.end());
    endInsertRows();
}

void WorkloadModel::removeRowsAt(int first, int count)
{
    if (count <= 0)
        return;
    beginRemoveRows({}, first, first + count - 1);
    m_rows.erase(m_rows.begin() + first, m_rows.begin() + first + count);
    m_problems.erase(m_problems.begin() + first, m_problems.begin() + first + count);
    endRemoveRows();
}

void WorkloadModel::replaceRows(const std::vector<WorkloadRow>& rows)
{
    beginResetModel();
    m_rows = rows;
    m_problems.clear();
    for (const WorkloadRow& row : m_rows)
        m_problems.push_back(check(row));
    endResetModel();
}

void WorkloadModel::replaceSettings(const Workload& settings)
{
    m_settings = settings;
    m_settings.processes.clear();
    // Programs are checked against the machine's devices: re-check them all.
    for (std::size_t r = 0; r < m_rows.size(); ++r)
        m_problems[r] = check(m_rows[r]);
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    Q_EMIT settingsChanged();
}

int WorkloadModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int WorkloadModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WorkloadModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const WorkloadRow& r = row(index.row());
    const int column = index.column();
    const QString& problem =
        m_problems[static_cast<std::size_t>(index.row())][static_cast<std::size_t>(column)];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (column) {
        case Pid:
            return r.spec.pid;
        case Name:
            return QString::fromStdString(r.spec.name);
        case Arrival:
            return static_cast<qlonglong>(r.spec.arrival);
        case Priority:
            return r.spec.priority;
        case Tickets:
            return r.spec.tickets;
        case Program:
            return r.programText;
        default:
            return {};
        }
    case Qt::BackgroundRole:
        // A soft red that reads on a projector, with dark text on it.
        return problem.isEmpty() ? QVariant() : QVariant(QColor(0xff, 0xcd, 0xd2));
    case Qt::ForegroundRole:
        return problem.isEmpty() ? QVariant() : QVariant(QColor(0x5d, 0x00, 0x00));
    case Qt::ToolTipRole:
        if (!problem.isEmpty())
            return problem;
        if (column == Program)
            return tr("OSTEP notation: c7,i,c1 (CPU 7, an I/O of %1, CPU 1), or a list of operations: "
                      "[{\"cpu\": 2}, {\"fork\": \"c3\", \"name\": \"ls\"}, {\"wait\": \"any\"}]")
                .arg(kEditorIoLength);
        return {};
    case ProblemRole:
        return problem;
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(column == Name || column == Program ? Qt::AlignLeft | Qt::AlignVCenter
                                                                       : Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

bool WorkloadModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    WorkloadRow after = row(index.row());
    bool ok = true;
    const QString text = value.toString().trimmed();
    switch (index.column()) {
    case Name:
        after.spec.name = value.toString().toStdString();
        break;
    case Arrival:
        after.spec.arrival = text.toLongLong(&ok);
        break;
    case Priority:
        after.spec.priority = text.toInt(&ok);
        break;
    case Tickets:
        after.spec.tickets = text.toInt(&ok);
        break;
    case Program: {
        after.programText = value.toString();
        // A text that parses becomes the program; one that does not is kept, red, for the user to fix.
        if (auto parsed = parseProgramText(after.programText, m_settings.machine).program)
            after.spec.program = std::move(*parsed);
        break;
    }
    default:
        return false;
    }
    if (!ok)
        return false; // not a number at all: the cell keeps its value
    if (after == row(index.row()))
        return true;
    const QString what = tr("Edit %1 of P%2")
                             .arg(headerData(index.column(), Qt::Horizontal).toString().toLower())
                             .arg(after.spec.pid);
    m_undo->push(new EditCellCommand(this, index.row(), row(index.row()), std::move(after), what));
    return true;
}

Qt::ItemFlags WorkloadModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return QAbstractTableModel::flags(index);
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() != Pid)
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant WorkloadModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Pid:
            return tr("PID");
        case Name:
            return tr("Name");
        case Arrival:
            return tr("Arrival");
        case Priority:
            return tr("Priority");
        case Tickets:
            return tr("Tickets");
        case Program:
            return tr("Program");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Pid:
            return tr("Process id, given in order; wait(pid) names a child by the pid it will get");
        case Arrival:
            return tr("Tick at which the process is created");
        case Priority:
            return tr("For the Priority policy: lower is more important, as with Unix nice");
        case Tickets:
            return tr("For Lottery and Stride: the process's share of the CPU");
        case Program:
            return tr("What the process does: CPU bursts, I/O, fork, exec, wait, exit");
        default:
            return {};
        }
    }
    return {};
}

} // namespace procscope::ui
