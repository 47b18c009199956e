// Loading JSON text strictly, and the errors a JSON reader reports: where (file, line:column or
// JSON path) and what was expected.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace procscope {

struct LoadError {
    std::string file;     // as the caller named it; may be empty
    std::string jsonPath; // "$.processes[2].program[1]"; empty when the problem is not in one value
    int line = 0;         // 1-based position in the text, 0 when the problem is not at one place
    int column = 0;       // counted in characters (UTF-8 code points), not bytes
    std::string message;
    bool cancelled = false; // the user cancelled the load; not a fault of the file
    // What the start of jsonPath is, named beside it in toString() so that a reader finds it by
    // the name they gave it: "$.processes[1] (shell).program[2]". ownerPath is a prefix of jsonPath.
    std::string ownerPath = {};
    std::string ownerName = {};

    // "demo.json:3:14: JSON syntax error: ...", "demo.json: $.policy.quantum: expected ...",
    // "demo.json: $.processes[1] (shell).arrival: expected ...",
    // "demo.json: cannot open: No such file or directory".
    std::string toString() const;
};

inline constexpr std::size_t kMaxJsonFileBytes = 64u * 1024u * 1024u;
inline constexpr int kMaxJsonDepth = 256;

// The whole content of a regular file. Missing, unreadable and too large files and directories
// are errors, never exceptions. A big file is read in chunks, calling `progress` (bytes read, file
// size) after each; when it returns false the read stops with a cancelled LoadError.
std::optional<LoadError> readTextFile(const std::string& path, std::string& text,
    std::size_t maxBytes = kMaxJsonFileBytes,
    const std::function<bool(std::uint64_t done, std::uint64_t total)>& progress = {});

// Parses `text` as one JSON value, strictly: UTF-8 only (a BOM is skipped), no NUL bytes, no
// duplicate keys, no comments, nesting at most kMaxJsonDepth. Never throws.
std::optional<LoadError> parseJsonText(
    std::string_view text, const std::string& fileName, nlohmann::json& out);

// The part of an nlohmann parse error that speaks to the user: "[json.exception.parse_error.101]
// parse error at line 1, column 8: syntax error while parsing object key - unexpected '}'"
// -> "unexpected '}'".
std::string nlohmannErrorDetail(std::string_view what);

// 1-based line and column (in characters) of the byte at `offset`; offset may be text.size().
std::pair<int, int> lineColumn(std::string_view text, std::size_t offset);

// JSON paths as in messages: `$.machine.cpus`, `$.processes[2]`, `$["odd key"]`.
std::string jsonPathKey(const std::string& parent, std::string_view key);
std::string jsonPathIndex(const std::string& parent, std::size_t index);

// A value for "..., got X": `-3`, `"abc"` (shortened when long), `an object`, `an array`, `null`.
std::string describeJsonValue(const nlohmann::json& value);

} // namespace procscope
