#include "core/io/chrome_trace_writer.h"

#include "core/io/chrome_trace_text.h"
#include "core/io/chrome_trace_vocab.h"
#include "core/trace/names.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <tuple>
#include <vector>

namespace procscope {

namespace {

using chrome::appendInt;
using chrome::appendNumber;
using chrome::appendString;
using chrome::appendUnsigned;
using chrome::kCpusPid;
using chrome::kProcessesPid;

class Writer {
public:
    Writer(const Trace& trace, double usPerTick)
        : m_trace(trace)
        , m_scale(usPerTick)
    { }

    std::string run()
    {
        m_out.reserve(256 + m_trace.stateChangeCount() * 150);
        header();
        metadata();
        for (ProcIndex p = 0; p < static_cast<ProcIndex>(m_trace.processCount()); ++p)
            stateSlices(p);
        for (int c = 0; c < m_trace.cpuCount(); ++c)
            cpuLane(c);
        systemEvents();
        queueCounters();
        utilizationCounter();
        m_out += "\n]}\n";
        return std::move(m_out);
    }

private:
    double ts(Tick t) const { return static_cast<double>(t) * m_scale; }

    // Starts an event: `{"ph":"X","pid":1,"tid":3,"ts":2000` (tid and ts left out when negative).
    void begin(char ph, int pid, long long tid, Tick at, bool timed = true)
    {
        m_out += m_first ? "\n{\"ph\":\"" : ",\n{\"ph\":\"";
        m_first = false;
        m_out += ph;
        m_out += "\",\"pid\":";
        appendInt(m_out, pid);
        if (tid > 0) {
            m_out += ",\"tid\":";
            appendInt(m_out, tid);
        }
        if (timed) {
            m_out += ",\"ts\":";
            appendNumber(m_out, ts(at));
        }
    }
    void dur(Tick from, Tick to)
    {
        m_out += ",\"dur\":";
        appendNumber(m_out, ts(std::max(from, to)) - ts(from));
    }
    void field(std::string_view key, std::string_view value)
    {
        m_out += ",\"";
        m_out += key;
        m_out += "\":";
        appendString(m_out, value);
    }
    // Opens args with the first member: `,"args":{"tick":12`.
    void argsTick(Tick t)
    {
        m_out += ",\"args\":{\"tick\":";
        appendInt(m_out, t);
    }
    void arg(std::string_view key, long long v)
    {
        m_out += ",\"";
        m_out += key;
        m_out += "\":";
        appendInt(m_out, v);
    }
    void arg(std::string_view key, std::string_view v) { field(key, v); }

    void header()
    {
        const TraceMeta& meta = m_trace.meta;
        m_out += "{\"displayTimeUnit\":";
        appendString(m_out, meta.timeUnit == "ns" ? "ns" : "ms");
        m_out += ",\n\"otherData\":{\"generator\":\"procscope\",\"schema\":";
        appendString(m_out, chrome::kSchema);
        field("timeUnit", meta.timeUnit);
        m_out += ",\"usPerTick\":";
        appendNumber(m_out, m_scale);
        field("source", meta.source);
        field("policy", meta.policy);
        field("parameters", meta.parameters);
        m_out += ",\"seed\":";
        appendUnsigned(m_out, meta.seed);
        m_out += ",\"devices\":[";
        for (std::size_t i = 0; i < meta.devices.size(); ++i) {
            if (i)
                m_out += ',';
            appendString(m_out, meta.devices[i]);
        }
        m_out += "]";
        arg("queueLevels", meta.mlfqLevels);
        arg("cpus", m_trace.cpuCount());
        arg("end", m_trace.end());
        m_out += ",\"finished\":";
        m_out += m_trace.finished() ? "true" : "false";
        m_out += "},\n\"traceEvents\":[";
    }

    void nameMeta(int pid, long long tid, std::string_view what, std::string_view name)
    {
        begin('M', pid, tid, 0, false);
        field("name", what);
        m_out += ",\"args\":{\"name\":";
        appendString(m_out, name);
    }
    void sortMeta(int pid, long long tid, long long index)
    {
        begin('M', pid, tid, 0, false);
        field("name", tid > 0 ? "thread_sort_index" : "process_sort_index");
        m_out += ",\"args\":{\"sort_index\":";
        appendInt(m_out, index);
        m_out += "}}";
    }

