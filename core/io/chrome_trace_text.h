// Writing JSON text fast and deterministically for the Chrome trace export: numbers in their
// shortest exact form, strings escaped and always valid UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace procscope::chrome {

void appendInt(std::string& out, long long v);
void appendUnsigned(std::string& out, unsigned long long v);
// Whole numbers as integers (2000, not 2e+03); others in the shortest form that reads back equal.
void appendNumber(std::string& out, double v);
// A JSON string. Bytes that are not UTF-8 (a process name from a raw kernel trace, say) become
// U+FFFD, so the file stays readable by Perfetto and by ProcScope.
void appendString(std::string& out, std::string_view s);

} // namespace procscope::chrome
