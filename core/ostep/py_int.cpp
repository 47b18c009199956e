#include "core/ostep/py_int.h"

#include "core/ostep/py_text.h"

#include <limits>

namespace procscope::ostep {

namespace {

// CPython 3.11 refuses to convert more digits than this in a non-power-of-two base (sys.int_info).
constexpr std::size_t kMaxStrDigits = 4300;

int digitValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

bool isPrefixLetter(char c, int base)
{
    const char lower = static_cast<char>(c | 0x20);
    return (base == 16 && lower == 'x') || (base == 8 && lower == 'o') || (base == 2 && lower == 'b');
}

} // namespace

PyInt::PyInt(std::int64_t value)
    : m_negative(value < 0)
{
    // Negate in unsigned arithmetic so INT64_MIN works.
    std::uint64_t mag =
        m_negative ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    while (mag != 0) {
        m_magnitude.push_back(static_cast<std::uint32_t>(mag));
        mag >>= 32;
    }
}

// Mirrors CPython's PyLong_FromString() after int() has turned Unicode spaces into ASCII ones.
std::optional<PyInt> PyInt::parse(std::string_view text, int base)
{
    if (base != 0 && (base < 2 || base > 36))
        return std::nullopt;
    std::string_view s = stripNumberWhitespace(text);
    std::size_t i = 0;
    const auto at = [&](std::size_t k) { return k < s.size() ? s[k] : '\0'; };

    bool negative = false;
    if (at(i) == '+' || at(i) == '-') {
        negative = at(i) == '-';
        ++i;
    }
    bool errorIfNonzero = false; // base 0: "010" is an invalid old-style octal, "00" is fine
    if (base == 0) {
        if (at(i) != '0')
            base = 10;
        else if (isPrefixLetter(at(i + 1), 16))
            base = 16;
        else if (isPrefixLetter(at(i + 1), 8))
            base = 8;
        else if (isPrefixLetter(at(i + 1), 2))
            base = 2;
        else {
            errorIfNonzero = true;
            base = 10;
        }
    }
    if (at(i) == '0' && isPrefixLetter(at(i + 1), base)) {
        i += 2;
        if (at(i) == '_') // one underscore may follow the prefix
            ++i;
    }
    if (at(i) == '_')
        return std::nullopt;

    PyInt result;
    std::size_t digits = 0;
    char prev = 0;
    for (; i < s.size() && (digitValue(s[i]) < base || s[i] == '_'); ++i) {
        if (s[i] == '_') {
            if (prev == '_')
                return std::nullopt;
        } else {
            ++digits;
            result.mulAdd(static_cast<std::uint32_t>(base), static_cast<std::uint32_t>(digitValue(s[i])));
        }
        prev = s[i];
    }
    if (prev == '_' || digits == 0 || i != s.size())
        return std::nullopt;
    if ((base & (base - 1)) != 0 && digits > kMaxStrDigits)
        return std::nullopt;
    if (errorIfNonzero && !result.isZero())
        return std::nullopt;
    result.m_negative = negative && !result.isZero();
    return result;
}

void PyInt::mulAdd(std::uint32_t factor, std::uint32_t addend)
{
    std::uint64_t carry = addend;
    for (std::uint32_t& word : m_magnitude) {
        const std::uint64_t v = static_cast<std::uint64_t>(word) * factor + carry;
        word = static_cast<std::uint32_t>(v);
        carry = v >> 32;
    }
    if (carry != 0)
        m_magnitude.push_back(static_cast<std::uint32_t>(carry));
    trim();
}

void PyInt::trim()
{
    while (!m_magnitude.empty() && m_magnitude.back() == 0)
        m_magnitude.pop_back();
}

std::optional<std::int64_t> PyInt::toInt64() const
{
    if (m_magnitude.size() > 2)
        return std::nullopt;
    std::uint64_t mag = 0;
    for (std::size_t k = m_magnitude.size(); k-- > 0;)
        mag = (mag << 32) | m_magnitude[k];
    constexpr std::uint64_t kMaxPositive = std::numeric_limits<std::int64_t>::max();
    if (!m_negative)
        return mag <= kMaxPositive ? std::optional<std::int64_t>(static_cast<std::int64_t>(mag))
                                   : std::nullopt;
    if (mag > kMaxPositive + 1)
        return std::nullopt;
    return static_cast<std::int64_t>(0 - mag); // two's complement wrap gives INT64_MIN for 2^63
}

std::int64_t PyInt::toInt64Saturated() const
{
    if (const auto v = toInt64())
        return *v;
    return m_negative ? std::numeric_limits<std::int64_t>::min() : std::numeric_limits<std::int64_t>::max();
}

std::string PyInt::str() const
{
    if (isZero())
        return "0";
    // Peel off base-10^9 chunks, least significant first.
    std::vector<std::uint32_t> mag = m_magnitude;
    std::vector<std::uint32_t> chunks;
    while (!mag.empty()) {
        std::uint64_t rem = 0;
        for (std::size_t k = mag.size(); k-- > 0;) {
            const std::uint64_t cur = (rem << 32) | mag[k];
            mag[k] = static_cast<std::uint32_t>(cur / 1000000000u);
            rem = cur % 1000000000u;
        }
        chunks.push_back(static_cast<std::uint32_t>(rem));
        while (!mag.empty() && mag.back() == 0)
            mag.pop_back();
    }
    std::string out = m_negative ? "-" : "";
    out += std::to_string(chunks.back());
    for (std::size_t k = chunks.size() - 1; k-- > 0;) {
        const std::string part = std::to_string(chunks[k]);
        out.append(9 - part.size(), '0');
        out += part;
    }
    return out;
}

} // namespace procscope::ostep
