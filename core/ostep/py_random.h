// CPython's random module (MT19937 seeded by init_by_array), reproduced draw for draw so that the OSTEP
// homework scripts' random workloads come out identical. See docs spec ostep-process-run.md §7.
#pragma once

#include "core/ostep/py_int.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <utility>
#include <vector>

namespace procscope::ostep {

class PyRandom {
public:
    // Python seeds from the OS when given no seed; a simulator wants determinism, so this is seed(0).
    PyRandom();
    explicit PyRandom(std::int64_t seed);
    explicit PyRandom(const PyInt& seed);

    // random.seed(n) for an int n (version is irrelevant for ints): init_by_array(words of abs(n)).
    void seed(std::int64_t seed);
    void seed(const PyInt& seed);
    // The raw init_by_array(key); an empty key is treated as {0}, as CPython does for seed 0.
    void seedByArray(std::span<const std::uint32_t> key);

    // One tempered MT19937 output (identical to std::mt19937's operator()).
    std::uint32_t genrandUint32();
    // random.random(): 53 bits from two outputs, the first giving the high 27 bits.
    double random();
    // random.getrandbits(k) for 0 <= k <= 64. Words are drawn least significant first.
    std::uint64_t getrandbits(int k);
    // random.getrandbits(k) for any k >= 0, as little-endian 32-bit words (ceil(k/32) of them).
    std::vector<std::uint32_t> getrandbitsWords(int k);
    // random._randbelow(n), n >= 1: rejection sampling with n.bit_length() bits (not (n-1)'s).
    std::uint64_t randbelow(std::uint64_t n);
    // random.randrange(start, stop) (step 1) and random.randint(a, b); empty ranges throw
    // std::invalid_argument (Python's ValueError). The width must be below 2^64.
    std::int64_t randrange(std::int64_t start, std::int64_t stop);
    std::int64_t randint(std::int64_t a, std::int64_t b);
    // random.uniform(a, b) = a + (b - a) * random().
    double uniform(double a, double b);

    // random.choice(seq): the index is _randbelow(len); empty throws std::out_of_range (IndexError).
    std::size_t choiceIndex(std::size_t size);
    template <typename Container>
    decltype(auto) choice(Container& seq)
    {
        return seq[choiceIndex(std::size(seq))];
    }
    // random.shuffle(x): for i = len-1 .. 1, swap x[i] with x[_randbelow(i + 1)].
    template <typename Container>
    void shuffle(Container& seq)
    {
        using std::swap;
        for (std::size_t i = std::size(seq); i-- > 1;)
            swap(seq[i], seq[static_cast<std::size_t>(randbelow(i + 1))]);
    }

    // Value semantics: copies are independent snapshots of the stream position.
    bool operator==(const PyRandom&) const = default;

private:
    static constexpr std::size_t kN = 624;
    void initGenrand(std::uint32_t s);
    void twist();

    std::array<std::uint32_t, kN> m_mt{};
    std::size_t m_index = kN;
};

} // namespace procscope::ostep
