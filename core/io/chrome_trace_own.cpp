// Reading back ProcScope's own Chrome export exactly: every state change, CPU record and system
// event is in the args of an event (the times in ticks, not the microseconds Perfetto draws), and
// the trace's metadata is in otherData.
#include "core/io/chrome_trace_events.h"
#include "core/io/chrome_trace_vocab.h"
#include "core/trace/names.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace procscope::chrome {

namespace {

struct StateRecord {
    Tick at;
    ProcessState state;
    Cause cause;
    std::int32_t aux;
    std::uint8_t level;
};

struct CpuRecord {
    Tick at;
    ProcIndex proc;
    Reason reason;
    std::int32_t a;
    std::int32_t b;
};

class OwnReader {
public:
    OwnReader(const ParsedTrace& parsed)
        : m_in(parsed)
    { }

    // The trace, or why the file is not a consistent ProcScope export.
    std::optional<std::string> read(Trace& out)
    {
        Trace trace;
        if (auto e = meta(trace))
            return e;
        if (auto e = threads(trace))
            return e;
        for (const Event& e : m_in.events) {
            std::optional<std::string> problem;
            if (e.ph == 'X' && m_in.threads[static_cast<std::size_t>(e.thread)].pid == "1")
                problem = state(e);
            else if (e.ph == 'X' && m_in.threads[static_cast<std::size_t>(e.thread)].pid == "2")
                problem = cpuSlice(e);
            else if ((e.ph == 'i' || e.ph == 'I') && e.scope == 'g')
                problem = systemEvent(e, trace);
            if (problem)
                return problem;
        }
        auto byTick = [](const auto& x, const auto& y) { return x.at < y.at; };
        for (std::size_t p = 0; p < m_states.size(); ++p) {
            std::stable_sort(m_states[p].begin(), m_states[p].end(), byTick);
            for (const StateRecord& r : m_states[p])
                trace.recordState(static_cast<ProcIndex>(p), r.at, r.state, r.cause, r.aux, r.level);
        }
        for (std::size_t c = 0; c < m_cpus.size(); ++c) {
            std::stable_sort(m_cpus[c].begin(), m_cpus[c].end(), byTick);
            for (const CpuRecord& r : m_cpus[c])
                trace.recordCpu(static_cast<int>(c), r.at, r.proc, r.reason, r.a, r.b);
        }
        out = std::move(trace);
        return std::nullopt;
    }

private:
    const OtherValue* other(const std::string& key) const
    {
        const auto it = m_in.otherData.find(key);
        return it == m_in.otherData.end() ? nullptr : &it->second;
    }

    std::optional<std::string> meta(Trace& trace)
    {
        auto text = [&](const char* key, std::string& to) {
            const OtherValue* v = other(key);
            if (v && v->isString)
                to = v->text;
            return v && v->isString;
        };
        auto integer = [&](const char* key, std::int64_t lo, std::int64_t hi, std::int64_t& to) {
            const OtherValue* v = other(key);
            if (v && v->integral && v->integer >= lo && v->integer <= hi)
                to = v->integer;
            return v && v->integral && v->integer >= lo && v->integer <= hi;
        };
        TraceMeta& m = trace.meta;
        if (!text("timeUnit", m.timeUnit) || !text("source", m.source) || !text("policy", m.policy) ||
            !text("parameters", m.parameters))
            return "otherData lacks timeUnit, source, policy or parameters";
        const OtherValue* seed = other("seed");
        if (!seed || !(seed->isUnsigned || (seed->integral && seed->integer >= 0)))
            return "otherData.seed is not a whole number >= 0";
        m.seed = seed->isUnsigned ? seed->unsignedValue : static_cast<std::uint64_t>(seed->integer);
        const OtherValue* devices = other("devices");
        if (!devices || !devices->isList)
            return "otherData.devices is not a list of names";
        m.devices = devices->list;
        std::int64_t levels = 0, cpus = 0;
        if (!integer("queueLevels", 0, 255, levels) || !integer("cpus", 0, 4096, cpus) ||
            !integer("end", -kForever, kForever, m_end))
            return "otherData lacks queueLevels, cpus or end";
        m.mlfqLevels = static_cast<int>(levels);
        const OtherValue* finished = other("finished");
        if (!finished || !finished->isBool)
            return "otherData.finished is not true or false";
        trace.setEnd(m_end, finished->boolean);
        trace.setCpuCount(static_cast<int>(cpus));
        m_cpus.resize(static_cast<std::size_t>(cpus));
        return std::nullopt;
    }

