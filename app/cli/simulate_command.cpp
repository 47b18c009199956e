#include "app/cli/commands.h"
#include "core/io/trace_json_writer.h"
#include "core/io/workload_json.h"
#include "core/metrics/metrics.h"
#include "core/sim/simulator.h"
#include "core/trace/trace_table.h"

#include <charconv>
#include <cstdio>
#include <optional>

namespace procscope::cli {

namespace {

std::optional<long long> number(const std::string& text)
{
    long long v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return v;
}

int usageError(const std::string& message)
{
    std::fprintf(stderr, "procscope-cli simulate: %s\n", message.c_str());
    return 2;
}

} // namespace

int simulateCommand(const std::vector<std::string>& args)
{
    std::string file, format = "table";
    std::optional<std::string> policy;
    std::optional<long long> quantum, cpus, contextSwitch, until;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> std::optional<std::string> {
            if (i + 1 >= args.size())
                return std::nullopt;
            return args[++i];
        };
        auto intValue = [&](std::optional<long long>& into) {
            const auto v = value();
            into = v ? number(*v) : std::nullopt;
            return into.has_value();
        };
        if (a == "--policy") {
            policy = value();
            if (!policy)
                return usageError("--policy needs a name");
        } else if (a == "--quantum") {
            if (!intValue(quantum))
                return usageError("--quantum needs a whole number");
        } else if (a == "--cpus") {
            if (!intValue(cpus))
                return usageError("--cpus needs a whole number");
        } else if (a == "--context-switch") {
            if (!intValue(contextSwitch))
                return usageError("--context-switch needs a whole number");
        } else if (a == "--until") {
            if (!intValue(until))
                return usageError("--until needs a tick");
        } else if (a == "--format") {
            const auto v = value();
            if (!v || (*v != "table" && *v != "json" && *v != "metrics"))
                return usageError("--format must be table, json or metrics");
            format = *v;
        } else if (!a.empty() && a[0] == '-') {
            return usageError("unknown option " + a);
        } else if (file.empty()) {
            file = a;
        } else {
            return usageError("only one workload file, please");
        }
    }
    if (file.empty())
        return usageError("no workload file given");

    auto loaded = readWorkload(file);
    if (auto* error = std::get_if<LoadError>(&loaded)) {
        std::fprintf(stderr, "%s\n", error->toString().c_str());
        return 1;
    }
    Workload w = std::get<Workload>(std::move(loaded));
    if (policy) {
        const auto kind = policyFromName(*policy);
        if (!kind) {
            std::fprintf(stderr,
                "procscope-cli simulate: unknown policy '%s' (expected FIFO, SJF, STCF, RR, "
                "Priority, MLFQ, Lottery, Stride or CFS)\n",
                policy->c_str());
            return 1;
        }
        w.policy.kind = *kind;
    }
    if (quantum)
        w.policy.quantum = *quantum;
    if (cpus)
        w.machine.cpus = static_cast<int>(*cpus);
    if (contextSwitch)
        w.machine.contextSwitch = *contextSwitch;
    if (const auto problem = normalize(w); !problem.empty()) {
        std::fprintf(stderr, "%s: %s\n", file.c_str(), problem.c_str());
        return 1;
    }

    Simulator sim(w);
    if (until)
        sim.advanceTo(*until);
    else
        sim.run();
    const Trace& trace = sim.trace();
    std::string out;
    if (format == "json")
        out = writeTraceJson(trace);
    else {
        if (format == "table")
            out = traceTable(trace);
        out += "\n" + formatMetrics(trace, computeMetrics(trace));
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    if (sim.hitTickLimit()) {
        std::fprintf(stderr,
            "%s: stopped at the tick limit %lld before every process finished "
            "(raise \"tickLimit\" in the workload if it should run longer)\n",
            file.c_str(), static_cast<long long>(w.tickLimit));
        return 1;
    }
    return 0;
}

} // namespace procscope::cli
