// Text that goes into a file must be valid UTF-8, or the file will not read back: names from a
// Linux trace (task comms are raw bytes) may not be. Invalid bytes become U+FFFD.
#pragma once

#include <string>
#include <string_view>

namespace procscope {

// Length (1-4) of the well-formed UTF-8 sequence at s[i], or 0 when it is not one (overlong
// forms, surrogates and code points above U+10FFFF are not).
std::size_t utf8SequenceLength(std::string_view s, std::size_t i);
bool isValidUtf8(std::string_view s);
// `s` with every invalid byte sequence replaced by U+FFFD (the replacement character).
std::string toValidUtf8(std::string_view s);

} // namespace procscope
