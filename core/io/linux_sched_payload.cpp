#include "core/io/linux_sched_payload.h"

#include "core/io/linux_sched_text.h"

namespace procscope {

using namespace sched_text;

namespace {

// Finds `key=` at the start of text or after a space, at or after `from`; returns where its value
// begins, or npos.
std::size_t valueOf(sv text, sv key, std::size_t from)
{
    while (from < text.size()) {
        const auto k = text.find(key, from);
        if (k == sv::npos)
            return sv::npos;
        const std::size_t end = k + key.size();
        if ((k == 0 || text[k - 1] == ' ') && end < text.size() && text[end] == '=')
            return end + 1;
        from = k + 1;
    }
    return sv::npos;
}

// Reads `key=value` fields left to right. String values run up to the next expected key (a comm
// may hold spaces); numbers end at the next space.
class Fields {
public:
    Fields(sv text, SchedLine& line, sv layout)
        : m_text(text)
        , m_line(line)
        , m_layout(layout)
    { }
    bool str(sv key, sv nextKey, sv& out)
    {
        const auto v = valueOf(m_text, key, m_at);
        if (v == sv::npos)
            return missing(key);
        const auto next = valueOf(m_text, nextKey, v);
        if (next == sv::npos)
            return missing(nextKey);
        const std::size_t keyStart = next - nextKey.size() - 1; // after the space before it
        out = trim(m_text.substr(v, keyStart - 1 - v));
        m_at = keyStart;
        return true;
    }
    std::optional<sv> word(sv key)
    {
        const auto v = valueOf(m_text, key, m_at);
        if (v == sv::npos) {
            missing(key);
            return std::nullopt;
        }
        m_at = v;
        return wordAt(m_text, v);
    }
    bool pid(sv key, Pid& out)
    {
        const auto w = word(key);
        return w && parsePid(*w, out, m_line, key);
    }
    bool prio(sv key, int& out)
    {
        const auto w = word(key);
        return w && parsePrio(*w, out, m_line, key);
    }

private:
    bool missing(sv key)
    {
        return setError(m_line, "no " + std::string(key) + "=; expected " + std::string(m_layout));
    }
    sv m_text;
    SchedLine& m_line;
    sv m_layout;
    std::size_t m_at = 0;
};

// `comm:pid [prio]`, the libtraceevent plugin's way of naming a task.
bool pluginTask(sv text, SchedTask& task, SchedLine& line)
{
    text = trim(text);
    std::size_t at = 0;
    const sv prio = lastToken(text, &at);
    if (prio.size() < 3 || prio.front() != '[' || prio.back() != ']')
        return setError(line, "expected `comm:pid [prio]`, got " + quoted(text));
    const sv name = trim(text.substr(0, at));
    const auto colon = name.rfind(':');
    if (colon == sv::npos)
        return setError(line, "expected `comm:pid [prio]`, got " + quoted(text));
    task.comm = name.substr(0, colon);
    return parsePid(name.substr(colon + 1), task.pid, line, "pid") &&
           parsePrio(prio.substr(1, prio.size() - 2), task.prio, line, "prio");
}

constexpr sv kSwitchLayout = "`prev_comm=... prev_pid=... prev_prio=... prev_state=... ==> next_comm=... "
                             "next_pid=... next_prio=...` or `prev:pid [prio] S ==> next:pid [prio]`";

bool parseSwitch(sv text, SchedLine& line)
{
    if (valueOf(text, "prev_comm", 0) != sv::npos) {
        Fields f(text, line, kSwitchLayout);
        sv state;
        if (!f.str("prev_comm", "prev_pid", line.a.comm) || !f.pid("prev_pid", line.a.pid) ||
            !f.prio("prev_prio", line.a.prio) || !f.str("prev_state", "next_comm", state) ||
            !f.str("next_comm", "next_pid", line.b.comm) || !f.pid("next_pid", line.b.pid) ||
            !f.prio("next_prio", line.b.prio))
            return false;
        if (state.ends_with("==>"))
            state = trim(state.substr(0, state.size() - 3));
        line.prevState = decodePrevState(state);
        return true;
    }
    // Plugin style; a comm may itself hold " ==> ", so try each arrow (a few at most).
    std::size_t from = 0;
    std::string firstError;
    for (int attempt = 0; attempt < 4; ++attempt) {
        const auto arrow = text.find(" ==> ", from);
        if (arrow == sv::npos)
            break;
        from = arrow + 1;
        std::size_t at = 0;
        const sv left = trim(text.substr(0, arrow));
        const sv state = lastToken(left, &at);
        SchedLine probe;
        if (pluginTask(left.substr(0, at), line.a, probe) &&
            pluginTask(text.substr(arrow + 5), line.b, probe)) {
            line.prevState = decodePrevState(state);
            return true;
        }
        if (firstError.empty())
            firstError = std::move(probe.error);
    }
    return setError(line, firstError.empty() ? "expected " + std::string(kSwitchLayout) : firstError);
}

bool parseWakeup(sv text, SchedLine& line)
{
    if (text.starts_with("comm=")) {
        Fields f(text, line, "`comm=... pid=... prio=... target_cpu=...`");
        return f.str("comm", "pid", line.a.comm) && f.pid("pid", line.a.pid) && f.prio("prio", line.a.prio);
    }
    // Plugin style: `comm:pid [prio] success=1 CPU:002` (success= only on old kernels).
    std::size_t from = 0;
    std::string firstError;
    for (int attempt = 0; attempt < 4; ++attempt) {
        const auto open = text.find(" [", from);
        if (open == sv::npos)
            break;
        from = open + 1;
        const auto close = text.find(']', open);
        SchedLine probe;
        if (close != sv::npos && pluginTask(text.substr(0, close + 1), line.a, probe))
            return true;
        if (firstError.empty())
            firstError = std::move(probe.error);
    }
    return setError(
        line, firstError.empty()
                  ? "expected `comm=... pid=... prio=... target_cpu=...` or `comm:pid [prio] CPU:nnn`"
                  : firstError);
}

} // namespace

bool parseSchedPayload(sv text, SchedLine& line)
{
    switch (line.kind) {
    case SchedEventKind::Switch:
        return parseSwitch(text, line);
    case SchedEventKind::Waking:
    case SchedEventKind::Wakeup:
    case SchedEventKind::WakeupNew:
        return parseWakeup(text, line);
    case SchedEventKind::Fork: {
        Fields f(text, line, "`comm=... pid=... child_comm=... child_pid=...`");
        return f.str("comm", "pid", line.a.comm) && f.pid("pid", line.a.pid) &&
               f.str("child_comm", "child_pid", line.b.comm) && f.pid("child_pid", line.b.pid);
    }
    case SchedEventKind::Exec: {
        Fields f(text, line, "`filename=... pid=... old_pid=...`");
        sv file;
        if (!f.str("filename", "pid", file) || !f.pid("pid", line.a.pid))
            return false;
        // The new comm: the line's own task after exec, or the program's base name.
        line.a.comm = line.current.pid == line.a.pid ? line.current.comm : file.substr(file.rfind('/') + 1);
        return true;
    }
    case SchedEventKind::Exit:
    case SchedEventKind::Free:
    case SchedEventKind::Migrate: {
        Fields f(text, line, "`comm=... pid=... prio=...`");
        return f.str("comm", "pid", line.a.comm) && f.pid("pid", line.a.pid) && f.prio("prio", line.a.prio);
    }
    default:
        return true;
    }
}

PrevState decodePrevState(sv text)
{
    text = trim(text);
    if (text.empty())
        return PrevState::Unknown;
    if (isDigit(text.front())) { // trace-cmd -R: the kernel's bits (4.14 and later), maybe in hex
        std::int64_t v = 0;
        if (text.starts_with("0x")) {
            for (char c : text.substr(2)) {
                const int d = isDigit(c)                               ? c - '0'
                              : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10
                                                                       : -1;
                if (d < 0 || v > (std::int64_t{1} << 40))
                    return PrevState::Unknown;
                v = v * 16 + d;
            }
        } else if (const auto d = unsignedValue(text)) {
            v = *d;
        } else {
            return PrevState::Unknown;
        }
        if (v == 0)
            return PrevState::Runnable;
        if (v & 0x30)
            return PrevState::Dead;
        if (v & 0x02)
            return PrevState::DiskSleep;
        if (v & 0x0C)
            return PrevState::Stopped;
        if (v & 0xC1)
            return PrevState::Sleeping;
        return (v & 0x100) ? PrevState::Preempted : PrevState::Unknown;
    }
    if (text == "R+")
        return PrevState::Preempted;
    if (text == "R")
        return PrevState::Runnable;
    auto has = [&](char c) { return text.find(c) != sv::npos; };
    if (has('Z') || has('X'))
        return PrevState::Dead;
    if (has('D'))
        return PrevState::DiskSleep;
    if (has('T') || has('t'))
        return PrevState::Stopped;
    if (has('S') || has('I') || has('P') || has('W') || has('x') || has('K') || has('N'))
        return PrevState::Sleeping;
    return PrevState::Unknown;
}

} // namespace procscope
