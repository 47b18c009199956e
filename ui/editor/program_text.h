// A process's program as the user types it in the workload editor and the process control panel:
// either OSTEP process-run's compact notation ("c7,i,c1,i") or ProcScope's list of operations in
// its JSON form ([{"cpu": 2}, {"fork": "c3", "name": "ls"}, {"wait": "any"}]). Both are checked
// by the workload reader's own rules, so a student sees the same message the file reader gives.
#pragma once

#include "core/model/workload.h"

#include <QString>

#include <optional>

namespace procscope::ui {

// The length of a bare `i` in a compact program typed in the editor (the workload format's
// default `ioLength`).
inline constexpr Tick kEditorIoLength = 5;

struct ProgramText {
    std::optional<Program> program; // nullopt when the text is not a program
    QString error;                  // what was expected, when it is not
};

// Reads `text` (compact or JSON list) for a process on `machine`; checks devices, waits without
// a child and operations after an exec or an exit.
ProgramText parseProgramText(const QString& text, const MachineSpec& machine);

// The text that shows a program: the compact notation when the program has one, else the JSON
// list on one line.
QString formatProgramText(const Program& program, const MachineSpec& machine);

} // namespace procscope::ui