    // The idle record at the start of a lane or after a slice: `"idleAt":t` and its decision if any.
    void idleArgs(int c, std::size_t k)
    {
        const CpuTrack& lane = m_trace.cpu(c);
        arg("idleAt", lane.at(k));
        if (lane.reason(k) != Reason::None || lane.a(k) != 0 || lane.b(k) != 0) {
            arg("idleReason", reasonName(lane.reason(k)));
            arg("idleA", lane.a(k));
            arg("idleB", lane.b(k));
        }
    }

    void metadata()
    {
        const std::string policy = m_trace.meta.policy.empty() ? "" : " (" + m_trace.meta.policy + ")";
        nameMeta(kProcessesPid, 0, "process_name", "Processes" + policy);
        m_out += "}}";
        sortMeta(kProcessesPid, 0, kProcessesPid);
        for (ProcIndex p = 0; p < static_cast<ProcIndex>(m_trace.processCount()); ++p) {
            const ProcessInfo& info = m_trace.info(p);
            nameMeta(kProcessesPid, p + 1, "thread_name", info.name);
            arg("pid", info.pid);
            arg("parent", info.parent);
            arg("arrival", info.arrival);
            arg("priority", info.priority);
            arg("nice", info.nice);
            arg("tickets", info.tickets);
            arg("exitCode", info.exitCode);
            m_out += "}}";
            sortMeta(kProcessesPid, p + 1, p);
        }
        if (m_trace.cpuCount() == 0)
            return;
        nameMeta(kCpusPid, 0, "process_name", "CPUs");
        m_out += "}}";
        sortMeta(kCpusPid, 0, kCpusPid);
        for (int c = 0; c < m_trace.cpuCount(); ++c) {
            nameMeta(kCpusPid, c + 1, "thread_name", "CPU " + std::to_string(c));
            arg("cpu", c);
            const CpuTrack& lane = m_trace.cpu(c);
            if (lane.size() > 0 && lane.proc(0) == kCpuIdle)
                idleArgs(c, 0);
            m_out += "}}";
            sortMeta(kCpusPid, c + 1, c);
        }
    }

    void stateSlices(ProcIndex p)
    {
        const ProcessTrack& track = m_trace.track(p);
        for (std::size_t k = 0; k < track.size(); ++k) {
            const Tick from = track.at(k);
            const Tick to = k + 1 < track.size() ? track.at(k + 1) : m_trace.end();
            const ProcessState state = track.state(k);
            const std::int32_t aux = track.aux(k);
            begin('X', kProcessesPid, p + 1, from);
            dur(from, to);
            field("name", stateName(state));
            field("cat", "state");
            field("cname", chrome::stateColor(state, aux));
            argsTick(from);
            arg("cause", causeName(track.cause(k)));
            if (state == ProcessState::Running) {
                arg("cpu", aux);
            } else if (state == ProcessState::Blocked) {
                arg("device", aux);
                const auto d = static_cast<std::size_t>(aux);
                arg("on", aux < 0                           ? std::string_view("wait()")
                          : d < m_trace.meta.devices.size() ? std::string_view(m_trace.meta.devices[d])
                                                            : std::string_view("?"));
            } else if (state == ProcessState::Ready) {
                arg("order", aux);
            } else {
                arg("aux", aux);
            }
            arg("level", track.level(k));
            m_out += "}}";
        }
    }

    void cpuLane(int c)
    {
        const CpuTrack& lane = m_trace.cpu(c);
        for (std::size_t k = 0; k < lane.size(); ++k) {
            const ProcIndex p = lane.proc(k);
            if (p == kCpuIdle)
                continue; // a gap; the slice before it says where it starts
            const Tick from = lane.at(k);
            const Tick to = k + 1 < lane.size() ? lane.at(k + 1) : m_trace.end();
            begin('X', kCpusPid, c + 1, from);
            dur(from, to);
            if (p == kCpuSwitch) {
                field("name", chrome::kContextSwitchName);
                field("cat", "cpu");
                field("cname", "grey");
            } else {
                field("name", p >= 0 && static_cast<std::size_t>(p) < m_trace.processCount()
                                  ? std::string_view(m_trace.info(p).name)
                                  : std::string_view("?"));
                field("cat", "cpu");
            }
            argsTick(from);
            if (p >= 0)
                arg("pid", static_cast<std::size_t>(p) < m_trace.processCount() ? m_trace.info(p).pid : p);
            arg("reason", reasonName(lane.reason(k)));
            arg("a", lane.a(k));
            arg("b", lane.b(k));
            if (k + 1 < lane.size() && lane.proc(k + 1) == kCpuIdle)
                idleArgs(c, k + 1);
            m_out += "}}";
        }
        for (std::size_t k = 0; k < lane.size(); ++k) {
            if (lane.reason(k) == Reason::None)
                continue;
            begin('i', kCpusPid, c + 1, lane.at(k));
            field("name", reasonName(lane.reason(k)));
            field("cat", "decision");
            field("s", "t");
            argsTick(lane.at(k));
            arg("why", chrome::decisionText(m_trace, c, k));
            m_out += "}}";
        }
    }

