// Every reference output of the OSTEP homework simulators (tests/data/ostep, copied from the
// project's shared conformance set), reproduced byte for byte by `procscope-cli ostep`.
#include "core/io/ostep_lesson.h"
#include "core/ostep/ostep_run.h"

#include <QDir>
#include <QFile>
#include <QTest>

class TestOstepConformance : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void referenceCases_data();
    void referenceCases();
    void badOptions_data();
    void badOptions();
    void lessons_data();
    void lessons();
};

namespace {
QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

void TestOstepConformance::referenceCases_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("expected");
    const QDir dir(QStringLiteral(PROCSCOPE_TEST_DATA "/ostep"));
    const auto cases = dir.entryList({QStringLiteral("*.cmd")}, QDir::Files, QDir::Name);
    QVERIFY(cases.size() >= 24);
    for (const QString& cmd : cases) {
        const QString name = cmd.chopped(4);
        const QString script = name.section(QLatin1Char('_'), 0, 0);
        const QStringList args = QString::fromUtf8(readAll(dir.filePath(cmd)))
                                     .trimmed()
                                     .split(QLatin1Char(' '), Qt::SkipEmptyParts);
        QTest::newRow(qPrintable(name))
            << script << args << readAll(dir.filePath(name + QStringLiteral(".out")));
    }
}

void TestOstepConformance::referenceCases()
{
    QFETCH(QString, script);
    QFETCH(QStringList, args);
    QFETCH(QByteArray, expected);
    std::vector<std::string> argv;
    for (const QString& a : args)
        argv.push_back(a.toStdString());
    const auto run = procscope::ostep::runOstep(script.toStdString(), argv);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(QByteArray::fromStdString(run.out), expected);
    QVERIFY(run.err.empty());
    QVERIFY(run.workload.has_value());
}

// The scripts' own error text and status where they give one; a clear error and status 1 where
// they would crash or loop forever.
void TestOstepConformance::badOptions_data()
{
    QTest::addColumn<QByteArray>("script");
    QTest::addColumn<QByteArrayList>("args");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("stdoutStart");
    QTest::addColumn<QByteArray>("stderrHas");
    const auto row = [](const char* name, const char* script, QByteArrayList args, int status,
                         const char* out, const char* err) {
        QTest::newRow(name) << QByteArray(script) << args << status << QByteArray(out) << QByteArray(err);
    };
    row("unknown option", "process-run", {"-z"}, 2, "", "no such option: -z");
    row("bad int", "scheduler", {"-j", "x"}, 2, "", "invalid integer value");
    row("octal 09", "mlfq", {"-n", "09"}, 2, "", "invalid integer value");
    row("no -l", "process-run", {"-c"}, 1, "Bad description ():", "");
    row("bad opcode", "process-run", {"-P", "x3"}, 1, "bad opcode x", "");
    row("bad switch", "process-run", {"-l", "1:50", "-S", "NOPE"}, 1, "", "-S must be");
    row("negative -L", "process-run", {"-l", "1:50", "-L", "-1"}, 1, "", "-L must not be negative");
    row("rr q0 loops", "scheduler", {"-p", "RR", "-q", "0", "-c"}, 1, "ARG policy RR", "-q must be positive");
    row("unknown policy", "scheduler", {"-p", "XYZ", "-c"}, 0, "ARG policy XYZ", "");
    row("allotments mismatch", "mlfq", {"-Q", "1,2", "-A", "1"}, 1,
        "number of allotments specified must match", "");
    row("mlfq bad job", "mlfq", {"-l", "1,2"}, 1, "Badly formatted job string", "");
    row("mlfq zero run aborts", "mlfq", {"-l", "0,0,0", "-c"}, 1, "Here is the list",
        "should never have less than 0");
    row("lottery maxlen 1", "lottery", {"-m", "1", "-c"}, 1, "ARG jlist", "loop forever");
    row("help", "lottery", {"-h"}, 0, "Usage: lottery.py [options]", "");
    row("unknown script", "nope", {}, 2, "", "unknown script");
}

void TestOstepConformance::badOptions()
{
    QFETCH(QByteArray, script);
    QFETCH(QByteArrayList, args);
    QFETCH(int, status);
    QFETCH(QByteArray, stdoutStart);
    QFETCH(QByteArray, stderrHas);
    std::vector<std::string> argv;
    for (const QByteArray& a : args)
        argv.push_back(a.toStdString());
    const auto run = procscope::ostep::runOstep(script.toStdString(), argv);
    QCOMPARE(run.exitCode, status);
    QVERIFY2(QByteArray::fromStdString(run.out).startsWith(stdoutStart), run.out.c_str());
    QVERIFY2(QByteArray::fromStdString(run.err).contains(stderrHas), run.err.c_str());
}

// Every lesson under traces/ostep is a valid command line of its script.
void TestOstepConformance::lessons_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(PROCSCOPE_TEST_DATA "/../../traces/ostep"));
    const auto files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 20);
    for (const QString& f : files)
        QTest::newRow(qPrintable(f)) << dir.filePath(f);
}

void TestOstepConformance::lessons()
{
    QFETCH(QString, path);
    const auto read = procscope::readOstepLesson(path.toStdString());
    QVERIFY2(std::holds_alternative<procscope::OstepLesson>(read),
        std::holds_alternative<procscope::LoadError>(read)
            ? std::get<procscope::LoadError>(read).toString().c_str()
            : "");
    const auto& lesson = std::get<procscope::OstepLesson>(read);
    QVERIFY(!lesson.question.empty());
    auto args = lesson.args;
    args.emplace_back("-c");
    const auto run = procscope::ostep::runOstep(lesson.script, args);
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.workload.has_value());
}

QTEST_GUILESS_MAIN(TestOstepConformance)
#include "tst_ostep_conformance.moc"
