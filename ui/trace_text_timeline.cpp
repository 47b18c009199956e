#include "ui/trace_text_timeline.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace procscope::ui {

namespace {

using Kind = TextTimeline::Kind;
using Span = TextTimeline::Span;

// A row of a table whose first column is a number: process-run's "  7*   READY ...", the
// per-tick table's "    12 RUN ...".
std::optional<Tick> rowNumber(const QString& line)
{
    static const QRegularExpression row(QStringLiteral("^\\s*(\\d{1,15})\\*?(\\s|$)"));
    const auto m = row.match(line);
    if (!m.hasMatch())
        return std::nullopt;
    return m.captured(1).toLongLong();
}

// Rows after a header, one tick each, until the first line that is not a row.
void tableRows(const QStringList& lines, int header, Tick offset, TextTimeline& out)
{
    for (int i = header + 1; i < lines.size(); ++i) {
        const auto n = rowNumber(lines.at(i));
        if (!n)
            break;
        const Tick tick = *n - offset;
        if (tick < 0 || (!out.spans.isEmpty() && tick < out.spans.last().from))
            break;
        out.spans.append({tick, tick + 1, i, i});
    }
}

// "[ time 3 ] Run job 1 for 3.00 secs": scheduler.py's line tells three ticks, mlfq.py's one.
void timeStamped(const QStringList& lines, TextTimeline& out)
{
    static const QRegularExpression stamp(QStringLiteral("^\\s*\\[ time\\s+(\\d{1,15}) \\]"));
    static const QRegularExpression duration(QStringLiteral(" for (\\d{1,15}(\\.\\d+)?) secs"));
    for (int i = 0; i < lines.size(); ++i) {
        const auto m = stamp.match(lines.at(i));
        if (!m.hasMatch())
            continue;
        const Tick tick = m.captured(1).toLongLong();
        Tick to = tick + 1;
        if (const auto d = duration.match(lines.at(i)); d.hasMatch())
            to = tick + std::max<Tick>(1, static_cast<Tick>(std::ceil(d.captured(1).toDouble())));
        if (!out.spans.isEmpty() && out.spans.last().from == tick && out.spans.last().lastLine == i - 1) {
            out.spans.last().lastLine = i; // mlfq.py writes several lines at one time
            out.spans.last().to = std::max(out.spans.last().to, to);
            continue;
        }
        if (!out.spans.isEmpty() && tick < out.spans.last().from)
            break;
        out.spans.append({tick, to, i, i});
    }
}

// lottery.py -c: "Random 38551 -> Winning ticket 51 (of 100) -> Run 0", the job list, perhaps
// "--> JOB 1 DONE at time 13": one quantum each.
void lotteryBlocks(const QStringList& lines, int solutions, TextTimeline& out)
{
    static const QRegularExpression quantum(QStringLiteral("^ARG quantum (\\d{1,9})$"));
    for (const QString& line : lines)
        if (const auto m = quantum.match(line); m.hasMatch())
            out.quantum = std::max<Tick>(1, m.captured(1).toLongLong());
    for (int i = solutions + 1; i < lines.size(); ++i) {
        const QString& line = lines.at(i);
        if (line.startsWith(QStringLiteral("Random ")) && line.contains(QStringLiteral("-> Run "))) {
            const Tick from = Tick(out.spans.size()) * out.quantum;
            out.spans.append({from, from + out.quantum, i, i});
        } else if (!out.spans.isEmpty() && out.spans.last().lastLine == i - 1 && !line.trimmed().isEmpty()) {
            out.spans.last().lastLine = i;
        }
    }
}

} // namespace

std::optional<Span> TextTimeline::spanAt(Tick t) const
{
    const auto after = std::upper_bound(
        spans.begin(), spans.end(), t, [](Tick tick, const Span& s) { return tick < s.from; });
    if (after == spans.begin())
        return std::nullopt;
    const Span& s = *std::prev(after);
    return t < s.to ? std::optional<Span>(s) : std::nullopt;
}

int TextTimeline::futureFrom(Tick t) const
{
    if (spans.isEmpty())
        return -1;
    const auto after = std::upper_bound(
        spans.begin(), spans.end(), t, [](Tick tick, const Span& s) { return tick < s.from; });
    if (after != spans.end())
        return after->firstLine;
    return t < spans.last().to ? spans.last().lastLine + 1 : -1;
}

TextTimeline parseTextTimeline(const QString& text)
{
    static const QRegularExpression processRunHeader(QStringLiteral("^Time\\s+PID: 0"));
    static const QRegularExpression tickTableHeader(QStringLiteral("^\\s*tick\\s"));
    const QStringList lines = text.split(QLatin1Char('\n'));
    TextTimeline out;
    for (int i = 0; i < lines.size(); ++i) {
        const QString& line = lines.at(i);
        if (processRunHeader.match(line).hasMatch()) {
            out.kind = Kind::ProcessRun;
            tableRows(lines, i, 1, out);
            return out;
        }
        if (tickTableHeader.match(line).hasMatch()) {
            out.kind = Kind::TickTable;
            tableRows(lines, i, 0, out);
            return out;
        }
        if (line == QStringLiteral("** Solutions **")) { // scheduler.py's too; lottery.py's has tickets
            bool lottery = false;
            for (int j = 0; j < i && !lottery; ++j)
                lottery = lines.at(j).startsWith(QStringLiteral("ARG maxticket "));
            if (lottery) {
                out.kind = Kind::Lottery;
                lotteryBlocks(lines, i, out);
                return out;
            }
        }
    }
    timeStamped(lines, out);
    if (!out.spans.isEmpty())
        out.kind = Kind::TimeStamped;
    return out;
}

} // namespace procscope::ui
