// Text that goes into a file must be valid UTF-8, or the file will not read back: names from a
// Linux trace (task comms are raw bytes) may not be. Invalid bytes become U+FFFD.
#pragma once

#include <string>
#include <string_view>

namespace procscope {

bool isValidUtf8(std::string_view s);
// `s` with every invalid byte sequence replaced by U+FFFD (the replacement character).
std::string toValidUtf8(std::string_view s);

} // namespace procscope
