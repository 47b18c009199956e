// The native workload format: reading, writing, round trips, every kind of bad input, and OSTEP's
// compact program strings.
#include "core/io/workload_json.h"
#include "core/model/ostep_program.h"
#include "core/model/workload.h"

#include <QObject>
#include <QTest>

#include <filesystem>
#include <string>
#include <variant>

using namespace procscope;

Q_DECLARE_METATYPE(std::string)

namespace {

std::string testData(const std::string& relative)
{
    return std::string(PROCSCOPE_TEST_DATA) + "/" + relative;
}

std::string tracesDir()
{
    return std::string(PROCSCOPE_TEST_DATA) + "/../../traces/";
}

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

// The error text of a read that must fail; fails the test if it succeeded.
QString errorOf(const std::variant<Workload, LoadError>& result)
{
    if (const auto* error = std::get_if<LoadError>(&result))
        return qs(error->toString());
    return QStringLiteral("<read succeeded>");
}

const Workload* workloadOf(const std::variant<Workload, LoadError>& result)
{
    if (const auto* error = std::get_if<LoadError>(&result)) {
        qWarning("%s", error->toString().c_str());
        return nullptr;
    }
    return &std::get<Workload>(result);
}

std::string header()
{
    return R"("format": "procscope-workload", "version": 1)";
}

int countOps(const Program& program, Op::Kind kind)
{
    int n = 0;
    for (const Op& op : program) {
        n += op.kind == kind ? 1 : 0;
        if (op.child)
            n += countOps(*op.child, kind);
    }
    return n;
}

// A workload that uses every field, with `kind` as its policy and that policy's parameters set.
Workload everything(PolicyKind kind)
{
    Workload w;
    w.name = "Everything \xC3\xA9\xE2\x86\x92 \"quoted\"";
    w.description = "line one\nline two";
    w.machine.cpus = 3;
    w.machine.contextSwitch = 2;
    w.machine.ioModel = IoModel::FifoDevice;
    w.machine.devices = {"disk", "net", "usb"};
    w.machine.switchOnIo = false;
    w.machine.ioDoneRunsImmediately = true;
    w.machine.ioIssueCost = 1;
    w.machine.ioDoneCost = 1;
    w.policy.kind = kind;
    switch (kind) {
    case PolicyKind::RoundRobin:
    case PolicyKind::Lottery:
        w.policy.quantum = 7;
        break;
    case PolicyKind::Stride:
        w.policy.quantum = 3;
        w.policy.strideBig = 777;
        break;
    case PolicyKind::Priority:
        w.policy.preemptive = false;
        w.policy.agingInterval = 9;
        break;
    case PolicyKind::Mlfq:
        w.policy.mlfqQuanta = {1, 2, 4, 8};
        w.policy.mlfqAllotments = {1, 1, 2, 2};
        w.policy.boostPeriod = 40;
        w.policy.stayOnIo = true;
        w.policy.ioBump = true;
        break;
    case PolicyKind::Cfs:
        w.policy.targetLatency = 24;
        w.policy.minGranularity = 3;
        break;
    default:
        break;
    }
    w.compat.lazyRetire = true;
    w.seed = 18446744073709551615ull;
    w.tickLimit = 12345;
    ProcessSpec a;
    a.pid = 3;
    a.name = "A";
    a.arrival = 0;
    a.priority = -4;
    a.nice = 19;
    a.tickets = 1;
    Program grandchild{Op::cpu(1), Op::exit(255)};
    a.program = {Op::cpu(5), Op::io(0, 2),
        Op::fork({Op::cpu(2), Op::fork(grandchild, "gc"), Op::wait()}, "kid"), Op::fork({Op::io(4, 1)}),
        Op::wait(4), Op::wait(), Op::exec({Op::cpu(1), Op::exit(7)})};
    ProcessSpec b;
    b.pid = 9;
    b.name = "B";
    b.arrival = 6;
    b.program = {};
    w.processes = {a, b};
    GeneratorSpec g;
    g.seed = 99;
    g.count = 2;
    g.openEnded = true;
    w.generator = g;
    return w;
}

} // namespace

class TestWorkloadJson : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void bundledTracesRoundTrip_data();
    void bundledTracesRoundTrip();
    void demoShape();
    void forkWaitShape();
    void goodFiles_data();
    void goodFiles();
    void everyPolicyRoundTrips_data();
    void everyPolicyRoundTrips();
    void writerLayout();
    void badFiles_data();
    void badFiles();
    void badText_data();
    void badText();
    void errorsNameTheProcess_data();
    void errorsNameTheProcess();
    void syntaxErrorPosition_data();
    void syntaxErrorPosition();
    void veryDeepNestingIsRefused();
    void deepForksWithinTheLimitAreRead();
    void ostepProgram_data();
    void ostepProgram();
    void badOstepProgram_data();
    void badOstepProgram();
    void policyNames_data();
    void policyNames();
    void normalizeFillsAndSorts();
    void normalizeRejects_data();
    void normalizeRejects();
    void lineColumnCountsCharacters();
    void names();
};

// --- bundled workloads ------------------------------------------------------------------------

void TestWorkloadJson::bundledTracesRoundTrip_data()
{
    QTest::addColumn<QString>("file");
    for (const char* name :
        {"demo.json", "convoy-fifo.json", "mlfq-boost.json", "two-cpus.json", "fork-wait.json"})
        QTest::newRow(name) << QString::fromUtf8(name);
    // The lessons, each with its chapter and questions.
    for (const char* name : {"lessons/01-cpu-vs-io-bound.json", "lessons/02-fork-wait-zombies.json",
             "lessons/03-convoy-effect.json", "lessons/04-rr-response-vs-turnaround.json",
             "lessons/05-mlfq-gaming.json", "lessons/06-mlfq-boost.json", "lessons/07-lottery-fairness.json",
             "lessons/08-several-cpus.json"})
        QTest::newRow(name) << QString::fromUtf8(name);
}

