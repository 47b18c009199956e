#include "ui/gantt/pixel_runs.h"

#include <algorithm>

namespace procscope::ui {

void RunFolder::reset()
{
    m_runs.clear();
    m_shareCount = 0;
    m_column = kNoColumn;
    m_inColumn = 0;
    m_covered = false;
}

void RunFolder::add(double x0, double x1, int key)
{
    if (!(x1 > x0))
        return;
    const auto first = static_cast<int>(std::floor(x0));
    if (first != m_column)
        resolve();
    if (x1 <= first + 1.0) { // inside one column
        accumulate(first, key, x1 - x0);
        return;
    }
    accumulate(first, key, first + 1.0 - x0);
    resolve();
    const auto last = static_cast<int>(std::floor(x1)); // the column where the interval ends
    if (last > first + 1)
        push(first + 1, last, key);
    if (x1 > last)
        accumulate(last, key, x1 - last);
}

void RunFolder::finish()
{
    resolve();
}

void RunFolder::accumulate(int column, int key, double amount)
{
    m_column = column;
    ++m_inColumn;
    for (int s = 0; s < m_shareCount; ++s) {
        if (m_shares[static_cast<std::size_t>(s)].key == key) {
            m_shares[static_cast<std::size_t>(s)].amount += amount;
            return;
        }
    }
    if (m_shareCount < static_cast<int>(m_shares.size())) {
        m_shares[static_cast<std::size_t>(m_shareCount++)] = Share{key, amount};
        return;
    }
    // More keys than slots (a busy CPU lane): the smallest share gives way to a larger one.
    auto smallest = std::min_element(
        m_shares.begin(), m_shares.end(), [](const Share& a, const Share& b) { return a.amount < b.amount; });
    if (amount >= smallest->amount)
        *smallest = Share{key, amount};
}

void RunFolder::resolve()
{
    if (m_column == kNoColumn || m_shareCount == 0) {
        m_column = kNoColumn;
        m_inColumn = 0;
        m_covered = false;
        return;
    }
    double total = 0;
    std::size_t best = 0;
    for (std::size_t s = 0; s < static_cast<std::size_t>(m_shareCount); ++s) {
        total += m_shares[s].amount;
        if (m_shares[s].amount >= m_shares[best].amount)
            best = s;
    }
    // What nobody covers (before a process exists, after the trace ends) is a gap too.
    const bool gapWins = !m_covered && 1.0 - total > m_shares[best].amount;
    if (!gapWins && m_shares[best].key != kGap)
        push(m_column, m_column + 1, m_shares[best].key);
    m_shareCount = 0;
    m_column = kNoColumn;
    m_inColumn = 0;
    m_covered = false;
}

void RunFolder::push(int x0, int x1, int key)
{
    if (key == kGap)
        return;
    if (!m_runs.empty() && m_runs.back().x1 == x0 && m_runs.back().key == key) {
        m_runs.back().x1 = x1;
        return;
    }
    m_runs.push_back(PixelRun{x0, x1, key});
}

} // namespace procscope::ui
