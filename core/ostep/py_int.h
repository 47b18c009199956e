// Python's arbitrary-precision int, only as far as the OSTEP scripts need it: parsing with int(s, base),
// printing with str(), and the 32-bit words that random.seed() feeds to init_by_array.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace procscope::ostep {

class PyInt {
public:
    PyInt() = default;
    PyInt(std::int64_t value); // NOLINT(google-explicit-constructor): an int64 is a Python int

    // Python int(text, base) for base 0 or 2..36: surrounding (Unicode) whitespace, one sign, single
    // underscores between digits, the 0x/0o/0b prefix matching the base. nullopt where Python raises
    // ValueError, including CPython's 4300-digit limit for non-power-of-two bases.
    // Not supported: non-ASCII decimal digits (Python accepts e.g. Arabic-Indic digits).
    static std::optional<PyInt> parse(std::string_view text, int base = 10);

    bool isNegative() const { return m_negative; }
    bool isZero() const { return m_magnitude.empty(); }
    // |value| in 32-bit words, least significant first, without leading zero words (zero is empty).
    const std::vector<std::uint32_t>& magnitudeWords() const { return m_magnitude; }

    std::optional<std::int64_t> toInt64() const;
    // Clamped to [INT64_MIN, INT64_MAX].
    std::int64_t toInt64Saturated() const;
    // Python str(): decimal, '-' for negatives, no leading zeros.
    std::string str() const;

    bool operator==(const PyInt&) const = default;

private:
    void mulAdd(std::uint32_t factor, std::uint32_t addend);
    void trim();

    bool m_negative = false;
    std::vector<std::uint32_t> m_magnitude;
};

} // namespace procscope::ostep
