// Importing Linux scheduler text (trace-cmd report, raw ftrace, perf script): every layout of one
// recorded scenario gives the same Trace, single lines parse field by field, dropped events and
// unsorted buffers are handled, and no bad input crashes, hangs or fails silently.
#include "core/io/linux_sched_line.h"
#include "core/io/linux_sched_reader.h"

#include <QObject>
#include <QTest>

#include <fstream>
#include <sstream>
#include <string>
#include <variant>

using namespace procscope;

Q_DECLARE_METATYPE(std::string)

namespace {

std::string dataPath(const std::string& relative)
{
    return std::string(PROCSCOPE_TEST_DATA) + "/traces/linux/" + relative;
}

std::string fileText(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

TraceLoadResult load(const std::string& relative)
{
    return readLinuxSchedText(fileText(dataPath(relative)), relative);
}

const LoadedTrace* loaded(const TraceLoadResult& result)
{
    if (const auto* error = std::get_if<LoadError>(&result)) {
        qWarning("%s", error->toString().c_str());
        return nullptr;
    }
    return &std::get<LoadedTrace>(result);
}

QString errorOf(const TraceLoadResult& result)
{
    if (const auto* error = std::get_if<LoadError>(&result))
        return qs(error->toString());
    return QStringLiteral("<read succeeded>");
}

QString allWarnings(const LoadedTrace& t)
{
    QStringList list;
    for (const auto& w : t.warnings)
        list << qs(w);
    return list.join(QLatin1Char('\n'));
}

// The whole Trace as text: one line per process and per CPU.
std::string describe(const Trace& trace)
{
    std::string s;
    auto who = [&](ProcIndex p) {
        return p < 0 ? std::string("idle") : "P" + std::to_string(trace.info(p).pid);
    };
    for (ProcIndex p = 0; p < static_cast<ProcIndex>(trace.processCount()); ++p) {
        const auto& info = trace.info(p);
        s += who(p) + " " + info.name + " parent " + std::to_string(info.parent) + ":";
        const auto& track = trace.track(p);
        for (std::size_t i = 0; i < track.size(); ++i) {
            const ProcessState st = track.state(i);
            s += (i ? ", " : " ") + std::to_string(track.at(i)) + " " + std::string(stateName(st)) + "(" +
                 std::string(causeName(track.cause(i))) + ")";
            if (st == ProcessState::Running || st == ProcessState::Blocked)
                s += " " + std::to_string(track.aux(i));
        }
        s += "\n";
    }
    for (int c = 0; c < trace.cpuCount(); ++c) {
        s += "CPU" + std::to_string(c) + ":";
        for (std::size_t i = 0; i < trace.cpu(c).size(); ++i)
            s += (i ? ", " : " ") + std::to_string(trace.cpu(c).at(i)) + " " + who(trace.cpu(c).proc(i));
        s += "\n";
    }
    return s + "end " + std::to_string(trace.end()) + "\n";
}

// What every imported Trace must satisfy, whatever the input.
void checkInvariants(const Trace& trace)
{
    for (ProcIndex p = 0; p < static_cast<ProcIndex>(trace.processCount()); ++p) {
        const auto& track = trace.track(p);
        QVERIFY(!track.empty());
        QVERIFY(trace.info(p).pid > 0);
        for (std::size_t i = 0; i < track.size(); ++i) {
            QVERIFY(track.at(i) >= 0 && track.at(i) < trace.end());
            QVERIFY(i == 0 || track.at(i) >= track.at(i - 1));
            if (track.state(i) == ProcessState::Running)
                QVERIFY(track.aux(i) >= 0 && track.aux(i) < trace.cpuCount());
        }
    }
    for (int c = 0; c < trace.cpuCount(); ++c) {
        const auto& cpu = trace.cpu(c);
        for (std::size_t i = 0; i < cpu.size(); ++i) {
            QVERIFY(i == 0 || cpu.at(i) >= cpu.at(i - 1));
            QVERIFY(cpu.proc(i) == kCpuIdle ||
                    (cpu.proc(i) >= 0 && cpu.proc(i) < static_cast<ProcIndex>(trace.processCount())));
            QCOMPARE(cpu.reason(i), Reason::Imported);
        }
    }
}

// The scenario of every layout in tests/data/traces/linux (see the files): bash forks make, make
// execs, sleeps on the disk, exits and is freed; a kworker runs in between.
const char* const kScenario =
    "P1000 bash parent -2: 0 Unknown(Created), 0 Running(Dispatched) 0, 30000 Blocked(IoStarted) 1, "
    "420000 Ready(IoDone), 425000 Running(Dispatched) 0, 600000 Ready(Preempted)\n"
    "P15 kworker/0:1 parent -2: 0 Unknown(Created), 0 Ready(IoDone), 30000 Running(Dispatched) 0, "
    "50000 Blocked(IoStarted) 1\n"
    "P1001 make parent 1000: 10000 New(Created), 15000 Ready(Admitted), 20000 Running(Dispatched) 1, "
    "100000 Blocked(IoStarted) 0, 300000 Ready(IoDone), 310000 Running(Dispatched) 1, "
    "400000 Zombie(Exited), 500000 Terminated(Reaped)\n"
    "CPU0: 0 P1000, 30000 P15, 50000 idle, 425000 P1000, 600000 idle\n"
    "CPU1: 20000 P1001, 100000 idle, 310000 P1001, 410000 idle\n"
    "end 600001\n";

} // namespace

class TestLinuxSched : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyLayoutGivesTheSameTrace_data();
    void everyLayoutGivesTheSameTrace();
    void lines_data();
    void lines();
    void prevStates_data();
    void prevStates();
    void detect_data();
    void detect();
    void droppedEvents_data();
    void droppedEvents();
    void unsortedBuffersAreSorted();
    void pidReuseMakesANewProcess();
    void badInput_data();
    void badInput();
    void hugeLineIsSkippedCheaply();
    void warningsAreCollapsed();
    void progressAndCancel();
    void bundledExamples_data();
    void bundledExamples();
};

