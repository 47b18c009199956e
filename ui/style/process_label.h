// What a process is called in every view: its name, with its pid where another process of the
// trace has the same name ("bash (2301)"), so the label alone tells processes apart. Identity is a
// label, never a colour.
#pragma once

#include "core/trace/trace.h"

#include <QString>

#include <vector>

namespace procscope::ui {

// One process's label: "editor", "bash (2301)" when the name repeats, "pid 7" when it has no name,
// "bash (2301) #2" when a name and pid both repeat (a reused pid). Empty for an index outside the
// trace. Looks at every process: views label many processes through ProcessLabels.
QString processLabel(const Trace& trace, ProcIndex p);

// The labels of all the processes of a trace, computed once.
class ProcessLabels {
public:
    ProcessLabels() = default;
    explicit ProcessLabels(const Trace& trace) { rebuild(trace); }

    void rebuild(const Trace& trace);
    // Rebuilds when the trace has gained processes since (a newcomer can make a name repeat).
    void update(const Trace& trace);
    void clear() { m_labels.clear(); }

    std::size_t size() const { return m_labels.size(); }
    // Empty for an index outside the trace.
    const QString& label(ProcIndex p) const;

private:
    std::vector<QString> m_labels;
};

} // namespace procscope::ui
