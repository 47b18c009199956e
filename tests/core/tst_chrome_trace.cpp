// Chrome Trace Event JSON: the export Perfetto and chrome://tracing open, its exact re-import,
// traces from other tools, and every kind of bad input.
#include "core/io/chrome_trace_reader.h"
#include "core/io/chrome_trace_writer.h"
#include "core/io/trace_json_writer.h"
#include "core/io/workload_json.h"
#include "core/metrics/metrics.h"
#include "core/trace/cursor.h"
#include "sim_helpers.h"

#include <QObject>
#include <QTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <variant>

using namespace procscope;
using testing::Job;
using testing::makeWorkload;

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

std::string tracesDir()
{
    return std::string(PROCSCOPE_TEST_DATA) + "/../../traces/";
}

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

const LoadedTrace* loadedOf(const TraceLoadResult& result)
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

QStringList L(std::initializer_list<const char*> items)
{
    QStringList out;
    for (const char* item : items)
        out << QString::fromUtf8(item);
    return out;
}

QString warningsOf(const LoadedTrace& t)
{
    QStringList all;
    for (const auto& w : t.warnings)
        all << qs(w);
    return all.join(QLatin1Char('\n'));
}

Trace simulate(Workload w)
{
    normalize(w);
    Simulator sim(std::move(w));
    sim.run();
    return sim.trace();
}

Trace simulateFile(const std::string& name)
{
    auto result = readWorkload(tracesDir() + name);
    if (auto* error = std::get_if<LoadError>(&result))
        qFatal("%s", error->toString().c_str());
    return simulate(std::get<Workload>(result));
}

// "0:Running@1 500:Ready 900:Blocked@-1": a process's states (with the CPU or device).
QString statesText(const Trace& trace, ProcIndex p)
{
    QStringList parts;
    const auto& track = trace.track(p);
    for (std::size_t k = 0; k < track.size(); ++k) {
        QString s = QStringLiteral("%1:%2").arg(track.at(k)).arg(qs(std::string(stateName(track.state(k)))));
        if (track.state(k) == ProcessState::Running || track.state(k) == ProcessState::Blocked)
            s += QStringLiteral("@%1").arg(track.aux(k));
        parts << s;
    }
    return parts.join(QLatin1Char(' '));
}

// "0:cc1 4000:idle": a CPU lane by process name.
QString laneText(const Trace& trace, int c)
{
    QStringList parts;
    const auto& lane = trace.cpu(c);
    for (std::size_t k = 0; k < lane.size(); ++k) {
        const ProcIndex p = lane.proc(k);
        parts << QStringLiteral("%1:%2")
                     .arg(lane.at(k))
                     .arg(p >= 0          ? qs(trace.info(p).name)
                          : p == kCpuIdle ? QStringLiteral("idle")
                                          : QStringLiteral("switch"));
    }
    return parts.join(QLatin1Char(' '));
}

// The rest of core reads any imported trace without trouble.
void exerciseCore(const Trace& trace)
{
    const Metrics m = computeMetrics(trace);
    QCOMPARE(int(m.processes.size()), int(trace.processCount()));
    QVERIFY(m.utilization >= 0 && m.utilization <= 1.0 + 1e-9);
    const Tick end = trace.end();
    for (Tick t : {Tick(0), end / 3, end / 2, end > 0 ? end - 1 : 0}) {
        const Frame f = frameAt(trace, t);
        QCOMPARE(int(f.states.size()), int(trace.processCount()));
        QCOMPARE(int(f.running.size()), trace.cpuCount());
    }
    Cursor cursor(trace);
    for (int i = 0; i < 1000 && cursor.nextEvent(); ++i) { }
    QVERIFY(cursor.at() <= cursor.last());
    if (end > 0)
        QVERIFY(!utilizationSeries(trace, std::max<Tick>(1, end / 10), std::max<Tick>(1, end / 20)).empty());
    (void)formatMetrics(trace, m);
}

Workload mlfqThreeCpus()
{
    Workload w =
        makeWorkload({Job{0, {Op::cpu(30)}}, Job{0, {Op::cpu(5), Op::io(4), Op::cpu(5), Op::io(3, 1)}},
                         Job{3, {Op::cpu(12), Op::io(2), Op::cpu(9)}}, Job{5, {Op::cpu(40)}},
                         Job{9, {Op::cpu(2), Op::io(6), Op::cpu(2), Op::io(6), Op::cpu(2)}}},
            PolicyKind::Mlfq, 1, 3);
    w.machine.devices = {"disk", "net"};
    w.machine.contextSwitch = 1;
    w.policy.mlfqQuanta = {2, 4, 8};
    w.policy.mlfqAllotments = {1, 2, 1};
    w.policy.boostPeriod = 25;
    return w;
}