void TestLinuxSched::everyLayoutGivesTheSameTrace_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("format");
    for (const char* f : {"tracecmd-plugin.txt", "tracecmd-kernel-flags-ns.txt",
             "tracecmd-latency-tsdiff.txt", "ftrace-raw.txt"})
        QTest::newRow(f) << QString::fromUtf8(f) << QStringLiteral("trace-cmd");
    for (const char* f : {"perf-kernel.txt", "perf-plugin-ns-pidtid.txt"})
        QTest::newRow(f) << QString::fromUtf8(f) << QStringLiteral("perf");
}

void TestLinuxSched::everyLayoutGivesTheSameTrace()
{
    QFETCH(QString, file);
    QFETCH(QString, format);
    const auto result = load(file.toStdString());
    const LoadedTrace* t = loaded(result);
    QVERIFY(t);
    QCOMPARE(qs(t->format), format);
    QCOMPARE(qs(t->trace.meta.source), format);
    QCOMPARE(qs(t->trace.meta.timeUnit), QStringLiteral("ns"));
    QCOMPARE(qs(t->trace.meta.policy), QStringLiteral("Linux"));
    QCOMPARE(qs(t->trace.meta.parameters), QStringLiteral("t0=3171.776631000 s"));
    QCOMPARE(t->trace.meta.devices.size(), std::size_t{2});
    QCOMPARE(qs(describe(t->trace)), QString::fromUtf8(kScenario));
    QVERIFY(t->trace.finished());
    // The only thing skipped is the one interrupt event.
    QCOMPARE(t->warnings.size(), std::size_t{1});
    QVERIFY2(allWarnings(*t).contains(
                 QStringLiteral("irq_handler_entry event (ProcScope reads the sched_* scheduler")),
        qPrintable(allWarnings(*t)));
    checkInvariants(t->trace);
    QVERIFY(t->trace.events().empty());
    QCOMPARE(t->trace.info(*t->trace.indexOf(1001)).priority, 120);
}

