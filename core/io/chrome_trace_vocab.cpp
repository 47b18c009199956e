#include "core/io/chrome_trace_vocab.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace procscope::chrome {

namespace {

// Lower case, with '_', '-' and runs of spaces folded to one space: "I/O_wait" -> "i/o wait".
std::string normalized(std::string_view name)
{
    std::string out;
    for (const char ch : name) {
        const char c =
            (ch == '_' || ch == '-') ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (c == ' ' && (out.empty() || out.back() == ' '))
            continue;
        out += c;
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

struct NamedState {
    std::string_view name;
    ProcessState state;
    std::int32_t aux;
};

// Blocked on I/O is device 0 of an imported trace ("I/O"); sleeping is a wait without a device.
constexpr NamedState kStateNames[] = {
    {"running", ProcessState::Running, -1},
    {"on cpu", ProcessState::Running, -1},
    {"ready", ProcessState::Ready, 0},
    {"runnable", ProcessState::Ready, 0},
    {"runnable (preempted)", ProcessState::Ready, 0},
    {"preempted", ProcessState::Ready, 0},
    {"waiting for cpu", ProcessState::Ready, 0},
    {"blocked", ProcessState::Blocked, 0},
    {"i/o wait", ProcessState::Blocked, 0},
    {"io wait", ProcessState::Blocked, 0},
    {"iowait", ProcessState::Blocked, 0},
    {"io", ProcessState::Blocked, 0},
    {"i/o", ProcessState::Blocked, 0},
    {"uninterruptible", ProcessState::Blocked, 0},
    {"uninterruptible sleep", ProcessState::Blocked, 0},
    {"disk sleep", ProcessState::Blocked, 0},
    {"sleeping", ProcessState::Blocked, -1},
    {"sleep", ProcessState::Blocked, -1},
    {"interruptible sleep", ProcessState::Blocked, -1},
    {"waiting", ProcessState::Blocked, -1},
    {"wait", ProcessState::Blocked, -1},
    {"new", ProcessState::New, 0},
    {"created", ProcessState::New, 0},
    {"suspended", ProcessState::Suspended, 0},
    {"stopped", ProcessState::Suspended, 0},
    {"zombie", ProcessState::Zombie, 0},
    {"exit (zombie)", ProcessState::Zombie, 0},
    {"terminated", ProcessState::Terminated, 0},
    {"dead", ProcessState::Terminated, 0},
    {"exited", ProcessState::Terminated, 0},
    {"unknown", ProcessState::Unknown, 0},
    {"?", ProcessState::Unknown, 0},
};

constexpr NamedState kStateColors[] = {
    {"thread_state_running", ProcessState::Running, -1},
    {"thread_state_runnable", ProcessState::Ready, 0},
    {"thread_state_iowait", ProcessState::Blocked, 0},
    {"thread_state_uninterruptible", ProcessState::Blocked, 0},
    {"thread_state_sleeping", ProcessState::Blocked, -1},
    {"thread_state_unknown", ProcessState::Unknown, 0},
};

constexpr std::array<std::string_view, 5> kEventKinds{
    "Boost", "PolicyChanged", "Command", "TickLimit", "Warning"};

std::string num(std::int64_t v)
{
    return std::to_string(v);
}

std::string label(const Trace& trace, ProcIndex p)
{
    if (p < 0 || static_cast<std::size_t>(p) >= trace.processCount())
        return "nobody";
    return "P" + num(trace.info(p).pid);
}

std::string ticks(std::int64_t n)
{
    return num(n) + (n == 1 ? " tick" : " ticks");
}

// "SJF: P2 burst 3 (next best 7)".
std::string shortest(
    std::string_view policy, std::string_view what, const std::string& who, std::int32_t a, std::int32_t b)
{
    std::string text = std::string(policy) + ": " + who + " " + std::string(what) + " " + num(a);
    return text + (b < 0 ? " (nobody else is ready)" : " (next best " + num(b) + ")");
}

} // namespace

std::string_view stateColor(ProcessState state, std::int32_t aux)
{
    switch (state) {
    case ProcessState::Running:
        return "thread_state_running";
    case ProcessState::Ready:
        return "thread_state_runnable";
    case ProcessState::Blocked:
        return aux >= 0 ? "thread_state_iowait" : "thread_state_sleeping";
    case ProcessState::Suspended:
        return "yellow";
    case ProcessState::Zombie:
        return "grey";
    case ProcessState::Terminated:
        return "white";
    case ProcessState::New:
    case ProcessState::Unknown:
        break;
    }
    return "thread_state_unknown";
}

std::optional<ImportedState> stateFromSliceName(std::string_view name)
{
    if (name.empty() || name.size() > 32)
        return std::nullopt;
    const std::string key = normalized(name);
    for (const auto& s : kStateNames)
        if (s.name == key)
            return ImportedState{s.state, s.aux};
    return std::nullopt;
}

std::optional<ImportedState> stateFromColor(std::string_view cname)
{
    for (const auto& s : kStateColors)
        if (s.name == cname)
            return ImportedState{s.state, s.aux};
    return std::nullopt;
}

std::string_view eventKindName(SystemEvent::Kind kind)
{
    const auto i = static_cast<std::size_t>(kind);
    return i < kEventKinds.size() ? kEventKinds[i] : std::string_view("Warning");
}

std::optional<SystemEvent::Kind> eventKindFromName(std::string_view name)
{
    const auto it = std::find(kEventKinds.begin(), kEventKinds.end(), name);
    if (it == kEventKinds.end())
        return std::nullopt;
    return static_cast<SystemEvent::Kind>(it - kEventKinds.begin());
}

std::string_view phaseDescription(char phase)
{
    switch (phase) {
    case 's':
    case 't':
    case 'f':
        return "flow arrows";
    case 'b':
    case 'n':
    case 'e':
    case 'S':
    case 'T':
    case 'p':
    case 'F':
        return "async slices";
    case 'N':
    case 'O':
    case 'D':
        return "object snapshots";
    case 'P':
        return "samples";
    case 'R':
        return "marks";
    case 'c':
        return "clock sync";
    case 'v':
    case 'V':
        return "memory dumps";
    default:
        return "unknown phase";
    }
}

std::string decisionText(const Trace& trace, int cpu, std::size_t record)
{
    if (cpu < 0 || cpu >= trace.cpuCount() || record >= trace.cpu(cpu).size())
        return {};
    const CpuTrack& lane = trace.cpu(cpu);
    ProcIndex p = lane.proc(record);
    // A context switch carries the decision; the process it switches to is the next record.
    if (p == kCpuSwitch && record + 1 < lane.size())
        p = lane.proc(record + 1);
    const std::string who = label(trace, p);
    const std::int32_t a = lane.a(record);
    const std::int32_t b = lane.b(record);
    switch (lane.reason(record)) {
    case Reason::None:
        return {};
    case Reason::OnlyCandidate:
        return who + " is the only ready process";
    case Reason::Fifo:
        return "FIFO: " + who + " has waited longest in the ready queue";
    case Reason::CyclicPick:
        return a < 0 ? "process-run: " + who + " is the first ready process"
                     : "process-run: " + who + " is the next ready process after P" + num(a);
    case Reason::Sjf:
        return shortest("SJF", "burst", who, a, b);
    case Reason::Stcf:
        return shortest("STCF", "remaining", who, a, b);
    case Reason::RoundRobin:
        return "RR: " + who + " is at the head of the ready queue (quantum " + num(a) + ")";
    case Reason::SliceRenewed:
        return "RR: quantum expired but nobody else is ready: " + who + " continues";
    case Reason::Priority:
        return "Priority: " + who + " has priority " + num(a) +
               (b == -1 ? std::string(" (nobody better is ready)") : " (next best " + num(b) + ")");
    case Reason::Mlfq:
        return "MLFQ: " + who + " is first in the highest non-empty queue; " + ticks(a) +
               " left in its quantum" + (b > 1 ? ", " + num(b) + " quanta of allotment left" : "");
    case Reason::MlfqBoost:
        return "MLFQ boost: " + who + " keeps the CPU with a fresh quantum of " + ticks(a);
    case Reason::Lottery:
        if (b <= 0)
            return "Lottery: nobody holds a ticket: " + who + " runs";
        return "Lottery: drew " + num(a) + ", winning ticket " + num(a % b) + " of " + num(b) + ": " + who;
    case Reason::Stride:
        return "Stride: " + who + " has the lowest pass, " + num(a) + " (stride " + num(b) + ")";
    case Reason::Cfs:
        return "CFS: " + who + " has the smallest vruntime, " + num(a) +
               (b > 0 ? " (slice " + ticks(b) + ")" : "");
    case Reason::IoImmediate:
        return "I/O done: " + who + " runs at once (IO_RUN_IMMEDIATE)";
    case Reason::HeldCpu:
        return "the CPU waited for " + who + "'s I/O (SWITCH_ON_END): " + who + " runs again";
    case Reason::Imported:
        return "recorded in the trace: " + who + " runs";
    }
    return {};
}

} // namespace procscope::chrome
