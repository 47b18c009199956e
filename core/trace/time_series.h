// Time-sorted records stored compactly: each record keeps a 32-bit offset from the base time of
// its epoch (a new epoch starts when an offset would not fit, which only long nanosecond traces
// need), so a simulated state change costs a few bytes. Spare capacity grows by a quarter, not
// double, to keep memory close to what is used.
#pragma once

#include "core/model/types.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace procscope {

template <typename Record> // Record has a member `std::uint32_t dt`
class TimeSeries {
public:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    std::size_t size() const { return m_records.size(); }
    bool empty() const { return m_records.empty(); }
    const Record& operator[](std::size_t i) const { return m_records[i]; }
    Record& operator[](std::size_t i) { return m_records[i]; }
    const Record& back() const { return m_records.back(); }
    Record& back() { return m_records.back(); }

    Tick at(std::size_t i) const { return baseOf(i) + m_records[i].dt; }
    // Hint that the next push is near: brings the tail into the cache.
    void prefetchTail() const
    {
        if (!m_records.empty())
            __builtin_prefetch(&m_records.back(), 1);
    }

    void push(Tick t, Record r)
    {
        if (m_epochs.empty() || t < m_epochs.back().base || t - m_epochs.back().base > kMaxOffset)
            m_epochs.push_back(Epoch{m_records.size(), t});
        r.dt = static_cast<std::uint32_t>(t - m_epochs.back().base);
        if (m_records.size() == m_records.capacity()) {
            const std::size_t n = m_records.size();
            m_records.reserve(n + n / 4 + 8);
        }
        m_records.push_back(r);
    }

    void popBack()
    {
        m_records.pop_back();
        if (m_epochs.back().start == m_records.size())
            m_epochs.pop_back();
    }

    // Index of the last record at or before t, or npos.
    std::size_t indexAt(Tick t) const
    {
        auto e = std::upper_bound(
            m_epochs.begin(), m_epochs.end(), t, [](Tick v, const Epoch& x) { return v < x.base; });
        if (e == m_epochs.begin())
            return npos;
        --e;
        const std::size_t end = (e + 1 == m_epochs.end()) ? m_records.size() : (e + 1)->start;
        const auto offset = static_cast<std::uint32_t>(std::min<Tick>(t - e->base, kMaxOffset));
        auto it = std::upper_bound(m_records.begin() + static_cast<std::ptrdiff_t>(e->start),
            m_records.begin() + static_cast<std::ptrdiff_t>(end), offset,
            [](std::uint32_t v, const Record& r) { return v < r.dt; });
        return static_cast<std::size_t>(it - m_records.begin()) -
               1; // e->start - 1 wraps to npos for the first
    }

    // Drops records at or after t.
    void truncate(Tick t)
    {
        const auto i = indexAt(t - 1);
        const std::size_t keep = i == npos ? 0 : i + 1;
        m_records.resize(keep);
        while (!m_epochs.empty() && m_epochs.back().start >= keep)
            m_epochs.pop_back();
    }

    std::size_t bytes() const
    {
        return m_records.capacity() * sizeof(Record) + m_epochs.capacity() * sizeof(Epoch);
    }
    void shrink()
    {
        m_records.shrink_to_fit();
        m_epochs.shrink_to_fit();
    }

private:
    static constexpr Tick kMaxOffset = 0xFFFFFFFF;
    struct Epoch {
        std::size_t start;
        Tick base;
    };
    Tick baseOf(std::size_t i) const
    {
        if (m_epochs.size() == 1)
            return m_epochs.front().base;
        auto e = std::upper_bound(
            m_epochs.begin(), m_epochs.end(), i, [](std::size_t v, const Epoch& x) { return v < x.start; });
        return (e - 1)->base;
    }

    std::vector<Record> m_records;
    std::vector<Epoch> m_epochs;
};

} // namespace procscope