Workload forkWaitTwoCpus()
{
    Program child{Op::cpu(3), Op::io(2), Op::cpu(1), Op::exit(4)};
    Program grandchild{Op::cpu(1), Op::exit(1)};
    Workload w = makeWorkload({Job{0, {Op::cpu(2), Op::fork(child, "kid"),
                                          Op::fork({Op::cpu(4), Op::fork(grandchild, "gc"), Op::wait()}),
                                          Op::wait(), Op::wait(), Op::cpu(1)}},
                                  Job{1, {Op::cpu(6), Op::io(3), Op::cpu(2)}}},
        PolicyKind::RoundRobin, 2, 2);
    w.machine.contextSwitch = 1;
    return w;
}

Workload lotteryUnfinished()
{
    Workload w = makeWorkload(
        {Job{0, {Op::cpu(50)}, 0, 10}, Job{0, {Op::cpu(50)}, 0, 30}, Job{2, {Op::cpu(20)}, 0, 60}},
        PolicyKind::Lottery, 3);
    w.seed = 18446744073709551557ull;
    w.tickLimit = 40; // stops early: an unfinished trace with a TickLimit event
    return w;
}

Workload cfsAndStcf(PolicyKind kind)
{
    return makeWorkload({Job{0, {Op::cpu(9)}, 0, 100}, Job{1, {Op::cpu(3), Op::io(2), Op::cpu(3)}, -5, 100},
                            Job{2, {Op::cpu(14)}, 3, 100}, Job{4, {Op::cpu(1)}, 0, 100}},
        kind, 2);
}

} // namespace

class TestChromeTrace : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void exportStructure();
    void exportColoursAndEvents();
    void exportIsDeterministic();
    void exactRoundTrip_data();
    void exactRoundTrip();
    void handBuiltTraceRoundTrips();
    void bundledExampleIsCurrent();
    void foreignTraces_data();
    void foreignTraces();
    void foreignTraceRoundTrips();
    void badInput_data();
    void badInput();
    void veryDeepNesting_data();
    void veryDeepNesting();
    void sixtyFourMegabyteLine();
    void randomBinary();
    void progressAndCancel();
    void damagedOwnExportFallsBack();
};

// --- export -----------------------------------------------------------------------------------

void TestChromeTrace::exportStructure()
{
    const Trace trace = simulateFile("demo.json");
    const std::string text = writeChromeTrace(trace);
    const auto doc = nlohmann::json::parse(text); // valid JSON
    QVERIFY(doc.is_object());
    QCOMPARE(qs(doc.at("displayTimeUnit").get<std::string>()), QStringLiteral("ms"));
    const auto& other = doc.at("otherData");
    QCOMPARE(qs(other.at("generator").get<std::string>()), QStringLiteral("procscope"));
    QCOMPARE(qs(other.at("schema").get<std::string>()), QStringLiteral("procscope-chrome-1"));
    QCOMPARE(qs(other.at("timeUnit").get<std::string>()), QStringLiteral("tick"));
    QCOMPARE(other.at("usPerTick").get<double>(), 1000.0);
    QCOMPARE(qs(other.at("policy").get<std::string>()), QStringLiteral("RR"));
    QCOMPARE(other.at("cpus").get<int>(), 1);
    QCOMPARE(other.at("end").get<Tick>(), trace.end());
    QCOMPARE(other.at("finished").get<bool>(), true);
    QVERIFY(other.contains("parameters") && other.contains("seed") && other.contains("devices"));

    int threadNames = 0, cpuNames = 0, slices = 0;
    for (const auto& e : doc.at("traceEvents")) {
        const std::string ph = e.at("ph").get<std::string>();
        QVERIFY2(e.at("pid").get<int>() > 0, e.dump().c_str());
        if (e.contains("tid"))
            QVERIFY2(e.at("tid").get<int>() > 0, e.dump().c_str());
        if (ph == "M") {
            const std::string name = e.at("name").get<std::string>();
            QVERIFY(e.at("args").contains(name.ends_with("sort_index") ? "sort_index" : "name"));
            if (name == "thread_name")
                ++(e.at("pid").get<int>() == 1 ? threadNames : cpuNames);
            continue;
        }
        QVERIFY2(e.at("ts").is_number(), e.dump().c_str());
        if (ph == "X") {
            ++slices;
            QVERIFY(e.at("dur").get<double>() >= 0);
            QVERIFY(e.contains("name") && e.contains("cat"));
            QVERIFY(e.at("args").contains("tick"));
            QCOMPARE(e.at("ts").get<double>(), e.at("args").at("tick").get<double>() * 1000.0);
        }
    }
    QCOMPARE(threadNames, int(trace.processCount()));
    QCOMPARE(cpuNames, 1);
    QVERIFY(slices >= int(trace.stateChangeCount()));

    // Another factor is declared and applied.
    const auto half = nlohmann::json::parse(writeChromeTrace(trace, ChromeExportOptions{0.5}));
    QCOMPARE(half.at("otherData").at("usPerTick").get<double>(), 0.5);
    for (const auto& e : half.at("traceEvents"))
        if (e.at("ph") == "X")
            QCOMPARE(e.at("ts").get<double>(), e.at("args").at("tick").get<double>() * 0.5);
}

