#include "ui/tree/process_tree_model.h"

#include "ui/document/document.h"
#include "ui/playback/playback_controller.h"
#include "ui/style/state_patterns.h"

#include <QStringList>

namespace procscope::ui {

ProcessTreeModel::ProcessTreeModel(QObject* parent)
    : QAbstractItemModel(parent)
{ }

void ProcessTreeModel::follow(PlaybackController* controller)
{
    auto reread = [this, controller] {
        setTrace(controller->document() ? &controller->document()->trace() : nullptr);
    };
    connect(controller, &PlaybackController::traceChanged, this, reread);
    connect(controller, &PlaybackController::tickChanged, this, [this](Tick now, Tick) { setTick(now); });
    m_tick = controller->tick();
    reread();
}

void ProcessTreeModel::setTrace(const Trace* trace)
{
    m_trace = trace;
    update(true);
}

void ProcessTreeModel::setTick(Tick tick)
{
    if (tick == m_tick)
        return;
    m_tick = tick;
    update(false);
}

void ProcessTreeModel::setPalette(Palette palette)
{
    if (palette == m_palette)
        return;
    m_palette = palette;
    for (ProcIndex p = 0; p < static_cast<ProcIndex>(m_tree.nodes.size()); ++p)
        if (m_tree.nodes[static_cast<std::size_t>(p)].present)
            Q_EMIT dataChanged(indexOfProcess(p), indexOfProcess(p), {Qt::DecorationRole});
}

ProcessTreeModel::Tree ProcessTreeModel::build(Tick tick) const
{
    Tree tree;
    if (!m_trace)
        return tree;
    const auto count = static_cast<ProcIndex>(m_trace->processCount());
    tree.nodes.resize(static_cast<std::size_t>(count));
    for (ProcIndex p = 0; p < count; ++p) {
        Node& node = tree.nodes[static_cast<std::size_t>(p)];
        const auto state = m_trace->track(p).stateAt(tick);
        node.present = state && *state != ProcessState::Terminated;
        if (node.present)
            node.state = *state;
    }
    // Parents are created before their children, so a parent's node is complete when read here.
    for (ProcIndex p = 0; p < count; ++p) {
        Node& node = tree.nodes[static_cast<std::size_t>(p)];
        if (!node.present)
            continue;
        const Pid parentPid = m_trace->info(p).parent;
        const auto parent = parentPid >= 0 ? m_trace->indexOf(parentPid) : std::nullopt;
        if (parent && *parent != p) {
            const Node& up = tree.nodes[static_cast<std::size_t>(*parent)];
            const bool parentAlive = up.present && up.state != ProcessState::Zombie;
            // The parent existed (it forked this process) and is gone or has exited: init adopted it.
            node.orphan = !parentAlive && m_trace->track(*parent).stateAt(tick).has_value();
            if (parentAlive)
                node.parent = *parent;
        }
        auto& siblings =
            node.parent < 0 ? tree.roots : tree.nodes[static_cast<std::size_t>(node.parent)].children;
        node.row = static_cast<int>(siblings.size());
        siblings.push_back(p);
    }
    return tree;
}

bool ProcessTreeModel::sameShape(const Tree& a, const Tree& b)
{
    if (a.roots != b.roots || a.nodes.size() != b.nodes.size())
        return false;
    for (std::size_t i = 0; i < a.nodes.size(); ++i) {
        if (a.nodes[i].present != b.nodes[i].present || a.nodes[i].children != b.nodes[i].children)
            return false;
    }
    return true;
}

void ProcessTreeModel::update(bool reset)
{
    Tree next = build(m_tick);
    if (reset || !sameShape(m_tree, next)) {
        beginResetModel();
        m_tree = std::move(next);
        endResetModel();
        return;
    }
    std::swap(m_tree, next); // `next` now holds the previous tick's states
    for (ProcIndex p = 0; p < static_cast<ProcIndex>(m_tree.nodes.size()); ++p) {
        const Node& now = m_tree.nodes[static_cast<std::size_t>(p)];
        const Node& before = next.nodes[static_cast<std::size_t>(p)];
        if (now.present && (now.state != before.state || now.orphan != before.orphan))
            Q_EMIT dataChanged(indexOfProcess(p, 0), indexOfProcess(p, ColumnCount - 1));
    }
}

QModelIndex ProcessTreeModel::indexOfProcess(ProcIndex process, int column) const
{
    if (process < 0 || static_cast<std::size_t>(process) >= m_tree.nodes.size() ||
        !m_tree.nodes[static_cast<std::size_t>(process)].present || column < 0 || column >= ColumnCount)
        return {};
    return createIndex(
        m_tree.nodes[static_cast<std::size_t>(process)].row, column, static_cast<quintptr>(process));
}

ProcIndex ProcessTreeModel::processAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this)
        return -1;
    return static_cast<ProcIndex>(index.internalId());
}

QModelIndex ProcessTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const auto& siblings =
        parent.isValid() ? m_tree.nodes[static_cast<std::size_t>(processAt(parent))].children : m_tree.roots;
    return createIndex(row, column, static_cast<quintptr>(siblings[static_cast<std::size_t>(row)]));
}

QModelIndex ProcessTreeModel::parent(const QModelIndex& child) const
{
    const ProcIndex p = processAt(child);
    if (p < 0)
        return {};
    const ProcIndex up = m_tree.nodes[static_cast<std::size_t>(p)].parent;
    return up < 0 ? QModelIndex() : indexOfProcess(up, 0);
}

int ProcessTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_tree.roots.size());
    if (parent.column() != 0)
        return 0;
    return static_cast<int>(m_tree.nodes[static_cast<std::size_t>(processAt(parent))].children.size());
}

int ProcessTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QString ProcessTreeModel::note(ProcIndex p) const
{
    const Node& node = m_tree.nodes[static_cast<std::size_t>(p)];
    QStringList marks;
    if (node.state == ProcessState::Zombie)
        marks << tr("zombie — not yet reaped by its parent");
    if (node.orphan)
        marks << tr("orphan — its parent P%1 exited; adopted by init").arg(m_trace->info(p).parent);
    return marks.join(QStringLiteral("; "));
}

QVariant ProcessTreeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_trace)
        return {};
    const ProcIndex p = processAt(index);
    const Node& node = m_tree.nodes[static_cast<std::size_t>(p)];
    const ProcessInfo& info = m_trace->info(p);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Process:
            return tr("%1 (pid %2)").arg(QString::fromStdString(info.name)).arg(info.pid);
        case State:
            return stateLabel(node.state);
        case Note:
            return note(p);
        default:
            return {};
        }
    case Qt::DecorationRole:
        return index.column() == Process ? QVariant(stateIcon(node.state, m_palette)) : QVariant();
    case Qt::ToolTipRole: {
        QString tip =
            tr("P%1 %2: %3").arg(info.pid).arg(QString::fromStdString(info.name), stateLabel(node.state));
        if (const QString n = note(p); !n.isEmpty())
            tip += QStringLiteral("\n") + n;
        return tip;
    }
    case ProcIndexRole:
        return p;
    case StateRole:
        return static_cast<int>(node.state);
    case ZombieRole:
        return node.state == ProcessState::Zombie;
    case OrphanRole:
        return node.orphan;
    default:
        return {};
    }
}

QVariant ProcessTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case Process:
        return tr("Process");
    case State:
        return tr("State");
    case Note:
        return tr("Note");
    default:
        return {};
    }
}

} // namespace procscope::ui
