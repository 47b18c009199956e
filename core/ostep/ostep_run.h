// `procscope-cli ostep SCRIPT ARGS...` and `procscope --ostep SCRIPT ARGS...`: the four OSTEP
// homework simulators, reproduced by the one engine. Each script's options become a Workload with
// OSTEP's behaviours as engine options; its text is an exporter of the resulting Trace.
#pragma once

#include "core/model/workload.h"
#include "core/ostep/py_random.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace procscope::ostep {

struct OstepRun {
    int exitCode = 0;
    std::string out; // exactly what the script prints on stdout
    std::string err; // stderr: usage errors, or a one-line error where the script would crash
    // The run the text describes, for the GUI: the workload and the random stream that continues
    // after the workload was drawn (lottery.py draws its lotteries from it). Empty on errors.
    std::optional<Workload> workload;
    std::optional<PyRandom> rng;
};

// Receives standard output as it is produced, for outputs too big to hold (a long process-run
// table). Without one, OstepRun::out collects it.
using OutputSink = std::function<void(std::string_view)>;

// script: "process-run", "scheduler", "mlfq" or "lottery" (".py" accepted).
OstepRun runOstep(std::string_view script, const std::vector<std::string>& args, const OutputSink& sink = {});

OstepRun runProcessRun(const std::vector<std::string>& args, const OutputSink& sink = {});
OstepRun runScheduler(const std::vector<std::string>& args);
OstepRun runMlfq(const std::vector<std::string>& args);
OstepRun runLottery(const std::vector<std::string>& args);

// Shared by the runners: a failure where the script would crash or never stop.
OstepRun scriptError(std::string_view script, const std::string& stdoutSoFar, const std::string& message);

} // namespace procscope::ostep