void TestWorkloadJson::bundledTracesRoundTrip()
{
    QFETCH(QString, file);
    const auto first = readWorkload(tracesDir() + file.toStdString());
    const Workload* w = workloadOf(first);
    QVERIFY(w);
    QVERIFY(!w->name.empty());
    QVERIFY(!w->description.empty());
    QVERIFY(!w->processes.empty());
    if (file.startsWith(QStringLiteral("lessons/"))) {
        QVERIFY(w->lesson.has_value());
        QVERIFY(!w->lesson->chapter.empty());
        QVERIFY(w->lesson->questions.size() >= 3);
    }

    const std::string text = writeWorkload(*w);
    const auto second = readWorkloadFromString(text, "written.json");
    const Workload* again = workloadOf(second);
    QVERIFY(again);
    QVERIFY(*again == *w);
    QCOMPARE(qs(writeWorkload(*again)), qs(text)); // the writer is stable
}

void TestWorkloadJson::demoShape()
{
    const auto result = readWorkload(tracesDir() + "demo.json");
    const Workload* w = workloadOf(result);
    QVERIFY(w);
    QCOMPARE(w->machine.cpus, 1);
    QCOMPARE(w->policy.kind, PolicyKind::RoundRobin);
    QCOMPARE(w->policy.quantum, Tick(2));
    QCOMPARE(int(w->processes.size()), 5);
    int forks = 0, waits = 0, ios = 0;
    Tick cpu = 0;
    for (const ProcessSpec& p : w->processes) {
        forks += countOps(p.program, Op::Kind::Fork);
        waits += countOps(p.program, Op::Kind::Wait);
        ios += countOps(p.program, Op::Kind::Io);
        cpu += totalCpu(p.program);
        for (const Op& op : p.program) {
            if (op.kind == Op::Kind::Fork)
                cpu += totalCpu(*op.child);
        }
    }
    QVERIFY(forks >= 1);
    QCOMPARE(waits, forks);
    QVERIFY(ios >= 3);
    // One CPU: the demo cannot finish before its CPU work is done, and should not idle for long.
    QVERIFY2(cpu >= 35 && cpu <= 70, qPrintable(QString::number(cpu)));
}

void TestWorkloadJson::forkWaitShape()
{
    const auto result = readWorkload(tracesDir() + "fork-wait.json");
    const Workload* w = workloadOf(result);
    QVERIFY(w);
    QCOMPARE(int(w->processes.size()), 1);
    const Program& shell = w->processes.front().program;
    QCOMPARE(countOps(shell, Op::Kind::Fork), 2);
    QCOMPARE(countOps(shell, Op::Kind::Wait), 2);
    // quick exits before the shell waits: the shell computes after both forks, before waiting.
    std::size_t firstWait = 0;
    while (shell[firstWait].kind != Op::Kind::Wait)
        ++firstWait;
    QVERIFY(shell[firstWait - 1].kind == Op::Kind::Cpu);
    const Program& quick = *shell[1].child;
    QVERIFY(shell[firstWait - 1].ticks > totalCpu(quick));
}

void TestWorkloadJson::goodFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("minimal") << QStringLiteral("workloads/good/minimal.json");
    QTest::newRow("all keys") << QStringLiteral("workloads/good/all-keys.json");
}

void TestWorkloadJson::goodFiles()
{
    QFETCH(QString, file);
    const auto result = readWorkload(testData(file.toStdString()));
    const Workload* w = workloadOf(result);
    QVERIFY(w);
    const auto again = readWorkloadFromString(writeWorkload(*w), "again.json");
    QVERIFY(workloadOf(again));
    QVERIFY(std::get<Workload>(again) == *w);

    if (file.contains(QStringLiteral("minimal"))) {
        QVERIFY(*w == Workload{});
        return;
    }
    // all-keys: pids filled after the largest explicit one, names, sorted by (arrival, pid).
    QCOMPARE(int(w->processes.size()), 3);
    QCOMPARE(w->processes[0].pid, 5);
    QCOMPARE(w->processes[1].pid, 7);
    QCOMPARE(qs(w->processes[1].name), QStringLiteral("P7"));
    QCOMPARE(w->processes[2].pid, 6);
    QCOMPARE(qs(w->processes[2].name), QStringLiteral("late"));
    QVERIFY(w->processes[2].program == (Program{Op::cpu(2), Op::io(3), Op::cpu(1), Op::io(7)}));
    QCOMPARE(w->processes[0].program[1].device, 1);
    QCOMPARE(w->policy.kind, PolicyKind::Mlfq);
    QVERIFY(w->generator.has_value());
    QCOMPARE(w->generator->seed, std::uint64_t(18446744073709551615ull));
    QCOMPARE(w->machine.ioModel, IoModel::FifoDevice);
    QVERIFY(w->compat.cyclicPidPick && w->compat.lazyRetire && w->compat.dispatchOnlyAtSliceEnd);
    QVERIFY(w->lesson.has_value());
    QCOMPARE(qs(w->lesson->chapter), QStringLiteral("8 MLFQ"));
    QCOMPARE(int(w->lesson->questions.size()), 2);
}

void TestWorkloadJson::everyPolicyRoundTrips_data()
{
    QTest::addColumn<int>("kind");
    for (int k = 0; k < kPolicyCount; ++k)
        QTest::newRow(std::string(policyName(static_cast<PolicyKind>(k))).c_str()) << k;
}

void TestWorkloadJson::everyPolicyRoundTrips()
{
    QFETCH(int, kind);
    Workload w = everything(static_cast<PolicyKind>(kind));
    QCOMPARE(qs(normalize(w)), QString());
    const std::string text = writeWorkload(w);
    const auto result = readWorkloadFromString(text, "everything.json");
    const Workload* back = workloadOf(result);
    QVERIFY2(back, text.c_str());
    QVERIFY2(*back == w, text.c_str());
}

