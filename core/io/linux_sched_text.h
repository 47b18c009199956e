// Small text helpers shared by the parsers of Linux scheduler text (linux_sched_line.cpp reads the
// layout of a line, linux_sched_payload.cpp the fields of an event). Internal to the importer.
#pragma once

#include "core/io/linux_sched_line.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace procscope::sched_text {

using sv = std::string_view;

inline bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}
inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

sv trim(sv s);
bool allDigits(sv s);
// The last whitespace-separated token of s (s right-trimmed), and where it starts.
sv lastToken(sv s, std::size_t* start = nullptr);
// Digits only, without overflow: at most 18 digits.
std::optional<std::int64_t> unsignedValue(sv s);
// The text from `at` to the next space.
sv wordAt(sv text, std::size_t at);
// Inputs are quoted in messages shortened and with anything that is not printable ASCII escaped,
// so a warning is always short, valid UTF-8.
std::string quoted(sv s);
// Marks the line as not understood; returns false.
bool setError(SchedLine& line, std::string message);
// A pid from 0 to kMaxPid, a kernel priority; on failure the line says what was wrong.
bool parsePid(sv text, Pid& out, SchedLine& line, sv what);
bool parsePrio(sv text, int& out, SchedLine& line, sv what);

} // namespace procscope::sched_text
