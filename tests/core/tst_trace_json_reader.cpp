// The native trace reader: lossless, byte-stable round trips of simulated traces, every kind of
// bad input with its message and place, inputs built to hurt (huge lines, deep nesting, binary),
// progress and cancel.
#include "core/io/trace_json_reader.h"
#include "core/io/trace_json_writer.h"
#include "core/io/workload_json.h"
#include "core/model/generator.h"
#include "core/sim/simulator.h"

#include <QObject>
#include <QTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <variant>

using namespace procscope;

Q_DECLARE_METATYPE(std::string)

namespace {

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

std::string testData(const std::string& relative)
{
    return std::string(PROCSCOPE_TEST_DATA) + "/" + relative;
}

std::string readFile(const std::string& path)
{
    std::string text;
    if (const auto error = readTextFile(path, text, kMaxTraceFileBytes))
        qWarning("%s", error->toString().c_str());
    return text;
}

bool contains(const std::string& s, const char* part)
{
    return s.find(part) != std::string::npos;
}

const Trace* traceOf(const TraceLoadResult& result)
{
    if (const auto* error = std::get_if<LoadError>(&result)) {
        qWarning("%s", error->toString().c_str());
        return nullptr;
    }
    return &std::get<LoadedTrace>(result).trace;
}

// The first difference between two traces, or "" when they are equal in every field.
std::string difference(const Trace& a, const Trace& b)
{
    const TraceMeta &x = a.meta, &y = b.meta;
    if (x.source != y.source || x.timeUnit != y.timeUnit || x.policy != y.policy ||
        x.parameters != y.parameters || x.seed != y.seed || x.devices != y.devices ||
        x.mlfqLevels != y.mlfqLevels)
        return "meta";
    if (a.end() != b.end() || a.finished() != b.finished())
        return "end or finished";
    if (a.processCount() != b.processCount())
        return "process count";
    for (ProcIndex p = 0; p < static_cast<ProcIndex>(a.processCount()); ++p) {
        const ProcessInfo &i = a.info(p), &j = b.info(p);
        if (i.pid != j.pid || i.name != j.name || i.parent != j.parent || i.arrival != j.arrival ||
            i.priority != j.priority || i.nice != j.nice || i.tickets != j.tickets ||
            i.exitCode != j.exitCode)
            return "info of process " + std::to_string(p);
        if (b.indexOf(j.pid) != p)
            return "pid index of process " + std::to_string(p);
        const ProcessTrack &s = a.track(p), &t = b.track(p);
        if (s.size() != t.size())
            return "track size of process " + std::to_string(p);
        for (std::size_t k = 0; k < s.size(); ++k)
            if (s.at(k) != t.at(k) || s.state(k) != t.state(k) || s.cause(k) != t.cause(k) ||
                s.aux(k) != t.aux(k) || s.level(k) != t.level(k))
                return "change " + std::to_string(k) + " of process " + std::to_string(p);
    }
    if (a.cpuCount() != b.cpuCount())
        return "cpu count";
    for (int c = 0; c < a.cpuCount(); ++c) {
        const CpuTrack &s = a.cpu(c), &t = b.cpu(c);
        if (s.size() != t.size())
            return "size of cpu " + std::to_string(c);
        for (std::size_t k = 0; k < s.size(); ++k)
            if (s.at(k) != t.at(k) || s.proc(k) != t.proc(k) || s.reason(k) != t.reason(k) ||
                s.a(k) != t.a(k) || s.b(k) != t.b(k))
                return "record " + std::to_string(k) + " of cpu " + std::to_string(c);
    }
    if (a.events().size() != b.events().size())
        return "event count";
    for (std::size_t k = 0; k < a.events().size(); ++k) {
        const SystemEvent &e = a.events()[k], &f = b.events()[k];
        if (e.at != f.at || e.kind != f.kind || e.text != f.text)
            return "event " + std::to_string(k);
    }
    return {};
}

// Reads `t` written, compares with `t`, writes it again and compares the bytes.
void checkRoundTrip(const Trace& t)
{
    const std::string text = writeTraceJson(t);
    const auto result = readNativeTrace(text, "round-trip");
    const Trace* read = traceOf(result);
    QVERIFY(read);
    QCOMPARE(std::get<LoadedTrace>(result).format, std::string("procscope-trace"));
    QCOMPARE(qs(difference(t, *read)), QString());
    QCOMPARE(writeTraceJson(*read), text);
}

Trace simulate(Workload w, Tick until = -1)
{
    QString problem = qs(normalize(w));
    if (!problem.isEmpty())
        qWarning("%s", qPrintable(problem));
    Simulator sim(std::move(w));
    if (until < 0)
        sim.run();
    else
        sim.advanceTo(until);
    return sim.trace();
}

// A random workload: policy, CPUs, context switches, I/O model and processes all drawn from `seed`.
Workload randomWorkload(std::int64_t seed)
{
    ostep::PyRandom rng(seed);
    GeneratorSpec g;
    g.seed = static_cast<std::uint64_t>(seed);
    g.count = static_cast<int>(rng.randint(1, 12));
    g.maxArrival = rng.randint(0, 40);
    g.maxBurst = rng.randint(1, 15);
    g.bursts = static_cast<int>(rng.randint(1, 5));
    g.ioPercent = static_cast<int>(rng.randint(0, 70));
    g.ioLength = rng.randint(1, 8);
    Workload w;
    w.processes = generateBatch(g, rng, 0, 0);
    for (ProcessSpec& p : w.processes) {
        p.priority = static_cast<int>(rng.randint(0, 4));
        p.tickets = static_cast<int>(rng.randint(1, 200));
        p.nice = static_cast<int>(rng.randint(-5, 5));
    }
    w.policy.kind = static_cast<PolicyKind>(seed % kPolicyCount);
    w.policy.quantum = rng.randint(1, 5);
    w.policy.mlfqQuanta = {1, 2, 4};
    w.policy.boostPeriod = rng.randint(0, 1) ? rng.randint(5, 30) : 0;
    w.policy.ioBump = rng.randint(0, 1) == 1;
    w.machine.cpus = static_cast<int>(rng.randint(1, 4));
    w.machine.contextSwitch = rng.randint(0, 2);
    w.machine.ioModel = rng.randint(0, 1) ? IoModel::FifoDevice : IoModel::Parallel;
    w.machine.ioDoneRunsImmediately = rng.randint(0, 3) == 0;
    w.seed = static_cast<std::uint64_t>(seed) * 0x9E3779B97F4A7C15ull; // above 2^63 for many seeds
    w.tickLimit = rng.randint(0, 3) == 0 ? rng.randint(5, 60) : 1'000'000;
    return w;
}

// A small valid trace, one value per line where the bad inputs below change it.
const std::string kBase = R"({"format":"procscope-trace","version":1,
"meta":{"source":"simulation","timeUnit":"tick","policy":"RR","parameters":"quantum=2","seed":7,"devices":["disk"],"queueLevels":0,"cpus":1,"end":9,"finished":true},
"processes":[
{"pid":0,"name":"A","parent":-2,"arrival":0,"priority":0,"nice":0,"tickets":100,"exitCode":0,"states":[[0,"New","Created",0,0],[0,"Ready","Admitted",0,0],[0,"Running","Dispatched",0,0],[4,"Zombie","Exited",0,0],[4,"Terminated","Reaped",0,0]]},
{"pid":1,"name":"B","parent":-2,"arrival":2,"priority":0,"nice":0,"tickets":100,"exitCode":0,"states":[[2,"New","Created",0,0],[2,"Ready","Admitted",1,0],[4,"Running","Dispatched",0,0],[9,"Zombie","Exited",0,0],[9,"Terminated","Reaped",0,0]]}],
"cpuLanes":[
[[0,0,"RoundRobin",0,0],[4,1,"RoundRobin",0,0],[9,-1,"None",0,0]]],
"events":[
{"at":3,"kind":"Boost","text":"boost"}]}
)";

