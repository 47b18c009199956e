// What lies under a point of the Gantt chart: one interval of a process row or of a CPU lane.
#pragma once

#include "core/trace/trace.h"

#include <QMetaType>

#include <cstddef>

namespace procscope::ui {

struct GanttHit {
    int row = -1;
    int cpu = -1;           // the CPU lane, or -1 on a process row
    ProcIndex process = -1; // the row's process, or on a CPU lane what it ran (kCpuIdle, kCpuSwitch)
    std::size_t record = 0; // index of the interval's record in its track
    Tick from = 0;          // the interval [from, to)
    Tick to = 0;

    bool onCpuLane() const { return cpu >= 0; }
};

} // namespace procscope::ui

Q_DECLARE_METATYPE(procscope::ui::GanttHit)
