#include "ui/models/process_table_model.h"

#include "ui/style/time_text.h"

#include "ui/document/document.h"
#include "ui/models/process_times.h"
#include "ui/playback/playback_controller.h"
#include "ui/style/state_patterns.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace procscope::ui {

namespace {

bool isNumeric(int column)
{
    return column != ProcessTableModel::Name && column != ProcessTableModel::State;
}

} // namespace

ProcessTableModel::ProcessTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void ProcessTableModel::follow(PlaybackController* controller)
{
    auto reread = [this, controller] {
        const Document* document = controller->document();
        if (!document) {
            setTrace(nullptr);
            return;
        }
        const Trace& trace = document->trace();
        setTrace(&trace, processTimesOf(document->indexes(), trace));
    };
    connect(controller, &PlaybackController::traceChanged, this, reread);
    connect(controller, &PlaybackController::tickChanged, this, [this](Tick now, Tick) { setTick(now); });
    m_tick = controller->tick();
    reread();
}

QVariant ProcessTableModel::timeValue(Tick t) const
{
    const TimeText time = m_trace ? TimeText(*m_trace) : TimeText();
    return time.isTicks() ? QVariant(static_cast<qlonglong>(t)) : QVariant(time.number(t));
}

QString ProcessTableModel::timeHeader(const QString& name) const
{
    return (m_trace ? TimeText(*m_trace) : TimeText()).column(name);
}

bool ProcessTableModel::mlfq() const
{
    return m_trace && m_trace->meta.mlfqLevels > 0;
}

void ProcessTableModel::setTrace(const Trace* trace, std::shared_ptr<const ProcessTimes> times)
{
    if (!times)
        times = std::make_shared<const ProcessTimes>(trace ? ProcessTimes(*trace) : ProcessTimes());
    const bool wasMlfq = mlfq();
    // The same processes in the same order (the trace grew, or was simulated again after a command):
    // keep the rows, so that views keep their selection and scroll position.
    const auto visible = static_cast<std::ptrdiff_t>(m_rows.size());
    const auto& order = m_times->creationOrder();
    const bool sameRows = m_trace && trace && m_rows.size() <= times->creationOrder().size() &&
                          std::equal(order.begin(), order.begin() + visible, times->creationOrder().begin());
    if (!sameRows)
        beginResetModel();
    m_trace = trace;
    m_times = std::move(times);
    if (!sameRows) {
        m_rows.clear();
        endResetModel();
    }
    if (wasMlfq != mlfq())
        Q_EMIT headerDataChanged(Qt::Horizontal, Priority, Priority);
    if (sameRows) // the unit of the time columns follows the span
        Q_EMIT headerDataChanged(Qt::Horizontal, CpuTime, Response);
    update(true);
}

void ProcessTableModel::setTick(Tick tick)
{
    if (tick == m_tick)
        return;
    m_tick = tick;
    update(false);
}

void ProcessTableModel::setPalette(Palette palette)
{
    if (palette == m_palette)
        return;
    m_palette = palette;
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, State), index(rowCount() - 1, State), {Qt::DecorationRole});
}

ProcessTableModel::Values ProcessTableModel::valuesAt(ProcIndex process, Tick tick) const
{
    Values v;
    const auto& track = m_trace->track(process);
    const auto k = track.indexAt(tick);
    if (k == ProcessTrack::npos)
        return v;
    v.state = static_cast<int>(track.state(k));
    if (mlfq() && isLive(track.state(k)) && track.state(k) != ProcessState::New)
        v.level = track.level(k);
    // Counted up to the end of this tick, never past the end of the trace.
    const Tick upTo = std::min(tick + 1, m_trace->end());
    v.times = m_times->before(*m_trace, process, upTo);
    const Tick created = m_times->created(process);
    if (const Tick first = m_times->firstRun(process); first >= 0 && first < upTo)
        v.response = first - created;
    if (const Tick finished = m_times->finished(process); finished >= 0 && finished <= upTo)
        v.turnaround = finished - created;
    return v;
}

void ProcessTableModel::update(bool allChanged)
{
    const int old = static_cast<int>(m_rows.size());
    int count = 0;
    if (m_trace) {
        const auto& created = m_times->creationTimes();
        count = static_cast<int>(std::upper_bound(created.begin(), created.end(), m_tick) - created.begin());
    }
    if (count < old) {
        beginRemoveRows({}, count, old - 1);
        m_rows.resize(static_cast<std::size_t>(count));
        endRemoveRows();
    }
    int firstRow = std::numeric_limits<int>::max(), lastRow = -1;
    int firstColumn = allChanged ? 0 : std::numeric_limits<int>::max();
    int lastColumn = allChanged ? ColumnCount - 1 : -1;
    auto changed = [&](int row, int column) {
        firstRow = std::min(firstRow, row);
        lastRow = std::max(lastRow, row);
        firstColumn = std::min(firstColumn, column);
        lastColumn = std::max(lastColumn, column);
    };
    const int kept = std::min(old, count);
    for (int r = 0; r < kept; ++r) {
        const Values v = valuesAt(m_times->creationOrder()[static_cast<std::size_t>(r)], m_tick);
        Values& was = m_rows[static_cast<std::size_t>(r)];
        if (allChanged)
            changed(r, 0);
        if (v.state != was.state)
            changed(r, State);
        if (v.level != was.level)
            changed(r, Priority);
        for (int c = 0; c < ProcessTimes::CategoryCount; ++c) {
            if (v.times[static_cast<std::size_t>(c)] != was.times[static_cast<std::size_t>(c)])
                changed(r, CpuTime + c);
        }
        if (v.turnaround != was.turnaround)
            changed(r, Turnaround);
        if (v.response != was.response)
            changed(r, Response);
        was = v;
    }
    if (lastRow >= 0)
        Q_EMIT dataChanged(index(firstRow, firstColumn), index(lastRow, lastColumn));
    if (count > old) {
        beginInsertRows({}, old, count - 1);
        for (int r = old; r < count; ++r)
            m_rows.push_back(valuesAt(m_times->creationOrder()[static_cast<std::size_t>(r)], m_tick));
        endInsertRows();
    }
}

