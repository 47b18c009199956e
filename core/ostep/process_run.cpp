// process-run.py (OSTEP ch. 4, "The Abstraction: The Process") on the engine: FIFO with the
// script's cyclic pid pick and lazy retirement, one CPU, I/O that costs a CPU tick to issue and
// one to complete, SWITCH_ON_IO/END and IO_RUN_LATER/IMMEDIATE as machine options.
#include "core/ostep/ostep_run.h"
#include "core/ostep/process_run_text.h"
#include "core/ostep/py_format.h"
#include "core/ostep/py_split.h"
#include "core/ostep/script_options.h"
#include "core/sim/simulator.h"

namespace procscope::ostep {

namespace {

constexpr std::string_view kScript = "process-run";

void appendCpu(Program& program, Tick n)
{
    if (n <= 0)
        return;
    if (!program.empty() && program.back().kind == Op::Kind::Cpu)
        program.back().ticks += n;
    else
        program.push_back(Op::cpu(n));
}

} // namespace

OstepRun runProcessRun(const std::vector<std::string>& args, const OutputSink& sink)
{
    auto parsed = parseProcessRun(args);
    if (!parsed)
        return OstepRun{parsed.stop.exitCode, parsed.stop.out, parsed.stop.err, {}, {}};
    const ProcessRunOptions& o = *parsed.options;
    PyRandom rng(o.seedExact);

    if (o.switchBehavior != "SWITCH_ON_IO" && o.switchBehavior != "SWITCH_ON_END")
        return scriptError(
            kScript, {}, "-S must be SWITCH_ON_IO or SWITCH_ON_END, not '" + o.switchBehavior + "'");
    if (o.ioDoneBehavior != "IO_RUN_LATER" && o.ioDoneBehavior != "IO_RUN_IMMEDIATE")
        return scriptError(
            kScript, {}, "-I must be IO_RUN_LATER or IO_RUN_IMMEDIATE, not '" + o.ioDoneBehavior + "'");

    Workload w;
    w.name = "process-run";
    w.machine.switchOnIo = o.switchBehavior == "SWITCH_ON_IO";
    w.machine.ioDoneRunsImmediately = o.ioDoneBehavior == "IO_RUN_IMMEDIATE";
    w.machine.ioIssueCost = 1;
    w.machine.ioDoneCost = 1;
    w.policy.kind = PolicyKind::Fifo;
    w.compat.cyclicPidPick = true;
    w.compat.lazyRetire = true;
    const Tick ioLength = o.ioLength;
    Tick bound = 10;
    std::int64_t ioCount = 0;

    auto newProcess = [&w] {
        ProcessSpec p;
        p.pid = static_cast<Pid>(w.processes.size());
        p.name = "PID " + std::to_string(p.pid);
        w.processes.push_back(std::move(p));
        return &w.processes.back();
    };
    if (!o.program.empty()) {
        for (const auto& text : pySplit(o.program, ':')) {
            ProcessSpec* p = newProcess();
            for (const auto& op : pySplit(text, ',')) {
                if (op.empty())
                    return scriptError(kScript, {}, "empty operation in -P program '" + text + "'");
                if (op[0] == 'c') {
                    const auto n = pyInt(std::string_view(op).substr(1));
                    if (!n)
                        return scriptError(kScript, {}, "in -P, '" + op + "' is not c followed by a number");
                    if (*n > 100'000'000)
                        return scriptError(kScript, {}, "in -P, '" + op + "' is too long a burst");
                    appendCpu(p->program, *n);
                    bound += std::max<long long>(0, *n);
                } else if (op[0] == 'i') {
                    p->program.push_back(Op::io(ioLength));
                    ++ioCount;
                } else {
                    OstepRun r;
                    r.exitCode = 1;
                    r.out = "bad opcode " + std::string(1, op[0]) + " (should be c or i)\n";
                    return r;
                }
            }
        }
    } else {
        for (const auto& description : pySplit(o.processList, ',')) {
            ProcessSpec* p = newProcess();
            const auto fields = pySplit(description, ':');
            if (fields.size() != 2) {
                OstepRun r;
                r.exitCode = 1;
                r.out = "Bad description (" + description + "): Must be number <x:y>\n" +
                        "  where X is the number of instructions\n" +
                        "  and Y is the percent change that an instruction is CPU not IO\n";
                return r;
            }
            const auto count = pyInt(fields[0]);
            const auto percent = pyFloat(fields[1]);
            if (!count || !percent)
                return scriptError(
                    kScript, {}, "bad -l entry '" + description + "': expected X:Y with numbers");
            if (*count > 100'000'000)
                return scriptError(kScript, {}, "bad -l entry '" + description + "': too many instructions");
            const double chanceCpu = *percent / 100.0;
            for (long long i = 0; i < *count; ++i) {
                if (rng.random() < chanceCpu) {
                    appendCpu(p->program, 1);
                } else {
                    p->program.push_back(Op::io(ioLength));
                    ++ioCount;
                }
            }
            bound += std::max<long long>(0, *count);
        }
    }
    if (ioLength < 0)
        return scriptError(kScript, {}, "-L must not be negative");

    w.tickLimit = bound + ioCount * (ioLength + 2) + static_cast<Tick>(w.processes.size()) * 2 + 10;
    OstepRun r;
    r.workload = w;
    r.rng = rng;
    if (!o.solve) {
        r.out = processRunProblem(w);
        return r;
    }
    Simulator sim(w, rng);
    sim.run();
    processRunSolution(sim.trace(), w, o.printStats, [&](std::string_view text) {
        if (sink)
            sink(text);
        else
            r.out += text;
    });
    return r;
}

} // namespace procscope::ostep
