#include "core/ostep/script_options.h"

namespace procscope::ostep {

namespace {

OptionSpec intOption(
    char shortName, std::string longName, std::string dest, std::int64_t def, std::string help)
{
    return {
        shortName, std::move(longName), OptionKind::Int, std::move(dest), PyInt(def), std::move(help), {}};
}

OptionSpec stringOption(
    char shortName, std::string longName, std::string dest, std::string def, std::string help)
{
    return {shortName, std::move(longName), OptionKind::String, std::move(dest), std::move(def),
        std::move(help), {}};
}

OptionSpec flagOption(char shortName, std::string longName, std::string dest, std::string help)
{
    return {shortName, std::move(longName), OptionKind::Flag, std::move(dest), false, std::move(help), {}};
}

OptionParser makeParser(std::string prog, int columns, std::vector<OptionSpec> specs)
{
    OptionParser parser(std::move(prog));
    parser.setColumns(columns);
    for (OptionSpec& spec : specs)
        parser.addOption(std::move(spec));
    return parser;
}

// Reads typed values out of a successful ParseResult; remembers the first int64 overflow.
class Reader {
public:
    Reader(const OptionParser& parser, const ParseResult& result)
        : m_parser(parser)
        , m_result(result)
    { }

    std::int64_t integer(const std::string& dest, const char* flag)
    {
        const PyInt& v = m_result.intValue(dest);
        if (const auto fits = v.toInt64())
            return *fits;
        if (m_error.empty())
            m_error = std::string("option ") + flag + ": value out of the supported 64-bit range: " + v.str();
        return 0;
    }
    void seed(SeedOption& out)
    {
        out.seedExact = m_result.intValue("seed");
        out.seed = out.seedExact.toInt64Saturated();
    }
    const std::string& text(const std::string& dest) { return m_result.stringValue(dest); }
    bool flag(const std::string& dest) { return m_result.flagValue(dest); }

