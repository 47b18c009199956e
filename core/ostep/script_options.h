// The command lines of the four OSTEP CPU homework scripts (process-run.py, scheduler.py, mlfq.py,
// lottery.py): their optparse tables, copied from the scripts, and typed results.
#pragma once

#include "core/ostep/optparse.h"
#include "core/ostep/py_int.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace procscope::ostep {

// What to do instead of running the script: -h (exit 0, text on stdout) or a usage error (exit 2,
// text on stderr).
struct ParseStop {
    int exitCode = 0;
    std::string out;
    std::string err;
};

template <typename T>
struct ScriptParse {
    std::optional<T> options; // engaged when the script goes on to run
    ParseStop stop;           // meaningful when options is empty

    explicit operator bool() const { return options.has_value(); }
};

// Every script's -s. Python ints are unbounded, so seedExact carries the exact value for seeding
// (PyRandom::seed(seedExact)) and printing (seedExact.str()); seed is the same value whenever it fits
// in int64 (anything a person types short of 19 digits), else saturated.
struct SeedOption {
    std::int64_t seed = 0;
    PyInt seedExact;
};

struct ProcessRunOptions : SeedOption {
    std::string program;                         // -P
    std::string processList;                     // -l
    std::int64_t ioLength = 5;                   // -L
    std::string switchBehavior = "SWITCH_ON_IO"; // -S, unchecked: the script asserts later
    std::string ioDoneBehavior = "IO_RUN_LATER"; // -I, unchecked likewise
    bool solve = false;                          // -c
    bool printStats = false;                     // -p
};

struct SchedulerOptions : SeedOption {
    std::int64_t jobs = 3;       // -j
    std::string jlist;           // -l
    std::int64_t maxlen = 10;    // -m
    std::string policy = "FIFO"; // -p
    std::int64_t quantum = 1;    // -q
    bool solve = false;          // -c
};

struct MlfqOptions : SeedOption {
    std::int64_t numQueues = 3; // -n
    std::int64_t quantum = 10;  // -q
    std::int64_t allotment = 1; // -a
    std::string quantumList;    // -Q
    std::string allotmentList;  // -A
    std::int64_t numJobs = 3;   // -j
    std::int64_t maxlen = 100;  // -m
    std::int64_t maxio = 10;    // -M
    std::int64_t boost = 0;     // -B
    std::int64_t ioTime = 5;    // -i
    bool stay = false;          // -S
    bool iobump = false;        // -I
    std::string jlist;          // -l
    bool solve = false;         // -c
};

struct LotteryOptions : SeedOption {
    std::int64_t jobs = 3;        // -j
    std::string jlist;            // -l
    std::int64_t maxlen = 10;     // -m
    std::int64_t maxticket = 100; // -T
    std::int64_t quantum = 1;     // -q
    bool solve = false;           // -c / --compute
};

// The parsers, with prog names as the scripts print them ("process-run.py", ...). columns is the
// terminal width optparse would read from $COLUMNS (see OptionParser::columnsFromEnvironment()).
OptionParser processRunParser(int columns = 80);
OptionParser schedulerParser(int columns = 80);
OptionParser mlfqParser(int columns = 80);
OptionParser lotteryParser(int columns = 80);

// args excludes the program name. Integer options other than -s whose value does not fit in int64 are
// rejected as a usage error (exit 2); Python would accept them and then loop or crash.
ScriptParse<ProcessRunOptions> parseProcessRun(const std::vector<std::string>& args, int columns = 80);
ScriptParse<SchedulerOptions> parseScheduler(const std::vector<std::string>& args, int columns = 80);
ScriptParse<MlfqOptions> parseMlfq(const std::vector<std::string>& args, int columns = 80);
ScriptParse<LotteryOptions> parseLottery(const std::vector<std::string>& args, int columns = 80);

} // namespace procscope::ostep