// kBase with the first `from` replaced by `to`.
std::string with(const std::string& from, const std::string& to, const std::string& base = kBase)
{
    std::string s = base;
    const auto at = s.find(from);
    if (at == std::string::npos)
        qFatal("bad test row: %s not in the base text", from.c_str());
    return s.replace(at, from.size(), to);
}

} // namespace

class TestTraceJsonReader : public QObject {
    Q_OBJECT

private slots:
    void baseLoads();
    void bundledWorkloadsRoundTrip_data();
    void bundledWorkloadsRoundTrip();
    void randomWorkloadsRoundTrip();
    void everyFieldRoundTrips();
    void fixtureRewritesIdentically();
    void reorderedKeysReadTheSame();
    void optionalKeysHaveDefaults();
    void badInput_data();
    void badInput();
    void badFixtures_data();
    void badFixtures();
    void hugeSingleLine();
    void deepNesting();
    void randomBinary();
    void progressAndCancel();
};

void TestTraceJsonReader::baseLoads()
{
    const auto result = readNativeTrace(kBase, "base.json");
    const Trace* t = traceOf(result);
    QVERIFY(t);
    QCOMPARE(t->processCount(), std::size_t{2});
    QCOMPARE(t->cpu(0).procAt(5), 1);
    QCOMPARE(t->track(1).stateAt(5), std::optional<ProcessState>(ProcessState::Running));
    QCOMPARE(qs(writeTraceJson(*t)), qs(kBase));
}

