// The trace-file layer: recognising formats from content, the CSV exports, and atomic saves.
#include "core/io/atomic_file.h"
#include "core/io/csv_export.h"
#include "core/io/trace_file.h"
#include "core/io/trace_json_writer.h"
#include "core/io/utf8.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <sstream>

using namespace procscope;

class TestTraceExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void detectsFormats_data();
    void detectsFormats();
    void loadsEveryFormatThroughOneEntry();
    void lessonRunsItsCommandLine();
    void unknownAndEmptyInputs();
    void intervalsCsv();
    void metricsCsv();
    void csvQuotesNames();
    void invalidUtf8NamesStillReadBack();
    void atomicSaveReplacesWhole();
    void atomicSaveFailureLeavesTargetAlone();
};

namespace {

// Two processes on one CPU: A runs 0-3, does I/O 3-5, runs 5-6 and exits; B waits 1-3, runs 3-5.
Trace smallTrace(std::string nameA = "A")
{
    Trace t;
    t.setCpuCount(1);
    const ProcIndex a = t.addProcess(ProcessInfo{1, std::move(nameA), kInitPid, 0});
    const ProcIndex b = t.addProcess(ProcessInfo{2, "B", kInitPid, 1});
    t.recordState(a, 0, ProcessState::New, Cause::Created);
    t.recordState(a, 0, ProcessState::Ready, Cause::Admitted);
    t.recordState(a, 0, ProcessState::Running, Cause::Dispatched, 0);
    t.recordCpu(0, 0, a, Reason::Fifo);
    t.recordState(b, 1, ProcessState::New, Cause::Created);
    t.recordState(b, 1, ProcessState::Ready, Cause::Admitted, 1);
    t.recordState(a, 3, ProcessState::Blocked, Cause::IoStarted, 0);
    t.recordState(b, 3, ProcessState::Running, Cause::Dispatched, 0);
    t.recordCpu(0, 3, b, Reason::Fifo);
    t.recordState(a, 5, ProcessState::Ready, Cause::IoDone, 2);
    t.recordState(b, 5, ProcessState::Zombie, Cause::Exited);
    t.recordState(b, 5, ProcessState::Terminated, Cause::Reaped);
    t.recordState(a, 5, ProcessState::Running, Cause::Dispatched, 0);
    t.recordCpu(0, 5, a, Reason::Fifo);
    t.recordState(a, 6, ProcessState::Zombie, Cause::Exited);
    t.recordState(a, 6, ProcessState::Terminated, Cause::Reaped);
    t.recordCpu(0, 6, kCpuIdle);
    t.setEnd(6, true);
    return t;
}

std::string readAll(const QString& path)
{
    std::ifstream in(path.toStdString(), std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

void TestTraceExport::detectsFormats_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<int>("format");
    const auto row = [](const char* name, const char* head, TraceFileFormat f) {
        QTest::newRow(name) << QByteArray(head) << static_cast<int>(f);
    };
    row("native", "{\"format\":\"procscope-trace\",\"version\":1,", TraceFileFormat::NativeTrace);
    row("native, spaced, BOM", "\xEF\xBB\xBF  {\n \"format\" :  \"procscope-trace\"",
        TraceFileFormat::NativeTrace);
    row("workload", "{\n  \"format\": \"procscope-workload\",\n  \"version\": 1", TraceFileFormat::Workload);
    row("OSTEP lesson", "{\"format\": \"procscope-ostep-lesson\", \"version\": 1,",
        TraceFileFormat::OstepLesson);
    row("chrome array", "[{\"name\":\"Running\",\"ph\":\"X\",\"ts\":0,\"dur\":5,\"pid\":1,\"tid\":1}",
        TraceFileFormat::Chrome);
    row("chrome object", "{\"displayTimeUnit\":\"ms\",\"traceEvents\":[", TraceFileFormat::Chrome);
    row("chrome truncated", "[", TraceFileFormat::Chrome);
    row("other JSON object", "{\"hello\": 1}", TraceFileFormat::Unknown);
    row("plain text", "hello world\nthis is not a trace\n", TraceFileFormat::Unknown);
    row("empty", "", TraceFileFormat::Unknown);
    row("trace-cmd",
        "cpus=2\n          <idle>-0     [001]  5103.450392: sched_switch:         "
        "swapper/1:0 [120] R ==> bash:2215 [120]\n",
        TraceFileFormat::TraceCmd);
}

void TestTraceExport::detectsFormats()
{
    QFETCH(QByteArray, head);
    QFETCH(int, format);
    QCOMPARE(
        static_cast<int>(detectTraceFileFormat(std::string_view(head.constData(), head.size()))), format);
}

void TestTraceExport::loadsEveryFormatThroughOneEntry()
{
    const Trace original = smallTrace();
    const std::string native = writeTraceJson(original);
    auto loaded = loadTraceText(native, "small.json");
    QVERIFY(std::holds_alternative<LoadedTrace>(loaded));
    QCOMPARE(std::get<LoadedTrace>(loaded).format, std::string("procscope-trace"));
    QCOMPARE(writeTraceJson(std::get<LoadedTrace>(loaded).trace), native);

    const std::string workload = R"({"format": "procscope-workload", "version": 1,
        "processes": [{"name": "a", "program": "c3"}, {"name": "b", "program": "c2"}]})";
    auto simulated = loadTraceText(workload, "w.json");
    QVERIFY2(std::holds_alternative<LoadedTrace>(simulated),
        std::holds_alternative<LoadError>(simulated) ? std::get<LoadError>(simulated).toString().c_str()
                                                     : "");
    const Trace& t = std::get<LoadedTrace>(simulated).trace;
    QCOMPARE(t.processCount(), std::size_t(2));
    QVERIFY(t.finished());
}

