// Level of detail for one Gantt row: the row's intervals, in pixels, folded into runs of whole
// pixel columns. An interval wider than a pixel keeps its own run; where several intervals share
// a pixel column, the column takes the colour (key) that covers most of it, ties going to the
// later one. Neighbouring runs of the same key merge, so a row never needs more primitives than it
// has pixel columns, whatever the number of records.
#pragma once

#include "core/model/types.h"

#include <array>
#include <cmath>
#include <vector>

namespace procscope::ui {

struct PixelRun {
    int x0 = 0; // first pixel column
    int x1 = 0; // one past the last
    int key = 0;
    bool operator==(const PixelRun&) const = default;
};

class RunFolder {
public:
    static constexpr int kGap = -1; // drawn as nothing, but it claims its share of a column

    void reset();
    // Intervals in time order, x in pixels from the row's left edge. Zero-length ones are ignored.
    void add(double x0, double x1, int key);
    // The current column is known to be fully covered even though not all of it was added (the
    // walker skipped the rest): no implicit gap there.
    void markColumnCovered() { m_covered = true; }
    void finish();

    const std::vector<PixelRun>& runs() const { return m_runs; }
    int column() const { return m_column; } // the column being folded, or kNoColumn
    int intervalsInColumn() const { return m_inColumn; }
    static constexpr int kNoColumn = -2147483647 - 1;

private:
    struct Share {
        int key;
        double amount;
    };
    void accumulate(int column, int key, double amount);
    void resolve();
    void push(int x0, int x1, int key);

    std::vector<PixelRun> m_runs;
    std::array<Share, 8> m_shares{};
    int m_shareCount = 0;
    int m_column = kNoColumn;
    int m_inColumn = 0;
    bool m_covered = false;
};

// Where a row's time window lies in pixels: x = (t - from) * pixelsPerTick, for 0 <= x < width.
struct PixelMap {
    double from = 0;
    double pixelsPerTick = 1;
    double width = 0;

    double toPixel(double t) const { return (t - from) * pixelsPerTick; }
    double toTime(double x) const { return from + x / pixelsPerTick; }
};

// The last record at or before t, given that record `from` is at or before t and a guess of the
// answer (from < guess < n): galloping from the guess in steps that double, then bisection, so a
// good guess costs a couple of reads, a bad one O(log distance).
template <typename Track>
std::size_t lastAtOrBefore(const Track& track, std::size_t from, std::size_t guess, std::size_t n, Tick t)
{
    std::size_t lo = from; // at(lo) <= t
    std::size_t hi = n;    // at(hi) > t, or hi == n
    std::size_t step = 1;
    if (track.at(guess) <= t) {
        lo = guess;
        while (lo + step < n && track.at(lo + step) <= t) {
            lo += step;
            step *= 2;
        }
        hi = std::min(lo + step, n);
    } else {
        hi = guess;
        while (step < hi - from && track.at(hi - step) > t) {
            hi -= step;
            step *= 2;
        }
        lo = step < hi - from ? hi - step : from;
    }
    while (hi - lo > 1) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (track.at(mid) <= t)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

// Feeds the records of a track (ProcessTrack or CpuTrack: size(), at(i), indexAt(t)) that are
// visible in `map` to `folder`; record i lasts until record i + 1, the last one until `end`.
// keyOf(i) gives a record's key. The first visible record is found by binary search, and once a
// pixel column holds maxPerColumn intervals the rest of it is skipped by a galloping search,
// so the work is bounded by pixels, not by records. Those intervals decide the column's key: six
// tell which state covers most of a pixel; on a CPU lane, where a dense column holds dozens of
// processes, fewer do as well. Returns the number of records visited.
template <typename Track, typename KeyOf>
std::size_t foldTrack(
    const Track& track, Tick end, const PixelMap& map, RunFolder& folder, KeyOf keyOf, int maxPerColumn = 6)
{
    folder.reset();
    const std::size_t n = track.size();
    if (n == 0 || map.width <= 0 || map.pixelsPerTick <= 0)
        return 0;
    const double tFrom = map.from;
    const double tTo = map.toTime(map.width);
    std::size_t i = track.indexAt(static_cast<Tick>(std::floor(tFrom)));
    if (i == Track::npos)
        i = 0;
    // Records per tick in the window: where the next column's first record probably is.
    const std::size_t last = track.indexAt(static_cast<Tick>(std::ceil(tTo)));
    const double density =
        last == Track::npos || last <= i ? 0.0 : static_cast<double>(last - i) / std::max(1.0, tTo - tFrom);
    double minX = 0;
    std::size_t visited = 0;
    while (i < n) {
        const Tick start = track.at(i);
        if (static_cast<double>(start) >= tTo || start >= end)
            break;
        const Tick stop = i + 1 < n ? std::min(track.at(i + 1), end) : end;
        const double x0 = std::max(map.toPixel(static_cast<double>(start)), minX);
        const double x1 = std::min(map.toPixel(static_cast<double>(stop)), map.width);
        folder.add(x0, x1, keyOf(i));
        ++visited;
        if (folder.intervalsInColumn() >= maxPerColumn && i + 1 < n) {
            // Jump to the record that covers the start of the next column: a galloping search from
            // where the density says it is, not a binary search over the whole track.
            const int column = folder.column();
            const auto next = static_cast<Tick>(std::floor(map.toTime(column + 1.0)));
            const auto ahead =
                static_cast<std::size_t>(std::max(1.0, static_cast<double>(next - start) * density));
            const std::size_t j = lastAtOrBefore(track, i, std::min(i + ahead, n - 1), n, next);
            if (j > i + 1) {
                folder.markColumnCovered();
                minX = column + 1.0;
                i = j;
                continue;
            }
        }
        ++i;
    }
    folder.finish();
    return visited;
}

} // namespace procscope::ui
