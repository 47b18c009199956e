#include "core/trace/trace_table.h"

#include <algorithm>
#include <cstdio>

namespace procscope {

namespace {

std::string_view shortState(ProcessState s)
{
    switch (s) {
    case ProcessState::New:
        return "new";
    case ProcessState::Ready:
        return "ready";
    case ProcessState::Running:
        return "RUN";
    case ProcessState::Blocked:
        return "blocked";
    case ProcessState::Suspended:
        return "susp";
    case ProcessState::Zombie:
        return "zombie";
    case ProcessState::Terminated:
        return "done";
    case ProcessState::Unknown:
        return "?";
    }
    return "?";
}

void cell(std::string& out, std::string_view text, std::size_t width)
{
    out += ' ';
    out += text.substr(0, width);
    if (text.size() < width)
        out.append(width - text.size(), ' ');
}

} // namespace

std::string traceTable(const Trace& trace, Tick from, Tick to)
{
    if (to < 0 || to > trace.end())
        to = trace.end();
    constexpr std::size_t kWidth = 8;
    std::string out = "  tick";
    for (std::size_t p = 0; p < trace.processCount(); ++p)
        cell(out, trace.info(static_cast<ProcIndex>(p)).name, kWidth);
    out += " |";
    for (int c = 0; c < trace.cpuCount(); ++c)
        cell(out, "cpu" + std::to_string(c), kWidth);
    out += '\n';
    char number[32];
    for (Tick t = from; t < to; ++t) {
        std::snprintf(number, sizeof number, "%6lld", static_cast<long long>(t));
        out += number;
        for (std::size_t p = 0; p < trace.processCount(); ++p) {
            const auto s = trace.track(static_cast<ProcIndex>(p)).stateAt(t);
            cell(out, s ? shortState(*s) : std::string_view(""), kWidth);
        }
        out += " |";
        for (int c = 0; c < trace.cpuCount(); ++c) {
            const ProcIndex p = trace.cpu(c).procAt(t);
            cell(out, p >= 0 ? std::string_view(trace.info(p).name) : (p == kCpuSwitch ? "switch" : "-"),
                kWidth);
        }
        out += '\n';
    }
    return out;
}

} // namespace procscope
