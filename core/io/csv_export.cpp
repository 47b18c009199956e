#include "core/io/csv_export.h"

#include "core/metrics/metrics.h"
#include "core/trace/names.h"

namespace procscope {

namespace {

void field(std::string& out, std::string_view text)
{
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += text;
        return;
    }
    out += '"';
    for (const char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

void number(std::string& out, long long v)
{
    out += std::to_string(v);
}

// A figure that may not exist yet (-1): an empty cell.
void optionalNumber(std::string& out, long long v)
{
    if (v >= 0)
        number(out, v);
}

std::string unitSuffix(const Trace& trace)
{
    return "_" + (trace.meta.timeUnit.empty() ? std::string("tick") : trace.meta.timeUnit);
}

std::string detailOf(const Trace& trace, const ProcessTrack& track, std::size_t k)
{
    const auto aux = track.aux(k);
    switch (track.state(k)) {
    case ProcessState::Running:
        return "CPU " + std::to_string(aux);
    case ProcessState::Blocked:
        if (aux < 0)
            return "wait";
        if (static_cast<std::size_t>(aux) < trace.meta.devices.size())
            return trace.meta.devices[static_cast<std::size_t>(aux)];
        return "device " + std::to_string(aux);
    case ProcessState::Ready:
        return std::to_string(aux);
    default:
        return {};
    }
}

void intervalTimes(std::string& out, Tick start, Tick end)
{
    number(out, start);
    out += ',';
    number(out, end);
    out += ',';
    number(out, end - start);
    out += ',';
}

void processRows(std::string& out, const Trace& trace)
{
    for (std::size_t p = 0; p < trace.processCount(); ++p) {
        const auto index = static_cast<ProcIndex>(p);
        const auto& info = trace.info(index);
        const auto& track = trace.track(index);
        for (std::size_t k = 0; k < track.size(); ++k) {
            const Tick start = track.at(k);
            const Tick end = k + 1 < track.size() ? track.at(k + 1) : trace.end();
            if (end <= start || track.state(k) == ProcessState::Terminated)
                continue;
            out += "process,";
            number(out, info.pid);
            out += ',';
            number(out, info.pid);
            out += ',';
            field(out, info.name);
            out += ',';
            out += stateName(track.state(k));
            out += ',';
            intervalTimes(out, start, end);
            out += causeName(track.cause(k));
            out += ',';
            field(out, detailOf(trace, track, k));
            out += ',';
            number(out, track.level(k));
            out += '\n';
        }
    }
}

void cpuRows(std::string& out, const Trace& trace)
{
    for (int c = 0; c < trace.cpuCount(); ++c) {
        const auto& cpu = trace.cpu(c);
        for (std::size_t k = 0; k < cpu.size(); ++k) {
            const Tick start = cpu.at(k);
            const Tick end = k + 1 < cpu.size() ? cpu.at(k + 1) : trace.end();
            if (end <= start)
                continue;
            const ProcIndex p = cpu.proc(k);
            out += "cpu,";
            number(out, c);
            out += ',';
            if (p >= 0) {
                number(out, trace.info(p).pid);
                out += ',';
                field(out, trace.info(p).name);
                out += ",Running,";
            } else {
                out += p == kCpuSwitch ? ",,ContextSwitch," : ",,Idle,";
            }
            intervalTimes(out, start, end);
            if (p >= 0) {
                out += reasonName(cpu.reason(k));
                out += ',';
                number(out, cpu.a(k));
                out += ',';
                number(out, cpu.b(k));
            } else {
                out += ",,";
            }
            out += '\n';
        }
    }
}

} // namespace

std::string writeIntervalsCsv(const Trace& trace)
{
    const std::string unit = unitSuffix(trace);
    std::string out =
        "track,id,pid,name,state,start" + unit + ",end" + unit + ",duration" + unit + ",cause,detail,level\n";
    out.reserve(out.size() + (trace.stateChangeCount() + 1) * 48);
    processRows(out, trace);
    cpuRows(out, trace);
    return out;
}

std::string writeMetricsCsv(const Trace& trace)
{
    const std::string u = unitSuffix(trace);
    std::string out = "pid,name,parent,arrival" + u + ",first_run" + u + ",finish" + u + ",turnaround" + u +
                      ",response" + u + ",waiting" + u + ",cpu" + u + ",io" + u + ",dispatches\n";
    const Metrics metrics = computeMetrics(trace);
    for (const ProcessMetrics& m : metrics.processes) {
        const auto& info = trace.info(m.index);
        number(out, info.pid);
        out += ',';
        field(out, info.name);
        out += ',';
        if (info.parent >= 0)
            number(out, info.parent);
        out += ',';
        number(out, m.arrival);
        out += ',';
        optionalNumber(out, m.firstRun);
        out += ',';
        optionalNumber(out, m.finish);
        out += ',';
        optionalNumber(out, m.turnaround);
        out += ',';
        optionalNumber(out, m.response);
        out += ',';
        number(out, m.waiting);
        out += ',';
        number(out, m.cpu);
        out += ',';
        number(out, m.io);
        out += ',';
        number(out, m.dispatches);
        out += '\n';
    }
    return out;
}

} // namespace procscope