void TestLinuxSched::lines_data()
{
    QTest::addColumn<std::string>("line");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("cpu");
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<QString>("fields"); // current, a, b as comm:pid; then the prev state

    auto row = [](const char* name, const char* line, SchedEventKind kind, int cpu, qint64 ns,
                   const char* fields) {
        QTest::newRow(name) << std::string(line) << static_cast<int>(kind) << cpu << ns
                            << QString::fromUtf8(fields);
    };
    using K = SchedEventKind;
    row("spec plugin",
        "       trace-cmd-2931  [001]  3171.776631: sched_switch:         trace-cmd:2931 [120] S ==> "
        "trace-cmd:2933 [120]",
        K::Switch, 1, 3171776631000, "trace-cmd:2931 trace-cmd:2931 trace-cmd:2933 2");
    row("spec kernel",
        "bash-1234 [002] ...1 5075.958079: sched_switch: prev_comm=bash prev_pid=1234 prev_prio=120 "
        "prev_state=R ==> next_comm=trace-cmd next_pid=5678 next_prio=120",
        K::Switch, 2, 5075958079000, "bash:1234 bash:1234 trace-cmd:5678 0");
    row("comm with spaces",
        "    Web Content-4242  [003] d..2. 10.000000001: sched_switch: prev_comm=Web Content "
        "prev_pid=4242 prev_prio=120 prev_state=R+ ==> next_comm=GPU Process next_pid=77 next_prio=100",
        K::Switch, 3, 10000000001, "Web Content:4242 Web Content:4242 GPU Process:77 1");
    row("comm with colons and dashes",
        " kworker/u8:2-ev-311   [000]  1.5: sched_switch: kworker/u8:2-ev:311 [120] I ==> "
        "a: b [c]:9 [99]",
        K::Switch, 0, 1500000000, "kworker/u8:2-ev:311 kworker/u8:2-ev:311 a: b [c]:9 2");
    row("perf kernel",
        " swapper     0 [002]  9113.660967:       sched:sched_wakeup: comm=lidar_node pid=21302 "
        "prio=120 target_cpu=002",
        K::Wakeup, 2, 9113660967000, "swapper:0 lidar_node:21302 :-1 6");
    row("perf plugin wakeup",
        " swapper     0 [001] 109867.144586:      sched:sched_wakeup: sleep:20919 [120] "
        "success=1 CPU:001",
        K::Wakeup, 1, 109867144586000, "swapper:0 sleep:20919 :-1 6");
    row("perf migrate",
        " migration/9 67 [009] 105373.359904:     sched:sched_migrate_task: comm=perf pid=13418 "
        "prio=120 orig_cpu=9 dest_cpu=10",
        K::Migrate, 9, 105373359904000, "migration/9:67 perf:13418 :-1 6");
    row("fork", "bash-1 [000] 1.000000: sched_process_fork: comm=bash pid=1 child_comm=bash child_pid=2",
        K::Fork, 0, 1000000000, "bash:1 bash:1 bash:2 6");
    row("exec takes the new comm",
        "ls-7 [000] 1.000000: sched_process_exec: filename=/bin/ls pid=7 old_pid=7", K::Exec, 0, 1000000000,
        "ls:7 ls:7 :-1 6");
    row("raw clock", "  x-5 [000] 123456789: sched_process_exit: comm=x pid=5 prio=120", K::Exit, 0,
        123456789, "x:5 x:5 :-1 6");
    row("other event", "  x-5 [000] 1.000000: irq_handler_entry: irq=24 name=ahci", K::Other, 0, 1000000000,
        "x:5 :-1 :-1 6");
}

