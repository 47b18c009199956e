// What the Gantt chart's legend lists: the states a trace shows and whether it has context
// switches, kept up to date as the trace grows by reading only the new records.
#pragma once

#include "core/trace/trace.h"

#include <bitset>
#include <vector>

namespace procscope::ui {

// The states a trace shows for a moment at least (Terminated, never drawn, is not one).
class LegendContents {
public:
    // Returns whether anything changed.
    bool update(const Trace& trace);
    void clear();
    bool has(ProcessState state) const { return m_states.test(static_cast<std::size_t>(state)); }
    bool hasContextSwitch() const { return m_switch; }

private:
    void scan(const Trace& trace);

    std::bitset<kStateCount> m_states;
    bool m_switch = false;
    std::vector<std::size_t> m_scanned;    // per process: the records read, the last excluded
    std::vector<std::size_t> m_cpuScanned; // per CPU
};

} // namespace procscope::ui