void TestWorkloadJson::writerLayout()
{
    Workload w = everything(PolicyKind::RoundRobin);
    QCOMPARE(qs(normalize(w)), QString());
    const QString text = qs(writeWorkload(w));
    QVERIFY(text.startsWith(
        QStringLiteral("{\n  \"format\": \"procscope-workload\",\n  \"version\": 1,\n  \"name\": ")));
    QVERIFY(text.endsWith(QStringLiteral("\n}\n")));
    QVERIFY(text.contains(QStringLiteral("\n  \"policy\": {\"name\": \"RR\", \"quantum\": 7},\n")));
    QVERIFY(text.contains(QStringLiteral("\"device\": \"usb\"")));
    QVERIFY(text.contains(QStringLiteral("{\"wait\": \"any\"}")));
    QVERIFY(text.contains(QStringLiteral("{\"wait\": 4}")));
    QVERIFY(!text.contains(QLatin1Char('\t')));
    // Keys in a fixed order, whatever order the input had.
    const QStringList order{QStringLiteral("\"machine\""), QStringLiteral("\"policy\""),
        QStringLiteral("\"seed\""), QStringLiteral("\"compat\""), QStringLiteral("\"tickLimit\""),
        QStringLiteral("\"processes\""), QStringLiteral("\"generator\"")};
    qsizetype previous = -1;
    for (const QString& key : order) {
        const qsizetype at = text.indexOf(key);
        QVERIFY2(at > previous, qPrintable(key));
        previous = at;
    }
    // No line is longer than the writer's width (none of these values is too long by itself).
    for (const QString& line : text.split(QLatin1Char('\n')))
        QVERIFY2(line.size() <= 100, qPrintable(line));
    // Defaults of the process are left out; compat is left out when all off.
    Workload plain;
    plain.processes.push_back(ProcessSpec{0, "A", 0, 0, 0, 100, {Op::cpu(1)}});
    const QString small = qs(writeWorkload(plain));
    QVERIFY(!small.contains(QStringLiteral("tickets")));
    QVERIFY(!small.contains(QStringLiteral("compat")));
    QVERIFY(!small.contains(QStringLiteral("generator")));
    QVERIFY(small.contains(
        QStringLiteral("{\"pid\": 0, \"name\": \"A\", \"arrival\": 0, \"program\": [{\"cpu\": 1}]}")));
}

// --- bad inputs -------------------------------------------------------------------------------

void TestWorkloadJson::badFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("expected"); // each must appear in the message

    auto row = [](const char* name, const char* file, QStringList expected) {
        QTest::newRow(name) << QString::fromUtf8(file) << expected;
    };
    row("missing file", "workloads/bad/no-such-file.json",
        {QStringLiteral("no-such-file.json: cannot open: No such file or directory")});
    row("directory", "workloads/bad", {QStringLiteral("bad: is a directory, not a file")});
    row("empty", "workloads/bad/empty.json", {QStringLiteral("empty.json: the file is empty")});
    row("truncated", "workloads/bad/truncated.json",
        {QStringLiteral("truncated.json:5:30: JSON syntax error:"), QStringLiteral("missing closing quote")});
    row("trailing comma", "workloads/bad/trailing-comma.json",
        {QStringLiteral("trailing-comma.json:5:3: JSON syntax error: unexpected ']'"),
            QStringLiteral("a comma after the last element?")});
    row("not an object", "workloads/bad/not-an-object.json",
        {QStringLiteral("not-an-object.json: $: expected a JSON object"), QStringLiteral("got an array")});
    row("wrong type", "workloads/bad/wrong-type.json",
        {QStringLiteral("wrong-type.json: $.machine.cpus: expected an integer from 1 to 64, got \"two\"")});
    row("unknown operation", "workloads/bad/unknown-op.json",
        {QStringLiteral("$.processes[0] (P0).program[1].sleep: unknown operation \"sleep\""),
            QStringLiteral("expected one of cpu, io, fork, exec, wait, exit")});
    row("negative length", "workloads/bad/negative-length.json",
        {QStringLiteral("negative-length.json: $.processes[2] (P2).program[1].io: expected a non-negative "
                        "integer, got -3")});
    row("duplicate pid", "workloads/bad/duplicate-pid.json",
        {QStringLiteral("$.processes[2] (C).pid: duplicate pid 4 (also $.processes[0].pid)")});
    row("unknown policy", "workloads/bad/unknown-policy.json",
        {QStringLiteral("$.policy.name: unknown policy \"EDF\""),
            QStringLiteral("FIFO, SJF, STCF, RR, Priority, MLFQ, Lottery, Stride, CFS")});
    row("parameter of another policy", "workloads/bad/unknown-parameter.json",
        {QStringLiteral("$.policy.quantum: policy FIFO has no parameter \"quantum\""),
            QStringLiteral("RR, Lottery, Stride"), QStringLiteral("allowed keys: name")});
    row("misspelt parameter", "workloads/bad/misspelt-parameter.json",
        {QStringLiteral(
             "$.policy.quantom: unknown key \"quantom\" for policy RR (did you mean \"quantum\"?)"),
            QStringLiteral("allowed keys: name, quantum")});
    row("wait without children", "workloads/bad/wait-without-children.json",
        {QStringLiteral("$.processes[0] (P0).program[3]: wait with no child to wait for")});
    row("operations after exit", "workloads/bad/ops-after-exit.json",
        {QStringLiteral("$.processes[0] (P0).program[2]: never runs")});
    row("unknown key", "workloads/bad/unknown-key.json",
        {QStringLiteral("$.proceses: unknown key \"proceses\" (did you mean \"processes\"?)"),
            QStringLiteral("allowed keys: format, version,")});
    row("newer version", "workloads/bad/newer-version.json",
        {QStringLiteral("$.version: version 7 is newer than this ProcScope reads (1)")});
    row("a trace, not a workload", "workloads/bad/trace-file.json",
        {QStringLiteral("$.format: this is a ProcScope trace, not a workload")});
    row("duplicate key", "workloads/bad/duplicate-key.json",
        {QStringLiteral("$.policy: duplicate key \"quantum\"")});
    row("unknown device", "workloads/bad/unknown-device.json",
        {QStringLiteral("$.processes[0].program[0].device: unknown device \"usb\""),
            QStringLiteral("disk, net")});
    row("MLFQ levels mismatch", "workloads/bad/mlfq-mismatch.json",
        {QStringLiteral("$.policy.allotments: MLFQ has 3 quanta but 2 allotments")});
    row("bad compact program", "workloads/bad/bad-compact-program.json",
        {QStringLiteral("$.processes[0].program: operation 2 \"x2\": unknown operation")});
    row("invalid UTF-8", "workloads/bad/invalid-utf8.json",
        {QStringLiteral("invalid-utf8.json:4:15: invalid UTF-8 (byte 0xE9)")});
    row("binary", "workloads/bad/binary.json", {QStringLiteral("binary.json:1:8: not a text file")});
    row("UTF-16", "workloads/bad/utf16.json", {QStringLiteral("utf16.json: the file is UTF-16 text")});
    row("lesson questions not strings", "workloads/bad/lesson-questions.json",
        {QStringLiteral("$.lesson.questions[1]: expected a string, got 3")});
    row("deep nesting", "workloads/bad/deep-nesting.json",
        {QStringLiteral("deep-nesting.json:1:311: arrays and objects nested deeper than 256 levels")});
}

