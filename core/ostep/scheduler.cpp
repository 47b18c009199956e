// scheduler.py (OSTEP ch. 7, "Scheduling: Introduction") on the engine: FIFO, SJF or RR on one
// CPU, every job arriving at 0. Job lengths may be fractional (-l 2.5,1.5); the engine counts
// integer ticks, so lengths are scaled by a power of ten and the text divides it back out.
#include "core/ostep/ostep_run.h"
#include "core/ostep/py_format.h"
#include "core/ostep/py_split.h"
#include "core/ostep/script_options.h"
#include "core/sim/simulator.h"

#include <cmath>

namespace procscope::ostep {

namespace {

constexpr std::string_view kScript = "scheduler";

struct Run {
    int job;
    bool done; // the job finished at the end of this run
};

// The runs in the order the CPU made them, from the Trace.
std::vector<Run> runsOf(const Trace& trace)
{
    std::vector<Run> runs;
    const CpuTrack& cpu = trace.cpu(0);
    for (std::size_t i = 0; i < cpu.size(); ++i) {
        const ProcIndex p = cpu.proc(i);
        if (p < 0)
            continue;
        const Tick end = i + 1 < cpu.size() ? cpu.at(i + 1) : trace.end();
        const auto state = trace.track(p).stateAt(end);
        const bool done = state && (*state == ProcessState::Zombie || *state == ProcessState::Terminated);
        runs.push_back(Run{trace.info(p).pid, done});
    }
    return runs;
}

std::string statLine(const char* label, double response, double turnaround, double wait)
{
    return std::string(label) + " -- Response: " + pyPercentF(response, 3, 2) + "  Turnaround " +
           pyPercentF(turnaround, 3, 2) + "  Wait " + pyPercentF(wait, 3, 2) + "\n";
}

std::string timeField(double t)
{
    return pyPercentD(static_cast<long long>(std::trunc(t)), 3); // %d of a float truncates
}

// FIFO and SJF: the script prints the jobs in execution order, statistics from their lengths.
std::string fifoText(const std::vector<Run>& runs, const std::vector<double>& length)
{
    std::string out = "Execution trace:\n";
    double now = 0;
    for (const Run& r : runs) {
        const double len = length[static_cast<std::size_t>(r.job)];
        out += "  [ time " + timeField(now) + " ] Run job " + std::to_string(r.job) + " for " +
               pyPercentF(len, 2) + " secs ( DONE at " + pyPercentF(now + len, 2) + " )\n";
        now += len;
    }
    out += "\nFinal statistics:\n";
    double t = 0, responseSum = 0, turnaroundSum = 0, waitSum = 0;
    for (const Run& r : runs) {
        const double len = length[static_cast<std::size_t>(r.job)];
        out += statLine(("  Job " + pyPercentD(r.job, 3)).c_str(), t, t + len, t);
        responseSum += t;
        turnaroundSum += t + len;
        waitSum += t;
        t += len;
    }
    const auto count = static_cast<double>(runs.size());
    out += "\n" + statLine("  Average", responseSum / count, turnaroundSum / count, waitSum / count) + "\n";
    return out;
}

std::string roundRobinText(const std::vector<Run>& runs, const std::vector<double>& length, double quantum)
{
    const std::size_t n = length.size();
    std::vector<double> remaining = length, lastRan(n, 0.0), wait(n, 0.0), turnaround(n, 0.0),
                        response(n, -1);
    std::string out = "Execution trace:\n";
    double now = 0;
    for (const Run& r : runs) {
        const auto j = static_cast<std::size_t>(r.job);
        if (response[j] == -1)
            response[j] = now;
        wait[j] += now - lastRan[j];
        double ran = 0;
        out += "  [ time " + timeField(now) + " ] Run job " + pyPercentD(r.job, 3) + " for ";
        if (!r.done) {
            remaining[j] -= quantum;
            ran = quantum;
            out += pyPercentF(ran, 2) + " secs\n";
        } else {
            ran = remaining[j];
            out += pyPercentF(ran, 2) + " secs ( DONE at " + pyPercentF(now + ran, 2) + " )\n";
            turnaround[j] = now + ran;
        }
        now += ran;
        lastRan[j] = now;
    }
    out += "\nFinal statistics:\n";
    double responseSum = 0, turnaroundSum = 0, waitSum = 0;
    for (std::size_t j = 0; j < n; ++j) {
        turnaroundSum += turnaround[j];
        responseSum += response[j];
        waitSum += wait[j];
        out += statLine(("  Job " + pyPercentD(static_cast<long long>(j), 3)).c_str(), response[j],
            turnaround[j], wait[j]);
    }
    const auto count = static_cast<double>(n);
    out += "\n" + statLine("  Average", responseSum / count, turnaroundSum / count, waitSum / count) + "\n";
    return out;
}

// The power of ten that makes every length a whole number of ticks, or 0 if none up to 10^6 does.
std::int64_t tickScale(const std::vector<double>& lengths)
{
    std::int64_t scale = 1;
    for (double v : lengths) {
        std::int64_t s = 1;
        while (s <= 1'000'000 &&
               static_cast<double>(std::llround(v * static_cast<double>(s))) / static_cast<double>(s) != v)
            s *= 10;
        if (s > 1'000'000)
            return 0;
        scale = std::max(scale, s);
    }
    return scale;
}

} // namespace

OstepRun runScheduler(const std::vector<std::string>& args)
{
    auto parsed = parseScheduler(args);
    if (!parsed)
        return OstepRun{parsed.stop.exitCode, parsed.stop.out, parsed.stop.err, {}, {}};
    const SchedulerOptions& o = *parsed.options;
    PyRandom rng(o.seedExact);

    std::string out = "ARG policy " + o.policy + "\n";
    if (o.jlist.empty())
        out += "ARG jobs " + std::to_string(o.jobs) + "\nARG maxlen " + std::to_string(o.maxlen) +
               "\nARG seed " + o.seedExact.str() + "\n";
    else
        out += "ARG jlist " + o.jlist + "\n";
    out += "\nHere is the job list, with the run time of each job: \n";

    std::vector<double> lengths;
    if (o.jlist.empty()) {
        for (std::int64_t j = 0; j < o.jobs; ++j) {
            const auto runtime =
                static_cast<long long>(std::trunc(static_cast<double>(o.maxlen) * rng.random())) + 1;
            lengths.push_back(static_cast<double>(runtime));
            out += "  Job " + std::to_string(j) + " ( length = " + std::to_string(runtime) + " )\n";
        }
    } else {
        for (const auto& field : pySplit(o.jlist, ',')) {
            const auto v = pyFloat(field);
            if (!v)
                return scriptError(kScript, out, "-l: could not convert '" + field + "' to a number");
            lengths.push_back(*v);
        }
        for (std::size_t j = 0; j < lengths.size(); ++j)
            out += "  Job " + std::to_string(j) + " ( length = " + pyFloatRepr(lengths[j]) + " )\n";
    }
    out += "\n\n";

    if (!o.solve) {
        out += "Compute the turnaround time, response time, and wait time for each job.\n"
               "When you are done, run this program again, with the same arguments,\n"
               "but with -c, which will thus provide you with the answers. You can use\n"
               "-s <somenumber> or your own job list (-l 10,15,20 for example)\n"
               "to generate different problems for yourself.\n\n";
        return OstepRun{0, out, {}, {}, {}};
    }
    out += "** Solutions **\n\n";
    std::string policy = o.policy;
    if (policy != "FIFO" && policy != "SJF" && policy != "RR") {
        out += "Error: Policy " + policy + " is not available.\n";
        return OstepRun{0, out, {}, {}, {}};
    }
    if (lengths.empty())
        return scriptError(kScript, out, "no jobs: the averages would divide by zero");
    for (double v : lengths)
        if (!std::isfinite(v) || v < 0 || v > 1e12)
            return scriptError(
                kScript, out, "job lengths must be between 0 and 10^12, not " + pyFloatRepr(v));
    if (policy == "RR" && o.quantum <= 0)
        return scriptError(kScript, out, "-q must be positive for RR (scheduler.py would loop forever)");
    const std::int64_t scale = tickScale(lengths);
    if (scale == 0)
        return scriptError(kScript, out, "job lengths with more than 6 decimal places are not supported");

    Workload w;
    w.name = "scheduler";
    w.policy.kind = policy == "FIFO"  ? PolicyKind::Fifo
                    : policy == "SJF" ? PolicyKind::Sjf
                                      : PolicyKind::RoundRobin;
    w.policy.quantum = o.quantum * scale;
    Tick total = 0;
    for (std::size_t j = 0; j < lengths.size(); ++j) {
        ProcessSpec p;
        p.pid = static_cast<Pid>(j);
        p.name = "Job " + std::to_string(j);
        p.program.push_back(Op::cpu(std::llround(lengths[j] * static_cast<double>(scale))));
        total += p.program.back().ticks;
        w.processes.push_back(std::move(p));
    }
    w.tickLimit = total + 10;
    Simulator sim(w, rng);
    sim.run();
    const auto runs = runsOf(sim.trace());
    out += policy == "RR" ? roundRobinText(runs, lengths, static_cast<double>(o.quantum))
                          : fifoText(runs, lengths);
    return OstepRun{0, out, {}, w, rng};
}

} // namespace procscope::ostep
