#include "ui/models/ready_queue_model.h"

#include "ui/document/document.h"
#include "ui/playback/playback_controller.h"
#include "ui/style/state_patterns.h"

#include <QFont>

#include <algorithm>

namespace procscope::ui {

namespace {

// Group rows have internal id 0; the rows under group g have internal id g + 1.
constexpr quintptr kGroupId = 0;

QString processText(const Trace& trace, ProcIndex p)
{
    if (p < 0 || static_cast<std::size_t>(p) >= trace.processCount())
        return QStringLiteral("?");
    const ProcessInfo& info = trace.info(p);
    const QString pid = QStringLiteral("P%1").arg(info.pid);
    const QString name = QString::fromStdString(info.name);
    return name.isEmpty() || name == pid ? pid : pid + QLatin1Char(' ') + name;
}

} // namespace

ReadyQueueModel::ReadyQueueModel(QObject* parent)
    : QAbstractItemModel(parent)
{ }

void ReadyQueueModel::follow(PlaybackController* controller)
{
    auto reread = [this, controller] {
        setTrace(controller->document() ? &controller->document()->trace() : nullptr);
    };
    connect(controller, &PlaybackController::traceChanged, this, reread);
    connect(controller, &PlaybackController::tickChanged, this, [this](Tick now, Tick) { setTick(now); });
    m_tick = controller->tick();
    reread();
}

std::vector<ReadyQueueModel::GroupRows> ReadyQueueModel::layout() const
{
    std::vector<GroupRows> groups;
    if (!m_trace)
        return groups;
    groups.push_back({Group::Cpus, 0, {}});
    const int levels = std::max(1, m_trace->meta.mlfqLevels);
    for (int level = 0; level < levels; ++level)
        groups.push_back({Group::ReadyQueue, level, {}});
    const int devices = std::max<int>(1, static_cast<int>(m_trace->meta.devices.size()));
    for (int d = 0; d < devices; ++d)
        groups.push_back({Group::IoQueue, d, {}});
    groups.push_back({Group::Waiting, 0, {}});
    return groups;
}

std::vector<std::vector<ProcIndex>> ReadyQueueModel::membersAt(Tick tick) const
{
    std::vector<std::vector<ProcIndex>> members(m_groups.size());
    if (!m_trace)
        return members;
    Frame frame = frameAt(*m_trace, tick);
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        const auto which = static_cast<std::size_t>(m_groups[g].which);
        switch (m_groups[g].group) {
        case Group::Cpus:
            members[g] = std::move(frame.running);
            break;
        case Group::ReadyQueue:
            if (which < frame.readyQueues.size())
                members[g] = std::move(frame.readyQueues[which]);
            break;
        case Group::IoQueue:
            if (which < frame.ioQueues.size())
                members[g] = std::move(frame.ioQueues[which]);
            // A device the metadata does not name: shown with the last one rather than lost.
            if (g + 1 < m_groups.size() && m_groups[g + 1].group != Group::IoQueue) {
                for (std::size_t d = which + 1; d < frame.ioQueues.size(); ++d)
                    members[g].insert(members[g].end(), frame.ioQueues[d].begin(), frame.ioQueues[d].end());
            }
            break;
        case Group::Waiting:
            members[g] = std::move(frame.waiting);
            break;
        }
    }
    return members;
}

void ReadyQueueModel::setTrace(const Trace* trace)
{
    const Trace* before = m_trace;
    m_trace = trace;
    auto groups = layout();
    const bool sameLayout =
        before && trace && groups.size() == m_groups.size() &&
        std::equal(groups.begin(), groups.end(), m_groups.begin(),
            [](const GroupRows& a, const GroupRows& b) { return a.group == b.group && a.which == b.which; });
    if (sameLayout) {
        update(true);
        return;
    }
    m_trace = before;
    beginResetModel();
    m_trace = trace;
    m_groups = std::move(groups);
    const auto members = membersAt(m_tick);
    for (std::size_t g = 0; g < m_groups.size(); ++g)
        m_groups[g].members = members[g];
    endResetModel();
}

void ReadyQueueModel::setTick(Tick tick)
{
    if (tick == m_tick)
        return;
    m_tick = tick;
    update(false);
}

void ReadyQueueModel::setPalette(Palette palette)
{
    if (palette == m_palette)
        return;
    m_palette = palette;
    update(true);
}

void ReadyQueueModel::update(bool allChanged)
{
    const auto members = membersAt(m_tick);
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        auto& have = m_groups[g].members;
        const auto& want = members[g];
        const QModelIndex parent = index(static_cast<int>(g), 0);
        const bool countChanged = have.size() != want.size();
        if (want.size() < have.size()) {
            beginRemoveRows(parent, static_cast<int>(want.size()), static_cast<int>(have.size()) - 1);
            have.resize(want.size());
            endRemoveRows();
        }
        int first = -1, last = -1;
        for (std::size_t i = 0; i < have.size(); ++i) {
            if (allChanged || have[i] != want[i]) {
                if (first < 0)
                    first = static_cast<int>(i);
                last = static_cast<int>(i);
                have[i] = want[i];
            }
        }
        if (first >= 0)
            Q_EMIT dataChanged(index(first, 0, parent), index(last, 0, parent));
        if (want.size() > have.size()) {
            beginInsertRows(parent, static_cast<int>(have.size()), static_cast<int>(want.size()) - 1);
            have = want;
            endInsertRows();
        }
        if (countChanged || allChanged)
            Q_EMIT dataChanged(parent, parent);
    }
}

