// The rows of the Gantt chart: one per process, in a chosen order, then one lane per CPU.
// Where each row is on screen is RowViewport's business.
#pragma once

#include "core/trace/trace.h"

#include <vector>

namespace procscope::ui {

enum class RowOrder { Pid, Name, Arrival };

class GanttRows {
public:
    enum class Kind { Process, Cpu };
    struct Row {
        Kind kind = Kind::Process;
        int index = -1; // a ProcIndex or a CPU number
    };

    // Re-reads the processes and CPUs of the trace.
    void rebuild(const Trace& trace, RowOrder order);
    void clear();
    RowOrder order() const { return m_order; }

    int count() const { return static_cast<int>(m_rows.size()); }
    int processRowCount() const { return m_processRows; }
    int cpuRowCount() const { return count() - m_processRows; }
    bool contains(int row) const { return row >= 0 && row < count(); }

    Row row(int r) const { return contains(r) ? m_rows[static_cast<std::size_t>(r)] : Row{}; }
    bool isCpu(int r) const { return contains(r) && r >= m_processRows; }
    ProcIndex processAt(int r) const;    // -1 for a CPU lane or outside
    int cpuAt(int r) const;              // -1 for a process row or outside
    int rowOfProcess(ProcIndex p) const; // -1 if unknown
    int rowOfCpu(int cpu) const;         // -1 if unknown

private:
    std::vector<Row> m_rows;
    std::vector<int> m_rowOfProcess; // by ProcIndex
    int m_processRows = 0;
    RowOrder m_order = RowOrder::Pid;
};

} // namespace procscope::ui
