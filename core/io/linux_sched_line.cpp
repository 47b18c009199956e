#include "core/io/linux_sched_line.h"

#include "core/io/linux_sched_payload.h"
#include "core/io/linux_sched_text.h"

#include <algorithm>
#include <array>
#include <optional>

namespace procscope {

using namespace sched_text;

namespace {

// `seconds.fraction` (any number of fraction digits up to 9: µs by default, ns with -t/--ns) or a
// raw integer count of a non-time clock. Empty optional: not a timestamp at all.
std::optional<bool> parseTimestamp(sv token, Tick& ns, std::string& error)
{
    const bool negative = !token.empty() && token.front() == '-';
    if (negative)
        token.remove_prefix(1);
    const auto dot = token.find('.');
    const sv whole = token.substr(0, dot);
    const sv fraction = dot == sv::npos ? sv{} : token.substr(dot + 1);
    if (!allDigits(whole) || (dot != sv::npos && !allDigits(fraction)))
        return std::nullopt;
    if (negative) {
        error = "timestamp -" + std::string(token) + " is negative";
        return false;
    }
    const auto seconds = unsignedValue(whole);
    if (dot == sv::npos) { // a raw clock count
        if (!seconds || *seconds > kMaxSchedSeconds * 1'000'000'000) {
            error = "timestamp " + quoted(token) + " is out of range";
            return false;
        }
        ns = *seconds;
        return true;
    }
    if (!seconds || *seconds > kMaxSchedSeconds || fraction.size() > 9) {
        error = "timestamp " + quoted(token) + " is out of range (at most " +
                std::to_string(kMaxSchedSeconds) + " s, 9 decimals)";
        return false;
    }
    std::int64_t frac = 0;
    for (std::size_t i = 0; i < 9; ++i)
        frac = frac * 10 + (i < fraction.size() ? fraction[i] - '0' : 0);
    ns = *seconds * 1'000'000'000 + frac;
    return true;
}

// ftrace's latency flags: irqs-off, need-resched, hard/softirq, preempt depth, migrate-disable.
bool isFlags(sv s)
{
    if (s.size() < 4 || s.size() > 6)
        return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return c == '.' || isDigit(c) || (c >= 'a' && c <= 'f') ||
               std::string_view("DXBNnpPHhsSZz").find(c) != sv::npos;
    });
}

// `[002]`
std::optional<int> cpuToken(sv s)
{
    if (s.size() < 3 || s.front() != '[' || s.back() != ']')
        return std::nullopt;
    const auto v = unsignedValue(s.substr(1, s.size() - 2));
    if (!v || *v >= kMaxSchedCpus)
        return std::nullopt;
    return static_cast<int>(*v);
}

// What comes before the timestamp: `comm-pid [cpu] flags` (trace-cmd, ftrace), `comm-pid cpuflags`
// (trace-cmd -l), `comm tid [cpu]` or `comm pid/tid [cpu]` (perf). Comms may hold anything.
bool parseHeader(sv header, SchedLine& line)
{
    header = trim(header);
    std::size_t at = 0;
    sv token = lastToken(header, &at);
    if (isFlags(token) && at > 0 && cpuToken(lastToken(header.substr(0, at)))) {
        header = trim(header.substr(0, at));
        token = lastToken(header, &at);
    }
    if (const auto cpu = cpuToken(token)) {
        line.cpu = *cpu;
        header = trim(header.substr(0, at));
    } else if (!token.empty() && isDigit(token.front()) && at > 0) {
        std::size_t digits = 0;
        while (digits < token.size() && isDigit(token[digits]))
            ++digits;
        const auto cpu = unsignedValue(token.substr(0, digits));
        if (digits < token.size() && isFlags(token.substr(digits)) && cpu && *cpu < kMaxSchedCpus) {
            line.cpu = static_cast<int>(*cpu);
            header = trim(header.substr(0, at));
        }
    }
    if (header.empty())
        return true; // perf -F without comm and tid
    token = lastToken(header, &at);
    sv pidText;
    if (const auto slash = token.find('/'); slash != sv::npos && allDigits(token.substr(0, slash))) {
        line.perf = true; // perf -F pid,tid: `pid/tid`
        pidText = token.substr(slash + 1);
        line.current.comm = trim(header.substr(0, at));
    } else if (allDigits(token)) {
        line.perf = true;
        pidText = token;
        line.current.comm = trim(header.substr(0, at));
    } else {
        const auto dash = header.rfind('-');
        if (dash == sv::npos)
            return setError(line, "expected `comm-pid [cpu] timestamp: event: fields` (trace-cmd) or "
                                  "`comm tid [cpu] timestamp: sched:event: fields` (perf)");
        pidText = header.substr(dash + 1);
        line.current.comm = trim(header.substr(0, dash));
    }
    return parsePid(pidText, line.current.pid, line, "pid");
}

SchedEventKind kindOf(sv name)
{
    struct Entry {
        sv name;
        SchedEventKind kind;
    };
    static constexpr std::array<Entry, 9> kinds{{{"sched_switch", SchedEventKind::Switch},
        {"sched_waking", SchedEventKind::Waking}, {"sched_wakeup", SchedEventKind::Wakeup},
        {"sched_wakeup_new", SchedEventKind::WakeupNew}, {"sched_process_fork", SchedEventKind::Fork},
        {"sched_process_exec", SchedEventKind::Exec}, {"sched_process_exit", SchedEventKind::Exit},
        {"sched_process_free", SchedEventKind::Free}, {"sched_migrate_task", SchedEventKind::Migrate}}};
    for (const Entry& e : kinds)
        if (e.name == name)
            return e.kind;
    return SchedEventKind::Other;
}