void TestLinuxSched::lines()
{
    QFETCH(std::string, line);
    QFETCH(int, kind);
    QFETCH(int, cpu);
    QFETCH(qint64, ns);
    QFETCH(QString, fields);
    const SchedLine l = parseSchedLine(line);
    QVERIFY2(l.type == SchedLine::Type::Event, l.error.c_str());
    QCOMPARE(static_cast<int>(l.kind), kind);
    QCOMPARE(l.cpu, cpu);
    QCOMPARE(static_cast<qint64>(l.ns), ns);
    auto task = [](const SchedTask& t) { return std::string(t.comm) + ":" + std::to_string(t.pid); };
    QCOMPARE(qs(task(l.current) + " " + task(l.a) + " " + task(l.b) + " " +
                 std::to_string(static_cast<int>(l.prevState))),
        fields);
}

void TestLinuxSched::prevStates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("state");
    auto row = [](const char* text, PrevState s) {
        QTest::newRow(text) << QString::fromUtf8(text) << static_cast<int>(s);
    };
    row("R", PrevState::Runnable);
    row("R+", PrevState::Preempted);
    row("S", PrevState::Sleeping);
    row("I", PrevState::Sleeping);
    row("W", PrevState::Sleeping); // the old plugin's name for idle
    row("D", PrevState::DiskSleep);
    row("D|K", PrevState::DiskSleep);
    row("T", PrevState::Stopped);
    row("Z", PrevState::Dead);
    row("X", PrevState::Dead);
    row("0", PrevState::Runnable);
    row("1", PrevState::Sleeping);
    row("2", PrevState::DiskSleep);
    row("256", PrevState::Preempted);
    row("0x20", PrevState::Dead);
    row("?", PrevState::Unknown);
}

void TestLinuxSched::prevStates()
{
    QFETCH(QString, text);
    QFETCH(int, state);
    QCOMPARE(static_cast<int>(decodePrevState(text.toStdString())), state);
}

void TestLinuxSched::detect_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("flavor"); // -1: neither
    QTest::newRow("trace-cmd") << QStringLiteral("tracecmd-plugin.txt") << 0;
    QTest::newRow("trace-cmd without header") << QStringLiteral("tracecmd-kernel-flags-ns.txt") << 0;
    QTest::newRow("ftrace") << QStringLiteral("ftrace-raw.txt") << 0;
    QTest::newRow("perf") << QStringLiteral("perf-kernel.txt") << 1;
    QTest::newRow("perf pid/tid") << QStringLiteral("perf-plugin-ns-pidtid.txt") << 1;
    QTest::newRow("json") << QStringLiteral("bad/not-a-trace.json") << -1;
    QTest::newRow("csv") << QStringLiteral("bad/not-a-trace.csv") << -1;
    QTest::newRow("binary") << QStringLiteral("bad/binary.bin") << -1;
    QTest::newRow("empty") << QStringLiteral("bad/empty.txt") << -1;
}

void TestLinuxSched::detect()
{
    QFETCH(QString, file);
    QFETCH(int, flavor);
    const std::string text = fileText(dataPath(file.toStdString()));
    const auto found = detectLinuxSchedText(std::string_view(text).substr(0, 4096));
    QCOMPARE(found ? static_cast<int>(*found) : -1, flavor);
}

void TestLinuxSched::droppedEvents_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("warning");
    QTest::addColumn<QString>("event");
    QTest::addColumn<qint64>("at");
    QTest::newRow("trace-cmd") << QStringLiteral("lost-events.txt")
                               << QStringLiteral("lost-events.txt:5: CPU 1 dropped 12 events")
                               << QStringLiteral("CPU 1 dropped 12 events here") << qint64(200000);
    QTest::newRow("perf") << QStringLiteral("perf-lost.txt")
                          << QStringLiteral("perf-lost.txt:4: CPU 1 dropped 7 events")
                          << QStringLiteral("CPU 1 dropped 7 events here") << qint64(150000);
}