void TestTraceJsonReader::bundledWorkloadsRoundTrip_data()
{
    QTest::addColumn<std::string>("path");
    const std::string dir = std::string(PROCSCOPE_TEST_DATA) + "/../../traces";
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.path().extension() == ".json")
            QTest::newRow(entry.path().filename().string().c_str()) << entry.path().string();
}

void TestTraceJsonReader::bundledWorkloadsRoundTrip()
{
    QFETCH(std::string, path);
    const auto workload = readWorkload(path);
    if (const auto* error = std::get_if<LoadError>(&workload))
        QFAIL(qPrintable(qs(error->toString())));
    const Workload& w = std::get<Workload>(workload);
    checkRoundTrip(simulate(w));
    checkRoundTrip(simulate(w, 7)); // unfinished
    for (const PolicyKind kind : {PolicyKind::Mlfq, PolicyKind::Stcf, PolicyKind::Cfs}) {
        Workload v = w;
        v.policy.kind = kind;
        v.policy.boostPeriod = 15;
        v.machine.cpus = 3;
        v.machine.contextSwitch = 1;
        checkRoundTrip(simulate(v));
    }
}

void TestTraceJsonReader::randomWorkloadsRoundTrip()
{
    for (std::int64_t seed = 1; seed <= 2000; ++seed) {
        const Trace t = simulate(randomWorkload(seed));
        checkRoundTrip(t);
        if (QTest::currentTestFailed()) {
            qWarning("seed %lld", static_cast<long long>(seed));
            return;
        }
    }
}