void TestWorkloadJson::badFiles()
{
    QFETCH(QString, file);
    QFETCH(QStringList, expected);
    const QString message = errorOf(readWorkload(testData(file.toStdString())));
    for (const QString& part : expected)
        QVERIFY2(message.contains(part), qPrintable(message));
}

void TestWorkloadJson::badText_data()
{
    QTest::addColumn<QString>("body"); // members after "format" and "version"
    QTest::addColumn<QString>("expected");

    auto row = [](const char* name, const char* body, const char* expected) {
        QTest::newRow(name) << QString::fromUtf8(body) << QString::fromUtf8(expected);
    };
    row("cpus 0", R"("machine": {"cpus": 0})", "$.machine.cpus: expected an integer from 1 to 64, got 0");
    row("cpus 65", R"("machine": {"cpus": 65})", "$.machine.cpus: expected an integer from 1 to 64, got 65");
    row("cpus float", R"("machine": {"cpus": 2.0})",
        "$.machine.cpus: expected an integer from 1 to 64, got 2.0");
    row("machine not object", R"("machine": 3)", "$.machine: expected an object, got 3");
    row("negative context switch", R"("machine": {"contextSwitch": -1})",
        "$.machine.contextSwitch: expected a non-negative integer, got -1");
    row("bool as string", R"("machine": {"switchOnIo": "yes"})",
        "$.machine.switchOnIo: expected true or false, got \"yes\"");
    row("io model", R"("machine": {"io": {"model": "elevator"}})",
        "$.machine.io.model: expected \"parallel\" or \"fifo\", got \"elevator\"");
    row("no devices", R"("machine": {"io": {"devices": []}})",
        "$.machine.io.devices: expected a non-empty array of device names, got an empty array");
    row("duplicate device", R"("machine": {"io": {"devices": ["disk", "disk"]}})",
        "$.machine.io.devices[1]: duplicate device \"disk\"");
    row("unknown machine key", R"("machine": {"cores": 2})", "$.machine.cores: unknown key \"cores\"");
    row("policy without name", R"("policy": {"quantum": 2})", "$.policy: missing key \"name\"");
    row("quantum 0", R"("policy": {"name": "RR", "quantum": 0})",
        "$.policy.quantum: expected a positive integer, got 0");
    row("MLFQ empty quanta", R"("policy": {"name": "MLFQ", "quanta": []})",
        "$.policy.quanta: expected a non-empty array of time slices");
    row("MLFQ zero quantum", R"("policy": {"name": "MLFQ", "quanta": [2, 0]})",
        "$.policy.quanta[1]: expected a positive integer, got 0");
    row("MLFQ key on RR", R"("policy": {"name": "rr", "boostPeriod": 5})",
        "$.policy.boostPeriod: policy RR has no parameter \"boostPeriod\" (boostPeriod is a parameter of "
        "MLFQ)");
    row("CFS key on Stride", R"("policy": {"name": "Stride", "targetLatency": 5})",
        "allowed keys: name, quantum, strideBig");
    row("compat unknown", R"("compat": {"cyclic": true})", "$.compat.cyclic: unknown key \"cyclic\"");
    row("tickLimit 0", R"("tickLimit": 0)", "$.tickLimit: expected a positive integer, got 0");
    row("name not string", R"("name": 5)", "$.name: expected a string, got 5");
    row("processes not array", R"("processes": {})",
        "$.processes: expected an array of processes, got an empty object");
    row("process without program", R"("processes": [{"pid": 0}])",
        "$.processes[0] (P0): missing key \"program\"");
    row("negative pid", R"("processes": [{"pid": -1, "program": "c1"}])",
        "$.processes[0].pid: expected an integer from 0 to 2147483647, got -1");
    row("nice out of range", R"("processes": [{"nice": 20, "program": "c1"}])",
        "$.processes[0].nice: expected an integer from -20 to 19, got 20");
    row("zero tickets", R"("processes": [{"tickets": 0, "program": "c1"}])",
        "$.processes[0].tickets: expected an integer from 1 to 2147483647, got 0");
    row("negative arrival", R"("processes": [{"arrival": -5, "program": "c1"}])",
        "$.processes[0].arrival: expected a non-negative integer, got -5");
    row("huge burst", R"("processes": [{"program": [{"cpu": 99999999999999}]}])",
        "$.processes[0].program[0].cpu: expected a positive integer, got 99999999999999 (the largest allowed "
        "is");
    row("zero cpu", R"("processes": [{"program": [{"cpu": 0}]}])",
        "$.processes[0].program[0].cpu: expected a positive integer, got 0");
    row("program wrong type", R"("processes": [{"program": 7}])",
        "$.processes[0].program: expected a program: an array of operations or a compact string");
    row("operation not object", R"("processes": [{"program": ["c1"]}])",
        "$.processes[0].program[0]: expected an operation such as {\"cpu\": 3}, got \"c1\"");
    row("empty operation", R"("processes": [{"program": [{}]}])",
        "$.processes[0].program[0]: an empty operation");
    row("two operations", R"("processes": [{"program": [{"cpu": 1, "io": 2}]}])",
        "$.processes[0].program[0]: an operation has exactly one of cpu, io, fork, exec, wait, exit; this "
        "one has both");
    row("extra key on cpu", R"("processes": [{"program": [{"cpu": 1, "device": "disk"}]}])",
        "$.processes[0].program[0].device: unknown key \"device\" in a cpu operation; allowed keys: cpu");
    row("misspelt operation", R"("processes": [{"program": [{"frok": "c1"}]}])",
        "unknown operation \"frok\" (did you mean \"fork\"?)");
    row("unknown operation beside a name", R"("processes": [{"program": [{"name": "x", "spawn": "c1"}]}])",
        "$.processes[0].program[0].spawn: unknown operation \"spawn\"");
    row("wait bad value", R"("processes": [{"program": [{"fork": "c1"}, {"wait": "all"}]}])",
        "$.processes[0].program[1].wait: expected \"any\" or the pid of a child, got \"all\"");
    row("wait before fork", R"("processes": [{"program": [{"wait": "any"}, {"fork": "c1"}]}])",
        "$.processes[0].program[0]: wait with no child to wait for: the process has not forked");
    row("wait in a child without children",
        R"("processes": [{"program": [{"fork": [{"cpu": 1}, {"wait": "any"}]}, {"wait": "any"}]}])",
        "$.processes[0].program[0].fork[1]: wait with no child to wait for");
    row("after exec", R"("processes": [{"program": [{"exec": "c2"}, {"cpu": 1}]}])",
        "$.processes[0].program[1]: never runs: the exec before it replaces the program");
    row("exit code", R"("processes": [{"program": [{"exit": 256}]}])",
        "$.processes[0].program[0].exit: expected an integer from 0 to 255, got 256");
    row("fork name type", R"("processes": [{"program": [{"fork": "c1", "name": 3}]}])",
        "$.processes[0].program[0].name: expected a string, got 3");
    row("compact in fork", R"("processes": [{"program": [{"fork": "c1,,i"}]}])",
        "$.processes[0].program[0].fork: operation 2 is empty");
    row("io length negative top", R"("ioLength": -2)", "$.ioLength: expected a non-negative integer, got -2");
    row("generator count", R"("generator": {"count": 0})",
        "$.generator.count: expected an integer from 1 to 100000, got 0");
    row("generator bursts", R"("generator": {"minBurst": 5, "maxBurst": 3})",
        "$.generator.maxBurst: maxBurst 3 is less than minBurst 5");
    row("generator seed", R"("generator": {"seed": -1})",
        "$.generator.seed: expected a non-negative integer (at most 18446744073709551615), got -1");
    row("seed float", R"("seed": 1.5)",
        "$.seed: expected a non-negative integer (at most 18446744073709551615), got 1.5");
    row("seed too big", R"("seed": 18446744073709551616)", "$.seed: expected a non-negative integer");
    row("generator percent", R"("generator": {"ioPercent": 101})",
        "$.generator.ioPercent: expected an integer from 0 to 100, got 101");
    row("odd key quoted in path", R"("my key": 1)", "$[\"my key\"]: unknown key \"my key\"");
    row("duplicate nested key", R"("processes": [{"program": "c1"}, {"program": "c1", "program": "c2"}])",
        "$.processes[1]: duplicate key \"program\"");
    row("number overflow", R"("tickLimit": 1e400)", "t.json:2:14: JSON number out of range");
    row("comment", "// a comment\n\"name\": \"x\"", "2:1: JSON syntax error");
}

