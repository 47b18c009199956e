// Which lines of a run's text tell which tick: the rows of process-run.py (whose "Time 1" is tick
// 0), the "[ time N ]" lines of scheduler.py and mlfq.py, the quanta of lottery.py, and the rows
// of ProcScope's own per-tick table. The Text panel highlights the cursor's lines with it.
#pragma once

#include "core/model/types.h"

#include <QList>
#include <QString>

#include <optional>

namespace procscope::ui {

struct TextTimeline {
    enum class Kind {
        None,        // no time in the text
        TickTable,   // "  tick  A  B | cpu0": the row of tick N starts with N
        ProcessRun,  // process-run.py: the row "Time N" is tick N - 1
        TimeStamped, // scheduler.py, mlfq.py: "[ time N ]" is tick N
        Lottery,     // lottery.py -c: one "Random ... -> Run J" block per quantum, from tick 0
    };
    // Lines [firstLine, lastLine] (0-based) tell the ticks [from, to).
    struct Span {
        Tick from = 0;
        Tick to = 0;
        int firstLine = 0;
        int lastLine = 0;
        bool operator==(const Span&) const = default;
    };

    Kind kind = Kind::None;
    QList<Span> spans; // in the order of the text; `from` never decreases
    Tick quantum = 1;  // Lottery: ticks per block

    // The span that tells tick `t`, if any (none before the first or after the last).
    std::optional<Span> spanAt(Tick t) const;
    // The first line that tells only of time after tick `t` (the future with the cursor at t):
    // the next span's first line, or after the last span the line following it (totals and
    // statistics) while t is before the end of the run; -1 when nothing is in the future.
    int futureFrom(Tick t) const;
};

TextTimeline parseTextTimeline(const QString& text);

} // namespace procscope::ui