void TestChromeTrace::exportColoursAndEvents()
{
    const Trace forked = simulate(forkWaitTwoCpus());
    const Trace boosted = simulate(mlfqThreeCpus());
    QSet<QString> seen;
    bool decisionWhy = false, globalEvent = false, queues = false, utilization = false, contextSwitch = false;
    for (const Trace* trace : {&forked, &boosted}) {
        const auto doc = nlohmann::json::parse(writeChromeTrace(*trace));
        for (const auto& e : doc.at("traceEvents")) {
            const std::string ph = e.at("ph");
            const std::string name = e.value("name", "");
            if (ph == "X" && e.at("cat") == "state") {
                const std::string cname = e.at("cname");
                seen << qs(name + "=" + cname);
                if (name == "Blocked")
                    QCOMPARE(qs(cname), e.at("args").at("device").get<int>() >= 0
                                            ? QStringLiteral("thread_state_iowait")
                                            : QStringLiteral("thread_state_sleeping"));
                if (name == "Running")
                    QVERIFY(e.at("args").contains("cpu") && e.at("args").contains("level") &&
                            e.at("args").contains("cause"));
            }
            contextSwitch = contextSwitch || (ph == "X" && name == "context switch");
            decisionWhy = decisionWhy || (ph == "i" && e.at("cat") == "decision" &&
                                             !e.at("args").at("why").get<std::string>().empty());
            globalEvent =
                globalEvent || (ph == "i" && e.value("s", "") == "g" && e.at("args").at("kind") == "Boost");
            if (ph == "C" && name == "queues")
                queues = e.at("args").contains("ready") && e.at("args").contains("blocked");
            if (ph == "C" && name == "CPU utilization")
                utilization = e.at("args").at("percent").get<double>() <= 100.0;
        }
    }
    QVERIFY(seen.contains(QStringLiteral("Running=thread_state_running")));
    QVERIFY(seen.contains(QStringLiteral("Ready=thread_state_runnable")));
    QVERIFY(seen.contains(QStringLiteral("Blocked=thread_state_iowait")));
    QVERIFY(seen.contains(QStringLiteral("Blocked=thread_state_sleeping"))); // wait()
    QVERIFY(seen.contains(QStringLiteral("Zombie=grey")));
    QVERIFY(seen.contains(QStringLiteral("New=thread_state_unknown")));
    QVERIFY(contextSwitch);
    QVERIFY(decisionWhy);
    QVERIFY(globalEvent);
    QVERIFY(queues);
    QVERIFY(utilization);
}

void TestChromeTrace::exportIsDeterministic()
{
    const Trace a = simulate(mlfqThreeCpus());
    const Trace b = simulate(mlfqThreeCpus());
    QCOMPARE(qs(writeChromeTrace(a)), qs(writeChromeTrace(b)));
    QCOMPARE(qs(writeChromeTrace(a)), qs(writeChromeTrace(a)));
}

// --- exact round trip -------------------------------------------------------------------------

void TestChromeTrace::exactRoundTrip_data()
{
    QTest::addColumn<std::string>("name");
    QTest::addColumn<double>("usPerTick");
    for (const char* file :
        {"demo.json", "convoy-fifo.json", "mlfq-boost.json", "two-cpus.json", "fork-wait.json"})
        QTest::newRow(file) << std::string(file) << 1000.0;
    QTest::newRow("demo at 1 us a tick") << std::string("demo.json") << 1.0;
    QTest::newRow("demo at 0.1 us a tick") << std::string("demo.json") << 0.1;
    QTest::newRow("MLFQ, 3 CPUs, switches, 2 devices") << std::string("mlfq") << 1000.0;
    QTest::newRow("fork and wait, 2 CPUs") << std::string("fork") << 1000.0;
    QTest::newRow("lottery at the tick limit") << std::string("lottery") << 1000.0;
    QTest::newRow("CFS") << std::string("cfs") << 1000.0;
    QTest::newRow("STCF at 3 us a tick") << std::string("stcf") << 3.0;
}

