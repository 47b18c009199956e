#include "core/io/linux_sched_rebuild.h"

#include <algorithm>

namespace procscope {

namespace {

using S = ProcessState;

// Spans the events do not determine carry this cause; views go by the state.
constexpr Cause kUnknownCause = Cause::Created;
// A CPU whose current task is not known yet (before its first sched_switch, after lost events).
constexpr ProcIndex kCpuUnknown = -100;
constexpr std::size_t kMaxListedLosses = 20;

struct Task {
    ProcessState state = S::Unknown;
    int cpu = -1;           // the CPU it runs on, while Running (or exiting on it)
    std::uint32_t name = 0; // the name table entry its name came from
};

class Rebuilder {
public:
    Rebuilder(Trace& trace, const std::vector<std::string_view>& names, Tick t0, const std::string& file,
        std::vector<std::string>& warnings)
        : m_trace(trace)
        , m_names(names)
        , m_t0(t0)
        , m_file(file)
        , m_warnings(warnings)
        , m_onCpu(static_cast<std::size_t>(trace.cpuCount()), kCpuUnknown)
        , m_lastOnCpu(static_cast<std::size_t>(trace.cpuCount()), -1)
    { }

    void add(const SchedRecord& r)
    {
        const Tick t = r.at - m_t0;
        if (r.kind != SchedEventKind::Switch && r.kind != SchedEventKind::Lost)
            currentTask(r, t);
        switch (r.kind) {
        case SchedEventKind::Switch:
            switched(r, t);
            break;
        case SchedEventKind::Waking:
        case SchedEventKind::Wakeup:
        case SchedEventKind::WakeupNew:
            woken(r, t);
            break;
        case SchedEventKind::Fork:
            forked(r, t);
            break;
        case SchedEventKind::Exec:
        case SchedEventKind::Migrate:
            mentioned(r.a, r.aName, r.aPrio, t);
            break;
        case SchedEventKind::Exit:
            if (const ProcIndex p = mentioned(r.a, r.aName, r.aPrio, t); p >= 0 && !gone(p))
                set(p, t, S::Zombie, Cause::Exited);
            break;
        case SchedEventKind::Free:
            if (const ProcIndex p = mentioned(r.a, r.aName, r.aPrio, t);
                p >= 0 && task(p).state != S::Terminated) {
                leaveCpu(p, t);
                set(p, t, S::Terminated, Cause::Reaped);
            }
            break;
        case SchedEventKind::Lost:
            lost(r, t);
            break;
        case SchedEventKind::Other:
            break;
        }
        if (r.cpu >= 0 && r.kind != SchedEventKind::Lost)
            m_lastOnCpu[static_cast<std::size_t>(r.cpu)] = t;
    }

    void finish()
    {
        if (m_losses > kMaxListedLosses)
            m_warnings.push_back(m_file + ": " + std::to_string(m_losses - kMaxListedLosses) +
                                 " more places where events were dropped (only the first " +
                                 std::to_string(kMaxListedLosses) + " are listed)");
    }

private:
    Task& task(ProcIndex p) { return m_tasks[static_cast<std::size_t>(p)]; }
    bool gone(ProcIndex p) { return task(p).state == S::Zombie || task(p).state == S::Terminated; }

    void set(ProcIndex p, Tick t, ProcessState s, Cause c, std::int32_t aux = 0)
    {
        m_trace.recordState(p, t, s, c, aux, 0);
        task(p).state = s;
    }

    std::int32_t nextReadyKey() { return m_readyKey < INT32_MAX ? m_readyKey++ : m_readyKey; }

    void rename(ProcIndex p, std::uint32_t name)
    {
        Task& k = task(p);
        if (name == 0 || name == k.name || name >= m_names.size())
            return;
        const std::string_view text = m_names[name];
        if (text.empty() || text == "<...>")
            return; // trace-cmd did not know the comm
        k.name = name;
        m_trace.info(p).name = validUtf8(text);
    }

    void setPrio(ProcIndex p, std::int16_t prio)
    {
        if (prio == kNoPrio)
            return;
        ProcessInfo& info = m_trace.info(p);
        info.priority = prio;
        info.nice = prio >= 100 && prio < 140 ? prio - 120 : 0;
    }

    ProcIndex add(Pid pid, Pid parent, Tick arrival)
    {
        ProcessInfo info;
        info.pid = pid;
        info.name = std::to_string(pid);
        info.parent = parent;
        info.arrival = arrival;
        const ProcIndex p = m_trace.addProcess(std::move(info));
        m_tasks.emplace_back();
        return p;
    }

    // The task with this pid, made when first mentioned: it existed before the trace (Unknown
    // from the start), or it reuses the pid of a task already freed (Unknown from now).
    ProcIndex mentioned(Pid pid, std::uint32_t name, std::int16_t prio, Tick t)
    {
        if (pid <= 0)
            return -1;
        auto p = m_trace.indexOf(pid);
        if (!p || task(*p).state == S::Terminated) {
            const Tick from = p ? t : 0;
            p = add(pid, kInitPid, from);
            set(*p, from, S::Unknown, kUnknownCause);
        }
        rename(*p, name);
        setPrio(*p, prio);
        return *p;
    }

