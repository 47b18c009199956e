#include "core/ostep/ostep_run.h"

namespace procscope::ostep {

OstepRun scriptError(std::string_view script, const std::string& stdoutSoFar, const std::string& message)
{
    OstepRun r;
    r.exitCode = 1;
    r.out = stdoutSoFar;
    r.err = std::string(script) + ".py: error: " + message + "\n";
    return r;
}

OstepRun runOstep(std::string_view script, const std::vector<std::string>& args, const OutputSink& sink)
{
    if (script.ends_with(".py"))
        script.remove_suffix(3);
    if (script == "process-run")
        return runProcessRun(args, sink);
    if (script == "scheduler")
        return runScheduler(args);
    if (script == "mlfq")
        return runMlfq(args);
    if (script == "lottery")
        return runLottery(args);
    OstepRun r;
    r.exitCode = 2;
    r.err = "procscope-cli ostep: unknown script '" + std::string(script) +
            "' (expected process-run, scheduler, mlfq or lottery)\n";
    return r;
}

} // namespace procscope::ostep