void TestChromeTrace::exactRoundTrip()
{
    QFETCH(std::string, name);
    QFETCH(double, usPerTick);
    const Trace trace = name == "mlfq"      ? simulate(mlfqThreeCpus())
                        : name == "fork"    ? simulate(forkWaitTwoCpus())
                        : name == "lottery" ? simulate(lotteryUnfinished())
                        : name == "cfs"     ? simulate(cfsAndStcf(PolicyKind::Cfs))
                        : name == "stcf"    ? simulate(cfsAndStcf(PolicyKind::Stcf))
                                            : simulateFile(name);
    QVERIFY(trace.processCount() > 0);
    const std::string chrome = writeChromeTrace(trace, ChromeExportOptions{usPerTick});
    const auto result = readChromeTrace(chrome, "export.json");
    const LoadedTrace* loaded = loadedOf(result);
    QVERIFY(loaded);
    QVERIFY2(loaded->warnings.empty(), qPrintable(warningsOf(*loaded)));
    QCOMPARE(qs(loaded->format), QStringLiteral("chrome"));
    QCOMPARE(qs(writeTraceJson(loaded->trace)), qs(writeTraceJson(trace)));
    for (ProcIndex p = 0; p < static_cast<ProcIndex>(trace.processCount()); ++p)
        QCOMPARE(loaded->trace.info(p).arrival, trace.info(p).arrival);
    QCOMPARE(qs(writeChromeTrace(loaded->trace, ChromeExportOptions{usPerTick})), qs(chrome));
    if (name == "lottery") {
        QVERIFY(!loaded->trace.finished());
        QCOMPARE(loaded->trace.events().back().kind, SystemEvent::Kind::TickLimit);
    }
}

void TestChromeTrace::handBuiltTraceRoundTrips()
{
    // What a simulation rarely makes: idle records carrying a decision, a lane starting idle, a
    // decision of no length, events out of time order, a name that is not UTF-8, no devices.
    Trace trace;
    trace.meta.source = "hand";
    trace.meta.policy = "";
    trace.meta.seed = 18446744073709551615ull;
    trace.meta.devices = {};
    trace.meta.mlfqLevels = 2;
    trace.setCpuCount(2);
    const ProcIndex a = trace.addProcess(ProcessInfo{0, "a\xFFz", kInitPid, 0, -3, 19, 1, 0});
    const ProcIndex b = trace.addProcess(ProcessInfo{7, "b \"quoted\"\n", 0, 1, 4, -20, 0, -1});
    trace.recordState(a, 0, ProcessState::New, Cause::Created);
    trace.recordState(a, 0, ProcessState::Ready, Cause::Admitted, 3, 1);
    trace.recordState(a, 3, ProcessState::Running, Cause::Dispatched, 0, 1);
    trace.recordState(a, 5, ProcessState::Blocked, Cause::WaitChild, -1, 1);
    trace.recordState(a, 9, ProcessState::Zombie, Cause::Exited);
    trace.recordState(a, 9, ProcessState::Terminated, Cause::Reaped);
    trace.recordState(b, 1, ProcessState::New, Cause::Created);
    trace.recordState(b, 2, ProcessState::Ready, Cause::Admitted, -7, 255);
    trace.recordState(b, 4, ProcessState::Running, Cause::Dispatched, 1, 0);
    trace.recordState(b, 4, ProcessState::Suspended, Cause::Suspended, 12);
    trace.recordState(b, 8, ProcessState::Unknown, Cause::Resumed, 0);
    trace.recordCpu(0, 0, kCpuIdle, Reason::Imported, 4, 5);
    trace.recordCpu(0, 2, kCpuSwitch, Reason::Fifo, 0, 0);
    trace.recordCpu(0, 3, a, Reason::None);
    trace.recordCpu(0, 5, kCpuIdle, Reason::Lottery, 7, 9);
    trace.recordCpu(1, 4, b, Reason::Priority, -3, -1);
    trace.recordCpu(1, 4, kCpuIdle);
    trace.addEvent(SystemEvent{3, SystemEvent::Kind::Warning, "odd \"text\"\n"});
    trace.addEvent(SystemEvent{1, SystemEvent::Kind::Command, ""});
    trace.setEnd(12, false);

    const std::string text = writeChromeTrace(trace);
    QVERIFY(nlohmann::json::accept(text)); // valid JSON, valid UTF-8
    const auto result = readChromeTrace(text, "hand.json");
    const LoadedTrace* loaded = loadedOf(result);
    QVERIFY(loaded);
    QVERIFY2(loaded->warnings.empty(), qPrintable(warningsOf(*loaded)));
    // Both writers put U+FFFD for the stray byte, so the two files agree.
    const std::string expected = writeTraceJson(trace);
    QVERIFY(expected.find("a\xEF\xBF\xBDz") != std::string::npos);
    QCOMPARE(qs(writeTraceJson(loaded->trace)), qs(expected));
}

