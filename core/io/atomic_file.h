// Saving without ever leaving a half-written file: the text goes to a temporary file beside the
// target, is flushed to disk, and then replaces the target in one rename.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace procscope {

// nullopt on success; otherwise "PATH: cannot save: REASON", and the target is untouched.
std::optional<std::string> writeFileAtomically(const std::string& path, std::string_view text);

} // namespace procscope