void TestTraceJsonReader::everyFieldRoundTrips()
{
    // Values a simulation does not produce: nanosecond times far apart (new epochs), extreme
    // integers, names with escapes and non-ASCII text, sparse pids, every event kind.
    Trace t;
    t.meta = TraceMeta{"procscope-trace", "ns", "CFS \"x\"", "a\\b\tc", 18446744073709551615ull,
        {"disk", "net \xE2\x86\x92", ""}, 256};
    t.setCpuCount(2);
    const Tick big = (Tick{1} << 62) - 1;
    t.addProcess(
        ProcessInfo{4194304, "caf\xC3\xA9 \xF0\x9F\x98\x80 \x01\x1F", -2, 5, INT32_MIN, INT32_MAX, 0, -1});
    t.addProcess(ProcessInfo{0, "", 4194304, big, 1, 2, 3, 4});
    t.addProcess(ProcessInfo{2147483647, "no changes", -1, 0, 0, 0, 0, 0});
    t.recordState(0, 5, ProcessState::New, Cause::Created, INT32_MIN, 0);
    t.recordState(0, 5'000'000'000, ProcessState::Unknown, Cause::Boosted, INT32_MAX, 255);
    t.recordState(0, 5'000'000'000, ProcessState::Suspended, Cause::Suspended, -1, 7);
    t.recordState(0, big, ProcessState::Blocked, Cause::IoDoneImmediate, 0, 0);
    t.recordState(1, big, ProcessState::Terminated, Cause::Killed, 0, 0);
    t.recordCpu(0, 0, kCpuSwitch, Reason::Imported, INT32_MIN, INT32_MAX);
    t.recordCpu(0, 1, 1, Reason::HeldCpu, -7, 7);
    t.recordCpu(0, 1, 0, Reason::Lottery, 1, 2);
    t.recordCpu(1, 9'000'000'000, 0, Reason::Cfs, 0, 0);
    t.recordCpu(1, big, kCpuIdle, Reason::None, 0, 0);
    for (int k = 0; k < 5; ++k)
        t.addEvent(SystemEvent{
            k * 1'000'000'000'000LL, static_cast<SystemEvent::Kind>(k), "text\n\"" + std::to_string(k)});
    t.setEnd(big, true);
    checkRoundTrip(t);
    Trace empty; // nothing at all, except that a trace has a CPU
    empty.setCpuCount(1);
    checkRoundTrip(empty);
}

void TestTraceJsonReader::fixtureRewritesIdentically()
{
    // Written by an earlier ProcScope: reading and writing it again must not change a byte.
    const std::string text = readFile(testData("traces/native/two-cpus-mlfq.trace.json"));
    QVERIFY(!text.empty());
    const auto result = readNativeTrace(text, "two-cpus-mlfq.trace.json");
    const Trace* t = traceOf(result);
    QVERIFY(t);
    QCOMPARE(writeTraceJson(*t), text);
}

void TestTraceJsonReader::reorderedKeysReadTheSame()
{
    // nlohmann sorts keys: "cpuLanes" before "meta" and "processes", "states" before "pid".
    const Trace t = simulate(randomWorkload(5));
    const std::string text = writeTraceJson(t);
    const std::string sorted = nlohmann::json::parse(text).dump(2);
    const auto result = readNativeTrace(sorted, "sorted.json");
    const Trace* read = traceOf(result);
    QVERIFY(read);
    QCOMPARE(qs(difference(t, *read)), QString());
}

void TestTraceJsonReader::optionalKeysHaveDefaults()
{
    const auto result = readNativeTrace(R"({"format":"procscope-trace","version":1,"meta":{"cpus":1,"end":3},
        "processes":[{"pid":5,"name":"x","states":[[2,"Unknown","Created",0,0]]}],"cpuLanes":[[]]})",
        "minimal.json");
    const Trace* t = traceOf(result);
    QVERIFY(t);
    QCOMPARE(t->info(0).arrival, Tick{2});
    QCOMPARE(t->info(0).parent, kInitPid);
    QCOMPARE(t->events().size(), std::size_t{0});
    QCOMPARE(t->meta.devices, std::vector<std::string>{"disk"});
    QCOMPARE(t->finished(), false);
}

void TestTraceJsonReader::badInput_data()
{
    // text, a fragment of the message, the JSON path ("" for none) and the text at which the
    // error points ("" for no position, "<end>" for the end of the text).
    QTest::addColumn<std::string>("text");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("path");
    QTest::addColumn<std::string>("at");
    const std::string a = "{\"pid\":0,";
    const std::string aStates = "[0,\"Running\",\"Dispatched\",0,0]";
    const std::string lane = "[4,1,\"RoundRobin\",0,0]";
    auto row = [](const char* name, const std::string& text, const char* message, const char* path,
                   const std::string& at) {
        QTest::newRow(name) << text << QString::fromUtf8(message) << QString::fromUtf8(path) << at;
    };

    // Not JSON, or not all of it.
    row("empty", "", "the file is empty", "", "");
    row("only white space", " \n\t ", "only white space", "", "");
    row("UTF-16", "\xFF\xFE{\0", "UTF-16", "", "");
    row("syntax error", with("\"version\":1,", "\"version\":1,,"), "JSON syntax error: unexpected ','", "",
        ",\n\"meta");
    row("missing colon", with("\"cpus\":1", "\"cpus\" 1"), "expected ':' after the key", "", "1,\"end");
    row("trailing comma", with("\"Boost\",\"text\":\"boost\"}", "\"Boost\",\"text\":\"boost\",}"),
        "expected a key", "", "}]}");
    row("trailing garbage", kBase + "xyz!", "trailing garbage", "", "xyz!");
    row("second document", kBase + "{}", "trailing garbage", "", "{}");
    row("truncated", kBase.substr(0, kBase.size() / 2), "unexpected end of the file", "", "<end>");
    row("truncated string", kBase.substr(0, kBase.find("RoundRobin") + 3), "unexpected end of the file", "",
        "<end>");
    row("NUL byte", with("\"A\"", std::string("\"A\0\"", 4)), "NUL byte", "", std::string("\0", 1));
    row("invalid UTF-8", with("\"A\"", "\"A\xC3\x28\""), "invalid UTF-8 (byte 0xC3)", "", "\xC3");
    row("UTF-8 surrogate", with("\"A\"", "\"\xED\xA0\x80\""), "invalid UTF-8 (byte 0xED)", "", "\xED");
    row("overlong UTF-8", with("\"A\"", "\"\xC0\xAF\""), "invalid UTF-8 (byte 0xC0)", "", "\xC0");
    row("lone surrogate escape", with("\"A\"", "\"\\udc00\""), "lone low surrogate", "", "\\udc00");
    row("bad escape", with("\"A\"", "\"\\x41\""), "expected an escape", "", "x41");
    row("control character", with("\"A\"", "\"A\tB\""), "control character 0x09 in a string", "", "\tB");
    row("leading zero", with("\"arrival\":2", "\"arrival\":02"), "must not start with 0", "", "2,\"prio");
    row("bare word", with("\"finished\":true", "\"finished\":yes"), "unexpected 'y'", "", "yes");

    // The wrong document.
    row("not an object", "[1,2]", "expected a JSON object", "$", "[1,2]");
    row("workload", with("procscope-trace", "procscope-workload"), "a workload", "$.format",
        "\"procscope-workload");
    row("unknown format", with("procscope-trace", "chrome"), "not a ProcScope trace", "$.format", "\"chrome");
    row("version 2", with("\"version\":1", "\"version\":2"),
        "unsupported version 2; this ProcScope reads version 1", "$.version", "2,\n");
    row("version as text", with("\"version\":1", "\"version\":\"1\""),
        "expected an integer version, got \"1\"", "$.version", "\"1\"");
    row("no processes",
        "{\"format\":\"procscope-trace\",\"version\":1,\"meta\":{\"cpus\":1,\"end\":0},\"cpuLanes\":[[]]}",
        "missing key \"processes\"", "$", "{");
    row("unknown key", with("\"nice\":0,", "\"nicety\":0,"),
        "unknown key \"nicety\"; allowed keys: pid, name", "$.processes[0].nicety", "\"nicety");
    row("duplicate key", with("\"name\":\"A\",", "\"name\":\"A\",\"name\":\"A\","), "duplicate key \"name\"",
        "$.processes[0]", "\"name\":\"A\",\"parent");

    // Wrong values.
    row("state typo", with(aStates, "[0,\"Runing\",\"Dispatched\",0,0]"),
        "expected a state name (New, Ready, Running, Blocked, Suspended, Zombie, Terminated, Unknown), got "
        "\"Runing\"",
        "$.processes[0].states[2][1]", "\"Runing");
    row("unknown cause", with(aStates, "[0,\"Running\",\"Scheduled\",0,0]"), "expected a cause (Created, ",
        "$.processes[0].states[2][2]", "\"Scheduled");
    row("unknown reason", with(lane, "[4,1,\"Fastest\",0,0]"), "expected a reason (None, OnlyCandidate",
        "$.cpuLanes[0][1][2]", "\"Fastest");
    row("unknown event kind", with("\"Boost\"", "\"Reboot\""), "expected an event kind (Boost, PolicyChanged",
        "$.events[0].kind", "\"Reboot");
    row("state as number", with(aStates, "[0,2,\"Dispatched\",0,0]"), "expected a state name",
        "$.processes[0].states[2][1]", "2,\"Disp");
    row("negative time", with(aStates, "[-5,\"Running\",\"Dispatched\",0,0]"),
        "expected a time (an integer from 0 to 2^62 - 1), got -5", "$.processes[0].states[2][0]", "-5");
    row("time 2^62", with(aStates, "[4611686018427387904,\"Running\",\"Dispatched\",0,0]"),
        "got 4611686018427387904 (too large)", "$.processes[0].states[2][0]", "4611686018427387904");
    row("time beyond int64", with(aStates, "[99999999999999999999,\"Running\",\"Dispatched\",0,0]"),
        "does not fit in 64 bits", "$.processes[0].states[2][0]", "99999999999999999999");
    row("time below int64", with("\"end\":9", "\"end\":-9223372036854775809"), "does not fit in 64 bits",
        "$.meta.end", "-9223372036854775809");
    row("fractional time", with(aStates, "[0.5,\"Running\",\"Dispatched\",0,0]"), "got 0.5",
        "$.processes[0].states[2][0]", "0.5");
    row("exponent time", with(aStates, "[1e3,\"Running\",\"Dispatched\",0,0]"), "got 1e3",
        "$.processes[0].states[2][0]", "1e3");
    row("int32 overflow", with(aStates, "[0,\"Running\",\"Dispatched\",2147483648,0]"),
        "expected a 32-bit integer, got 2147483648", "$.processes[0].states[2][3]", "2147483648");
    row("level 256", with(aStates, "[0,\"Running\",\"Dispatched\",0,256]"),
        "expected a level from 0 to 255, got 256", "$.processes[0].states[2][4]", "256]");
    row("unsorted states", with(aStates, "[5,\"Running\",\"Dispatched\",0,0]"), "unsorted: 4 comes after 5",
        "$.processes[0].states[3][0]", "4,\"Zombie");
    row("unsorted lane", with("[9,-1", "[ 3,-1"), "unsorted: 3 comes after 4", "$.cpuLanes[0][2][0]", "3,-1");
    row("unsorted events", with("\"events\":[\n", "\"events\":[\n{\"at\":5,\"kind\":\"Command\"},"),
        "unsorted: 3 comes after 5", "$.events[1].at", "3,\"kind\":\"Boost");
    row("too few fields", with(aStates, "[0,\"Running\",\"Dispatched\",0]"),
        "expected 5 elements [time, state, cause, detail, level], got 4", "$.processes[0].states[2]",
        "],[4,\"Zombie");
    row("too many fields", with(lane, "[4,1,\"RoundRobin\",0,0,0]"),
        "expected 5 elements [time, process, reason, a, b], got more", "$.cpuLanes[0][1]", ",0],[9,-1");
    row("record as object", with(aStates, "{}"),
        "expected a state change [time, state, cause, detail, level], got an empty object",
        "$.processes[0].states[2]", "{}");
    row("states as object", with("\"states\":[", "\"states\":{\"a\":1},\"x\":["),
        "expected an array of state changes, got an object", "$.processes[0].states", "{\"a\":1}");
    row("name as number", with("\"name\":\"A\"", "\"name\":5"), "expected a string, got 5",
        "$.processes[0].name", "5,\"parent");
    row("finished as text", with("\"finished\":true", "\"finished\":\"yes\""),
        "expected true or false, got \"yes\"", "$.meta.finished", "\"yes");
    row("time unit", with("\"tick\"", "\"ms\""), "expected \"tick\" or \"ns\", got \"ms\"", "$.meta.timeUnit",
        "\"ms");
    row("process index too big", with(lane, "[4,2,\"RoundRobin\",0,0]"),
        "expected a process index from 0 to 1, -1 (idle) or -3 (context switch), got 2 (the trace has 2 "
        "processes)",
        "$.cpuLanes[0][1][1]", "2,\"RoundRobin");
    row("process index -2", with(lane, "[4,-2,\"RoundRobin\",0,0]"), "got -2", "$.cpuLanes[0][1][1]",
        "-2,\"RoundRobin");
    row("process index -4", with(lane, "[4,-4,\"RoundRobin\",0,0]"),
        "expected a process index, -1 (idle) or -3", "$.cpuLanes[0][1][1]", "-4");
    row("duplicate pid", with("{\"pid\":1,", "{\"pid\":0,"), "duplicate pid 0 (also $.processes[0])",
        "$.processes[1].pid", "0,\"name\":\"B\"");
    row("negative pid", with(a, "{\"pid\":-1,"), "expected an integer from 0 to 2147483647, got -1",
        "$.processes[0].pid", "-1");
    row("parent -3", with("\"parent\":-2", "\"parent\":-3"),
        "expected an integer from -2 to 2147483647, got -3", "$.processes[0].parent", "-3");
    row("no CPUs", with("\"cpus\":1", "\"cpus\":0"), "expected a CPU count from 1 to 4096, got 0",
        "$.meta.cpus", "0,\"end");
    row("too many CPUs", with("\"cpus\":1", "\"cpus\":4097"), "got 4097", "$.meta.cpus", "4097");
    row("fewer lanes than CPUs", with("\"cpus\":1", "\"cpus\":2"), "expected 2 CPU lanes (meta.cpus), got 1",
        "$.cpuLanes", "[\n[[0,0");
    row("more lanes than CPUs", with("[9,-1,\"None\",0,0]]]", "[9,-1,\"None\",0,0]],[]]"),
        "more CPU lanes than meta.cpus (1)", "$.cpuLanes[1]", "[]]");
    row("seed negative", with("\"seed\":7", "\"seed\":-7"), "expected a seed", "$.meta.seed", "-7");
    row("seed beyond 2^64", with("\"seed\":7", "\"seed\":18446744073709551616"), "does not fit in 64 bits",
        "$.meta.seed", "18446744073709551616");
    row("nested in a value", with("\"source\":\"simulation\"", "\"source\":[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]"),
        "expected a string, got an array", "$.meta.source", "[[[[");
}

void TestTraceJsonReader::badInput()
{
    QFETCH(std::string, text);
    QFETCH(QString, message);
    QFETCH(QString, path);
    QFETCH(std::string, at);
    const auto result = readNativeTrace(text, "bad.json");
    QVERIFY2(std::holds_alternative<LoadError>(result), "the read succeeded");
    const LoadError& e = std::get<LoadError>(result);
    QVERIFY2(qs(e.message).contains(message), qPrintable(qs(e.toString())));
    QCOMPARE(e.file, std::string("bad.json"));
    QCOMPARE(qs(e.jsonPath), path);
    QVERIFY(!e.cancelled);
    if (at.empty()) {
        QCOMPARE(e.line, 0);
    } else {
        const std::size_t offset = at == "<end>" ? text.size() : text.find(at);
        QVERIFY2(offset != std::string::npos, "bad test row: `at` is not in the text");
        const auto [line, column] = lineColumn(text, offset);
        QCOMPARE(
            QStringLiteral("%1:%2").arg(e.line).arg(e.column), QStringLiteral("%1:%2").arg(line).arg(column));
    }
}

void TestTraceJsonReader::badFixtures_data()
{
    QTest::addColumn<std::string>("file");
    QTest::addColumn<std::string>("expected"); // the whole message, as the user sees it
    QTest::newRow("typo")
        << std::string("typo-state.trace.json")
        << std::string(
               "typo-state.trace.json:4:158: $.processes[0].states[2][1]: expected a state name (New, "
               "Ready, Running, Blocked, Suspended, Zombie, Terminated, Unknown), got \"Runing\"");
    QTest::newRow("version") << std::string("version-2.trace.json")
                             << std::string(
                                    "version-2.trace.json:1:39: $.version: unsupported version 2; this "
                                    "ProcScope reads version 1");
    QTest::newRow("lanes before processes")
        << std::string("lane-index-deferred.trace.json")
        << std::string("lane-index-deferred.trace.json:2:22: $.cpuLanes[0][1][1]: "
                       "expected a process index from 0 to 0, -1 (idle) or -3 "
                       "(context switch), got 3 (the trace has 1 process)");
    QTest::newRow("syntax") << std::string("syntax.trace.json")
                            << std::string(
                                   "syntax.trace.json:3:1: JSON syntax error: unexpected end of the file; "
                                   "expected ',' or '}'");
}

void TestTraceJsonReader::badFixtures()
{
    QFETCH(std::string, file);
    QFETCH(std::string, expected);
    const std::string text = readFile(testData("traces/native/bad/" + file));
    QVERIFY(!text.empty());
    const auto result = readNativeTrace(text, file);
    QVERIFY(std::holds_alternative<LoadError>(result));
    QCOMPARE(qs(std::get<LoadError>(result).toString()), qs(expected));
}

void TestTraceJsonReader::hugeSingleLine()
{
    // 64 MB on one line: a process name that long loads; a number that long is refused, in
    // linear time either way.
    const std::size_t n = std::size_t{64} << 20;
    const std::string name(n, 'x');
    const auto loaded =
        readNativeTrace(with("\"name\":\"A\"", "\"name\":\"" + name + "\""), "long-name.json");
    const Trace* t = traceOf(loaded);
    QVERIFY(t);
    QCOMPARE(t->info(0).name.size(), n);

    const auto number =
        readNativeTrace(with("\"end\":9", "\"end\":" + std::string(n, '7')), "long-number.json");
    QVERIFY(std::holds_alternative<LoadError>(number));
    QVERIFY(contains(std::get<LoadError>(number).message, "does not fit in 64 bits"));

    std::string commas = "{\"format\":\"procscope-trace\",\"version\":1,\"events\":[";
    commas += std::string(n, ',');
    const auto garbage = readNativeTrace(commas, "commas.json");
    QVERIFY(std::holds_alternative<LoadError>(garbage));
    QVERIFY(contains(std::get<LoadError>(garbage).message, "unexpected ','"));
}

void TestTraceJsonReader::deepNesting()
{
    const std::size_t depth = 100'000;
    const std::string deep = std::string(depth, '[') + std::string(depth, ']');
    for (const std::string& text : {deep, with("\"text\":\"boost\"", "\"text\":" + deep),
             with("\"states\":[", "\"states\":[" + std::string(depth, '[')),
             with("\"kind\":\"Boost\"", "\"kind\":\"Boost\",\"x\":" + std::string(depth, '{'))}) {
        const auto result = readNativeTrace(text, "deep.json");
        QVERIFY(std::holds_alternative<LoadError>(result));
        QVERIFY2(contains(std::get<LoadError>(result).message, "got an array") ||
                     contains(std::get<LoadError>(result).message, "unknown key"),
            qPrintable(qs(std::get<LoadError>(result).toString())));
    }
}

void TestTraceJsonReader::randomBinary()
{
    // Random bytes, random printable text, and the base trace with bytes flipped: always a clean
    // error or a trace, never a crash (ASan and UBSan watch this in the sanitizer build).
    ostep::PyRandom rng(4);
    for (int round = 0; round < 300; ++round) {
        std::string text;
        if (round < 100) {
            text.resize(static_cast<std::size_t>(rng.randint(1, 3000)));
            for (char& c : text)
                c = static_cast<char>(rng.randint(0, 255));
        } else if (round < 150) {
            text.resize(static_cast<std::size_t>(rng.randint(1, 3000)));
            for (char& c : text)
                c = "{}[],:\"0123456789-.eE \\tuenlrfas"[rng.randint(0, 31)];
        } else {
            text = kBase;
            for (int k = 0; k < 3; ++k)
                text[static_cast<std::size_t>(rng.randint(0, static_cast<std::int64_t>(text.size()) - 1))] =
                    static_cast<char>(rng.randint(0, 255));
        }
        const auto result = readNativeTrace(text, "random.bin");
        if (const auto* e = std::get_if<LoadError>(&result)) {
            QVERIFY(!e->message.empty());
            QVERIFY(!e->cancelled);
        }
    }
    std::string bytes = "\x7F"
                        "ELF\x02\x01\x01";
    bytes += std::string(1, '\0');
    const auto result = readNativeTrace(bytes, "a.out");
    QVERIFY(std::holds_alternative<LoadError>(result));
    QCOMPARE(qs(std::get<LoadError>(result).toString()),
        QStringLiteral("a.out:1:8: not a text file: it contains a NUL byte (binary data?)"));
}

void TestTraceJsonReader::progressAndCancel()
{
    // A few MB of trace: progress comes in steps, ends at the total; a false return cancels.
    Workload w = randomWorkload(3);
    ostep::PyRandom rng(1);
    GeneratorSpec g;
    g.count = 600;
    g.maxArrival = 50;
    g.bursts = 40;
    w.processes = generateBatch(g, rng, 0, 0);
    const std::string text = writeTraceJson(simulate(w));
    QVERIFY(text.size() > (std::size_t{3} << 20));

    std::vector<std::uint64_t> done;
    TraceLoadOptions options;
    options.progress = [&](std::uint64_t d, std::uint64_t total) {
        done.push_back(d);
        return total == text.size();
    };
    QVERIFY(traceOf(readNativeTrace(text, "big.json", options)));
    QVERIFY(done.size() >= 3);
    QVERIFY(std::is_sorted(done.begin(), done.end()));
    QCOMPARE(done.back(), std::uint64_t{text.size()});

    int calls = 0;
    options.progress = [&](std::uint64_t, std::uint64_t) { return ++calls < 2; };
    const auto cancelled = readNativeTrace(text, "big.json", options);
    QVERIFY(std::holds_alternative<LoadError>(cancelled));
    QVERIFY(std::get<LoadError>(cancelled).cancelled);
    QCOMPARE(std::get<LoadError>(cancelled).toString(), cancelledError("big.json").toString());
    QCOMPARE(calls, 2);
}

QTEST_MAIN(TestTraceJsonReader)
#include "tst_trace_json_reader.moc"