// Lines that are not events: headers, markers of dropped events, comments, call chains.
bool specialLine(sv line, SchedLine& out)
{
    const sv t = trim(line);
    if (t.empty() || line.front() == '\t') // perf call-chain lines are tab-indented
        return true;
    if (t.front() == '#') {
        // ftrace: `# entries-in-buffer/entries-written: 8/8   #P:4`; perf: `# nrcpus avail : 8`
        const auto p = t.find("#P:");
        const auto n = t.find("nrcpus avail :");
        sv digits = p != sv::npos ? t.substr(p + 3) : n != sv::npos ? trim(t.substr(n + 14)) : sv{};
        digits = digits.substr(0, digits.find(' '));
        if (const auto v = unsignedValue(digits); v && *v > 0 && *v <= kMaxSchedCpus) {
            out.type = SchedLine::Type::Header;
            out.cpus = static_cast<int>(*v);
        }
        return true;
    }
    if (t.starts_with("cpus=")) {
        if (const auto v = unsignedValue(t.substr(5)); v && *v > 0 && *v <= kMaxSchedCpus) {
            out.type = SchedLine::Type::Header;
            out.cpus = static_cast<int>(*v);
            return true;
        }
        return false;
    }
    if (t.starts_with("version = ") || (t.starts_with("CPU ") && t.ends_with(" is empty")))
        return true;
    if (t.starts_with("CPU:") && t.find("[SUBBUFFER START]") != sv::npos)
        return true;
    // trace-cmd: `CPU:3 [12 EVENTS DROPPED]`, `CPU:3 [EVENTS DROPPED]`; ftrace: `CPU:3 [LOST 12 EVENTS]`
    if (t.starts_with("CPU:") && (t.ends_with("EVENTS DROPPED]") || t.ends_with(" EVENTS]"))) {
        const auto space = t.find(' ');
        const auto cpu = unsignedValue(t.substr(4, space - 4));
        if (!cpu || *cpu >= kMaxSchedCpus)
            return false;
        out.type = SchedLine::Type::Lost;
        out.cpu = static_cast<int>(*cpu);
        sv count = t.substr(space + 2);
        if (count.starts_with("LOST "))
            count.remove_prefix(5);
        out.lostCount =
            static_cast<std::uint64_t>(unsignedValue(count.substr(0, count.find(' '))).value_or(0));
        return true;
    }
    return false;
}

// The timestamp is the first `number:` preceded by a space whose left side reads as a header; a
// comm may hold such text too, so a few candidates are tried. Returns the offset after the colon.
std::optional<std::size_t> locateTime(sv text, SchedLine& line)
{
    std::string timeError;
    std::string headerError;
    std::size_t from = 0;
    for (int attempt = 0; attempt < 8;) {
        const auto colon = text.find(':', from);
        if (colon == sv::npos)
            break;
        from = colon + 1;
        if (colon + 1 < text.size() && text[colon + 1] != ' ' && text[colon + 1] != '\t')
            continue;
        std::size_t start = colon;
        while (start > 0 && !isSpace(text[start - 1]))
            --start;
        const auto ok = parseTimestamp(text.substr(start, colon - start), line.ns, timeError);
        if (!ok.has_value())
            continue;
        ++attempt;
        SchedLine probe;
        if (!parseHeader(text.substr(0, start), probe)) {
            if (headerError.empty())
                headerError = std::move(probe.error);
            continue;
        }
        if (!*ok) {
            setError(line, timeError);
            return std::nullopt;
        }
        line.cpu = probe.cpu;
        line.perf = probe.perf;
        line.current = probe.current;
        line.hasTime = true;
        return colon + 1;
    }
    if (!timeError.empty())
        setError(line, std::move(timeError));
    else if (!headerError.empty())
        setError(line, std::move(headerError));
    else
        setError(line, "expected `comm-pid [cpu] timestamp: event: fields` (trace-cmd) or "
                       "`comm tid [cpu] timestamp: sched:event: fields` (perf)");
    return std::nullopt;
}

} // namespace

SchedLine parseSchedLine(sv text)
{
    SchedLine line;
    if (specialLine(text, line))
        return line;
    if (text.find("PERF_RECORD_LOST") != sv::npos) { // perf script --show-lost-events
        line.type = SchedLine::Type::Lost;
        SchedLine probe;
        if (locateTime(text, probe)) {
            line.hasTime = true;
            line.ns = probe.ns;
            line.cpu = probe.cpu;
        }
        const auto lost = text.rfind("lost ");
        if (lost != sv::npos)
            line.lostCount = static_cast<std::uint64_t>(unsignedValue(wordAt(text, lost + 5)).value_or(0));
        return line;
    }
    const auto after = locateTime(text, line);
    if (!after)
        return line;
    sv rest = trim(text.substr(*after));
    if (rest.starts_with("(+")) // trace-cmd --ts-diff
        rest = trim(rest.substr(std::min(rest.size(), rest.find(')') + 1)));
    sv token = wordAt(rest, 0);
    if (allDigits(token)) { // perf: the sample period of a non-tracepoint event
        rest = trim(rest.substr(token.size()));
        token = wordAt(rest, 0);
    }
    if (token.size() < 2 || token.back() != ':') {
        setError(line, "expected an event name and ':' after the timestamp, got " + quoted(token));
        return line;
    }
    sv name = token.substr(0, token.size() - 1);
    if (name.starts_with("sched:")) {
        name.remove_prefix(6);
        line.perf = true;
    } else if (name.find(':') != sv::npos) {
        line.perf = true;
    }
    line.eventName = name;
    line.kind = kindOf(name);
    line.type = SchedLine::Type::Event;
    if (!parseSchedPayload(trim(rest.substr(token.size())), line)) {
        line.error = std::string(name) + ": " + line.error;
        line.type = SchedLine::Type::Error;
    }
    return line;
}

} // namespace procscope