    template <typename T>
    ScriptParse<T> finish(T options) const
    {
        ScriptParse<T> out;
        if (m_error.empty())
            out.options = std::move(options);
        else
            out.stop = {2, {}, m_parser.formatError(m_error)};
        return out;
    }

private:
    const OptionParser& m_parser;
    const ParseResult& m_result;
    std::string m_error;
};

template <typename T>
ScriptParse<T> stopped(const ParseResult& result)
{
    ScriptParse<T> out;
    out.stop = {result.exitCode, result.out, result.err};
    return out;
}

} // namespace

OptionParser processRunParser(int columns)
{
    return makeParser("process-run.py", columns,
        {
            intOption('s', "seed", "seed", 0, "the random seed"),
            stringOption('P', "program", "program", "", "more specific controls over programs"),
            stringOption('l', "processlist", "process_list", "",
                "a comma-separated list of processes to run, in the form X1:Y1,X2:Y2,... where X is "
                "the number of instructions that process should run, and Y the chances (from 0 to "
                "100) that an instruction will use the CPU or issue an IO (i.e., if Y is 100, a "
                "process will ONLY use the CPU and issue no I/Os; if Y is 0, a process will only "
                "issue I/Os)"),
            intOption('L', "iolength", "io_length", 5, "how long an IO takes"),
            stringOption('S', "switch", "process_switch_behavior", "SWITCH_ON_IO",
                "when to switch between processes: SWITCH_ON_IO, SWITCH_ON_END"),
            stringOption('I', "iodone", "io_done_behavior", "IO_RUN_LATER",
                "type of behavior when IO ends: IO_RUN_LATER, IO_RUN_IMMEDIATE"),
            flagOption('c', "", "solve", "compute answers for me"),
            flagOption('p', "printstats", "print_stats",
                "print statistics at end; only useful with -c flag (otherwise stats are not printed)"),
        });
}

OptionParser schedulerParser(int columns)
{
    return makeParser("scheduler.py", columns,
        {
            intOption('s', "seed", "seed", 0, "the random seed"),
            intOption('j', "jobs", "jobs", 3, "number of jobs in the system"),
            stringOption('l', "jlist", "jlist", "",
                "instead of random jobs, provide a comma-separated list of run times"),
            intOption('m', "maxlen", "maxlen", 10, "max length of job"),
            stringOption('p', "policy", "policy", "FIFO", "sched policy to use: SJF, FIFO, RR"),
            intOption('q', "quantum", "quantum", 1, "length of time slice for RR policy"),
            flagOption('c', "", "solve", "compute answers for me"),
        });
}

OptionParser mlfqParser(int columns)
{
    return makeParser("mlfq.py", columns,
        {
            intOption('s', "seed", "seed", 0, "the random seed"),
            intOption('n', "numQueues", "numQueues", 3, "number of queues in MLFQ (if not using -Q)"),
            intOption('q', "quantum", "quantum", 10, "length of time slice (if not using -Q)"),
            intOption('a', "allotment", "allotment", 1, "length of allotment (if not using -A)"),
            stringOption('Q', "quantumList", "quantumList", "",
                "length of time slice per queue level, specified as x,y,z,... where x is the "
                "quantum length for the highest priority queue, y the next highest, and so forth"),
            stringOption('A', "allotmentList", "allotmentList", "",
                "length of time allotment per queue level, specified as x,y,z,... where x is the # "
                "of time slices for the highest priority queue, y the next highest, and so forth"),
            intOption('j', "numJobs", "numJobs", 3, "number of jobs in the system"),
            intOption('m', "maxlen", "maxlen", 100, "max run-time of a job (if randomly generating)"),
            intOption('M', "maxio", "maxio", 10, "max I/O frequency of a job (if randomly generating)"),
            intOption('B', "boost", "boost", 0,
                "how often to boost the priority of all jobs back to high priority"),
            intOption('i', "iotime", "ioTime", 5, "how long an I/O should last (fixed constant)"),
            flagOption('S', "stay", "stay", "reset and stay at same priority level when issuing I/O"),
            flagOption('I', "iobump", "iobump",
                "if specified, jobs that finished I/O move immediately to front of current queue"),
            stringOption('l', "jlist", "jlist", "",
                "a comma-separated list of jobs to run, in the form x1,y1,z1:x2,y2,z2:... where x "
                "is start time, y is run time, and z is how often the job issues an I/O request"),
            flagOption('c', "", "solve", "compute answers for me"),
        });
}

OptionParser lotteryParser(int columns)
{
    return makeParser("lottery.py", columns,
        {
            intOption('s', "seed", "seed", 0, "the random seed"),
            intOption('j', "jobs", "jobs", 3, "number of jobs in the system"),
            stringOption('l', "jlist", "jlist", "",
                "instead of random jobs, provide a comma-separated list of run times and ticket "
                "values (e.g., 10:100,20:100 would have two jobs with run-times of 10 and 20, each "
                "with 100 tickets)"),
            intOption('m', "maxlen", "maxlen", 10, "max length of job"),
            intOption('T', "maxticket", "maxticket", 100, "maximum ticket value, if randomly assigned"),
            intOption('q', "quantum", "quantum", 1, "length of time slice"),
            flagOption('c', "compute", "solve", "compute answers for me"),
        });
}

ScriptParse<ProcessRunOptions> parseProcessRun(const std::vector<std::string>& args, int columns)
{
    const OptionParser parser = processRunParser(columns);
    const ParseResult r = parser.parse(args);
    if (r.stopped())
        return stopped<ProcessRunOptions>(r);
    Reader in(parser, r);
    ProcessRunOptions o;
    in.seed(o);
    o.program = in.text("program");
    o.processList = in.text("process_list");
    o.ioLength = in.integer("io_length", "-L");
    o.switchBehavior = in.text("process_switch_behavior");
    o.ioDoneBehavior = in.text("io_done_behavior");
    o.solve = in.flag("solve");
    o.printStats = in.flag("print_stats");
    return in.finish(std::move(o));
}

ScriptParse<SchedulerOptions> parseScheduler(const std::vector<std::string>& args, int columns)
{
    const OptionParser parser = schedulerParser(columns);
    const ParseResult r = parser.parse(args);
    if (r.stopped())
        return stopped<SchedulerOptions>(r);
    Reader in(parser, r);
    SchedulerOptions o;
    in.seed(o);
    o.jobs = in.integer("jobs", "-j");
    o.jlist = in.text("jlist");
    o.maxlen = in.integer("maxlen", "-m");
    o.policy = in.text("policy");
    o.quantum = in.integer("quantum", "-q");
    o.solve = in.flag("solve");
    return in.finish(std::move(o));
}

ScriptParse<MlfqOptions> parseMlfq(const std::vector<std::string>& args, int columns)
{
    const OptionParser parser = mlfqParser(columns);
    const ParseResult r = parser.parse(args);
    if (r.stopped())
        return stopped<MlfqOptions>(r);
    Reader in(parser, r);
    MlfqOptions o;
    in.seed(o);
    o.numQueues = in.integer("numQueues", "-n");
    o.quantum = in.integer("quantum", "-q");
    o.allotment = in.integer("allotment", "-a");
    o.quantumList = in.text("quantumList");
    o.allotmentList = in.text("allotmentList");
    o.numJobs = in.integer("numJobs", "-j");
    o.maxlen = in.integer("maxlen", "-m");
    o.maxio = in.integer("maxio", "-M");
    o.boost = in.integer("boost", "-B");
    o.ioTime = in.integer("ioTime", "-i");
    o.stay = in.flag("stay");
    o.iobump = in.flag("iobump");
    o.jlist = in.text("jlist");
    o.solve = in.flag("solve");
    return in.finish(std::move(o));
}

ScriptParse<LotteryOptions> parseLottery(const std::vector<std::string>& args, int columns)
{
    const OptionParser parser = lotteryParser(columns);
    const ParseResult r = parser.parse(args);
    if (r.stopped())
        return stopped<LotteryOptions>(r);
    Reader in(parser, r);
    LotteryOptions o;
    in.seed(o);
    o.jobs = in.integer("jobs", "-j");
    o.jlist = in.text("jlist");
    o.maxlen = in.integer("maxlen", "-m");
    o.maxticket = in.integer("maxticket", "-T");
    o.quantum = in.integer("quantum", "-q");
    o.solve = in.flag("solve");
    return in.finish(std::move(o));
}

} // namespace procscope::ostep