void TestWorkloadJson::badText()
{
    QFETCH(QString, body);
    QFETCH(QString, expected);
    const std::string text = "{" + header() + ",\n" + body.toStdString() + "}";
    const QString message = errorOf(readWorkloadFromString(text, "t.json"));
    QVERIFY2(message.startsWith(QStringLiteral("t.json")), qPrintable(message));
    QVERIFY2(message.contains(expected), qPrintable(message));
}

// A problem inside a process names it as the views do (its name, or P<pid>), beside its JSON
// path; the path itself stays a plain JSON path for the editor, which finds the cell by it.
void TestWorkloadJson::errorsNameTheProcess_data()
{
    QTest::addColumn<QString>("processes");
    QTest::addColumn<QString>("message");  // the whole of toString()
    QTest::addColumn<QString>("jsonPath"); // LoadError::jsonPath, unchanged

    auto row = [](const char* name, const char* processes, const char* message, const char* path) {
        QTest::newRow(name) << QString::fromUtf8(processes) << QString::fromUtf8(message)
                            << QString::fromUtf8(path);
    };
    row("second process, by name",
        R"([{"name": "init", "program": "c1"}, {"name": "shell", "program": [{"cpu": 0}]}])",
        "t.json: $.processes[1] (shell).program[0].cpu: expected a positive integer, got 0",
        "$.processes[1].program[0].cpu");
    row("unnamed, by pid", R"([{"pid": 7, "arrival": -1, "program": "c1"}])",
        "t.json: $.processes[0] (P7).arrival: expected a non-negative integer, got -1",
        "$.processes[0].arrival");
    row("name before pid", R"([{"pid": 7, "name": "editor", "nice": 40, "program": "c1"}])",
        "t.json: $.processes[0] (editor).nice: expected an integer from -20 to 19, got 40",
        "$.processes[0].nice");
    row("neither name nor pid: the path alone", R"([{"program": [{"io": -1}]}])",
        "t.json: $.processes[0].program[0].io: expected a non-negative integer, got -1",
        "$.processes[0].program[0].io");
    row("the name itself is wrong", R"([{"name": 3, "program": "c1"}])",
        "t.json: $.processes[0].name: expected a string, got 3", "$.processes[0].name");
    row("a bad pid names nothing", R"([{"pid": -4, "program": "c1"}])",
        "t.json: $.processes[0].pid: expected an integer from 0 to 2147483647, got -4", "$.processes[0].pid");
    row("inside a fork: the process that forks",
        R"([{"name": "shell", "program": [{"fork": [{"cpu": 0}]}]}])",
        "t.json: $.processes[0] (shell).program[0].fork[0].cpu: expected a positive integer, got 0",
        "$.processes[0].program[0].fork[0].cpu");
    row("the whole process is wrong", R"([{"name": "shell"}])",
        "t.json: $.processes[0] (shell): missing key \"program\"; expected the process's program, e.g. "
        "\"c7,i,c1\" or [{\"cpu\": 7}]",
        "$.processes[0]");
    row("a long name is shortened",
        R"([{"name": "a process with a very long name indeed, longer than forty", "tickets": 0, "program": "c1"}])",
        "t.json: $.processes[0] (a process with a very long name indeed, …).tickets: expected an integer "
        "from 1 "
        "to 2147483647, got 0",
        "$.processes[0].tickets");
    row("not an object", R"(["shell"])", "t.json: $.processes[0]: expected an object, got \"shell\"",
        "$.processes[0]");
}

