#include "core/ostep/mlfq_text.h"

#include "core/ostep/py_format.h"

#include <algorithm>
#include <map>

namespace procscope::ostep {

std::string mlfqHeader(const MlfqSetup& s)
{
    const auto levels = static_cast<int>(s.quanta.size());
    std::string out = "Here is the list of inputs:\n";
    out += "OPTIONS jobs " + std::to_string(s.jobs.size()) + "\n";
    out += "OPTIONS queues " + std::to_string(levels) + "\n";
    // mlfq.py numbers the top queue levels-1; our vectors list it first.
    for (int q = levels - 1; q >= 0; --q) {
        const auto k = static_cast<std::size_t>(levels - 1 - q);
        out += "OPTIONS allotments for queue " + pyPercentD(q, 2) + " is " + pyPercentD(s.allotments[k], 3) +
               "\n";
        out += "OPTIONS quantum length for queue " + pyPercentD(q, 2) + " is " + pyPercentD(s.quanta[k], 3) +
               "\n";
    }
    out += "OPTIONS boost " + std::to_string(s.boost) + "\n";
    out += "OPTIONS ioTime " + std::to_string(s.ioTime) + "\n";
    out += "OPTIONS stayAfterIO " + std::string(pyBool(s.stay)) + "\n";
    out += "OPTIONS iobump " + std::string(pyBool(s.iobump)) + "\n";
    out += "\n\n";
    out += "For each job, three defining characteristics are given:\n"
           "  startTime : at what time does the job enter the system\n"
           "  runTime   : the total CPU time needed by the job to finish\n"
           "  ioFreq    : every ioFreq time units, the job issues an I/O\n"
           "              (the I/O takes ioTime units to complete)\n\n"
           "Job List:\n";
    for (std::size_t i = 0; i < s.jobs.size(); ++i)
        out += "  Job " + pyPercentD(static_cast<long long>(i), 2) + ": startTime " +
               pyPercentD(s.jobs[i].start, 3) + " - runTime " + pyPercentD(s.jobs[i].run, 3) + " - ioFreq " +
               pyPercentD(s.jobs[i].ioFreq, 3) + "\n";
    out += "\n";
    return out;
}

namespace {

std::string at(Tick t)
{
    return "[ time " + std::to_string(t) + " ] ";
}

struct Lines {
    std::map<Tick, std::string> leave;                        // FINISHED / IO_START, at the boundary
    std::map<Tick, std::vector<Pid>> begins;                  // in pid order
    std::map<Tick, std::vector<std::pair<Tick, Pid>>> ioDone; // (issued at, pid)
    std::map<Pid, Tick> firstRun, end;
};

Lines collect(const Trace& trace)
{
    Lines l;
    for (ProcIndex p = 0; p < static_cast<ProcIndex>(trace.processCount()); ++p) {
        const auto& track = trace.track(p);
        const Pid pid = trace.info(p).pid;
        if (!track.empty())
            l.begins[track.at(0)].push_back(pid);
        for (std::size_t i = 1; i < track.size(); ++i) {
            const Tick t = track.at(i);
            const ProcessState before = track.state(i - 1), now = track.state(i);
            if (now == ProcessState::Running && !l.firstRun.contains(pid))
                l.firstRun[pid] = t;
            if (before == ProcessState::Running && now == ProcessState::Zombie && track.at(i - 1) < t) {
                l.end[pid] = t;
                l.leave[t] += at(t) + "FINISHED JOB " + std::to_string(pid) + "\n";
            } else if (before == ProcessState::Running && now == ProcessState::Blocked) {
                l.leave[t] += at(t) + "IO_START by JOB " + std::to_string(pid) + "\nIO DONE\n";
            } else if (before == ProcessState::Blocked && now == ProcessState::Ready) {
                l.ioDone[t].emplace_back(track.at(i - 1), pid);
            }
        }
    }
    for (auto& [t, v] : l.begins)
        std::sort(v.begin(), v.end());
    for (auto& [t, v] : l.ioDone)
        std::sort(v.begin(), v.end());
    return l;
}

} // namespace

MlfqText mlfqSolution(const Trace& trace, const MlfqSetup& s)
{
    const auto levels = static_cast<int>(s.quanta.size());
    const Lines lines = collect(trace);
    const CpuTrack& cpu = trace.cpu(0);
    std::vector<long long> used(s.jobs.size(), 0);
    MlfqText text;
    std::string& out = text.out;
    auto runLine = [&](Tick t, std::size_t record, ProcIndex p, long long timeLeft) {
        const Pid pid = trace.info(p).pid;
        const auto& track = trace.track(p);
        const int level = track.level(track.indexAt(t));
        const long long ticks = cpu.a(record) - (t - cpu.at(record)) - 1;
        out += at(t) + "Run JOB " + std::to_string(pid) + " at PRIORITY " +
               std::to_string(levels - 1 - level) + " [ TICKS " + std::to_string(ticks) + " ALLOT " +
               std::to_string(cpu.b(record)) + " TIME " + std::to_string(timeLeft) + " (of " +
               std::to_string(s.jobs[static_cast<std::size_t>(pid)].run) + ") ]\n";
    };
    // mlfq.py aborts when it runs a job with no run time left: the first dispatch of such a job.
    Tick abortAt = kForever;
    for (ProcIndex p = 0; p < static_cast<ProcIndex>(trace.processCount()); ++p) {
        if (s.jobs[static_cast<std::size_t>(trace.info(p).pid)].run > 0)
            continue;
        const auto& track = trace.track(p);
        for (std::size_t i = 0; i < track.size(); ++i)
            if (track.state(i) == ProcessState::Running)
                abortAt = std::min(abortAt, track.at(i));
    }
    for (Tick t = 0;; ++t) {
        if (auto it = lines.leave.find(t); it != lines.leave.end())
            out += it->second;
        if (t >= trace.end() && t != abortAt)
            break;
        if (s.boost > 0 && t != 0 && t % s.boost == 0)
            out += at(t) + "BOOST ( every " + std::to_string(s.boost) + " )\n";
        if (auto it = lines.begins.find(t); it != lines.begins.end())
            for (Pid pid : it->second)
                out += at(t) + "JOB BEGINS by JOB " + std::to_string(pid) + "\n";
        if (auto it = lines.ioDone.find(t); it != lines.ioDone.end())
            for (const auto& [issued, pid] : it->second)
                out += at(t) + "IO_DONE by JOB " + std::to_string(pid) + "\n";
        const auto first = cpu.indexAt(t - 1) == CpuTrack::npos ? 0 : cpu.indexAt(t - 1) + 1;
        for (std::size_t r = first; r < cpu.size() && cpu.at(r) == t; ++r) {
            const ProcIndex p = cpu.proc(r);
            if (p >= 0 && s.jobs[static_cast<std::size_t>(trace.info(p).pid)].run <= 0) {
                runLine(t, r, p, s.jobs[static_cast<std::size_t>(trace.info(p).pid)].run - 1);
                text.error = "Error: should never have less than 0 time left to run\n";
                return text;
            }
        }
        const auto record = cpu.indexAt(t);
        const ProcIndex p = record == CpuTrack::npos ? kCpuIdle : cpu.proc(record);
        if (p < 0) {
            out += at(t) + "IDLE\n";
            continue;
        }
        const auto job = static_cast<std::size_t>(trace.info(p).pid);
        ++used[job];
        runLine(t, record, p, s.jobs[job].run - used[job]);
    }
    out += "\nFinal statistics:\n";
    double responseSum = 0, turnaroundSum = 0;
    for (std::size_t i = 0; i < s.jobs.size(); ++i) {
        const Pid pid = static_cast<Pid>(i);
        const long long response = lines.firstRun.at(pid) - s.jobs[i].start;
        const long long turnaround = lines.end.at(pid) - s.jobs[i].start;
        out += "  Job " + pyPercentD(static_cast<long long>(i), 2) + ": startTime " +
               pyPercentD(s.jobs[i].start, 3) + " - response " + pyPercentD(response, 3) + " - turnaround " +
               pyPercentD(turnaround, 3) + "\n";
        responseSum += static_cast<double>(response);
        turnaroundSum += static_cast<double>(turnaround);
    }
    const auto n = static_cast<double>(s.jobs.size());
    out += "\n  Avg " + pyPercentD(static_cast<long long>(s.jobs.size()) - 1, 2) +
           ": startTime n/a - response " + pyPercentF(responseSum / n, 2) + " - turnaround " +
           pyPercentF(turnaroundSum / n, 2) + "\n\n\n";
    return text;
}

} // namespace procscope::ostep
