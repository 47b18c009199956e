// Small pieces of Python's str behaviour on UTF-8 text: the whitespace int()/float() strip, and repr().
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace procscope::ostep {

// Strips what int() and float() skip around a number: ASCII " \t\n\v\f\r" and the Unicode spaces
// U+0085, U+00A0, U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000 (not U+001C..U+001F).
std::string_view stripNumberWhitespace(std::string_view text);

// Python repr() of a str, as optparse prints it in "invalid integer value: %r": single quotes unless
// the text has ' but no ", backslash escapes for \\ \t \n \r and the quote, \xNN for other
// non-printables; bytes that are not valid UTF-8 show as '\udcNN' (surrogateescape, as in sys.argv).
std::string pyRepr(std::string_view text);

// Python's textwrap.wrap(text, width) with its defaults (tabs expanded to 8, whitespace turned into
// spaces, breaks after hyphens in words, long words split), as optparse uses it for help text.
// Lengths count bytes, so the result is exact for ASCII text.
std::vector<std::string> pyTextWrap(std::string_view text, int width);

// Text as Python writes a str to stderr (errors="backslashreplace"): bytes that are not valid UTF-8
// came in as surrogate escapes and come out as "\udcNN".
std::string pyStderrText(std::string_view text);

} // namespace procscope::ostep