void TestWorkloadJson::errorsNameTheProcess()
{
    QFETCH(QString, processes);
    QFETCH(QString, message);
    QFETCH(QString, jsonPath);
    const std::string text = "{" + header() + ",\n\"processes\": " + processes.toStdString() + "}";
    const auto result = readWorkloadFromString(text, "t.json");
    QCOMPARE(errorOf(result), message);
    QCOMPARE(qs(std::get<LoadError>(result).jsonPath), jsonPath);
}

void TestWorkloadJson::syntaxErrorPosition_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("missing value") << QStringLiteral("{\"format\": }") << 1 << 12;
    QTest::newRow("third line") << QStringLiteral("{\n  \"a\": 1,\n  \"b\" 2\n}") << 3 << 7;
    QTest::newRow("after multibyte characters")
        << QString::fromUtf8("{\"name\": \"\xC3\xA9\xC3\xA9\xE2\x86\x92\", x}") << 1 << 17;
    QTest::newRow("end of input") << QStringLiteral("{\"a\": [1, 2") << 1 << 12;
    QTest::newRow("trailing garbage") << QStringLiteral("{}\n\n  x") << 3 << 3;
    QTest::newRow("whitespace only") << QStringLiteral("  \n ") << 0 << 0;
}

void TestWorkloadJson::syntaxErrorPosition()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(int, column);
    const auto result = readWorkloadFromString(text.toStdString(), "s.json");
    const auto* error = std::get_if<LoadError>(&result);
    QVERIFY(error);
    QCOMPARE(error->line, line);
    QCOMPARE(error->column, column);
    if (line > 0)
        QVERIFY2(qs(error->toString()).startsWith(QStringLiteral("s.json:%1:%2: ").arg(line).arg(column)),
            error->toString().c_str());
}

void TestWorkloadJson::veryDeepNestingIsRefused()
{
    // Far deeper than any stack could recurse; refused before the JSON parser sees it.
    const std::string deep = std::string(200000, '[') + std::string(200000, ']');
    const QString message = errorOf(readWorkloadFromString(deep, "deep.json"));
    QVERIFY2(message.startsWith(QStringLiteral("deep.json:1:257: arrays and objects nested deeper than 256")),
        qPrintable(message));
    // Brackets inside strings do not count.
    const std::string inString = "{" + header() + ", \"name\": \"" + std::string(1000, '[') + "\"}";
    const auto result = readWorkloadFromString(inString, "s.json");
    QVERIFY(workloadOf(result));
}

void TestWorkloadJson::deepForksWithinTheLimitAreRead()
{
    // 120 nested forks: depth 4 + 2 * 120 + 1 levels, within the limit.
    Program program{Op::cpu(1)};
    for (int i = 0; i < 120; ++i)
        program = Program{Op::fork(program), Op::wait()};
    Workload w;
    w.processes.push_back(ProcessSpec{0, "nest", 0, 0, 0, 100, program});
    const std::string text = writeWorkload(w);
    const auto result = readWorkloadFromString(text, "nest.json");
    const Workload* back = workloadOf(result);
    QVERIFY(back);
    QVERIFY(*back == w);
    QCOMPARE(countOps(back->processes.front().program, Op::Kind::Fork), 120);
}

// --- OSTEP compact programs -------------------------------------------------------------------

void TestWorkloadJson::ostepProgram_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ioLength");
    QTest::addColumn<QString>("canonical"); // formatOstepProgram of the result

    QTest::newRow("book example") << QStringLiteral("c7,i,c1,i") << qint64(5)
                                  << QStringLiteral("c7,i5,c1,i5");
    QTest::newRow("io length") << QStringLiteral("c7,i,c1,i") << qint64(3) << QStringLiteral("c7,i3,c1,i3");
    QTest::newRow("explicit io") << QStringLiteral("i2,c4,i10") << qint64(5) << QStringLiteral("i2,c4,i10");
    QTest::newRow("io only") << QStringLiteral("i") << qint64(5) << QStringLiteral("i5");
    QTest::newRow("zero io length") << QStringLiteral("i") << qint64(0) << QStringLiteral("i0");
    QTest::newRow("c0 is nothing") << QStringLiteral("c0,c3,c0") << qint64(5) << QStringLiteral("c3");
    QTest::newRow("empty") << QString() << qint64(5) << QString();
    QTest::newRow("blank") << QStringLiteral("   ") << qint64(5) << QString();
    QTest::newRow("spaces") << QStringLiteral(" c2 , i ,c1 ") << qint64(4) << QStringLiteral("c2,i4,c1");
    QTest::newRow("leading zeros") << QStringLiteral("c007") << qint64(5) << QStringLiteral("c7");
    QTest::newRow("largest") << QStringLiteral("c1000000000000") << qint64(5)
                             << QStringLiteral("c1000000000000");
}