    // The task leaves the CPU it was thought to run on, without a sched_switch saying so.
    void leaveCpu(ProcIndex p, Tick t)
    {
        Task& k = task(p);
        if (k.cpu >= 0 && m_onCpu[static_cast<std::size_t>(k.cpu)] == p) {
            m_trace.recordCpu(k.cpu, t, kCpuIdle, Reason::Imported);
            m_onCpu[static_cast<std::size_t>(k.cpu)] = kCpuUnknown;
        }
        k.cpu = -1;
    }

    // Every event names the task that was running on its CPU. Before a CPU's first sched_switch
    // (and after lost events) that is how ProcScope learns what ran there.
    void currentTask(const SchedRecord& r, Tick t)
    {
        if (r.current < 0 || r.cpu < 0)
            return;
        const auto c = static_cast<std::size_t>(r.cpu);
        if (r.current == 0) {
            if (m_onCpu[c] == kCpuUnknown)
                m_onCpu[c] = kCpuIdle;
            return;
        }
        const ProcIndex p = mentioned(r.current, r.currentName, kNoPrio, t);
        if (m_onCpu[c] != kCpuUnknown || (task(p).state != S::Unknown && task(p).state != S::Ready))
            return;
        set(p, t, S::Running, Cause::Dispatched, r.cpu);
        task(p).cpu = r.cpu;
        m_trace.recordCpu(r.cpu, t, p, Reason::Imported);
        m_onCpu[c] = p;
    }

    void switched(const SchedRecord& r, Tick t)
    {
        const int c = r.cpu;
        const auto lane = static_cast<std::size_t>(c);
        const ProcIndex prev = mentioned(r.a, r.aName, r.aPrio, t);
        const ProcIndex was = m_onCpu[lane];
        if (was >= 0 && was != prev && task(was).cpu == c) {
            // Another task was thought to run here: events were lost; what became of it is unknown.
            task(was).cpu = -1;
            if (task(was).state == S::Running)
                set(was, t, S::Unknown, kUnknownCause);
        }
        if (prev >= 0) {
            if (task(prev).cpu != c)
                leaveCpu(prev, t);
            task(prev).cpu = -1;
            if (!gone(prev))
                switchedOut(prev, r.prevState, t);
        }
        ProcIndex next = -1;
        if (r.b > 0) {
            next = mentioned(r.b, r.bName, r.bPrio, t);
            if (task(next).cpu != c)
                leaveCpu(next, t);
            task(next).cpu = c;
            if (!gone(next)) // an exiting task may be preempted and run again: it stays a Zombie
                set(next, t, S::Running, Cause::Dispatched, c);
        }
        const ProcIndex shown = next >= 0 ? next : kCpuIdle;
        m_trace.recordCpu(c, t, shown, Reason::Imported, r.bPrio == kNoPrio ? 0 : r.bPrio, 0);
        m_onCpu[lane] = shown;
    }

    void switchedOut(ProcIndex p, PrevState why, Tick t)
    {
        switch (why) {
        case PrevState::Runnable:
        case PrevState::Preempted:
            set(p, t, S::Ready, Cause::Preempted, nextReadyKey());
            break;
        case PrevState::DiskSleep:
            set(p, t, S::Blocked, Cause::IoStarted, kLinuxIoDevice);
            break;
        case PrevState::Sleeping:
            set(p, t, S::Blocked, Cause::IoStarted, kLinuxSleepDevice);
            break;
        case PrevState::Stopped:
            set(p, t, S::Suspended, Cause::Suspended);
            break;
        case PrevState::Dead:
            set(p, t, S::Zombie, Cause::Exited);
            break;
        case PrevState::Unknown:
            set(p, t, S::Unknown, kUnknownCause);
            break;
        }
    }

    void woken(const SchedRecord& r, Tick t)
    {
        if (r.a <= 0)
            return;
        if (r.kind == SchedEventKind::WakeupNew) {
            const auto old = m_trace.indexOf(r.a);
            if (!old || task(*old).state == S::Terminated) { // its fork was not recorded
                const ProcIndex p = add(r.a, kInitPid, t);
                set(p, t, S::New, Cause::Created);
            }
        }
        const ProcIndex p = mentioned(r.a, r.aName, r.aPrio, t);
        switch (task(p).state) {
        case S::New:
            set(p, t, S::Ready, Cause::Admitted, nextReadyKey());
            break;
        case S::Blocked:
        case S::Unknown:
            set(p, t, S::Ready, r.kind == SchedEventKind::WakeupNew ? Cause::Admitted : Cause::IoDone,
                nextReadyKey());
            break;
        case S::Suspended:
            set(p, t, S::Ready, Cause::Resumed, nextReadyKey());
            break;
        default:
            break; // already runnable, running or exited: nothing changes
        }
    }

