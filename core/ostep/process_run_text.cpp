#include "core/ostep/process_run_text.h"

#include "core/ostep/py_format.h"

#include <algorithm>
#include <cstdio>

namespace procscope::ostep {

std::vector<std::string_view> processRunInstructions(const Program& program)
{
    std::vector<std::string_view> out;
    for (const Op& op : program) {
        if (op.kind == Op::Kind::Cpu)
            out.insert(out.end(), static_cast<std::size_t>(std::max<Tick>(0, op.ticks)), "cpu");
        else if (op.kind == Op::Kind::Io) {
            out.push_back("io");
            out.push_back("io_done");
        }
    }
    return out;
}

std::string processRunProblem(const Workload& w)
{
    std::string out = "Produce a trace of what would happen when you run these processes:\n";
    for (std::size_t pid = 0; pid < w.processes.size(); ++pid) {
        out += "Process " + std::to_string(pid) + "\n";
        for (auto instr : processRunInstructions(w.processes[pid].program)) {
            out += "  ";
            out += instr;
            out += '\n';
        }
        out += '\n';
    }
    out += "Important behaviors:\n  System will switch when ";
    out += w.machine.switchOnIo ? "the current process is FINISHED or ISSUES AN IO\n"
                                : "the current process is FINISHED\n";
    out += "  After IOs, the process issuing the IO will ";
    out += w.machine.ioDoneRunsImmediately ? "run IMMEDIATELY\n" : "run LATER (when it is its turn)\n";
    out += '\n';
    return out;
}

namespace {

void appendPadded(std::string& out, std::string_view text, std::size_t width)
{
    if (text.size() < width)
        out.append(width - text.size(), ' ');
    out += text;
}

// Walks one process's track forward in time.
struct TrackWalker {
    const ProcessTrack* track;
    std::size_t next = 0;
    ProcessState state = ProcessState::New;
    bool starred = false;  // an I/O completed at this tick
    void advanceTo(Tick t)
    {
        starred = false;
        while (next < track->size() && track->at(next) <= t) {
            const Cause c = track->cause(next);
            if (track->at(next) == t && (c == Cause::IoDone || c == Cause::IoDoneImmediate))
                starred = true;
            state = track->state(next);
            ++next;
        }
    }
};

} // namespace

std::string processRunSolution(const Trace& trace, const Workload& w, bool printStats)
{
    const auto n = trace.processCount();
    std::string out = "Time";
    for (std::size_t pid = 0; pid < n; ++pid)
        appendPadded(out, "PID:" + pyPercentD(static_cast<long long>(pid), 2), 14);
    appendPadded(out, "CPU", 14);
    appendPadded(out, "IOs", 14);
    out += '\n';

    std::vector<std::vector<std::string_view>> instructions(n);
    std::vector<std::size_t> executed(n, 0);
    std::vector<TrackWalker> walkers;
    for (std::size_t i = 0; i < n; ++i) {
        const auto pid = static_cast<std::size_t>(trace.info(static_cast<ProcIndex>(i)).pid);
        if (pid < w.processes.size())
            instructions[i] = processRunInstructions(w.processes[pid].program);
        walkers.push_back(TrackWalker{&trace.track(static_cast<ProcIndex>(i))});
    }
    out.reserve(out.size() + static_cast<std::size_t>(trace.end()) * (4 + 14 * (n + 2) + 1));

    long long cpuBusy = 0, ioBusy = 0;
    char number[32];
    for (Tick t = 0; t < trace.end(); ++t) {
        bool star = false;
        for (auto& walker : walkers) {
            walker.advanceTo(t);
            star = star || walker.starred;
        }
        std::snprintf(number, sizeof number, star ? "%3lld*" : "%3lld ", static_cast<long long>(t + 1));
        out += number;
        bool ran = false;
        int outstanding = 0;
        for (std::size_t i = 0; i < n; ++i) {
            switch (walkers[i].state) {
            case ProcessState::Running:
                if (executed[i] < instructions[i].size()) {
                    std::string label = "RUN:";
                    label += instructions[i][executed[i]++];
                    appendPadded(out, label, 14);
                    ran = true;
                } else {
                    appendPadded(out, "RUNNING", 14);  // quirk: an empty process holds the CPU
                }
                break;
            case ProcessState::Blocked:
                ++outstanding;
                appendPadded(out, "BLOCKED", 14);
                break;
            case ProcessState::Zombie:
            case ProcessState::Terminated:
                appendPadded(out, "DONE", 14);
                break;
            default:
                appendPadded(out, "READY", 14);
                break;
            }
        }
        if (ran) {
            ++cpuBusy;
            appendPadded(out, "1", 14);
        } else {
            out.append(14, ' ');
        }
        if (outstanding > 0) {
            ++ioBusy;
            appendPadded(out, std::to_string(outstanding), 14);
        } else {
            out.append(10, ' ');
        }
        out += '\n';
    }
    if (printStats) {
        const Tick total = std::max<Tick>(1, trace.end());
        out += "\nStats: Total Time " + std::to_string(trace.end()) + "\n";
        out += "Stats: CPU Busy " + std::to_string(cpuBusy) + " (" +
               pyPercentF(100.0 * static_cast<double>(cpuBusy) / static_cast<double>(total), 2) + "%)\n";
        out += "Stats: IO Busy  " + std::to_string(ioBusy) + " (" +
               pyPercentF(100.0 * static_cast<double>(ioBusy) / static_cast<double>(total), 2) + "%)\n";
        out += '\n';
    }
    return out;
}

} // namespace procscope::ostep
