#include "ui/models/decision_text.h"

#include "core/model/workload.h"

#include <optional>

namespace procscope::ui {

namespace {

std::string num(std::int64_t v)
{
    return std::to_string(v);
}

std::optional<PolicyKind> policyOf(const Trace& trace)
{
    return policyFromName(trace.meta.policy);
}

std::string policyPrefix(const Trace& trace)
{
    return trace.meta.policy.empty() ? std::string() : trace.meta.policy + ": ";
}

bool isLinuxTrace(const Trace& trace)
{
    return trace.meta.source == "trace-cmd" || trace.meta.source == "perf";
}

std::string deviceLabel(const Trace& trace, std::int32_t device)
{
    if (device >= 0 && static_cast<std::size_t>(device) < trace.meta.devices.size())
        return trace.meta.devices[static_cast<std::size_t>(device)];
    return "device " + num(device);
}

std::string ticks(std::int64_t n)
{
    return num(n) + (n == 1 ? " tick" : " ticks");
}

// Another process that was ready at `at` with ready-queue key `key` (SJF and STCF key the queue by
// the burst left), so "next best 7" can name who had 7: preferably one still ready after that tick,
// else one that was ready at some moment of it (another CPU may have taken it since). -1: none.
ProcIndex readyWithKey(const Trace& trace, Tick at, ProcIndex except, std::int32_t key)
{
    auto readyWith = [key](const ProcessTrack& track, std::size_t k) {
        return track.state(k) == ProcessState::Ready && track.aux(k) == key;
    };
    ProcIndex during = -1;
    for (ProcIndex q = 0; q < static_cast<ProcIndex>(trace.processCount()); ++q) {
        if (q == except)
            continue;
        const auto& track = trace.track(q);
        auto k = track.indexAt(at);
        if (k == ProcessTrack::npos)
            continue;
        if (readyWith(track, k))
            return q;
        for (; during < 0; --k) {
            if (readyWith(track, k))
                during = q;
            if (k == 0 || track.at(k) < at)
                break;
        }
    }
    return during;
}

bool othersReady(const Trace& trace, Tick at, ProcIndex except)
{
    for (ProcIndex q = 0; q < static_cast<ProcIndex>(trace.processCount()); ++q) {
        if (q != except && trace.track(q).stateAt(at) == ProcessState::Ready)
            return true;
    }
    return false;
}

// "P2 remaining 3 < P1 remaining 7" for SJF (what = "burst") and STCF (what = "remaining").
std::string shortestText(const Trace& trace, std::string_view policy, std::string_view what, Tick at,
    ProcIndex p, std::int32_t a, std::int32_t b)
{
    std::string text =
        std::string(policy) + ": " + processLabel(trace, p) + " " + std::string(what) + " " + num(a);
    if (b < 0)
        return text + " (nobody else is ready)";
    const ProcIndex other = readyWithKey(trace, at, p, b);
    const std::string rel = a < b ? " < " : a == b ? " = " : " > ";
    if (other < 0)
        return text + rel + "next best " + num(b);
    text += rel + processLabel(trace, other) + " " + std::string(what) + " " + num(b);
    if (a == b)
        text += " (a tie: the earlier one runs)";
    return text;
}

// The Ready record from which the process was dispatched at `at`.
std::optional<std::size_t> readyRecordBefore(const ProcessTrack& track, Tick at)
{
    auto k = track.indexAt(at);
    while (k != ProcessTrack::npos) {
        if (track.state(k) == ProcessState::Ready)
            return k;
        if (k == 0)
            break;
        --k;
    }
    return std::nullopt;
}

// The MLFQ queue a process was in when a decision at `at` chose it: the level of its dispatch at
// that tick; else (dispatch folded away, or a context switch first) of the record in effect then,
// but before a priority boost at the same tick (a boost comes after the decisions of expiring slices).
int levelAtDecision(const ProcessTrack& track, Tick at)
{
    auto last = track.indexAt(at);
    if (last == ProcessTrack::npos)
        return 0;
    auto first = last;
    while (first > 0 && track.at(first - 1) == at)
        --first;
    for (auto k = first; k <= last && track.at(k) == at; ++k)
        if (track.cause(k) == Cause::Dispatched)
            return track.level(k);
    for (auto k = first; k <= last && track.at(k) == at; ++k)
        if (track.cause(k) == Cause::Boosted)
            return k > 0 ? track.level(k - 1) : track.level(k);
    return track.level(last);
}

std::string sliceExpiredText(const Trace& trace, ProcIndex p, std::size_t k)
{
    const auto& track = trace.track(p);
    const std::string who = processLabel(trace, p);
    switch (policyOf(trace).value_or(PolicyKind::Fifo)) {
    case PolicyKind::RoundRobin:
        return "quantum expired: RR moves " + who + " to the tail of the ready queue";
    case PolicyKind::Mlfq: {
        const int level = track.level(k);
        const int before = k > 0 ? track.level(k - 1) : level;
        if (level > before)
            return "allotment used up: MLFQ moves " + who + " down to " + queueLabel(trace, level);
        return "quantum expired: " + who + " goes to the tail of " + queueLabel(trace, level);
    }
    case PolicyKind::Cfs:
        return "time slice used: " + who + " goes back into the run queue";
    case PolicyKind::Lottery:
    case PolicyKind::Stride:
        return "time slice used: " + who + " goes back among the ready processes";
    default:
        return "time slice used: " + who + " goes back to the ready queue";
    }
}

std::string preemptedText(const Trace& trace)
{
    switch (policyOf(trace).value_or(PolicyKind::Fifo)) {
    case PolicyKind::Stcf:
        return "preempted: a job with less time left is ready (STCF)";
    case PolicyKind::Priority:
        return "preempted: a more important process is ready";
    case PolicyKind::Mlfq:
        return "preempted: a process in a higher queue is ready (MLFQ)";
    case PolicyKind::Cfs:
        return "preempted: another process has run less (smaller vruntime)";
    default:
        return "preempted: another process takes the CPU";
    }
}

} // namespace

std::string processLabel(const Trace& trace, ProcIndex process)
{
    if (process < 0 || static_cast<std::size_t>(process) >= trace.processCount())
        return "?";
    return "P" + num(trace.info(process).pid);
}

std::string queueLabel(const Trace& trace, int level)
{
    const int levels = trace.meta.mlfqLevels;
    if (levels <= 0)
        return "the ready queue";
    std::string text = "queue " + num(level);
    if (level == 0)
        text += " (top)";
    else if (level == levels - 1)
        text += " (bottom)";
    return text;
}

ProcIndex decisionProcess(const Trace& trace, int cpu, std::size_t record)
{
    const auto& track = trace.cpu(cpu);
    if (record >= track.size())
        return -1;
    const ProcIndex p = track.proc(record);
    if (p == kCpuSwitch && record + 1 < track.size() && track.proc(record + 1) >= 0)
        return track.proc(record + 1);
    return p >= 0 ? p : -1;
}

std::string describeDecision(const Trace& trace, int cpu, std::size_t record)
{
    if (cpu < 0 || cpu >= trace.cpuCount() || record >= trace.cpu(cpu).size())
        return {};
    const auto& track = trace.cpu(cpu);
    const Reason reason = track.reason(record);
    const std::int32_t a = track.a(record);
    const std::int32_t b = track.b(record);
    const Tick at = track.at(record);
    const ProcIndex p = decisionProcess(trace, cpu, record);
    const std::string who = p >= 0 ? processLabel(trace, p) : std::string("nobody");

    switch (reason) {
    case Reason::None:
        return {};
    case Reason::OnlyCandidate:
        return policyPrefix(trace) + who + " is the only ready process";
    case Reason::Fifo: {
        if (p >= 0) {
            const auto k = readyRecordBefore(trace.track(p), at);
            if (k && trace.track(p).cause(*k) != Cause::Admitted)
                return "FIFO: " + who + " has waited longest in the ready queue";
        }
        return "FIFO: " + who + " arrived first";
    }
    case Reason::CyclicPick:
        if (a < 0)
            return "process-run: " + who + " is the first ready process";
        return "process-run: " + who + " is the next ready process after P" + num(a);
    case Reason::Sjf:
        return shortestText(trace, "SJF", "burst", at, p, a, b);
    case Reason::Stcf:
        return shortestText(trace, "STCF", "remaining", at, p, a, b);
    case Reason::RoundRobin:
        return "RR: " + who + " is at the head of the ready queue (quantum " + num(a) + ")";
    case Reason::SliceRenewed:
        return "RR: quantum expired but nobody else is ready: " + who + " continues";
    case Reason::Priority: {
        std::string text = "Priority: " + who + " has priority " + num(a);
        if (b == -1 && !othersReady(trace, at, p))
            return text + " (nobody else is ready)";
        return text + " (next best " + num(b) + ")";
    }
    case Reason::Mlfq:
    case Reason::MlfqBoost: {
        const int level = p >= 0 ? levelAtDecision(trace.track(p), at) : 0;
        if (reason == Reason::MlfqBoost)
            return "MLFQ boost: every process moves to " + queueLabel(trace, 0) + "; " + who +
                   " keeps the CPU with a fresh quantum of " + ticks(a);
        std::string text = "MLFQ: " + who + " is first in " + queueLabel(trace, level) + "; " + ticks(a) +
                           " left in its quantum";
        if (b > 1)
            text += ", " + num(b) + " quanta of allotment left";
        return text;
    }
    case Reason::Lottery:
        if (b <= 0)
            return "Lottery: nobody holds a ticket: " + who + " runs";
        return "Lottery: drew " + num(a) + " \u2192 winning ticket " + num(a % b) + " of " + num(b) +
               " \u2192 " + who;
    case Reason::Stride:
        return "Stride: " + who + " has the lowest pass, " + num(a) + " (stride " + num(b) + ")";
    case Reason::Cfs: {
        std::string text = "CFS: " + who + " has the smallest vruntime, " + num(a);
        if (b > 0)
            text += " (slice " + ticks(b) + ")";
        return text;
    }
    case Reason::IoImmediate:
        return "I/O done: " + who + " runs at once (IO_RUN_IMMEDIATE)";
    case Reason::HeldCpu:
        return "the CPU waited for " + who + "'s I/O (SWITCH_ON_END): " + who + " runs again";
    case Reason::Imported:
        return "recorded in the trace: " + who + " runs";
    }
    return {};
}

std::string describeChange(const Trace& trace, ProcIndex process, std::size_t record)
{
    if (process < 0 || static_cast<std::size_t>(process) >= trace.processCount())
        return {};
    const auto& track = trace.track(process);
    if (record >= track.size())
        return {};
    const std::string who = processLabel(trace, process);
    const ProcessInfo& info = trace.info(process);
    const std::int32_t aux = track.aux(record);
    const int level = track.level(record);

    switch (track.cause(record)) {
    case Cause::Created:
        if (info.parent >= 0)
            return "created by fork() in P" + num(info.parent);
        return "arrives";
    case Cause::Admitted:
        return "admitted: joins " + queueLabel(trace, level);
    case Cause::Dispatched:
        // Running again in the same instant (the trace folds the Ready in between away).
        if (record > 0 && track.state(record - 1) == ProcessState::Running) {
            if (trace.meta.mlfqLevels > 0 && level != track.level(record - 1))
                return "moves to " + queueLabel(trace, level) + " and is dispatched again at once, to CPU " +
                       num(aux);
            return "back to the ready queue and dispatched again at once, to CPU " + num(aux);
        }
        return "dispatched to CPU " + num(aux);
    case Cause::Preempted:
        return preemptedText(trace);
    case Cause::SliceExpired:
        return sliceExpiredText(trace, process, record);
    case Cause::IoStarted:
        // A Linux trace records why a task left the CPU, not which device it waits for.
        if (isLinuxTrace(trace))
            return aux == 0 ? "leaves the CPU in uninterruptible sleep (D), usually waiting for I/O"
                            : "leaves the CPU to sleep (S), waiting for an event";
        return "starts I/O on " + deviceLabel(trace, aux);
    case Cause::IoDone:
        if (isLinuxTrace(trace))
            return "woken up";
        if (record > 0 && track.state(record - 1) == ProcessState::Blocked && track.aux(record - 1) >= 0)
            return "I/O on " + deviceLabel(trace, track.aux(record - 1)) + " done";
        return "I/O done";
    case Cause::WaitChild:
        return "waits for a child (wait())";
    case Cause::ChildExited:
        return "a child exited: wait() returns";
    case Cause::Exited:
        return "exit (code " + num(info.exitCode) + ")";
    case Cause::Killed:
        return "killed";
    case Cause::Reaped:
        if (info.parent >= 0) {
            // An orphan (its parent exited first) is reaped by init, not by the parent.
            const auto parent = trace.indexOf(info.parent);
            const auto parentState = parent ? trace.track(*parent).stateAt(track.at(record)) : std::nullopt;
            if (parentState &&
                (*parentState == ProcessState::Zombie || *parentState == ProcessState::Terminated))
                return "reaped by init: its parent P" + num(info.parent) + " had exited (an orphan)";
            return "reaped by its parent P" + num(info.parent);
        }
        return "reaped by init";
    case Cause::Suspended:
        return "suspended";
    case Cause::Resumed:
        return "resumed";
    case Cause::IoDoneImmediate:
        return "I/O done: runs at once (IO_RUN_IMMEDIATE)";
    case Cause::Boosted:
        if (track.state(record) == ProcessState::Running)
            return "priority boost: keeps the CPU, now in " + queueLabel(trace, level);
        return "priority boost: back to " + queueLabel(trace, level);
    }
    return {};
}

} // namespace procscope::ui