    void systemEvents()
    {
        for (const SystemEvent& e : m_trace.events()) {
            begin('i', kProcessesPid, 0, e.at);
            field("name", e.text);
            field("cat", "event");
            field("s", "g");
            argsTick(e.at);
            arg("kind", chrome::eventKindName(e.kind));
            m_out += "}}";
        }
    }

    void queueCounters()
    {
        std::vector<std::tuple<Tick, int, int>> edges; // time, change of ready, change of blocked
        for (ProcIndex p = 0; p < static_cast<ProcIndex>(m_trace.processCount()); ++p) {
            const ProcessTrack& track = m_trace.track(p);
            for (std::size_t k = 0; k < track.size(); ++k) {
                auto weight = [&](std::size_t i) {
                    return std::pair<int, int>(
                        track.state(i) == ProcessState::Ready, track.state(i) == ProcessState::Blocked);
                };
                auto [r, b] = weight(k);
                if (k > 0) {
                    const auto [r0, b0] = weight(k - 1);
                    r -= r0;
                    b -= b0;
                }
                if (r != 0 || b != 0)
                    edges.emplace_back(track.at(k), r, b);
            }
        }
        std::sort(edges.begin(), edges.end());
        int ready = 0, blocked = 0, lastReady = -1, lastBlocked = -1;
        for (std::size_t i = 0; i < edges.size(); ++i) {
            ready += std::get<1>(edges[i]);
            blocked += std::get<2>(edges[i]);
            const Tick t = std::get<0>(edges[i]);
            if ((i + 1 < edges.size() && std::get<0>(edges[i + 1]) == t) ||
                (ready == lastReady && blocked == lastBlocked))
                continue;
            begin('C', kProcessesPid, 0, t);
            field("name", "queues");
            m_out += ",\"args\":{\"ready\":";
            appendInt(m_out, ready);
            arg("blocked", blocked);
            m_out += "}}";
            lastReady = ready;
            lastBlocked = blocked;
        }
    }

    void utilizationCounter()
    {
        const int cpus = m_trace.cpuCount();
        if (cpus == 0)
            return;
        std::vector<std::pair<Tick, int>> edges; // time, change of the CPUs running a process
        for (int c = 0; c < cpus; ++c) {
            const CpuTrack& lane = m_trace.cpu(c);
            bool was = false;
            for (std::size_t k = 0; k < lane.size(); ++k) {
                const bool busy = lane.proc(k) >= 0;
                if (busy != was)
                    edges.emplace_back(lane.at(k), busy ? 1 : -1);
                was = busy;
            }
        }
        std::sort(edges.begin(), edges.end());
        int busy = 0, last = -1;
        for (std::size_t i = 0; i < edges.size(); ++i) {
            busy += edges[i].second;
            const Tick t = edges[i].first;
            if ((i + 1 < edges.size() && edges[i + 1].first == t) || busy == last)
                continue;
            begin('C', kCpusPid, 0, t);
            field("name", "CPU utilization");
            m_out += ",\"args\":{\"percent\":";
            appendNumber(m_out, 100.0 * busy / cpus);
            m_out += "}}";
            last = busy;
        }
    }

    const Trace& m_trace;
    double m_scale;
    std::string m_out;
    bool m_first = true;
};

} // namespace

std::string writeChromeTrace(const Trace& trace, const ChromeExportOptions& options)
{
    double scale = std::isfinite(options.usPerTick) && options.usPerTick > 0 ? options.usPerTick : 1000.0;
    if (trace.meta.timeUnit == "ns")
        scale = 0.001;
    return Writer(trace, scale).run();
}

} // namespace procscope
