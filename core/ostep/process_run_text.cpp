#include "core/ostep/process_run_text.h"

#include "core/ostep/py_format.h"

#include <algorithm>
#include <charconv>
#include <cstring>

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
    bool starred = false; // an I/O completed at this tick
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

// The 14-character cells of the table, padded once.
struct Cells {
    enum Id { RunCpu, RunIo, RunIoDone, Running, Ready, Blocked, Done, CpuBusy, Blank, Count };
    char text[Count][14];
    Cells()
    {
        const char* labels[Count] = {
            "RUN:cpu", "RUN:io", "RUN:io_done", "RUNNING", "READY", "BLOCKED", "DONE", "1", ""};
        for (int i = 0; i < Count; ++i) {
            const std::string_view label(labels[i]);
            std::memset(text[i], ' ', 14);
            std::memcpy(text[i] + 14 - label.size(), label.data(), label.size());
        }
    }
};

Cells::Id runCell(std::string_view instruction)
{
    return instruction == "cpu" ? Cells::RunCpu : instruction == "io" ? Cells::RunIo : Cells::RunIoDone;
}

} // namespace

void processRunSolution(
    const Trace& trace, const Workload& w, bool printStats, const std::function<void(std::string_view)>& sink)
{
    const auto n = trace.processCount();
    std::string out = "Time";
    for (std::size_t pid = 0; pid < n; ++pid)
        appendPadded(out, "PID:" + pyPercentD(static_cast<long long>(pid), 2), 14);
    appendPadded(out, "CPU", 14);
    appendPadded(out, "IOs", 14);
    out += '\n';

    std::vector<std::vector<Cells::Id>> instructions(n);
    std::vector<std::size_t> executed(n, 0);
    std::vector<TrackWalker> walkers;
    for (std::size_t i = 0; i < n; ++i) {
        const auto pid = static_cast<std::size_t>(trace.info(static_cast<ProcIndex>(i)).pid);
        if (pid < w.processes.size())
            for (auto instr : processRunInstructions(w.processes[pid].program))
                instructions[i].push_back(runCell(instr));
        walkers.push_back(TrackWalker{&trace.track(static_cast<ProcIndex>(i))});
    }
    static const Cells cells;
    constexpr std::size_t kFlushAt = 1 << 20;
    out.reserve(kFlushAt + 4096);
    long long cpuBusy = 0, ioBusy = 0;
    for (Tick t = 0; t < trace.end(); ++t) {
        bool star = false;
        for (auto& walker : walkers) {
            walker.advanceTo(t);
            star = star || walker.starred;
        }
        // "%3d" then "*" or " ".
        char number[24];
        const auto [end, ec] = std::to_chars(number, number + sizeof number, static_cast<long long>(t + 1));
        const auto digits = static_cast<std::size_t>(end - number);
        if (digits < 3)
            out.append(3 - digits, ' ');
        out.append(number, digits);
        out += star ? '*' : ' ';
        bool ran = false;
        int outstanding = 0;
        for (std::size_t i = 0; i < n; ++i) {
            Cells::Id cell = Cells::Ready;
            switch (walkers[i].state) {
            case ProcessState::Running:
                if (executed[i] < instructions[i].size()) {
                    cell = instructions[i][executed[i]++];
                    ran = true;
                } else {
                    cell = Cells::Running; // quirk: an empty process holds the CPU for a tick
                }
                break;
            case ProcessState::Blocked:
                ++outstanding;
                cell = Cells::Blocked;
                break;
            case ProcessState::Zombie:
            case ProcessState::Terminated:
                cell = Cells::Done;
                break;
            default:
                break;
            }
            out.append(cells.text[cell], 14);
        }
        cpuBusy += ran ? 1 : 0;
        out.append(cells.text[ran ? Cells::CpuBusy : Cells::Blank], 14);
        if (outstanding > 0) {
            ++ioBusy;
            appendPadded(out, std::to_string(outstanding), 14);
        } else {
            out.append(10, ' ');
        }
        out += '\n';
        if (out.size() >= kFlushAt) {
            sink(out);
            out.clear();
        }
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
    sink(out);
}

} // namespace procscope::ostep
