// The native workload file: a versioned JSON document ("format": "procscope-workload") holding
// the machine, the policy and the processes with their programs. See docs/workload-format.md.
#pragma once

#include "core/io/json_error.h"
#include "core/model/workload.h"

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace procscope {

inline constexpr std::string_view kWorkloadFormat = "procscope-workload";
inline constexpr int kWorkloadVersion = 1;

// Reads and checks a workload file. Strict: an unknown key, a wrong type, a value out of range or
// a program that cannot run as written is a LoadError naming the JSON path and what was
// expected. The result is normalized (see normalize()): every process has a pid and a name, and
// processes are sorted by arrival, then pid. Never throws.
std::variant<Workload, LoadError> readWorkload(const std::string& path);
std::variant<Workload, LoadError> readWorkloadFromString(std::string_view text, std::string fileName);

// The same check of a document already parsed, e.g. a workload embedded in another file at
// `jsonPath` ("$" for a whole document).
std::optional<LoadError> workloadFromJson(
    const nlohmann::json& document, const std::string& fileName, const std::string& jsonPath, Workload& out);

// Pretty JSON (2-space indent, keys in a fixed order, a newline at the end) that reads back to an
// equal Workload, for any workload that normalize() accepts. Parameters that the workload's
// policy does not use are not written, so they read back as their defaults.
std::string writeWorkload(const Workload& workload);
nlohmann::ordered_json workloadToJson(const Workload& workload);

} // namespace procscope