void TestChromeTrace::bundledExampleIsCurrent()
{
    // traces/examples/demo.chrome.json is the export of the simulation of traces/demo.json.
    const std::string expected = writeChromeTrace(simulateFile("demo.json"));
    const std::string bundled = readFile(tracesDir() + "examples/demo.chrome.json");
    QVERIFY2(bundled == expected,
        "traces/examples/demo.chrome.json is out of date: write it again with writeChromeTrace "
        "(procscope-cli convert) from the simulation of traces/demo.json");
}

// --- foreign traces ---------------------------------------------------------------------------

void TestChromeTrace::foreignTraces_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("processes"); // "name=pid"
    QTest::addColumn<QStringList>("tracks");
    QTest::addColumn<QStringList>("lanes");
    QTest::addColumn<qint64>("end");
    QTest::addColumn<QStringList>("warnings");

    QTest::newRow("array form, states by name and cname, CPUs from args.cpu")
        << QStringLiteral("states-array.json") << L({"worker-1=101", "worker-2=102"})
        << L({"0:Running@0 500000:Ready 750000:Running@1 1000000:Blocked@0 2000000:Unknown "
              "2500000:Blocked@-1",
               "200000:Ready 500000:Running@0 1000000:Zombie 1100000:Unknown"})
        << L({"0:worker-1 500000:worker-2 1000000:idle", "750000:worker-1 1000000:idle"}) << qint64(3000000)
        << QStringList();
    QTest::newRow("object form, B/E nesting, string ids, gaps are Unknown")
        << QStringLiteral("browser-object.json") << L({"IOThread=0", "CrBrowserMain=1"})
        << L({"5000:Running@-1 10000:Unknown 15000:Blocked@-1", "0:Running@-1 20000:Unknown"})
        << QStringList() << qint64(25000)
        << L({"skipped 1 event with phase 's' (flow arrows)", "skipped 1 event with phase 'f' (flow arrows)",
               "skipped 3 events with phase 'P' (samples)", "did not import 2 counter events (C)"});
    QTest::newRow("sort indices, fractional microseconds, unsorted events")
        << QStringLiteral("perfetto-threads.json") << L({"shell=3", "cc1=9", "make=8"})
        << L({"250:Blocked@0 1750:Unknown", "0:Running@1 4000:Unknown", "5500:Ready 7750:Running@1"})
        << L({"", "0:cc1 4000:idle 7750:make"}) << qint64(8750) << QStringList();
    QTest::newRow("truncated array")
        << QStringLiteral("truncated.json") << L({"tid 2=2"}) << L({"0:Running@-1 10000:Ready"})
        << QStringList() << qint64(15000)
        << L({"truncated.json: the file ends before the JSON does",
               "loaded the 2 complete events and skipped the incomplete last one"});
}

void TestChromeTrace::foreignTraces()
{
    QFETCH(QString, file);
    QFETCH(QStringList, processes);
    QFETCH(QStringList, tracks);
    QFETCH(QStringList, lanes);
    QFETCH(qint64, end);
    QFETCH(QStringList, warnings);

    const std::string text = readFile(testData("traces/chrome/" + file.toStdString()));
    QVERIFY(!text.empty());
    const auto result = readChromeTrace(text, file.toStdString());
    const LoadedTrace* loaded = loadedOf(result);
    QVERIFY(loaded);
    const Trace& trace = loaded->trace;
    QCOMPARE(qs(trace.meta.source), QStringLiteral("chrome"));
    QCOMPARE(qs(trace.meta.timeUnit), QStringLiteral("ns"));
    QStringList names;
    for (ProcIndex p = 0; p < static_cast<ProcIndex>(trace.processCount()); ++p)
        names << QStringLiteral("%1=%2").arg(qs(trace.info(p).name)).arg(trace.info(p).pid);
    QCOMPARE(names, processes);
    QStringList gotTracks;
    for (ProcIndex p = 0; p < static_cast<ProcIndex>(trace.processCount()); ++p)
        gotTracks << statesText(trace, p);
    QCOMPARE(gotTracks, tracks);
    QStringList gotLanes;
    for (int c = 0; c < trace.cpuCount(); ++c)
        gotLanes << laneText(trace, c);
    QCOMPARE(gotLanes, lanes);
    QCOMPARE(qint64(trace.end()), end);
    QVERIFY(trace.finished());
    const QString all = warningsOf(*loaded);
    for (const QString& w : warnings)
        QVERIFY2(all.contains(w), qPrintable(all));
    if (warnings.isEmpty())
        QVERIFY2(all.isEmpty(), qPrintable(all));
    // The tracks above have Unknown in every gap, never an invented Ready. The rest of core copes:
    exerciseCore(trace);
}

