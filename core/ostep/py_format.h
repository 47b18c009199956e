// Python 3 number formatting and parsing, byte for byte, without the C locale getting a say
// (a Qt application may have called setlocale(LC_ALL, ""), which changes printf's decimal point).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace procscope::ostep {

// str(x) / repr(x) of a float: shortest round-trip digits; fixed notation with ".0" for integral values
// when the decimal exponent is in [-4, 16), otherwise "1e+16", "1.5e-05" (at least two exponent
// digits); "inf", "-inf", "nan", "-0.0".
std::string pyFloatRepr(double value);

// "%.<precision>f" % x: exact decimal expansion, correctly rounded (ties to even on exact halves, as
// glibc printf); "inf", "-inf" and "nan" (never "-nan") like Python.
std::string pyPercentF(double value, int precision);
// "%<width>.<precision>f": right-justified in width (negative width: left-justified, like "%-8.2f").
std::string pyPercentF(double value, int width, int precision);

// "%<width>d" of an int; negative width left-justifies ("%-5d").
std::string pyPercentD(long long value, int width = 0);
// "%<width>s"; negative width left-justifies. Width counts bytes: the scripts only print ASCII.
std::string pyPercentS(std::string_view text, int width);

// str(True) / str(False).
inline std::string_view pyBool(bool value)
{
    return value ? "True" : "False";
}

// float(text): whitespace around, optional sign, decimal digits with single underscores between digits,
// optional fraction and exponent, or inf / infinity / nan in any case. Out-of-range values become
// +-inf or +-0.0 as in Python. nullopt where Python raises ValueError.
std::optional<double> pyFloat(std::string_view text);

// int(text) (base 10), when the result fits in a long long; nullopt for ValueError or overflow. Use
// PyInt::parse for the full range or other bases.
std::optional<long long> pyInt(std::string_view text);

} // namespace procscope::ostep