    // The processes (thread_name metadata of Chrome process 1) in index order, and the records
    // that start the CPU lanes idle (thread_name metadata of Chrome process 2).
    std::optional<std::string> threads(Trace& trace)
    {
        std::vector<std::optional<ProcessInfo>> infos;
        for (const Event& e : m_in.events) {
            if (e.ph != 'M' || m_in.string(e.name) != "thread_name")
                continue;
            const Thread& t = m_in.threads[static_cast<std::size_t>(e.thread)];
            if (!t.tidNumber || *t.tidNumber < 1)
                return "a thread of the export has no positive numeric tid";
            const auto index = static_cast<std::size_t>(*t.tidNumber - 1);
            if (t.pid == "2") {
                if (index >= m_cpus.size())
                    return "a CPU lane beyond otherData.cpus";
                if (auto problem = idle(e, static_cast<int>(index), std::nullopt))
                    return problem;
                continue;
            }
            if (t.pid != "1")
                continue;
            if (index >= kMaxProcesses)
                return "too many processes";
            const auto name = m_in.stringArg(e, ArgKey::Name);
            const auto pid = int32Arg(e, ArgKey::Pid);
            const auto parent = int32Arg(e, ArgKey::Parent);
            const auto arrival = m_in.intArg(e, ArgKey::Arrival);
            const auto priority = int32Arg(e, ArgKey::Priority);
            const auto nice = int32Arg(e, ArgKey::Nice);
            const auto tickets = int32Arg(e, ArgKey::Tickets);
            const auto exitCode = int32Arg(e, ArgKey::ExitCode);
            if (!name || !pid || !parent || !arrival || !priority || !nice || !tickets || !exitCode)
                return "the thread_name of process " + std::to_string(index) + " lacks one of its fields";
            if (infos.size() <= index)
                infos.resize(index + 1);
            if (infos[index])
                return "two thread_name events for process " + std::to_string(index);
            infos[index] = ProcessInfo{
                *pid, std::string(*name), *parent, *arrival, *priority, *nice, *tickets, *exitCode};
        }
        for (std::size_t i = 0; i < infos.size(); ++i) {
            if (!infos[i])
                return "process " + std::to_string(i) + " has no thread_name";
            m_byPid.emplace(infos[i]->pid, static_cast<ProcIndex>(i));
            trace.addProcess(std::move(*infos[i]));
        }
        m_states.resize(infos.size());
        return std::nullopt;
    }

    std::optional<std::int32_t> int32Arg(const Event& e, ArgKey key) const
    {
        const auto v = m_in.intArg(e, key);
        if (!v || *v < std::numeric_limits<std::int32_t>::min() ||
            *v > std::numeric_limits<std::int32_t>::max())
            return std::nullopt;
        return static_cast<std::int32_t>(*v);
    }

    std::optional<Tick> tickArg(const Event& e, ArgKey key) const
    {
        const auto v = m_in.intArg(e, key);
        if (!v || *v < -kForever || *v > kForever)
            return std::nullopt;
        return *v;
    }

    // The thread (1-based tid) of an event as an index below `count`.
    std::optional<std::size_t> lane(const Event& e, std::size_t count) const
    {
        const auto& tid = m_in.threads[static_cast<std::size_t>(e.thread)].tidNumber;
        if (!tid || *tid < 1 || static_cast<std::uint64_t>(*tid) > count)
            return std::nullopt;
        return static_cast<std::size_t>(*tid - 1);
    }