void TestChromeTrace::foreignTraceRoundTrips()
{
    const std::string text = readFile(testData("traces/chrome/browser-object.json"));
    const auto first = readChromeTrace(text, "browser.json");
    const LoadedTrace* a = loadedOf(first);
    QVERIFY(a);
    QCOMPARE(qs(a->trace.events().front().text), QStringLiteral("vsync (CrBrowserMain)"));
    QCOMPARE(a->trace.events().front().at, Tick(8000));
    const auto second = readChromeTrace(writeChromeTrace(a->trace), "again.json");
    const LoadedTrace* b = loadedOf(second);
    QVERIFY(b);
    QVERIFY2(b->warnings.empty(), qPrintable(warningsOf(*b)));
    QCOMPARE(qs(writeTraceJson(b->trace)), qs(writeTraceJson(a->trace)));
    QCOMPARE(qs(b->trace.meta.timeUnit), QStringLiteral("ns"));
}

// --- bad input --------------------------------------------------------------------------------

void TestChromeTrace::badInput_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<bool>("loads");
    QTest::addColumn<QString>("message"); // part of the error, or of a warning
    QTest::addColumn<int>("processes");   // when it loads

    const std::string good = R"({"ph":"X","pid":1,"tid":1,"ts":5,"dur":1,"name":"Running"})";
    auto row = [](const char* name, std::string text, bool loads, const char* message, int processes = 0) {
        QTest::newRow(name) << std::move(text) << loads << QString::fromUtf8(message) << processes;
    };
    row("empty file", "", false, "bad.json: the file is empty; expected Chrome trace JSON");
    row("only white space", " \n\t", false, "bad.json: the file holds only white space");
    row("UTF-16", "\xFF\xFE[\0]\0", false, "UTF-16");
    row("truncated before any event", R"([{"ph":"X","pid":1,)", false,
        "bad.json:1:20: the file ends before the JSON does (truncated?)");
    row("truncated object form", R"({"traceEvents":[)" + good + ",\n" + R"({"ph":"X","ts":)", true,
        "bad.json: the file ends before the JSON does", 1);
    row("truncated after a comma", "[" + good + ",", true, "loaded the 1 complete events", 1);
    row("ts a string", R"([{"ph":"X","pid":1,"tid":1,"ts":"12","dur":1,"name":"a"},)" + good + "]", true,
        "bad.json:1:2: $[0].ts: expected a number of microseconds, got \"12\"; the event was skipped", 1);
    row("ph a number", R"([{"ph":5,"pid":1,"tid":1,"ts":1,"dur":1},)" + good + "]", true,
        "$[0].ph: expected a one-letter phase such as \"X\", got 5", 1);
    row("ph missing", R"([{"pid":1,"tid":1,"ts":1,"dur":1},)" + good + "]", true, "$[0]: no \"ph\"", 1);
    row("pid an object", R"([{"ph":"X","pid":{},"tid":1,"ts":1,"dur":1},)" + good + "]", true,
        "$[0].pid: expected a number or a string, got an object", 1);
    row("name a number", R"([{"ph":"X","pid":1,"tid":1,"ts":1,"dur":1,"name":7},)" + good + "]", true,
        "$[0].name: expected a string, got 7", 1);
    row("unknown format", R"({"format":"procscope-trace","version":1,"processes":[]})", false,
        "bad.json: not a Chrome trace: the object has no \"traceEvents\" array (it says \"format\": "
        "\"procscope-trace\")");
    row("a number", "42", false, "bad.json:1:1: not a Chrome trace: expected '[' or '{'");
    row("traceEvents an object", R"({"traceEvents":{}})", false,
        "bad.json: $.traceEvents: expected an array of events, got an object");
    row("traceEvents a string", R"({"traceEvents":"x"})", false,
        "$.traceEvents: expected an array of events, got \"x\"");
    row("elements that are not events", "[1,[2],\"x\"," + good + "]", true,
        "bad.json:1:2: $[0]: expected an event object, got 1; skipped (2 more like it)", 1);
    row("ts 1e300", R"([{"ph":"X","pid":1,"tid":1,"ts":1e300,"dur":1},)" + good + "]", true,
        "$[0].ts: 1e+300 is out of range", 1);
    row("ts 1e400", R"([{"ph":"X","pid":1,"tid":1,"ts":1e400,"dur":1}])", false,
        "bad.json:1:33: JSON number out of range");
    row("dur -5", R"([{"ph":"X","pid":1,"tid":1,"ts":1,"dur":-5},)" + good + "]", true,
        "$[0].dur: a negative duration, -5; the event was skipped", 1);
    row("dur 1e300", R"([{"ph":"X","pid":1,"tid":1,"ts":1,"dur":1e300},)" + good + "]", true,
        "$[0].dur: 1e+300 is out of range", 1);
    row("dur a string", R"([{"ph":"X","pid":1,"tid":1,"ts":1,"dur":"5"},)" + good + "]", true,
        "$[0].dur: expected a number of microseconds, got \"5\"", 1);
    row("X without dur", R"([{"ph":"X","pid":1,"tid":1,"ts":1,"name":"a"},)" + good + "]", true,
        "without \"dur\" was read as lasting no time", 1);
    row("overlapping slices",
        R"([{"ph":"X","pid":1,"tid":1,"ts":0,"dur":10,"name":"Running"},
            {"ph":"X","pid":1,"tid":1,"ts":5,"dur":10,"name":"Runnable"}])",
        true, "bad.json:2:13: slices on thread \"tid 1\" overlap without nesting", 1);
    row("E without B", R"([{"ph":"E","pid":1,"tid":1,"ts":3},)" + good + "]", true,
        "an \"E\" event ends no slice", 1);
    row("B without E", R"([{"ph":"B","pid":1,"tid":1,"ts":3,"name":"Running"},)" + good + "]", true,
        "1 \"B\" events have no \"E\"", 1);
    row("args.cpu not a CPU", R"([{"ph":"X","pid":1,"tid":1,"ts":0,"dur":1,"args":{"cpu":-1}}])", true,
        "args.cpu is not a CPU number", 1);
    row("phases P", R"([{"ph":"P","ts":1},{"ph":"P","ts":2},{"ph":"P","ts":3},)" + good + "]", true,
        "bad.json: skipped 3 events with phase 'P' (samples)", 1);
    row("phase longer than one letter", R"([{"ph":"XX","pid":1,"ts":1},)" + good + "]", true,
        "$[0].ph: expected a one-letter phase", 1);
    row("invalid UTF-8", "[{\"ph\":\"X\",\"name\":\"a\xFF\"}]", false,
        "bad.json:1:21: invalid UTF-8 in a string");
    row("syntax error", "[" + good + ",}]", false, "bad.json:1:61: JSON syntax error");
    row("trailing garbage", "[]x", false, "bad.json:1:3: JSON syntax error");
    row("NUL byte", std::string("[\0]", 3), false, "bad.json:1:2: not a text file: it contains a NUL byte");
    row("empty array", "[]", true, "", 0);
    row("unsorted events",
        R"([{"ph":"X","pid":1,"tid":1,"ts":30,"dur":10,"name":"Running"},
            {"ph":"E","pid":1,"tid":2,"ts":25},
            {"ph":"X","pid":1,"tid":1,"ts":0,"dur":10,"name":"Runnable"},
            {"ph":"B","pid":1,"tid":2,"ts":5,"name":"Running"}])",
        true, "", 2);
    row("newer ProcScope schema",
        R"({"otherData":{"schema":"procscope-chrome-9"},"traceEvents":[)" + good + "]}", true,
        "written by a newer ProcScope", 1);
}