void TestWorkloadJson::ostepProgram()
{
    QFETCH(QString, text);
    QFETCH(qint64, ioLength);
    QFETCH(QString, canonical);
    std::string error;
    const auto program = parseOstepProgram(text.toStdString(), ioLength, &error);
    QVERIFY2(program.has_value(), error.c_str());
    const auto formatted = formatOstepProgram(*program);
    QVERIFY(formatted.has_value());
    QCOMPARE(qs(*formatted), canonical);
    const auto again = parseOstepProgram(*formatted, 99);
    QVERIFY(again && *again == *program);
}

void TestWorkloadJson::badOstepProgram_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown op") << QStringLiteral("c1,x")
                                << QStringLiteral("operation 2 \"x\": unknown operation");
    QTest::newRow("bare c") << QStringLiteral("c")
                            << QStringLiteral("operation 1 \"c\": c needs a number of CPU ticks");
    QTest::newRow("negative") << QStringLiteral("c-3")
                              << QStringLiteral("operation 1 \"c-3\": expected a number");
    QTest::newRow("junk after number") << QStringLiteral("c3x") << QStringLiteral("operation 1 \"c3x\"");
    QTest::newRow("junk after i") << QStringLiteral("c1,io")
                                  << QStringLiteral("operation 2 \"io\": expected nothing or an I/O length");
    QTest::newRow("trailing comma") << QStringLiteral("c1,") << QStringLiteral("operation 2 is empty");
    QTest::newRow("double comma") << QStringLiteral("c1,,c2") << QStringLiteral("operation 2 is empty");
    QTest::newRow("upper case") << QStringLiteral("C3") << QStringLiteral("unknown operation");
    QTest::newRow("too long") << QStringLiteral("c1000000000001")
                              << QStringLiteral("expected a number of CPU ticks");
    QTest::newRow("overflow") << QStringLiteral("i99999999999999999999999") << QStringLiteral("I/O length");
    QTest::newRow("OSTEP's process separator")
        << QStringLiteral("c3:c4") << QStringLiteral("operation 1 \"c3:c4\"");
}

void TestWorkloadJson::badOstepProgram()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    std::string error;
    QVERIFY(!parseOstepProgram(text.toStdString(), 5, &error));
    QVERIFY2(qs(error).contains(expected), error.c_str());
    QVERIFY(!parseOstepProgram(text.toStdString(), 5)); // no error string wanted: still fails cleanly
    QVERIFY(!parseOstepProgram("c1", -1, &error));
    QVERIFY(!formatOstepProgram(Program{Op::io(3, 1)}));
    QVERIFY(!formatOstepProgram(Program{Op::fork({})}));
}

// --- model helpers ----------------------------------------------------------------------------

void TestWorkloadJson::policyNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("kind"); // -1: not a policy
    auto row = [](const char* name, int kind) { QTest::newRow(name) << QString::fromUtf8(name) << kind; };
    for (int k = 0; k < kPolicyCount; ++k) {
        const std::string name(policyName(static_cast<PolicyKind>(k)));
        QTest::newRow(name.c_str()) << qs(name) << k;
    }
    row("fifo", int(PolicyKind::Fifo));
    row("fcfs", int(PolicyKind::Fifo));
    row("FCFS", int(PolicyKind::Fifo));
    row("rr", int(PolicyKind::RoundRobin));
    row("round-robin", int(PolicyKind::RoundRobin));
    row("Round-Robin", int(PolicyKind::RoundRobin));
    row("mlfq", int(PolicyKind::Mlfq));
    row("cfs", int(PolicyKind::Cfs));
    row("priority", int(PolicyKind::Priority));
    row("stcf", int(PolicyKind::Stcf));
    row("lottery", int(PolicyKind::Lottery));
    row("", -1);
    row("EDF", -1);
    row("RR ", -1);
    row("fifo2", -1);
}

void TestWorkloadJson::policyNames()
{
    QFETCH(QString, name);
    QFETCH(int, kind);
    const auto parsed = policyFromName(name.toStdString());
    if (kind < 0) {
        QVERIFY(!parsed);
        return;
    }
    QVERIFY(parsed);
    QCOMPARE(int(*parsed), kind);
    QCOMPARE(policyFromName(policyName(*parsed)), parsed);
}

void TestWorkloadJson::normalizeFillsAndSorts()
{
    Workload w;
    w.processes = {ProcessSpec{kNoPid, "", 5, 0, 0, 100, {Op::cpu(1)}},
        ProcessSpec{10, "ten", 5, 0, 0, 100, {Op::cpu(1)}}, ProcessSpec{kNoPid, "x", 0, 0, 0, 100, {}},
        ProcessSpec{2, "", 5, 0, 0, 100, {Op::cpu(1)}}};
    QCOMPARE(qs(normalize(w)), QString());
    // pids 11 and 12 go to the processes without one, in file order; then sorted by (arrival, pid).
    QCOMPARE(int(w.processes.size()), 4);
    QCOMPARE(w.processes[0].pid, 12);
    QCOMPARE(qs(w.processes[0].name), QStringLiteral("x"));
    QCOMPARE(w.processes[1].pid, 2);
    QCOMPARE(qs(w.processes[1].name), QStringLiteral("P2"));
    QCOMPARE(w.processes[2].pid, 10);
    QCOMPARE(w.processes[3].pid, 11);
    QCOMPARE(qs(w.processes[3].name), QStringLiteral("P11"));
    // Normalizing again changes nothing.
    const Workload once = w;
    QCOMPARE(qs(normalize(w)), QString());
    QVERIFY(w == once);

    Workload fresh;
    fresh.processes = {ProcessSpec{}, ProcessSpec{}};
    QCOMPARE(qs(normalize(fresh)), QString());
    QCOMPARE(fresh.processes[0].pid, 0);
    QCOMPARE(fresh.processes[1].pid, 1);
    QCOMPARE(qs(fresh.processes[1].name), QStringLiteral("P1"));

    Workload full;
    full.processes = {ProcessSpec{kMaxPid, "", 0, 0, 0, 100, {}}, ProcessSpec{}};
    QVERIFY(qs(normalize(full)).contains(QStringLiteral("no pids left")));

    Workload huge;
    huge.processes = {ProcessSpec{kMaxPid + 1, "", 0, 0, 0, 100, {}}};
    QVERIFY(qs(normalize(huge)).contains(QStringLiteral("above the largest pid")));
}

