// procscope-cli: ProcScope without a display. Simulate a workload, reproduce the OSTEP homework
// simulators, convert traces between formats and summarise them.
#include "app/cli/commands.h"

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr const char* kUsage =
    "Usage: procscope-cli <command> [options]\n"
    "\n"
    "Commands:\n"
    "  simulate WORKLOAD.json [--policy P] [--quantum N] [--cpus N] [--context-switch N]\n"
    "           [--until TICK] [--format table|json|metrics]\n"
    "                         simulate a workload; print a per-tick table and the metrics\n"
    "  ostep SCRIPT ARGS...   run an OSTEP homework simulator (process-run, scheduler, mlfq,\n"
    "                         lottery) with the script's own options; prints exactly what it prints\n"
    "  convert IN -o OUT [--to procscope|chrome|csv|metrics-csv] [--us-per-tick N]\n"
    "                         read any trace (native, Chrome JSON, trace-cmd report, perf script)\n"
    "                         or workload (simulated) and write it as a native trace, a Chrome\n"
    "                         trace for Perfetto, CSV intervals or CSV metrics (-o - for stdout,\n"
    "                         as a native trace unless --to says otherwise;\n"
    "                         without --to the format follows OUT: .chrome.json, .metrics.csv,\n"
    "                         .csv, .json)\n"
    "  info FILE              format, processes, time span, event count and metrics of a file\n"
    "  --help                 show this help\n";

} // namespace

int main(int argc, char** argv)
{
    const std::vector<std::string> args(argv + 1, argv + argc);
    const std::string_view command = args.empty() ? std::string_view() : std::string_view(args[0]);
    const std::vector<std::string> rest(args.empty() ? args.end() : args.begin() + 1, args.end());
    if (command == "--help" || command == "-h" || command == "help") {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (command == "ostep")
        return procscope::cli::ostepCommand(rest);
    if (command == "simulate")
        return procscope::cli::simulateCommand(rest);
    if (command == "convert")
        return procscope::cli::convertCommand(rest);
    if (command == "info")
        return procscope::cli::infoCommand(rest);
    if (command.empty())
        std::fputs("procscope-cli: no command given\n\n", stderr);
    else
        std::fprintf(stderr, "procscope-cli: unknown command '%s'\n\n", args[0].c_str());
    std::fputs(kUsage, stderr);
    return 2;
}
