// lottery.py (OSTEP ch. 9, "Scheduling: Proportional Share") on the engine: the Lottery policy on
// one CPU, deciding only at slice boundaries, drawing from the random stream that drew the jobs.
#include "core/ostep/ostep_run.h"
#include "core/ostep/py_format.h"
#include "core/ostep/py_split.h"
#include "core/ostep/script_options.h"
#include "core/sim/simulator.h"

#include <cmath>

namespace procscope::ostep {

namespace {

constexpr std::string_view kScript = "lottery";

struct Job {
    long long run, tickets;
};

// The solution text, read off the decisions the CPU lane recorded.
std::string lotteryText(const Trace& trace, const std::vector<Job>& jobs, long long quantum,
    long long runTotal, std::string* error)
{
    std::string out = "** Solutions **\n\n";
    std::vector<long long> left;
    for (const Job& j : jobs)
        left.push_back(j.run);
    std::size_t live = jobs.size();
    const CpuTrack& cpu = trace.cpu(0);
    long long decisions = 0;
    for (std::size_t r = 0; r < cpu.size() && decisions < runTotal; ++r) {
        if (cpu.proc(r) < 0 || cpu.reason(r) != Reason::Lottery)
            continue;
        ++decisions;
        const auto winner = static_cast<std::size_t>(trace.info(cpu.proc(r)).pid);
        const long long draw = cpu.a(r), total = cpu.b(r);
        if (total <= 0) {
            *error = "lottery.py: error: no tickets left to draw from (every job has 0 tickets)\n";
            return out;
        }
        out += "Random " + std::to_string(draw) + " -> Winning ticket " + std::to_string(draw % total) +
               " (of " + std::to_string(total) + ") -> Run " + std::to_string(winner) + "\n  Jobs:\n";
        for (std::size_t j = 0; j < jobs.size(); ++j) {
            out += " (" + std::string(j == winner ? "*" : " ") + " job:" + std::to_string(j) +
                   " timeleft:" + std::to_string(std::max(0LL, left[j])) +
                   " tix:" + (left[j] > 0 ? std::to_string(jobs[j].tickets) : std::string("---")) + " ) ";
        }
        out += "\n";
        left[winner] = left[winner] >= quantum ? left[winner] - quantum : 0;
        if (left[winner] == 0) {
            left[winner] = -1; // finished: shows timeleft 0 and tix ---
            out += "--> JOB " + std::to_string(winner) + " DONE at time " +
                   std::to_string(cpu.at(r) + quantum) + "\n";
            if (--live == 0) {
                out += "\n";
                break;
            }
        }
    }
    return out;
}

} // namespace

OstepRun runLottery(const std::vector<std::string>& args)
{
    auto parsed = parseLottery(args);
    if (!parsed)
        return OstepRun{parsed.stop.exitCode, parsed.stop.out, parsed.stop.err, {}, {}};
    const LotteryOptions& o = *parsed.options;
    PyRandom rng(o.seedExact);

    std::string out = "ARG jlist " + o.jlist + "\nARG jobs " + std::to_string(o.jobs) + "\nARG maxlen " +
                      std::to_string(o.maxlen) + "\nARG maxticket " + std::to_string(o.maxticket) +
                      "\nARG quantum " + std::to_string(o.quantum) + "\nARG seed " + o.seedExact.str() +
                      "\n\n" + "Here is the job list, with the run time of each job: \n";
    std::vector<Job> jobs;
    if (o.jlist.empty()) {
        if (o.jobs > 0 && (o.maxlen <= 1 || o.maxticket <= 1))
            return scriptError(
                kScript, out, "-m and -T must be at least 2 for random jobs (lottery.py would loop forever)");
        for (std::int64_t j = 0; j < o.jobs; ++j) {
            long long runtime = 0, tickets = 0;
            while (runtime == 0)
                runtime = static_cast<long long>(std::trunc(static_cast<double>(o.maxlen) * rng.random()));
            while (tickets == 0)
                tickets = static_cast<long long>(std::trunc(static_cast<double>(o.maxticket) * rng.random()));
            jobs.push_back(Job{runtime, tickets});
        }
    } else {
        for (const auto& entry : pySplit(o.jlist, ',')) {
            const auto fields = pySplit(entry, ':');
            if (fields.size() != 2)
                return scriptError(kScript, out, "-l: '" + entry + "' is not run:tickets");
            const auto run = pyInt(fields[0]), tickets = pyInt(fields[1]);
            if (!run || !tickets)
                return scriptError(kScript, out, "-l: '" + entry + "' must be two whole numbers");
            jobs.push_back(Job{*run, *tickets});
        }
    }
    long long runTotal = 0;
    for (std::size_t j = 0; j < jobs.size(); ++j) {
        out += "  Job " + std::to_string(j) + " ( length = " + std::to_string(jobs[j].run) +
               ", tickets = " + std::to_string(jobs[j].tickets) + " )\n";
        runTotal += jobs[j].run;
    }
    out += "\n\n";
    if (!o.solve) {
        out += "Here is the set of random numbers you will need (at most):\n";
        for (long long i = 0; i < runTotal; ++i)
            out += "Random " + std::to_string(static_cast<long long>(rng.random() * 1000001.0)) + "\n";
        return OstepRun{0, out, {}, {}, {}};
    }
    for (const Job& j : jobs)
        if (j.run < 0 || j.tickets < 0 || j.run > 100'000'000 || j.tickets > 1'000'000'000)
            return scriptError(kScript, out, "-l: run times and tickets must be between 0 and 10^8");
    if (o.quantum <= 0)
        return scriptError(kScript, out, "-q must be positive");

    Workload w;
    w.name = "lottery";
    w.policy.kind = PolicyKind::Lottery;
    w.policy.quantum = o.quantum;
    w.compat.dispatchOnlyAtSliceEnd = true;
    for (std::size_t j = 0; j < jobs.size(); ++j) {
        ProcessSpec p;
        p.pid = static_cast<Pid>(j);
        p.name = "Job " + std::to_string(j);
        p.tickets = static_cast<int>(jobs[j].tickets);
        p.program.push_back(Op::cpu(jobs[j].run));
        w.processes.push_back(std::move(p));
    }
    w.tickLimit = (runTotal + static_cast<long long>(jobs.size()) + 2) * o.quantum + 10;
    const PyRandom afterJobs = rng;
    Simulator sim(w, rng);
    sim.run();
    std::string error;
    out += lotteryText(sim.trace(), jobs, o.quantum, runTotal, &error);
    if (!error.empty())
        return OstepRun{1, out, error, {}, {}};
    return OstepRun{0, out, {}, w, afterJobs};
}

} // namespace procscope::ostep