    std::optional<std::string> state(const Event& e)
    {
        const auto p = lane(e, m_states.size());
        const auto s = stateFromName(m_in.string(e.name));
        const auto tick = tickArg(e, ArgKey::Tick);
        const auto causeText = m_in.stringArg(e, ArgKey::Cause);
        const auto cause = causeText ? causeFromName(*causeText) : std::nullopt;
        const auto level = m_in.intArg(e, ArgKey::Level);
        if (!p || !s || !tick || !cause || !level || *level < 0 || *level > 255)
            return "a state slice lacks its process, state, tick, cause or level";
        const ArgKey auxKey = *s == ProcessState::Running   ? ArgKey::Cpu
                              : *s == ProcessState::Blocked ? ArgKey::Device
                              : *s == ProcessState::Ready   ? ArgKey::Order
                                                            : ArgKey::Aux;
        const auto aux = int32Arg(e, auxKey);
        if (!aux)
            return "a state slice lacks its detail (cpu, device, order or aux)";
        m_states[*p].push_back(StateRecord{*tick, *s, *cause, *aux, static_cast<std::uint8_t>(*level)});
        return std::nullopt;
    }

    std::optional<CpuRecord> decision(
        const Event& e, ArgKey reasonKey, ArgKey aKey, ArgKey bKey, Tick at, ProcIndex proc) const
    {
        const auto reasonText = m_in.stringArg(e, reasonKey);
        const auto reason = reasonText ? reasonFromName(*reasonText) : std::nullopt;
        const auto a = int32Arg(e, aKey);
        const auto b = int32Arg(e, bKey);
        if (!reason || !a || !b)
            return std::nullopt;
        return CpuRecord{at, proc, *reason, *a, *b};
    }

    // `"idleAt": t` (with idleReason, idleA, idleB when the idle record carries a decision).
    std::optional<std::string> idle(const Event& e, int cpu, std::optional<Tick> minimum)
    {
        if (!m_in.arg(e, ArgKey::IdleAt))
            return std::nullopt;
        const auto at = tickArg(e, ArgKey::IdleAt);
        if (!at || (minimum && *at < *minimum))
            return "a CPU lane has a bad idleAt";
        CpuRecord r{*at, kCpuIdle, Reason::None, 0, 0};
        if (m_in.arg(e, ArgKey::IdleReason)) {
            const auto d = decision(e, ArgKey::IdleReason, ArgKey::IdleA, ArgKey::IdleB, *at, kCpuIdle);
            if (!d)
                return "a CPU lane has a bad idle decision";
            r = *d;
        }
        m_cpus[static_cast<std::size_t>(cpu)].push_back(r);
        return std::nullopt;
    }

    std::optional<std::string> cpuSlice(const Event& e)
    {
        const auto c = lane(e, m_cpus.size());
        const auto tick = tickArg(e, ArgKey::Tick);
        if (!c || !tick)
            return "a CPU slice lacks its CPU or tick";
        ProcIndex proc = kCpuSwitch;
        if (m_in.string(e.name) != kContextSwitchName || m_in.arg(e, ArgKey::Pid)) {
            const auto pid = int32Arg(e, ArgKey::Pid);
            const auto it = pid ? m_byPid.find(*pid) : m_byPid.end();
            if (it == m_byPid.end())
                return "a CPU slice names no known pid";
            proc = it->second;
        }
        const auto r = decision(e, ArgKey::Reason, ArgKey::A, ArgKey::B, *tick, proc);
        if (!r)
            return "a CPU slice lacks its reason, a or b";
        m_cpus[*c].push_back(*r);
        return idle(e, static_cast<int>(*c), *tick);
    }

    std::optional<std::string> systemEvent(const Event& e, Trace& trace) const
    {
        const auto tick = tickArg(e, ArgKey::Tick);
        const auto kindText = m_in.stringArg(e, ArgKey::Kind);
        const auto kind = kindText ? eventKindFromName(*kindText) : std::nullopt;
        if (!tick || !kind)
            return "a global instant event lacks its tick or kind";
        trace.addEvent(SystemEvent{*tick, *kind, std::string(m_in.string(e.name))});
        return std::nullopt;
    }

    const ParsedTrace& m_in;
    Tick m_end = 0;
    std::vector<std::vector<StateRecord>> m_states;
    std::vector<std::vector<CpuRecord>> m_cpus;
    std::unordered_map<Pid, ProcIndex> m_byPid;
};

} // namespace

std::optional<std::string> buildOwnTrace(const ParsedTrace& parsed, Trace& trace, Warnings&)
{
    return OwnReader(parsed).read(trace);
}

} // namespace procscope::chrome
