#include "ui/models/event_log_model.h"

#include "ui/document/document.h"
#include "ui/models/decision_text.h"
#include "ui/playback/playback_controller.h"
#include "ui/playback/view_state.h"
#include "ui/style/state_patterns.h"

#include <QColor>

#include <algorithm>

namespace procscope::ui {

namespace {

QString qstr(const std::string& s)
{
    return QString::fromStdString(s);
}

QString processText(const Trace& trace, ProcIndex p)
{
    if (p < 0 || static_cast<std::size_t>(p) >= trace.processCount())
        return QStringLiteral("?");
    const ProcessInfo& info = trace.info(p);
    const QString pid = QStringLiteral("P%1").arg(info.pid);
    const QString name = qstr(info.name);
    return name.isEmpty() || name == pid ? pid : pid + QLatin1Char(' ') + name;
}

QString systemKindText(SystemEvent::Kind kind)
{
    switch (kind) {
    case SystemEvent::Kind::Boost:
        return EventLogModel::tr("priority boost");
    case SystemEvent::Kind::PolicyChanged:
        return EventLogModel::tr("policy changed");
    case SystemEvent::Kind::Command:
        return EventLogModel::tr("command");
    case SystemEvent::Kind::TickLimit:
        return EventLogModel::tr("tick limit");
    case SystemEvent::Kind::Warning:
        return EventLogModel::tr("warning");
    }
    return {};
}

} // namespace

EventLogModel::EventLogModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void EventLogModel::follow(PlaybackController* controller, ViewState* viewState)
{
    const auto limit = [this, controller, viewState] {
        const Document* document = controller->document();
        // Events at the cursor have happened, also the exits at the trace's end.
        setShownEnd(viewState && document && !viewState->showFuture() ? controller->tick() + 1 : kNoEnd);
    };
    auto reread = [this, controller, limit] {
        const Document* document = controller->document();
        if (!document) {
            setTrace(nullptr);
            return;
        }
        const Trace& trace = document->trace();
        setTrace(&trace, eventIndexOf(document->indexes(), trace));
        limit();
    };
    connect(controller, &PlaybackController::traceChanged, this, reread);
    connect(controller, &PlaybackController::tickChanged, this, [this, limit](Tick now, Tick) {
        limit(); // rows first: the highlighted rows must exist
        setCursorTick(now);
    });
    if (viewState)
        connect(viewState, &ViewState::showFutureChanged, this, limit);
    m_cursor = controller->tick();
    reread();
}

int EventLogModel::rowsBefore(const std::vector<EventRef>& events, Tick end) const
{
    const auto it = std::lower_bound(
        events.begin(), events.end(), end, [](const EventRef& e, Tick t) { return e.at < t; });
    return static_cast<int>(it - events.begin());
}

void EventLogModel::setShownEnd(Tick end)
{
    if (end == m_shownEnd)
        return;
    m_shownEnd = end;
    const int rows = rowsBefore(entries(), end);
    if (rows > m_rows) {
        beginInsertRows({}, m_rows, rows - 1);
        m_rows = rows;
        endInsertRows();
    } else if (rows < m_rows) {
        beginRemoveRows({}, rows, m_rows - 1);
        m_rows = rows;
        endRemoveRows();
    }
}

void EventLogModel::setTrace(const Trace* trace, std::shared_ptr<const std::vector<EventRef>> events)
{
    if (!events)
        events = std::make_shared<const std::vector<EventRef>>(
            trace ? buildEventIndex(*trace) : std::vector<EventRef>{});
    const std::vector<EventRef>& fresh = *events;
    const bool grew = trace && trace == m_trace && fresh.size() >= entries().size() &&
                      std::equal(entries().begin(), entries().end(), fresh.begin());
    if (!grew) {
        beginResetModel();
        m_trace = trace;
        m_time = trace ? TimeText(*trace) : TimeText();
        m_entries = std::move(events);
        m_rows = rowsBefore(entries(), m_shownEnd);
        endResetModel();
        return;
    }
    // The trace only grew (an open-ended workload playing): append, so views keep their place.
    const int old = rowCount();
    if (old > 0)
        Q_EMIT dataChanged(index(0, 0), index(old - 1, ColumnCount - 1));
    const int rows = rowsBefore(fresh, m_shownEnd);
    if (rows > old) {
        beginInsertRows({}, old, rows - 1);
        m_entries = std::move(events);
        m_rows = rows;
        endInsertRows();
    } else {
        m_entries = std::move(events);
    }
}

void EventLogModel::emitRows(std::pair<int, int> rows)
{
    if (rows.first < rows.second)
        Q_EMIT dataChanged(index(rows.first, 0), index(rows.second - 1, ColumnCount - 1),
            {Qt::BackgroundRole, AtCursorRole});
}

void EventLogModel::setCursorTick(Tick tick)
{
    if (tick == m_cursor)
        return;
    const auto before = rowsAtTick(m_cursor);
    m_cursor = tick;
    emitRows(before);
    emitRows(rowsAtTick(tick));
}

void EventLogModel::setPalette(Palette palette)
{
    if (palette == m_palette)
        return;
    m_palette = palette;
    if (m_rows > 0)
        Q_EMIT dataChanged(index(0, Change), index(rowCount() - 1, Change), {Qt::DecorationRole});
}

int EventLogModel::rowForTick(Tick tick) const
{
    const auto it = std::lower_bound(
        entries().begin(), entries().end(), tick, [](const EventRef& e, Tick t) { return e.at < t; });
    const auto row = static_cast<int>(it - entries().begin());
    if (row < m_rows && it->at == tick)
        return row;
    return std::min(row, m_rows) - 1;
}

std::pair<int, int> EventLogModel::rowsAtTick(Tick tick) const
{
    const auto range = std::equal_range(entries().begin(), entries().end(), EventRef{tick, 0, 0},
        [](const EventRef& a, const EventRef& b) { return a.at < b.at; });
    return {std::min(m_rows, static_cast<int>(range.first - entries().begin())),
        std::min(m_rows, static_cast<int>(range.second - entries().begin()))};
}

Tick EventLogModel::tickOfRow(int row) const
{
    return row >= 0 && row < rowCount() ? entries()[static_cast<std::size_t>(row)].at : -1;
}

EventLogModel::Kind EventLogModel::kindOfRow(int row) const
{
    return entries().at(static_cast<std::size_t>(row)).kind();
}

int EventLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int EventLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EventLogModel::whoText(const EventRef& e) const
{
    switch (e.kind()) {
    case Kind::StateChange:
        return processText(*m_trace, e.track());
    case Kind::Decision:
        return tr("CPU %1").arg(e.track());
    case Kind::System:
        return tr("system");
    }
    return {};
}

QString EventLogModel::changeText(const EventRef& e) const
{
    switch (e.kind()) {
    case Kind::StateChange: {
        const auto& track = m_trace->track(e.track());
        const ProcessState to = track.state(e.record);
        if (e.record == 0)
            return stateLabel(to);
        const ProcessState from = track.state(e.record - 1);
        if (from == to && m_trace->meta.mlfqLevels > 0)
            return tr("%1 (queue %2)").arg(stateLabel(to)).arg(track.level(e.record));
        return stateLabel(from) + QStringLiteral(" \u2192 ") + stateLabel(to);
    }
    case Kind::Decision: {
        const auto& cpu = m_trace->cpu(e.track());
        const ProcIndex p = decisionProcess(*m_trace, e.track(), e.record);
        if (p < 0)
            return tr("idle");
        if (cpu.proc(e.record) == kCpuSwitch)
            return tr("switches to %1").arg(processText(*m_trace, p));
        return tr("runs %1").arg(processText(*m_trace, p));
    }
    case Kind::System:
        return systemKindText(m_trace->events()[e.record].kind);
    }
    return {};
}

QString EventLogModel::whyText(const EventRef& e) const
{
    switch (e.kind()) {
    case Kind::StateChange:
        return qstr(describeChange(*m_trace, e.track(), e.record));
    case Kind::Decision:
        return qstr(describeDecision(*m_trace, e.track(), e.record));
    case Kind::System:
        return qstr(m_trace->events()[e.record].text);
    }
    return {};
}

QVariant EventLogModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_trace)
        return {};
    const EventRef& e = entries()[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Time:
            return m_time.isTicks() ? QVariant(static_cast<qlonglong>(e.at)) : QVariant(m_time.number(e.at));
        case Who:
            return whoText(e);
        case Change:
            return changeText(e);
        case Why:
            return whyText(e);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (column == Why || column == Change)
            return whyText(e);
        return {};
    case Qt::DecorationRole:
        if (column == Change && e.kind() == Kind::StateChange)
            return stateIcon(m_trace->track(e.track()).state(e.record), m_palette);
        if (column == Change && e.kind() == Kind::Decision)
            return m_trace->cpu(e.track()).proc(e.record) == kCpuSwitch
                       ? contextSwitchIcon(m_palette)
                       : stateIcon(ProcessState::Running, m_palette);
        return {};
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(
            column == Time ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::BackgroundRole:
        if (e.at == m_cursor)
            return QColor(0xE4, 0xE4, 0xE4); // neutral (no state's colour), black text reads on it
        return {};
    case Qt::ForegroundRole:
        if (e.at == m_cursor)
            return QColor(Qt::black);
        return {};
    case TickRole:
        return static_cast<qlonglong>(e.at);
    case KindRole:
        return static_cast<int>(e.kind());
    case ProcIndexRole:
        if (e.kind() == Kind::StateChange)
            return e.track();
        if (e.kind() == Kind::Decision)
            return decisionProcess(*m_trace, e.track(), e.record);
        return -1;
    case CpuRole:
        if (e.kind() == Kind::Decision)
            return e.track();
        if (e.kind() == Kind::StateChange && m_trace->track(e.track()).cause(e.record) == Cause::Dispatched)
            return m_trace->track(e.track()).aux(e.record);
        return -1;
    case StateRole:
        if (e.kind() == Kind::StateChange)
            return static_cast<int>(m_trace->track(e.track()).state(e.record));
        return -1;
    case AtCursorRole:
        return e.at == m_cursor;
    default:
        return {};
    }
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return m_time.isTicks() ? tr("Tick") : m_time.column(tr("Time"));
    case Who:
        return tr("Who");
    case Change:
        return tr("Change");
    case Why:
        return tr("Why");
    default:
        return {};
    }
}

QHash<int, QByteArray> EventLogModel::roleNames() const
{
    auto names = QAbstractTableModel::roleNames();
    names.insert(TickRole, "tick");
    names.insert(KindRole, "kind");
    names.insert(ProcIndexRole, "procIndex");
    names.insert(CpuRole, "cpu");
    names.insert(StateRole, "state");
    names.insert(AtCursorRole, "atCursor");
    return names;
}

} // namespace procscope::ui
