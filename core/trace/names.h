// Names of the Trace's enumerations as they appear in files and in the GUI, and back.
#pragma once

#include "core/trace/trace.h"

#include <optional>
#include <string_view>

namespace procscope {

std::string_view reasonName(Reason r);
std::optional<Reason> reasonFromName(std::string_view name);
std::optional<ProcessState> stateFromName(std::string_view name);
std::optional<Cause> causeFromName(std::string_view name);

} // namespace procscope
