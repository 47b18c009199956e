#include "core/ostep/py_random.h"

#include <algorithm>
#include <bit>

namespace procscope::ostep {

namespace {

constexpr std::size_t kM = 397;
constexpr std::uint32_t kMatrixA = 0x9908b0dfu;
constexpr std::uint32_t kUpperMask = 0x80000000u;
constexpr std::uint32_t kLowerMask = 0x7fffffffu;

} // namespace

PyRandom::PyRandom()
{
    seed(std::int64_t{0});
}

PyRandom::PyRandom(std::int64_t seed)
{
    this->seed(seed);
}

PyRandom::PyRandom(const PyInt& seed)
{
    this->seed(seed);
}

void PyRandom::seed(std::int64_t seed)
{
    this->seed(PyInt(seed));
}

void PyRandom::seed(const PyInt& seed)
{
    // The sign is dropped: CPython seeds with abs(n).
    seedByArray(seed.magnitudeWords());
}

void PyRandom::initGenrand(std::uint32_t s)
{
    m_mt[0] = s;
    for (std::size_t i = 1; i < kN; ++i)
        m_mt[i] = 1812433253u * (m_mt[i - 1] ^ (m_mt[i - 1] >> 30)) + static_cast<std::uint32_t>(i);
    m_index = kN;
}

// Reference MT19937 init_by_array (2002/1/26), as in CPython's _randommodule.c.
void PyRandom::seedByArray(std::span<const std::uint32_t> key)
{
    static constexpr std::uint32_t kZero[1] = {0};
    if (key.empty())
        key = kZero;
    initGenrand(19650218u);
    std::size_t i = 1;
    std::size_t j = 0;
    for (std::size_t k = std::max(kN, key.size()); k > 0; --k) {
        m_mt[i] = (m_mt[i] ^ ((m_mt[i - 1] ^ (m_mt[i - 1] >> 30)) * 1664525u)) + key[j] +
                  static_cast<std::uint32_t>(j);
        ++i;
        ++j;
        if (i >= kN) {
            m_mt[0] = m_mt[kN - 1];
            i = 1;
        }
        if (j >= key.size())
            j = 0;
    }
    for (std::size_t k = kN - 1; k > 0; --k) {
        m_mt[i] =
            (m_mt[i] ^ ((m_mt[i - 1] ^ (m_mt[i - 1] >> 30)) * 1566083941u)) - static_cast<std::uint32_t>(i);
        ++i;
        if (i >= kN) {
            m_mt[0] = m_mt[kN - 1];
            i = 1;
        }
    }
    m_mt[0] = 0x80000000u; // MSB is 1, assuring a non-zero initial array
    m_index = kN;
}

void PyRandom::twist()
{
    const auto mix = [](std::uint32_t upper, std::uint32_t lower, std::uint32_t far) {
        const std::uint32_t y = (upper & kUpperMask) | (lower & kLowerMask);
        return far ^ (y >> 1) ^ ((y & 1u) ? kMatrixA : 0u);
    };
    std::size_t kk = 0;
    for (; kk < kN - kM; ++kk)
        m_mt[kk] = mix(m_mt[kk], m_mt[kk + 1], m_mt[kk + kM]);
    for (; kk < kN - 1; ++kk)
        m_mt[kk] = mix(m_mt[kk], m_mt[kk + 1], m_mt[kk + kM - kN]);
    m_mt[kN - 1] = mix(m_mt[kN - 1], m_mt[0], m_mt[kM - 1]);
    m_index = 0;
}

std::uint32_t PyRandom::genrandUint32()
{
    if (m_index >= kN)
        twist();
    std::uint32_t y = m_mt[m_index++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= (y >> 18);
    return y;
}

double PyRandom::random()
{
    // Two statements fix the draw order: a first, then b.
    const std::uint32_t a = genrandUint32() >> 5;
    const std::uint32_t b = genrandUint32() >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

std::vector<std::uint32_t> PyRandom::getrandbitsWords(int k)
{
    if (k < 0)
        throw std::invalid_argument("number of bits must be non-negative");
    std::vector<std::uint32_t> words;
    if (k == 0)
        return words;
    if (k <= 32) {
        words.push_back(genrandUint32() >> (32 - k));
        return words;
    }
    words.reserve(static_cast<std::size_t>((k - 1) / 32 + 1));
    for (int left = k; left > 0; left -= 32) {
        std::uint32_t r = genrandUint32();
        if (left < 32)
            r >>= (32 - left); // drop the least significant bits of the top word
        words.push_back(r);
    }
    return words;
}

std::uint64_t PyRandom::getrandbits(int k)
{
    if (k > 64)
        throw std::invalid_argument("getrandbits: k > 64 needs getrandbitsWords");
    std::uint64_t value = 0;
    const std::vector<std::uint32_t> words = getrandbitsWords(k);
    for (std::size_t w = words.size(); w-- > 0;)
        value = (value << 32) | words[w];
    return value;
}

std::uint64_t PyRandom::randbelow(std::uint64_t n)
{
    if (n == 0)
        throw std::invalid_argument("randbelow: n must be positive");
    const int k = std::bit_width(n);
    std::uint64_t r = getrandbits(k);
    while (r >= n)
        r = getrandbits(k);
    return r;
}

std::int64_t PyRandom::randrange(std::int64_t start, std::int64_t stop)
{
    if (stop <= start)
        throw std::invalid_argument("empty range for randrange()");
    const std::uint64_t width = static_cast<std::uint64_t>(stop) - static_cast<std::uint64_t>(start);
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(start) + randbelow(width));
}

std::int64_t PyRandom::randint(std::int64_t a, std::int64_t b)
{
    if (b < a)
        throw std::invalid_argument("empty range for randint()");
    const std::uint64_t width = static_cast<std::uint64_t>(b) - static_cast<std::uint64_t>(a) + 1;
    if (width == 0)
        throw std::invalid_argument("randint: range of 2^64 values is not supported");
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) + randbelow(width));
}

double PyRandom::uniform(double a, double b)
{
    return a + (b - a) * random();
}

std::size_t PyRandom::choiceIndex(std::size_t size)
{
    if (size == 0)
        throw std::out_of_range("Cannot choose from an empty sequence");
    return static_cast<std::size_t>(randbelow(size));
}

} // namespace procscope::ostep
