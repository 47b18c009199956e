#include "core/ostep/py_format.h"

#include "core/ostep/py_int.h"
#include "core/ostep/py_text.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>

namespace procscope::ostep {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

std::string justify(std::string text, int width)
{
    const std::size_t w = static_cast<std::size_t>(width < 0 ? -static_cast<long long>(width) : width);
    if (text.size() >= w)
        return text;
    if (width < 0)
        return text.append(w - text.size(), ' ');
    return std::string(w - text.size(), ' ') + text;
}

bool equalsIgnoreCase(std::string_view a, std::string_view lowerB)
{
    if (a.size() != lowerB.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const char c = (a[i] >= 'A' && a[i] <= 'Z') ? static_cast<char>(a[i] + 32) : a[i];
        if (c != lowerB[i])
            return false;
    }
    return true;
}

// The decimal syntax _Py_dg_strtod accepts: digits [. digits] | . digits, then [e [sign] digits].
// Returns the exponent of the leading significant digit's position (used to classify overflow).
bool matchesDecimal(std::string_view s, long long& magnitudeHint)
{
    std::size_t i = 0;
    std::size_t intDigits = 0, fracDigits = 0;
    long long leadingFracZeros = 0, significantIntDigits = 0;
    bool seenNonZero = false;
    for (; i < s.size() && isDigit(s[i]); ++i, ++intDigits) {
        seenNonZero = seenNonZero || s[i] != '0';
        significantIntDigits += seenNonZero ? 1 : 0;
    }
    if (i < s.size() && s[i] == '.') {
        ++i;
        for (; i < s.size() && isDigit(s[i]); ++i, ++fracDigits) {
            if (!seenNonZero && s[i] == '0')
                ++leadingFracZeros;
            seenNonZero = seenNonZero || s[i] != '0';
        }
    }
    if (intDigits + fracDigits == 0)
        return false;
    long long exponent = 0;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        bool negative = false;
        if (i < s.size() && (s[i] == '+' || s[i] == '-'))
            negative = s[i++] == '-';
        const std::size_t start = i;
        for (; i < s.size() && isDigit(s[i]); ++i)
            exponent = std::min(exponent * 10 + (s[i] - '0'), 1000000000LL); // saturate
        if (i == start)
            return false;
        exponent = negative ? -exponent : exponent;
    }
    magnitudeHint = exponent + (significantIntDigits > 0 ? significantIntDigits : -leadingFracZeros);
    return i == s.size();
}

} // namespace

std::string pyFloatRepr(double value)
{
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value < 0 ? "-inf" : "inf";
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
    const std::string_view sci(buf, static_cast<std::size_t>(res.ptr - buf));
    // sci looks like "-d.ddde+XX": split into sign, significant digits and exponent.
    const std::size_t ePos = sci.find('e');
    std::string_view mant = sci.substr(0, ePos);
    const bool negative = !mant.empty() && mant[0] == '-';
    if (negative)
        mant.remove_prefix(1);
    std::string digits;
    for (char c : mant)
        if (c != '.')
            digits += c;
    int exponent = 0;
    std::string_view expText = sci.substr(ePos + 1);
    if (!expText.empty() && expText[0] == '+')
        expText.remove_prefix(1);
    std::from_chars(expText.data(), expText.data() + expText.size(), exponent);

    std::string out = negative ? "-" : "";
    if (exponent < -4 || exponent >= 16) {
        out += digits[0];
        if (digits.size() > 1) {
            out += '.';
            out.append(digits, 1);
        }
        out += exponent < 0 ? "e-" : "e+";
        const std::string e = std::to_string(exponent < 0 ? -exponent : exponent);
        if (e.size() < 2)
            out += '0';
        return out + e;
    }
    if (exponent < 0)
        return out + "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
    const std::size_t intLen = static_cast<std::size_t>(exponent) + 1;
    if (digits.size() <= intLen)
        return out + digits + std::string(intLen - digits.size(), '0') + ".0";
    return out + digits.substr(0, intLen) + "." + digits.substr(intLen);
}

std::string pyPercentF(double value, int precision)
{
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value < 0 ? "-inf" : "inf";
    // Largest double has 309 integer digits.
    std::string buf(static_cast<std::size_t>(precision) + 320, '\0');
    const auto res =
        std::to_chars(buf.data(), buf.data() + buf.size(), value, std::chars_format::fixed, precision);
    buf.resize(static_cast<std::size_t>(res.ptr - buf.data()));
    return buf;
}

std::string pyPercentF(double value, int width, int precision)
{
    return justify(pyPercentF(value, precision), width);
}

std::string pyPercentD(long long value, int width)
{
    return justify(std::to_string(value), width);
}

std::string pyPercentS(std::string_view text, int width)
{
    return justify(std::string(text), width);
}

std::optional<double> pyFloat(std::string_view text)
{
    std::string s;
    // Underscores are only allowed between digits (CPython _Py_string_to_number_with_underscores).
    char prev = 0;
    for (char c : text) {
        if (c == '_') {
            if (!isDigit(prev))
                return std::nullopt;
        } else {
            if (prev == '_' && !isDigit(c))
                return std::nullopt;
            s += c;
        }
        prev = c;
    }
    if (prev == '_')
        return std::nullopt;

    std::string_view body = stripNumberWhitespace(s);
    bool negative = false;
    if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
        negative = body[0] == '-';
        body.remove_prefix(1);
    }
    const double sign = negative ? -1.0 : 1.0;
    if (equalsIgnoreCase(body, "inf") || equalsIgnoreCase(body, "infinity"))
        return sign * std::numeric_limits<double>::infinity();
    if (equalsIgnoreCase(body, "nan"))
        return std::numeric_limits<double>::quiet_NaN();
    long long magnitudeHint = 0;
    if (!matchesDecimal(body, magnitudeHint))
        return std::nullopt;
    double value = 0.0;
    const auto res =
        std::from_chars(body.data(), body.data() + body.size(), value, std::chars_format::general);
    if (res.ec == std::errc::result_out_of_range)
        value = magnitudeHint > 0 ? std::numeric_limits<double>::infinity() : 0.0;
    else if (res.ec != std::errc() || res.ptr != body.data() + body.size())
        return std::nullopt;
    return sign * value;
}

std::optional<long long> pyInt(std::string_view text)
{
    const std::optional<PyInt> v = PyInt::parse(text, 10);
    if (!v)
        return std::nullopt;
    const std::optional<std::int64_t> fits = v->toInt64();
    if (!fits)
        return std::nullopt;
    return static_cast<long long>(*fits);
}

} // namespace procscope::ostep
