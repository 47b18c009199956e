#include "ui/style/process_label.h"

#include <map>
#include <string>
#include <utility>

namespace procscope::ui {

namespace {

// The label of a process whose name is shared by `sameName` processes, `reuse` of which (before
// it, by index) also have its pid.
QString labelOf(const ProcessInfo& info, int sameName, int reuse)
{
    const QString name = QString::fromStdString(info.name);
    if (name.isEmpty())
        return reuse > 0 ? QStringLiteral("pid %1 #%2").arg(info.pid).arg(reuse + 1)
                         : QStringLiteral("pid %1").arg(info.pid);
    if (sameName <= 1)
        return name;
    const QString withPid = QStringLiteral("%1 (%2)").arg(name).arg(info.pid);
    return reuse > 0 ? QStringLiteral("%1 #%2").arg(withPid).arg(reuse + 1) : withPid;
}

} // namespace

QString processLabel(const Trace& trace, ProcIndex p)
{
    if (p < 0 || static_cast<std::size_t>(p) >= trace.processCount())
        return {};
    const ProcessInfo& info = trace.info(p);
    int sameName = 0;
    int reuse = 0;
    for (std::size_t q = 0; q < trace.processCount(); ++q) {
        const ProcessInfo& other = trace.info(static_cast<ProcIndex>(q));
        if (other.name != info.name)
            continue;
        ++sameName;
        if (static_cast<ProcIndex>(q) < p && other.pid == info.pid)
            ++reuse;
    }
    return labelOf(info, sameName, reuse);
}

void ProcessLabels::rebuild(const Trace& trace)
{
    const std::size_t n = trace.processCount();
    std::map<std::string, int> names;
    for (std::size_t p = 0; p < n; ++p)
        ++names[trace.info(static_cast<ProcIndex>(p)).name];
    std::map<std::pair<std::string, Pid>, int> seen;
    m_labels.clear();
    m_labels.reserve(n);
    for (std::size_t p = 0; p < n; ++p) {
        const ProcessInfo& info = trace.info(static_cast<ProcIndex>(p));
        const int sameName = names[info.name];
        const int reuse = sameName > 1 || info.name.empty() ? seen[{info.name, info.pid}]++ : 0;
        m_labels.push_back(labelOf(info, sameName, reuse));
    }
}

void ProcessLabels::update(const Trace& trace)
{
    if (m_labels.size() != trace.processCount())
        rebuild(trace);
}

const QString& ProcessLabels::label(ProcIndex p) const
{
    static const QString none;
    return p >= 0 && static_cast<std::size_t>(p) < m_labels.size() ? m_labels[static_cast<std::size_t>(p)]
                                                                   : none;
}

} // namespace procscope::ui