void TestChromeTrace::badInput()
{
    QFETCH(std::string, text);
    QFETCH(bool, loads);
    QFETCH(QString, message);
    QFETCH(int, processes);
    const auto result = readChromeTrace(text, "bad.json");
    if (!loads) {
        QVERIFY2(errorOf(result).contains(message), qPrintable(errorOf(result)));
        QVERIFY(!std::get<LoadError>(result).cancelled);
        return;
    }
    const LoadedTrace* loaded = loadedOf(result);
    QVERIFY(loaded);
    QVERIFY2(warningsOf(*loaded).contains(message), qPrintable(warningsOf(*loaded)));
    if (message.isEmpty())
        QVERIFY2(loaded->warnings.empty(), qPrintable(warningsOf(*loaded)));
    QCOMPARE(int(loaded->trace.processCount()), processes);
    exerciseCore(loaded->trace);
    if (QString::fromUtf8(QTest::currentDataTag()) == QStringLiteral("overlapping slices"))
        QCOMPARE(statesText(loaded->trace, 0), QStringLiteral("0:Running@-1 10000:Ready"));
    if (QString::fromUtf8(QTest::currentDataTag()) == QStringLiteral("unsorted events")) {
        QCOMPARE(statesText(loaded->trace, 0), QStringLiteral("0:Ready 10000:Unknown 30000:Running@-1"));
        QCOMPARE(statesText(loaded->trace, 1), QStringLiteral("5000:Running@-1 25000:Unknown"));
    }
}