void TestLinuxSched::droppedEvents()
{
    QFETCH(QString, file);
    QFETCH(QString, warning);
    QFETCH(QString, event);
    QFETCH(qint64, at);
    const auto result = load(file.toStdString());
    const LoadedTrace* t = loaded(result);
    QVERIFY(t);
    QVERIFY2(allWarnings(*t).contains(warning), qPrintable(allWarnings(*t)));
    QCOMPARE(t->trace.events().size(), std::size_t{1});
    const SystemEvent& e = t->trace.events().front();
    QCOMPARE(e.kind, SystemEvent::Kind::Warning);
    QCOMPARE(static_cast<qint64>(e.at), at);
    QVERIFY2(qs(e.text).contains(event), e.text.c_str());
    // sshd ran on CPU 1 until the last event before the gap; then nobody knows, until it sleeps.
    const ProcIndex sshd = *t->trace.indexOf(900);
    QCOMPARE(t->trace.track(sshd).stateAt(40000), ProcessState::Running);
    QCOMPARE(t->trace.track(sshd).stateAt(100000), ProcessState::Unknown);
    QCOMPARE(t->trace.track(sshd).stateAt(200000), ProcessState::Blocked);
    QCOMPARE(t->trace.cpu(1).procAt(100000), kCpuIdle);
    checkInvariants(t->trace);
}

void TestLinuxSched::unsortedBuffersAreSorted()
{
    // trace-cmd merges per-CPU buffers; swap two lines of different CPUs, times 20 µs and 30 µs.
    std::string text = fileText(dataPath("tracecmd-plugin.txt"));
    const auto a = text.find("          <idle>-0     [001]  3171.776651");
    const auto b = text.find("            bash-1000  [000]  3171.776661");
    const auto bEnd = text.find('\n', b) + 1;
    QVERIFY(a != std::string::npos && b == text.find('\n', a) + 1);
    text = text.substr(0, a) + text.substr(b, bEnd - b) + text.substr(a, b - a) + text.substr(bEnd);
    const auto result = readLinuxSchedText(text, "swapped.txt");
    const LoadedTrace* t = loaded(result);
    QVERIFY(t);
    QCOMPARE(qs(describe(t->trace)), QString::fromUtf8(kScenario));
}

void TestLinuxSched::pidReuseMakesANewProcess()
{
    const std::string text =
        "cpus=1\n"
        "  sh-10 [000] 1.000000: sched_process_fork: comm=sh pid=10 child_comm=sh child_pid=11\n"
        "  sh-10 [000] 1.000001: sched_switch: sh:10 [120] S ==> sh:11 [120]\n"
        "  sh-11 [000] 1.000002: sched_process_exit: comm=sh pid=11 prio=120\n"
        "  sh-11 [000] 1.000003: sched_switch: sh:11 [120] Z ==> swapper/0:0 [120]\n"
        "  <idle>-0 [000] 1.000004: sched_process_free: comm=sh pid=11 prio=120\n"
        "  <idle>-0 [000] 1.000005: sched_switch: swapper/0:0 [120] R ==> cat:11 [120]\n";
    const auto result = readLinuxSchedText(text, "reuse.txt");
    const LoadedTrace* t = loaded(result);
    QVERIFY(t);
    QCOMPARE(t->trace.processCount(), std::size_t{3});
    QCOMPARE(qs(t->trace.info(1).name), QStringLiteral("sh"));
    QCOMPARE(t->trace.info(1).parent, 10);
    QCOMPARE(t->trace.track(1).stateAt(4000), ProcessState::Terminated);
    QCOMPARE(qs(t->trace.info(2).name), QStringLiteral("cat"));
    QCOMPARE(t->trace.track(2).stateAt(5000), ProcessState::Running);
    QCOMPARE(*t->trace.indexOf(11), 2);
    checkInvariants(t->trace);
}