    void forked(const SchedRecord& r, Tick t)
    {
        const ProcIndex parent = mentioned(r.a, r.aName, kNoPrio, t);
        if (r.b <= 0)
            return;
        if (const auto old = m_trace.indexOf(r.b); old && task(*old).state != S::Terminated) {
            // The pid is given to a new task, so the old one is gone; when, the trace does not say.
            leaveCpu(*old, t);
            set(*old, t, S::Unknown, kUnknownCause);
        }
        const ProcIndex child = add(r.b, parent >= 0 ? r.a : kInitPid, t);
        set(child, t, S::New, Cause::Created);
        rename(child, r.bName);
    }

    void lost(const SchedRecord& r, Tick t)
    {
        const std::string where = r.cpu >= 0 ? "CPU " + std::to_string(r.cpu) : std::string("a CPU");
        const std::string count = r.lost > 0 ? std::to_string(r.lost) + " events" : std::string("events");
        m_trace.addEvent(SystemEvent{t, SystemEvent::Kind::Warning,
            where + " dropped " + count + " here; what ran there is unknown until its next sched_switch"});
        if (++m_losses <= kMaxListedLosses)
            m_warnings.push_back(m_file + ":" + std::to_string(r.line) + ": " + where + " dropped " + count +
                                 " (the trace buffer overflowed)");
        // The events went missing after the CPU's last event that is still there.
        for (int c = 0; c < m_trace.cpuCount(); ++c) {
            if (r.cpu >= 0 && c != r.cpu)
                continue;
            const auto lane = static_cast<std::size_t>(c);
            const Tick gap = m_lastOnCpu[lane] >= 0 ? m_lastOnCpu[lane] : t;
            const ProcIndex p = m_onCpu[lane];
            if (p >= 0 && task(p).cpu == c && !gone(p)) {
                task(p).cpu = -1;
                const auto& track = m_trace.track(p);
                set(p, std::max(gap, track.at(track.size() - 1)), S::Unknown, kUnknownCause);
            }
            const auto& cpu = m_trace.cpu(c);
            if (p != kCpuUnknown && cpu.size() > 0)
                m_trace.recordCpu(c, std::max(gap, cpu.at(cpu.size() - 1)), kCpuIdle, Reason::Imported);
            m_onCpu[lane] = kCpuUnknown;
        }
    }

    Trace& m_trace;
    const std::vector<std::string_view>& m_names;
    Tick m_t0;
    const std::string& m_file;
    std::vector<std::string>& m_warnings;
    std::vector<Task> m_tasks;      // by ProcIndex
    std::vector<ProcIndex> m_onCpu; // by CPU: a task, kCpuIdle or kCpuUnknown
    std::vector<Tick> m_lastOnCpu;  // by CPU: time of its last event, -1 before the first
    std::int32_t m_readyKey = 0;
    std::size_t m_losses = 0;
};

} // namespace

std::string validUtf8(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            out += b < 0x20 || b == 0x7F ? '?' : static_cast<char>(b);
            ++i;
            continue;
        }
        std::size_t length = 0;
        unsigned char low = 0x80, high = 0xBF; // allowed range of the second byte
        if (b >= 0xC2 && b <= 0xDF) {
            length = 2;
        } else if (b >= 0xE0 && b <= 0xEF) {
            length = 3;
            low = b == 0xE0 ? 0xA0 : low;
            high = b == 0xED ? 0x9F : high;
        } else if (b >= 0xF0 && b <= 0xF4) {
            length = 4;
            low = b == 0xF0 ? 0x90 : low;
            high = b == 0xF4 ? 0x8F : high;
        }
        bool ok = length > 0 && i + length <= s.size();
        for (std::size_t k = 1; ok && k < length; ++k) {
            const auto c = static_cast<unsigned char>(s[i + k]);
            ok = k == 1 ? (c >= low && c <= high) : (c >= 0x80 && c <= 0xBF);
        }
        if (ok) {
            out.append(s.substr(i, length));
            i += length;
        } else {
            out += "\xEF\xBF\xBD";
            ++i;
        }
    }
    return out;
}

void rebuildLinuxSched(const std::vector<SchedRecord>& records, const std::vector<std::string_view>& names,
    int cpus, const std::string& fileName, Trace& trace, std::vector<std::string>& warnings)
{
    trace.setCpuCount(std::max(cpus, 1));
    if (records.empty()) {
        trace.setEnd(1, true);
        return;
    }
    const Tick t0 = records.front().at;
    Rebuilder rebuilder(trace, names, t0, fileName, warnings);
    for (const SchedRecord& r : records)
        rebuilder.add(r);
    rebuilder.finish();
    trace.setEnd(records.back().at - t0 + 1, true);
}

} // namespace procscope