int ProcessTableModel::rowOfProcess(ProcIndex process) const
{
    if (process < 0 || static_cast<std::size_t>(process) >= m_times->processCount())
        return -1;
    const int row = m_times->placeOf(process);
    return row < rowCount() ? row : -1;
}

ProcIndex ProcessTableModel::processAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_times->creationOrder()[static_cast<std::size_t>(row)] : -1;
}

int ProcessTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ProcessTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProcessTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProcIndex p = m_times->creationOrder()[static_cast<std::size_t>(index.row())];
    const Values& v = m_rows[static_cast<std::size_t>(index.row())];
    const ProcessInfo& info = m_trace->info(p);
    const int column = index.column();
    auto blankable = [this](Tick t) { return t < 0 ? QVariant() : timeValue(t); };

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Pid:
            return info.pid;
        case Name:
            return QString::fromStdString(info.name);
        case Parent:
            if (info.parent == kInitPid)
                return QStringLiteral("init");
            if (info.parent < 0)
                return QString();
            // An orphan: its parent has exited, init has adopted it.
            if (const auto parent = m_trace->indexOf(info.parent)) {
                const auto state = m_trace->track(*parent).stateAt(m_tick);
                if (state && (*state == ProcessState::Zombie || *state == ProcessState::Terminated))
                    return QStringLiteral("init (was %1)").arg(info.parent);
            }
            return QString::number(info.parent);
        case State:
            return v.state < 0 ? QString() : stateLabel(static_cast<ProcessState>(v.state));
        case Priority:
            return mlfq() ? (v.level < 0 ? QVariant() : QVariant(v.level)) : QVariant(info.priority);
        case CpuTime:
        case ReadyTime:
        case IoTime:
            return timeValue(v.times[static_cast<std::size_t>(column - CpuTime)]);
        case Turnaround:
            return blankable(v.turnaround);
        case Response:
            return blankable(v.response);
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (column == State && v.state >= 0)
            return stateIcon(static_cast<ProcessState>(v.state), m_palette);
        return {};
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(
            isNumeric(column) ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (column == State && v.state >= 0) {
            const auto& track = m_trace->track(p);
            const auto k = track.indexAt(m_tick);
            const auto s = static_cast<ProcessState>(v.state);
            if (s == ProcessState::Running)
                return tr("Running on CPU %1").arg(track.aux(k));
            if (s == ProcessState::Blocked && track.aux(k) < 0)
                return tr("Blocked in wait() until a child exits");
            if (s == ProcessState::Blocked) {
                const auto d = static_cast<std::size_t>(track.aux(k));
                const auto& devices = m_trace->meta.devices;
                return tr("Blocked on I/O: %1")
                    .arg(d < devices.size() ? QString::fromStdString(devices[d]) : QString::number(d));
            }
            return stateLabel(s);
        }
        return {};
    case ProcIndexRole:
        return p;
    case StateRole:
        return v.state;
    case SortRole:
        switch (column) {
        case Pid:
            return static_cast<qlonglong>(info.pid);
        case Name:
            return QString::fromStdString(info.name);
        case Parent:
            return static_cast<qlonglong>(info.parent);
        case State:
            return static_cast<qlonglong>(v.state);
        case Priority:
            return static_cast<qlonglong>(mlfq() ? v.level : info.priority);
        case CpuTime:
        case ReadyTime:
        case IoTime:
            return static_cast<qlonglong>(v.times[static_cast<std::size_t>(column - CpuTime)]);
        case Turnaround:
            return static_cast<qlonglong>(v.turnaround);
        case Response:
            return static_cast<qlonglong>(v.response);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant ProcessTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Pid:
            return tr("PID");
        case Name:
            return tr("Name");
        case Parent:
            return tr("Parent");
        case State:
            return tr("State");
        case Priority:
            return mlfq() ? tr("Queue") : tr("Priority");
        case CpuTime:
            return timeHeader(tr("CPU"));
        case ReadyTime:
            return timeHeader(tr("Ready"));
        case IoTime:
            return timeHeader(tr("I/O"));
        case Turnaround:
            return timeHeader(tr("Turnaround"));
        case Response:
            return timeHeader(tr("Response"));
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Parent:
            return tr("The process that forked it; init adopts orphans");
        case Priority:
            return mlfq() ? tr("MLFQ queue level, 0 = top")
                          : tr("Priority: a lower number is more important");
        case CpuTime:
            return tr("Time spent Running, up to the end of the tick at the cursor");
        case ReadyTime:
            return tr("Time spent Ready, waiting for a CPU");
        case IoTime:
            return tr("Time spent Blocked on I/O (not counting wait() for a child)");
        case Turnaround:
            return tr("Finish time minus arrival time, once the process has finished");
        case Response:
            return tr("First run minus arrival time, once the process has run");
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(
            isNumeric(section) ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
    return {};
}

QHash<int, QByteArray> ProcessTableModel::roleNames() const
{
    auto names = QAbstractTableModel::roleNames();
    names.insert(ProcIndexRole, "procIndex");
    names.insert(StateRole, "state");
    names.insert(SortRole, "sort");
    return names;
}

} // namespace procscope::ui
