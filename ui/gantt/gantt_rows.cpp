#include "ui/gantt/gantt_rows.h"

#include <algorithm>
#include <numeric>

namespace procscope::ui {

namespace {

// Case-insensitive for ASCII, which is what process names are in practice.
bool nameLess(const std::string& a, const std::string& b)
{
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        const auto lx = static_cast<char>((x >= 'A' && x <= 'Z') ? x - 'A' + 'a' : x);
        const auto ly = static_cast<char>((y >= 'A' && y <= 'Z') ? y - 'A' + 'a' : y);
        return lx < ly;
    });
}

} // namespace

void GanttRows::rebuild(const Trace& trace, RowOrder order)
{
    m_order = order;
    const auto n = static_cast<ProcIndex>(trace.processCount());
    std::vector<ProcIndex> procs(static_cast<std::size_t>(n));
    std::iota(procs.begin(), procs.end(), 0);
    const auto byPid = [&](ProcIndex a, ProcIndex b) {
        return trace.info(a).pid != trace.info(b).pid ? trace.info(a).pid < trace.info(b).pid : a < b;
    };
    switch (order) {
    case RowOrder::Pid:
        std::sort(procs.begin(), procs.end(), byPid);
        break;
    case RowOrder::Name:
        std::sort(procs.begin(), procs.end(), [&](ProcIndex a, ProcIndex b) {
            const auto& na = trace.info(a).name;
            const auto& nb = trace.info(b).name;
            if (nameLess(na, nb))
                return true;
            if (nameLess(nb, na))
                return false;
            return byPid(a, b);
        });
        break;
    case RowOrder::Arrival:
        std::sort(procs.begin(), procs.end(), [&](ProcIndex a, ProcIndex b) {
            const Tick ta = trace.track(a).empty() ? trace.info(a).arrival : trace.track(a).at(0);
            const Tick tb = trace.track(b).empty() ? trace.info(b).arrival : trace.track(b).at(0);
            return ta != tb ? ta < tb : byPid(a, b);
        });
        break;
    }

    m_rows.clear();
    m_rows.reserve(procs.size() + static_cast<std::size_t>(trace.cpuCount()));
    m_rowOfProcess.assign(procs.size(), -1);
    for (const ProcIndex p : procs) {
        m_rowOfProcess[static_cast<std::size_t>(p)] = static_cast<int>(m_rows.size());
        m_rows.push_back(Row{Kind::Process, p});
    }
    m_processRows = static_cast<int>(m_rows.size());
    for (int c = 0; c < trace.cpuCount(); ++c)
        m_rows.push_back(Row{Kind::Cpu, c});
}

void GanttRows::clear()
{
    m_rows.clear();
    m_rowOfProcess.clear();
    m_processRows = 0;
}

ProcIndex GanttRows::processAt(int r) const
{
    return contains(r) && !isCpu(r) ? m_rows[static_cast<std::size_t>(r)].index : -1;
}

int GanttRows::cpuAt(int r) const
{
    return isCpu(r) ? m_rows[static_cast<std::size_t>(r)].index : -1;
}

int GanttRows::rowOfProcess(ProcIndex p) const
{
    if (p < 0 || static_cast<std::size_t>(p) >= m_rowOfProcess.size())
        return -1;
    return m_rowOfProcess[static_cast<std::size_t>(p)];
}

int GanttRows::rowOfCpu(int cpu) const
{
    return cpu >= 0 && cpu < cpuRowCount() ? m_processRows + cpu : -1;
}

} // namespace procscope::ui
