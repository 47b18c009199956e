// OSTEP process-run's compact program notation: "c7,i,c1,i".
#pragma once

#include "core/model/program.h"

#include <optional>
#include <string>
#include <string_view>

namespace procscope {

// The longest CPU burst or I/O the compact notation accepts (and the workload reader too).
inline constexpr Tick kMaxOpTicks = 1'000'000'000'000;

// Operations separated by commas, spaces around them ignored: `cN` is N CPU ticks (`c0` is
// nothing, as in process-run), `i` is an I/O of `ioLength` ticks on device 0, `iN` one of N ticks.
// An empty text is an empty program. On failure returns nullopt and, if `error` is given, a
// message naming the operation: `operation 2 "x": unknown operation ...`.
// Unlike process-run, which ignores what follows `i`, `i5` here is an I/O of 5 ticks.
std::optional<Program> parseOstepProgram(std::string_view text, Tick ioLength, std::string* error = nullptr);

// The compact notation of a program of CPU bursts (at least one tick) and I/Os on device 0,
// every length explicit ("c7,i5,c1"); nullopt for any other program.
std::optional<std::string> formatOstepProgram(const Program& program);

} // namespace procscope