void TestTraceExport::lessonRunsItsCommandLine()
{
    auto loaded = loadTraceFile(PROCSCOPE_TEST_DATA "/app/ostep-lesson.json");
    QVERIFY2(std::holds_alternative<LoadedTrace>(loaded),
        std::holds_alternative<LoadError>(loaded) ? std::get<LoadError>(loaded).toString().c_str() : "");
    const LoadedTrace& l = std::get<LoadedTrace>(loaded);
    QCOMPARE(l.format, std::string("procscope-ostep-lesson"));
    QVERIFY(l.trace.finished());
    QVERIFY(l.trace.processCount() >= 2);
}

void TestTraceExport::unknownAndEmptyInputs()
{
    for (const std::string& text : {std::string(), std::string("  \n "),
             std::string("\x7f"
                         "ELF\x02\x01",
                 6),
             std::string("{\"hello\": 1}"), std::string("just words\n")}) {
        auto result = loadTraceText(text, "odd.bin");
        QVERIFY(std::holds_alternative<LoadError>(result));
        const std::string message = std::get<LoadError>(result).toString();
        QVERIFY2(message.starts_with("odd.bin: "), message.c_str());
        QVERIFY2(
            message.find("empty") != std::string::npos || message.find("unknown format") != std::string::npos,
            message.c_str());
    }
    QTemporaryDir dir;
    auto missing = loadTraceFile(dir.filePath(QStringLiteral("nope.json")).toStdString());
    QVERIFY(std::holds_alternative<LoadError>(missing));
    QVERIFY(std::get<LoadError>(missing).toString().find("nope.json: cannot open") != std::string::npos);
    auto directory = loadTraceFile(dir.path().toStdString());
    QVERIFY(std::holds_alternative<LoadError>(directory));
    QVERIFY(std::get<LoadError>(directory).toString().find("directory") != std::string::npos);
}

void TestTraceExport::intervalsCsv()
{
    QCOMPARE(writeIntervalsCsv(smallTrace()),
        std::string("track,id,pid,name,state,start_tick,end_tick,duration_tick,cause,detail,level\n"
                    "process,1,1,A,Running,0,3,3,Dispatched,CPU 0,0\n"
                    "process,1,1,A,Blocked,3,5,2,IoStarted,disk,0\n"
                    "process,1,1,A,Running,5,6,1,Dispatched,CPU 0,0\n"
                    "process,2,2,B,Ready,1,3,2,Admitted,1,0\n"
                    "process,2,2,B,Running,3,5,2,Dispatched,CPU 0,0\n"
                    "cpu,0,1,A,Running,0,3,3,FIFO,0,0\n"
                    "cpu,0,2,B,Running,3,5,2,FIFO,0,0\n"
                    "cpu,0,1,A,Running,5,6,1,FIFO,0,0\n"));
}

void TestTraceExport::metricsCsv()
{
    QCOMPARE(writeMetricsCsv(smallTrace()),
        std::string("pid,name,parent,arrival_tick,first_run_tick,finish_tick,turnaround_tick,response_tick,"
                    "waiting_tick,cpu_tick,io_tick,dispatches\n"
                    "1,A,,0,0,6,6,0,0,4,2,2\n"
                    "2,B,,1,3,5,4,2,2,2,0,1\n"));
}

void TestTraceExport::csvQuotesNames()
{
    const std::string csv = writeIntervalsCsv(smallTrace("say \"hi\", then\nleave"));
    QVERIFY(csv.find("process,1,1,\"say \"\"hi\"\", then\nleave\",Running,0,3,") != std::string::npos);
}

void TestTraceExport::invalidUtf8NamesStillReadBack()
{
    // A Linux task's comm is raw bytes; saving such a trace must give a file that opens.
    const Trace t = smallTrace("cc1\xff\xfe-\xc3\xa9");
    const std::string json = writeTraceJson(t);
    auto read = loadTraceText(json, "saved.json");
    QVERIFY2(std::holds_alternative<LoadedTrace>(read),
        std::holds_alternative<LoadError>(read) ? std::get<LoadError>(read).toString().c_str() : "");
    QCOMPARE(
        std::get<LoadedTrace>(read).trace.info(0).name, std::string("cc1\xEF\xBF\xBD\xEF\xBF\xBD-\xc3\xa9"));
    QVERIFY(isValidUtf8("plain ascii and \xc3\xa9\xe2\x82\xac"));
    QVERIFY(!isValidUtf8("\xc0\x80"));     // overlong NUL
    QVERIFY(!isValidUtf8("\xed\xa0\x80")); // a surrogate
    QCOMPARE(toValidUtf8("a\xf4\x90\x80\x80"
                         "b"),
        std::string("a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
                    "b"));
}

void TestTraceExport::atomicSaveReplacesWhole()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.csv"));
    QVERIFY(!writeFileAtomically(path.toStdString(), "first version, long enough\n"));
    QCOMPARE(readAll(path), std::string("first version, long enough\n"));
    QVERIFY(!writeFileAtomically(path.toStdString(), "second\n"));
    QCOMPARE(readAll(path), std::string("second\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1); // no temporary left behind
}

void TestTraceExport::atomicSaveFailureLeavesTargetAlone()
{
    QTemporaryDir dir;
    const auto error =
        writeFileAtomically(dir.filePath(QStringLiteral("no/such/dir/out.csv")).toStdString(), "x");
    QVERIFY(error);
    QVERIFY2(error->find("out.csv: cannot save: ") != std::string::npos, error->c_str());
    const auto onDirectory = writeFileAtomically(dir.path().toStdString(), "x");
    QVERIFY(onDirectory);
    QVERIFY(QFileInfo(dir.path()).isDir());
}

QTEST_GUILESS_MAIN(TestTraceExport)
#include "tst_trace_export.moc"