void TestLinuxSched::badInput_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("error");   // the load fails with this, or
    QTest::addColumn<QString>("warning"); // succeeds with this warning
    auto fails = [](const char* name, const char* file, const char* error) {
        QTest::newRow(name) << QString::fromUtf8(file) << QString::fromUtf8(error) << QString();
    };
    auto warns = [](const char* name, const char* file, const char* warning) {
        QTest::newRow(name) << QString::fromUtf8(file) << QString() << QString::fromUtf8(warning);
    };
    fails("empty", "bad/empty.txt",
        "bad/empty.txt: the file is empty; expected trace-cmd report or perf script text");
    fails("JSON", "bad/not-a-trace.json",
        "bad/not-a-trace.json: no sched_switch events found; expected trace-cmd report or perf script text");
    fails("CSV", "bad/not-a-trace.csv", "bad/not-a-trace.csv: no sched_switch events found");
    fails("no sched_switch", "bad/only-wakeups.txt", "bad/only-wakeups.txt: no sched_switch events found");
    fails("random binary", "bad/binary.bin", "bad/binary.bin: not a text file");
    fails("trace.dat", "bad/trace.dat",
        "this is a trace-cmd data file (trace.dat); open what `trace-cmd report`");
    warns("truncated last line", "bad/truncated.txt",
        "bad/truncated.txt:19: sched_switch: expected `prev_comm=");
    warns("pid not a number", "bad/wrong-types.txt", "bad/wrong-types.txt:3: pid \"abc\": expected a number");
    warns("prio not a number", "bad/wrong-types.txt",
        "bad/wrong-types.txt:10: sched_switch: prio \"high\": expected a priority");
    warns("huge timestamp", "bad/huge-numbers.txt",
        "bad/huge-numbers.txt:3: timestamp \"99999999999999999999.999\" is out of range");
    warns("huge pid", "bad/huge-numbers.txt",
        "bad/huge-numbers.txt:11: sched_wakeup: pid \"1099511627776\" is out of range (0 to 4194303)");
    warns("negative timestamp", "bad/negative-time.txt",
        "bad/negative-time.txt:3: timestamp -3171.776641 is negative");
    warns("backwards timestamp", "bad/backwards.txt", "irq_handler_entry");
    warns("invalid UTF-8 in comm", "bad/invalid-utf8.txt", "irq_handler_entry");
    warns("nested brackets in comm", "bad/nested-brackets.txt", "irq_handler_entry");
}

void TestLinuxSched::badInput()
{
    QFETCH(QString, file);
    QFETCH(QString, error);
    QFETCH(QString, warning);
    const auto result = load(file.toStdString());
    if (!error.isEmpty()) {
        QVERIFY2(errorOf(result).contains(error), qPrintable(errorOf(result)));
        return;
    }
    const LoadedTrace* t = loaded(result);
    QVERIFY(t);
    QVERIFY2(allWarnings(*t).contains(warning), qPrintable(allWarnings(*t)));
    checkInvariants(t->trace);
    for (ProcIndex p = 0; p < static_cast<ProcIndex>(t->trace.processCount()); ++p) {
        const std::string& name = t->trace.info(p).name;
        QVERIFY2(QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())).toUtf8() ==
                     QByteArray::fromStdString(name),
            name.c_str()); // valid UTF-8, whatever the comm held
    }
    if (file.contains(QStringLiteral("nested"))) {
        const auto k = t->trace.indexOf(15);
        QVERIFY(k);
        QVERIFY(t->trace.info(*k).name.starts_with("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x]"));
    }
    if (file.contains(QStringLiteral("utf8")))
        QCOMPARE(qs(t->trace.info(*t->trace.indexOf(15)).name), QStringLiteral("kw\uFFFD\uFFFDorker"));
}