void TestChromeTrace::veryDeepNesting_data()
{
    QTest::addColumn<std::string>("text");
    constexpr int depth = 100000;
    QTest::newRow("arrays") << std::string(depth, '[') + std::string(depth, ']');
    QTest::newRow("unclosed arrays") << std::string(depth, '[');
    QTest::newRow("in args") << R"([{"ph":"X","ts":0,"args":{"a":)" + std::string(depth, '[') +
                                    std::string(depth, ']') + "}}]";
    std::string objects;
    for (int i = 0; i < depth; ++i)
        objects += "{\"a\":";
    QTest::newRow("objects") << "{\"traceEvents\":[]," + objects.substr(1) + "1" +
                                    std::string(depth - 1, '}') + "}";
}

void TestChromeTrace::veryDeepNesting()
{
    QFETCH(std::string, text);
    const auto result = readChromeTrace(text, "deep.json");
    const QString error = errorOf(result);
    QVERIFY2(error.startsWith(QStringLiteral("deep.json:1:")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("nested deeper than 256 levels")), qPrintable(error));
}

void TestChromeTrace::sixtyFourMegabyteLine()
{
    // One event whose name fills a 64 MB line: it loads, the name cut to 1 MB.
    const std::string head = R"([{"ph":"X","pid":1,"tid":1,"ts":0,"dur":1,"name":")";
    const std::string tail = R"("},{"ph":"X","pid":1,"tid":2,"ts":0,"dur":2,"name":"Runnable"}])";
    std::string text = head;
    text.append((std::size_t{64} << 20) - head.size() - tail.size(), 'a');
    text += tail;
    QCOMPARE(text.size(), std::size_t{64} << 20);
    const auto result = readChromeTrace(text, "long.json");
    const LoadedTrace* loaded = loadedOf(result);
    QVERIFY(loaded);
    QCOMPARE(int(loaded->trace.processCount()), 2);
    QCOMPARE(statesText(loaded->trace, 1), QStringLiteral("0:Ready"));
    QVERIFY2(warningsOf(*loaded).contains(QStringLiteral("was cut to that length")),
        qPrintable(warningsOf(*loaded)));
}

void TestChromeTrace::randomBinary()
{
    std::uint64_t state = 0x9E3779B97F4A7C15ull;
    for (int round = 0; round < 50; ++round) {
        std::string text(1 + round * 97, '\0');
        for (char& c : text) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            c = static_cast<char>(state & 0xFF);
        }
        if (round % 2)
            text[0] = '['; // past the first check
        if (round % 4 == 1)
            std::replace(text.begin(), text.end(), '\0', ' ');
        const auto result = readChromeTrace(text, "noise.bin");
        if (const auto* error = std::get_if<LoadError>(&result))
            QVERIFY2(error->toString().starts_with("noise.bin"), error->toString().c_str());
        else
            exerciseCore(std::get<LoadedTrace>(result).trace);
    }
}

void TestChromeTrace::progressAndCancel()
{
    Workload w = mlfqThreeCpus();
    w.policy.boostPeriod = 0;
    for (auto& p : w.processes)
        p.program = {Op::cpu(4000), Op::io(3), Op::cpu(4000)};
    const std::string text = writeChromeTrace(simulate(w));
    QVERIFY(text.size() > (std::size_t{1} << 20));

    std::uint64_t last = 0;
    int calls = 0;
    TraceLoadOptions options;
    options.progress = [&](std::uint64_t done, std::uint64_t total) {
        if (done < last || total != text.size())
            return false;
        last = done;
        ++calls;
        return true;
    };
    QVERIFY(loadedOf(readChromeTrace(text, "big.json", options)));
    QVERIFY(calls >= 3);
    QCOMPARE(last, std::uint64_t(text.size()));

    int allowed = 2;
    options.progress = [&](std::uint64_t, std::uint64_t) { return allowed-- > 0; };
    const auto cancelled = readChromeTrace(text, "big.json", options);
    QVERIFY(std::holds_alternative<LoadError>(cancelled));
    QVERIFY(std::get<LoadError>(cancelled).cancelled);
}

void TestChromeTrace::damagedOwnExportFallsBack()
{
    // A ProcScope export whose state args were removed still loads, as a foreign trace, and says so.
    std::string text = writeChromeTrace(simulateFile("convoy-fifo.json"));
    for (std::size_t at = text.find("\"cause\":"); at != std::string::npos; at = text.find("\"cause\":", at))
        text.replace(at, 8, "\"kause\":");
    const auto result = readChromeTrace(text, "edited.json");
    const LoadedTrace* loaded = loadedOf(result);
    QVERIFY(loaded);
    QVERIFY2(warningsOf(*loaded).contains(QStringLiteral("read as a foreign Chrome trace")),
        qPrintable(warningsOf(*loaded)));
    QCOMPARE(qs(loaded->trace.meta.source), QStringLiteral("chrome"));
    exerciseCore(loaded->trace);
}

QTEST_MAIN(TestChromeTrace)
#include "tst_chrome_trace.moc"
