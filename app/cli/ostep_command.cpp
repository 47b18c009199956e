#include "app/cli/commands.h"
#include "core/ostep/ostep_run.h"

#include <cstdio>

namespace procscope::cli {

int ostepCommand(const std::vector<std::string>& args)
{
    if (args.empty()) {
        std::fputs(
            "usage: procscope-cli ostep process-run|scheduler|mlfq|lottery [SCRIPT OPTIONS...]\n", stderr);
        return 2;
    }
    const auto run = ostep::runOstep(args[0], std::vector<std::string>(args.begin() + 1, args.end()),
        [](std::string_view text) { std::fwrite(text.data(), 1, text.size(), stdout); });
    std::fwrite(run.out.data(), 1, run.out.size(), stdout);
    std::fflush(stdout);
    std::fwrite(run.err.data(), 1, run.err.size(), stderr);
    return run.exitCode;
}

} // namespace procscope::cli