void TestLinuxSched::hugeLineIsSkippedCheaply()
{
    std::string text = fileText(dataPath("tracecmd-plugin.txt"));
    const auto second = text.find('\n', text.find('\n') + 1) + 1;
    text.insert(second, std::string(64u << 20, 'x') + "\n");
    const auto result = readLinuxSchedText(text, "long.txt");
    const LoadedTrace* t = loaded(result);
    QVERIFY(t);
    QVERIFY2(allWarnings(*t).contains(
                 QStringLiteral("long.txt:3: line of 67108864 bytes skipped (longer than 4096)")),
        qPrintable(allWarnings(*t)));
    QCOMPARE(qs(describe(t->trace)), QString::fromUtf8(kScenario));
}

void TestLinuxSched::warningsAreCollapsed()
{
    std::string text = fileText(dataPath("tracecmd-plugin.txt"));
    for (int i = 0; i < 1000; ++i)
        text += "garbage line " + std::to_string(i) + "\n";
    const auto result = readLinuxSchedText(text, "noisy.txt");
    const LoadedTrace* t = loaded(result);
    QVERIFY(t);
    QCOMPARE(t->warnings.size(), std::size_t{22}); // 20 lines, the count, the irq event
    QVERIFY(
        qs(t->warnings[0]).startsWith(QStringLiteral("noisy.txt:20: expected `comm-pid [cpu] timestamp")));
    QCOMPARE(qs(t->warnings[20]),
        QStringLiteral("noisy.txt: 980 more lines skipped (only the first 20 are listed)"));
}

void TestLinuxSched::progressAndCancel()
{
    std::string text;
    text.reserve(6u << 20);
    for (int i = 0; text.size() < (5u << 20); ++i)
        text += "  a-1 [000] " + std::to_string(i) + ".000000: sched_switch: a:1 [120] R ==> b:2 [120]\n";
    int calls = 0;
    std::uint64_t last = 0;
    TraceLoadOptions options;
    options.progress = [&](std::uint64_t done, std::uint64_t total) {
        ++calls;
        last = done;
        return total == text.size();
    };
    QVERIFY(loaded(readLinuxSchedText(text, "big.txt", options)));
    QVERIFY(calls >= 5 && calls <= 7);
    QCOMPARE(last, static_cast<std::uint64_t>(text.size()));

    options.progress = [&](std::uint64_t, std::uint64_t) { return false; };
    const auto cancelled = readLinuxSchedText(text, "big.txt", options);
    QVERIFY(std::holds_alternative<LoadError>(cancelled));
    QVERIFY(std::get<LoadError>(cancelled).cancelled);
}

void TestLinuxSched::bundledExamples_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("flavor");
    QTest::newRow("trace-cmd") << QStringLiteral("build-tracecmd.txt") << 0;
    QTest::newRow("perf") << QStringLiteral("build-perf.txt") << 1;
}

void TestLinuxSched::bundledExamples()
{
    QFETCH(QString, file);
    QFETCH(int, flavor);
    const std::string path = std::string(PROCSCOPE_TEST_DATA) + "/../../traces/linux/" + file.toStdString();
    const std::string text = fileText(path);
    QVERIFY(!text.empty());
    QCOMPARE(static_cast<int>(detectLinuxSchedText(std::string_view(text).substr(0, 4096)).value()), flavor);
    const auto result = readLinuxSchedText(text, file.toStdString());
    const LoadedTrace* t = loaded(result);
    QVERIFY(t);
    checkInvariants(t->trace);
    QVERIFY(t->trace.processCount() >= 4);
    QVERIFY(t->trace.cpuCount() >= 2);
    for (const auto& w : t->warnings) // only other events may be skipped
        QVERIFY2(qs(w).contains(QStringLiteral(": skipped ")), w.c_str());
}

QTEST_GUILESS_MAIN(TestLinuxSched)
#include "tst_linux_sched.moc"
