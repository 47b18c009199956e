// mlfq.py (OSTEP ch. 8) on the engine: the MLFQ policy with the script's parameters, one CPU, jobs
// that do an I/O every ioFreq ticks of CPU. The text (mlfq_text.cpp) is read off the Trace.
#include "core/ostep/mlfq_text.h"
#include "core/ostep/ostep_run.h"
#include "core/ostep/py_format.h"
#include "core/ostep/py_split.h"
#include "core/ostep/script_options.h"
#include "core/sim/simulator.h"

#include <cmath>

namespace procscope::ostep {

namespace {

constexpr std::string_view kScript = "mlfq";

Program jobProgram(long long runTime, long long ioFreq, long long ioTime)
{
    Program program;
    if (ioFreq <= 0 || ioFreq >= runTime) {
        program.push_back(Op::cpu(std::max(0LL, runTime)));
        return program;
    }
    for (long long done = 0; done < runTime;) {
        const long long chunk = std::min(ioFreq, runTime - done);
        program.push_back(Op::cpu(chunk));
        done += chunk;
        if (done < runTime)
            program.push_back(Op::io(ioTime));
    }
    return program;
}

} // namespace

OstepRun runMlfq(const std::vector<std::string>& args)
{
    auto parsed = parseMlfq(args);
    if (!parsed)
        return OstepRun{parsed.stop.exitCode, parsed.stop.out, parsed.stop.err, {}, {}};
    const MlfqOptions& o = *parsed.options;

    // Queues are listed top (highest priority) first, as -Q and -A are.
    std::vector<Tick> quanta;
    std::vector<int> allotments;
    if (!o.quantumList.empty()) {
        for (const auto& f : pySplit(o.quantumList, ',')) {
            const auto v = pyInt(f);
            if (!v)
                return scriptError(kScript, {}, "-Q: '" + f + "' is not a whole number");
            quanta.push_back(*v);
        }
    } else {
        if (o.numQueues <= 0 || o.numQueues > 255)
            return scriptError(kScript, {}, "-n must be between 1 and 255");
        quanta.assign(static_cast<std::size_t>(o.numQueues), o.quantum);
    }
    const auto levels = quanta.size();
    if (levels > 255)
        return scriptError(kScript, {}, "at most 255 queues");
    if (!o.allotmentList.empty()) {
        const auto fields = pySplit(o.allotmentList, ',');
        if (fields.size() != levels)
            return OstepRun{1, "number of allotments specified must match number of quantums\n", {}, {}, {}};
        for (std::size_t i = 0; i < fields.size(); ++i) {
            const auto v = pyInt(fields[i]);
            if (!v)
                return scriptError(kScript, {}, "-A: '" + fields[i] + "' is not a whole number");
            if (i + 1 != levels && *v <= 0)
                return OstepRun{1, "allotment must be positive integer\n", {}, {}, {}};
            allotments.push_back(static_cast<int>(*v));
        }
    } else {
        allotments.assign(levels, static_cast<int>(o.allotment));
    }

    struct Job {
        long long start, run, ioFreq;
    };
    std::vector<Job> jobs;
    PyRandom rng(o.seedExact);
    if (!o.jlist.empty()) {
        for (const auto& j : pySplit(o.jlist, ':')) {
            const auto fields = pySplit(j, ',');
            if (fields.size() != 3)
                return OstepRun{1,
                    "Badly formatted job string. Should be x1,y1,z1:x2,y2,z2:...\n"
                    "where x is the startTime, y is the runTime, and z is the I/O frequency.\n",
                    {}, {}, {}};
            const auto a = pyInt(fields[0]), b = pyInt(fields[1]), c = pyInt(fields[2]);
            if (!a || !b || !c)
                return scriptError(kScript, {}, "-l: job '" + j + "' must be three whole numbers");
            jobs.push_back(Job{*a, *b, *c});
        }
    } else {
        for (std::int64_t i = 0; i < o.numJobs; ++i) {
            const double r1 = rng.random();
            const auto run = static_cast<long long>(std::trunc(r1 * static_cast<double>(o.maxlen - 1) + 1.0));
            const double r2 = rng.random();
            const auto freq = static_cast<long long>(std::trunc(r2 * static_cast<double>(o.maxio - 1) + 1.0));
            jobs.push_back(Job{0, run, freq});
        }
    }

    MlfqSetup setup;
    setup.quanta = quanta;
    setup.allotments = allotments;
    setup.boost = o.boost;
    setup.ioTime = o.ioTime;
    setup.stay = o.stay;
    setup.iobump = o.iobump;
    for (const Job& j : jobs)
        setup.jobs.push_back(MlfqSetup::Job{j.start, j.run, j.ioFreq});
    std::string out = mlfqHeader(setup);
    if (!o.solve) {
        out += "Compute the execution trace for the given workloads.\n"
               "If you would like, also compute the response and turnaround\n"
               "times for each of the jobs.\n\n"
               "Use the -c flag to get the exact results when you are finished.\n\n";
        return OstepRun{0, out, {}, {}, {}};
    }
    out += "\nExecution Trace:\n\n";
    Tick total = 0;
    for (const Job& j : jobs) {
        if (j.start < 0)
            return scriptError(
                kScript, out, "a job starts at a negative time: mlfq.py would wait for it forever");
        if (j.ioFreq > 0 && j.ioFreq < j.run && o.ioTime < 0)
            return scriptError(kScript, out, "-i must not be negative: the I/O would never complete");
        if (j.run > 100'000'000 || j.start > 100'000'000)
            return scriptError(kScript, out, "job times above 10^8 are not supported");
        total =
            std::max<Tick>(total, j.start) + std::max(0LL, j.run) * (1 + std::max<std::int64_t>(0, o.ioTime));
    }
    if (jobs.empty())
        return scriptError(
            kScript, out + "\nFinal statistics:\n", "no jobs: mlfq.py fails computing the averages");

    Workload w;
    w.name = "mlfq";
    w.policy.kind = PolicyKind::Mlfq;
    w.policy.mlfqQuanta = quanta;
    w.policy.mlfqAllotments = allotments;
    w.policy.boostPeriod = o.boost;
    w.policy.stayOnIo = o.stay;
    w.policy.ioBump = o.iobump;
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        ProcessSpec p;
        p.pid = static_cast<Pid>(i);
        p.name = "Job " + std::to_string(i);
        p.arrival = jobs[i].start;
        p.program = jobProgram(jobs[i].run, jobs[i].ioFreq, o.ioTime);
        w.processes.push_back(std::move(p));
    }
    w.tickLimit = total + 10;
    Simulator sim(w, rng);
    sim.run();
    const auto text = mlfqSolution(sim.trace(), setup);
    out += text.out;
    if (!text.error.empty())
        return OstepRun{1, out, text.error, {}, {}};
    return OstepRun{0, out, {}, w, rng};
}

} // namespace procscope::ostep
