// JSON laid out for people: a value on one line when it fits in 100 columns, else one member per
// line, 2-space indent. Used by every writer of ProcScope's own formats.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace procscope {

std::string prettyJson(const nlohmann::ordered_json& value);

} // namespace procscope