void TestWorkloadJson::normalizeRejects_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<QString>("expected");
    const char* cases[][2] = {
        {"cpus 0", "machine.cpus: 0 is outside 1..64"},
        {"cpus 65", "machine.cpus: 65 is outside 1..64"},
        {"negative context switch", "machine.contextSwitch: negative cost -1"},
        {"no devices", "machine.io.devices: the machine needs at least one I/O device"},
        {"quantum 0", "policy.quantum: the time slice must be positive, got 0"},
        {"MLFQ mismatch", "policy.allotments: MLFQ has 2 quanta but 3 allotments"},
        {"MLFQ zero allotment", "policy.allotments[1]: the allotment must be positive, got 0"},
        {"duplicate pid", "processes[1] (\"b\").pid: duplicate pid 1 (also processes[0])"},
        {"negative tick", "processes[0] (\"a\").program[0]: negative CPU burst -2"},
        {"device out of range",
            "processes[0] (\"a\").program[0]: device 1 does not exist (the machine has 1)"},
        {"wait without children", "processes[0] (\"a\").program[1]: wait with no child to wait for"},
        {"fork without program", "processes[0] (\"a\").program[0]: fork without a child program"},
        {"negative arrival", "processes[0] (\"a\").arrival: negative arrival -1"},
        {"tickLimit 0", "tickLimit: must be positive, got 0"},
        {"generator", "generator.maxBurst: 1 is less than minBurst 2"},
    };
    int i = 0;
    for (const auto& c : cases)
        QTest::newRow(c[0]) << i++ << QString::fromUtf8(c[1]);
}

void TestWorkloadJson::normalizeRejects()
{
    QFETCH(int, which);
    QFETCH(QString, expected);
    Workload w;
    w.processes = {ProcessSpec{1, "a", 0, 0, 0, 100, {Op::cpu(1)}}, ProcessSpec{2, "b", 0, 0, 0, 100, {}}};
    Op brokenFork = Op::fork({});
    brokenFork.child = nullptr;
    switch (which) {
    case 0:
        w.machine.cpus = 0;
        break;
    case 1:
        w.machine.cpus = 65;
        break;
    case 2:
        w.machine.contextSwitch = -1;
        break;
    case 3:
        w.machine.devices.clear();
        break;
    case 4:
        w.policy.quantum = 0;
        break;
    case 5:
        w.policy.mlfqQuanta = {1, 2};
        break;
    case 6:
        w.policy.mlfqAllotments = {1, 0, 1};
        break;
    case 7:
        w.processes[1].pid = 1;
        break;
    case 8:
        w.processes[0].program = {Op::cpu(-2)};
        break;
    case 9:
        w.processes[0].program = {Op::io(2, 1)};
        break;
    case 10:
        w.processes[0].program = {Op::cpu(1), Op::wait()};
        break;
    case 11:
        w.processes[0].program = {brokenFork};
        break;
    case 12:
        w.processes[0].arrival = -1;
        break;
    case 13:
        w.tickLimit = 0;
        break;
    case 14:
        w.generator = GeneratorSpec{};
        w.generator->minBurst = 2;
        w.generator->maxBurst = 1;
        break;
    }
    const Workload before = w;
    const QString problem = qs(normalize(w));
    QVERIFY2(problem.startsWith(expected), qPrintable(problem));
    QVERIFY(w == before); // a rejected workload is left as it was
}

void TestWorkloadJson::lineColumnCountsCharacters()
{
    const std::string text = "ab\n\xC3\xA9\xE2\x86\x92x\n";
    QCOMPARE(lineColumn(text, 0), std::make_pair(1, 1));
    QCOMPARE(lineColumn(text, 2), std::make_pair(1, 3));
    QCOMPARE(lineColumn(text, 3), std::make_pair(2, 1));
    QCOMPARE(lineColumn(text, 8), std::make_pair(2, 3)); // 'x' after a 2-byte and a 3-byte character
    QCOMPARE(lineColumn(text, 1000), std::make_pair(3, 1));
    QCOMPARE(qs(LoadError{"f.json", {}, 3, 14, "m"}.toString()), QStringLiteral("f.json:3:14: m"));
    QCOMPARE(qs(LoadError{"f.json", "$.a", 0, 0, "m"}.toString()), QStringLiteral("f.json: $.a: m"));
    QCOMPARE(qs(LoadError{"", "$.a", 0, 0, "m"}.toString()), QStringLiteral("$.a: m"));
    QCOMPARE(qs(LoadError{"f.json", {}, 0, 0, "m"}.toString()), QStringLiteral("f.json: m"));
}

void TestWorkloadJson::names()
{
    QCOMPARE(qs(std::string(opKindName(Op::Kind::Fork))), QStringLiteral("fork"));
    QCOMPARE(qs(std::string(causeName(Cause::IoDoneImmediate))), QStringLiteral("IoDoneImmediate"));
    QCOMPARE(qs(std::string(causeName(Cause::Created))), QStringLiteral("Created"));
    QCOMPARE(totalCpu(Program{Op::cpu(3), Op::io(5), Op::fork({Op::cpu(100)}), Op::cpu(4)}), Tick(7));
    // Op equality compares child programs by value.
    QVERIFY(Op::fork({Op::cpu(1)}) == Op::fork({Op::cpu(1)}));
    QVERIFY(!(Op::fork({Op::cpu(1)}) == Op::fork({Op::cpu(2)})));
    QVERIFY(!(Op::fork({Op::cpu(1)}, "a") == Op::fork({Op::cpu(1)}, "b")));
}

QTEST_MAIN(TestWorkloadJson)
#include "tst_workload_json.moc"