int ReadyQueueModel::groupRow(Group group, int which) const
{
    for (std::size_t g = 0; g < m_groups.size(); ++g)
        if (m_groups[g].group == group && m_groups[g].which == which)
            return static_cast<int>(g);
    return -1;
}

QModelIndex ReadyQueueModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kGroupId);
    return createIndex(row, column, static_cast<quintptr>(parent.row()) + 1);
}

QModelIndex ReadyQueueModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == kGroupId)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, kGroupId);
}

int ReadyQueueModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_groups.size());
    if (parent.internalId() != kGroupId || parent.column() != 0)
        return 0;
    return static_cast<int>(m_groups[static_cast<std::size_t>(parent.row())].members.size());
}

int ReadyQueueModel::columnCount(const QModelIndex&) const
{
    return 1;
}

std::optional<ProcessState> ReadyQueueModel::stateOf(ProcIndex p) const
{
    // A row may briefly hold an index of the trace before a re-simulation: never read past the end.
    if (!m_trace || p < 0 || static_cast<std::size_t>(p) >= m_trace->processCount())
        return std::nullopt;
    return m_trace->track(p).stateAt(m_tick);
}

QString ReadyQueueModel::groupText(const GroupRows& g) const
{
    QString title;
    switch (g.group) {
    case Group::Cpus:
        return m_trace->cpuCount() == 1 ? tr("CPU") : tr("CPUs");
    case Group::ReadyQueue:
        if (m_trace->meta.mlfqLevels > 0) {
            title = tr("Queue %1").arg(g.which);
            if (g.which == 0)
                title += tr(" (top)");
            else if (g.which == m_trace->meta.mlfqLevels - 1)
                title += tr(" (bottom)");
        } else {
            title = tr("Ready queue");
        }
        break;
    case Group::IoQueue: {
        const auto d = static_cast<std::size_t>(g.which);
        const auto& devices = m_trace->meta.devices;
        title =
            tr("I/O: %1").arg(d < devices.size() ? QString::fromStdString(devices[d]) : QString::number(d));
        break;
    }
    case Group::Waiting:
        title = tr("Waiting for a child");
        break;
    }
    if (g.members.empty())
        return title + tr(" \u2014 empty");
    return title + QStringLiteral(" \u2014 %1").arg(g.members.size());
}

QString ReadyQueueModel::memberText(const GroupRows& g, int row) const
{
    const ProcIndex p = g.members[static_cast<std::size_t>(row)];
    switch (g.group) {
    case Group::Cpus:
        if (p == kCpuSwitch)
            return tr("CPU %1: context switch").arg(row);
        if (p < 0)
            return tr("CPU %1: idle").arg(row);
        return tr("CPU %1: %2").arg(row).arg(processText(*m_trace, p));
    case Group::ReadyQueue:
    case Group::IoQueue:
        return QStringLiteral("%1. %2").arg(row + 1).arg(processText(*m_trace, p));
    case Group::Waiting:
        return processText(*m_trace, p);
    }
    return {};
}

QVariant ReadyQueueModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_trace)
        return {};
    const bool isGroup = index.internalId() == kGroupId;
    const auto g = static_cast<std::size_t>(isGroup ? index.row() : static_cast<int>(index.internalId() - 1));
    const GroupRows& group = m_groups[g];
    const ProcIndex p = isGroup ? -1 : group.members[static_cast<std::size_t>(index.row())];

    switch (role) {
    case Qt::DisplayRole:
        return isGroup ? groupText(group) : memberText(group, index.row());
    case Qt::DecorationRole:
        if (p == kCpuSwitch)
            return contextSwitchIcon(m_palette);
        if (const auto s = stateOf(p))
            return stateIcon(*s, m_palette);
        return {};
    case Qt::FontRole:
        if (isGroup) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        if (const auto s = stateOf(p))
            return tr("%1 is %2").arg(processText(*m_trace, p), stateLabel(*s));
        return {};
    case ProcIndexRole:
        return p >= 0 ? p : -1;
    case StateRole: {
        const auto s = stateOf(p);
        return s ? static_cast<int>(*s) : -1;
    }
    case GroupRole:
        return static_cast<int>(group.group);
    case PositionRole:
        return isGroup ? -1 : index.row();
    default:
        return {};
    }
}

QHash<int, QByteArray> ReadyQueueModel::roleNames() const
{
    auto names = QAbstractItemModel::roleNames();
    names.insert(ProcIndexRole, "procIndex");
    names.insert(StateRole, "state");
    names.insert(GroupRole, "group");
    names.insert(PositionRole, "position");
    return names;
}

} // namespace procscope::ui
