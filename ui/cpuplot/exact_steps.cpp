#include "ui/cpuplot/exact_steps.h"

#include "ui/cpuplot/utilization_series.h"

#include <algorithm>
#include <queue>

namespace procscope::ui {

namespace {

// Appends (t, value) when the value changed; false once there are more than `max` steps.
bool emit(std::vector<Step>& steps, Tick t, int value, std::size_t max)
{
    if (!steps.empty() && steps.back().value == value)
        return true;
    if (!steps.empty() && steps.back().at == t) {
        steps.back().value = value; // a later change in the same instant
        if (steps.size() > 1 && steps[steps.size() - 2].value == value)
            steps.pop_back();
        return true;
    }
    steps.push_back({t, value});
    return steps.size() <= max;
}

// Visits the changes of many time-sorted tracks in time order: f(track, record index) for each
// record up to `end` (the final states, at the end itself), then after every instant done(t).
template <typename Size, typename At, typename F, typename Done>
void mergeTracks(std::size_t tracks, Size&& size, At&& at, Tick end, F&& f, Done&& done)
{
    using Head = std::pair<Tick, std::size_t>; // next change of a track, the track
    std::vector<std::size_t> next(tracks, 0);
    std::priority_queue<Head, std::vector<Head>, std::greater<>> heads;
    for (std::size_t k = 0; k < tracks; ++k)
        if (size(k) > 0 && at(k, 0) <= end)
            heads.push({std::max<Tick>(0, at(k, 0)), k});
    while (!heads.empty()) {
        const Tick t = heads.top().first;
        while (!heads.empty() && heads.top().first == t) {
            const std::size_t k = heads.top().second;
            heads.pop();
            // Every record of this track at this instant: the last one is the state from t on.
            std::size_t i = next[k];
            while (i < size(k) && std::max<Tick>(0, at(k, i)) == t)
                f(k, i++);
            next[k] = i;
            if (i < size(k) && at(k, i) <= end)
                heads.push({at(k, i), k});
        }
        if (!done(t))
            return;
    }
}

} // namespace

ExactSteps exactSteps(const Trace& trace, std::size_t maxSteps)
{
    ExactSteps out;
    const Tick end = trace.end();
    out.busy.push_back({0, 0});
    out.io.push_back({0, 0});
    out.ready.push_back({0, 0});
    if (end <= 0)
        return out;

    // CPU lanes: busy while a process holds the CPU (a context switch is not useful work).
    std::vector<int> busyOn(static_cast<std::size_t>(trace.cpuCount()), 0);
    int busy = 0;
    bool fits = true;
    mergeTracks(
        busyOn.size(), [&](std::size_t c) { return trace.cpu(static_cast<int>(c)).size(); },
        [&](std::size_t c, std::size_t i) { return trace.cpu(static_cast<int>(c)).at(i); }, end,
        [&](std::size_t c, std::size_t i) {
            const int now = trace.cpu(static_cast<int>(c)).proc(i) >= 0 ? 1 : 0;
            busy += now - busyOn[c];
            busyOn[c] = now;
        },
        [&](Tick t) { return fits = emit(out.busy, t, busy, maxSteps); });

    // Process tracks: each change may move a process into or out of the ready queue or I/O.
    const IoMeaning meaning = ioMeaningOf(trace);
    std::vector<std::uint8_t> in(trace.processCount(), 0); // bit 0: ready, bit 1: doing I/O
    int ready = 0, io = 0;
    if (fits)
        mergeTracks(
            in.size(), [&](std::size_t p) { return trace.track(static_cast<ProcIndex>(p)).size(); },
            [&](std::size_t p, std::size_t i) { return trace.track(static_cast<ProcIndex>(p)).at(i); }, end,
            [&](std::size_t p, std::size_t i) {
                const ProcessTrack& track = trace.track(static_cast<ProcIndex>(p));
                const ProcessState s = track.state(i);
                const std::uint8_t now =
                    (s == ProcessState::Ready ? 1 : 0) |
                    (s == ProcessState::Blocked && countsAsIo(meaning, track.aux(i)) ? 2 : 0);
                ready += (now & 1) - (in[p] & 1);
                io += ((now >> 1) & 1) - ((in[p] >> 1) & 1);
                in[p] = now;
            },
            [&](Tick t) {
                fits = emit(out.ready, t, ready, maxSteps) && emit(out.io, t, io, maxSteps);
                return fits;
            });
    if (!fits) {
        out = ExactSteps{};
        out.complete = false;
    }
    return out;
}

int valueAt(const std::vector<Step>& steps, Tick t)
{
    const auto after =
        std::upper_bound(steps.begin(), steps.end(), t, [](Tick x, const Step& s) { return x < s.at; });
    return after == steps.begin() ? 0 : std::prev(after)->value;
}

} // namespace procscope::ui
