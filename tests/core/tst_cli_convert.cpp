// procscope-cli convert and info, run as a user runs them: exit status, stdout, stderr, files.
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCliConvert : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTripThroughEveryFormat();
    void formatFromTheOutputName();
    void infoSummarises();
    void badInvocations_data();
    void badInvocations();

private:
    struct Run {
        int status = -1;
        QString out, err;
    };
    Run cli(const QStringList& args) const;
    QString path(const char* name) const { return m_dir.filePath(QLatin1String(name)); }
    static QByteArray read(const QString& file);

    QTemporaryDir m_dir;
    QString m_workload;
};

TestCliConvert::Run TestCliConvert::cli(const QStringList& args) const
{
    QProcess p;
    p.start(QStringLiteral(PROCSCOPE_CLI), args);
    if (!p.waitForFinished(60000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
        QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

QByteArray TestCliConvert::read(const QString& file)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void TestCliConvert::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_workload = QStringLiteral(PROCSCOPE_TEST_DATA "/app/demo.json");
    QVERIFY(QFile::exists(m_workload));
}

void TestCliConvert::roundTripThroughEveryFormat()
{
    // workload -> native trace (simulated on load)
    Run r = cli({QStringLiteral("convert"), m_workload, QStringLiteral("-o"), path("a.json")});
    QVERIFY2(r.status == 0, qPrintable(r.err));
    const QByteArray native = read(path("a.json"));
    QVERIFY(native.startsWith("{\"format\":\"procscope-trace\""));
    // native -> Chrome -> native: the same bytes
    r = cli({QStringLiteral("convert"), path("a.json"), QStringLiteral("--to"), QStringLiteral("chrome"),
        QStringLiteral("-o"), path("b.json")});
    QVERIFY2(r.status == 0, qPrintable(r.err));
    QVERIFY(read(path("b.json")).contains("\"traceEvents\""));
    r = cli({QStringLiteral("convert"), path("b.json"), QStringLiteral("-o"), path("c.json")});
    QVERIFY2(r.status == 0, qPrintable(r.err));
    QCOMPARE(read(path("c.json")), native);
    // native -> native: byte-stable
    r = cli({QStringLiteral("convert"), path("c.json"), QStringLiteral("-o"), QStringLiteral("-")});
    QCOMPARE(r.status, 0);
    QCOMPARE(r.out.toUtf8(), native);
}

void TestCliConvert::formatFromTheOutputName()
{
    Run r = cli({QStringLiteral("convert"), m_workload, QStringLiteral("-o"), path("run.csv")});
    QVERIFY2(r.status == 0, qPrintable(r.err));
    QVERIFY(read(path("run.csv")).startsWith("track,id,pid,name,state,start_tick,"));
    r = cli({QStringLiteral("convert"), m_workload, QStringLiteral("-o"), path("run.metrics.csv")});
    QVERIFY(read(path("run.metrics.csv")).startsWith("pid,name,parent,arrival_tick,"));
    r = cli({QStringLiteral("convert"), m_workload, QStringLiteral("-o"), path("run.chrome.json")});
    QVERIFY(read(path("run.chrome.json")).contains("\"traceEvents\""));
}

void TestCliConvert::infoSummarises()
{
    const Run r = cli({QStringLiteral("info"), m_workload});
    QVERIFY2(r.status == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("format:     procscope-workload")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("processes:  6")));
    QVERIFY(r.out.contains(QStringLiteral("editor")));
    QVERIFY(r.out.contains(QStringLiteral("average turnaround")));
}

void TestCliConvert::badInvocations_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    const QString out = m_dir.filePath(QStringLiteral("x.json"));
    QTest::newRow("no output") << QStringList{QStringLiteral("convert"), m_workload} << 2
                               << QStringLiteral("-o OUT");
    QTest::newRow("bad --to") << QStringList{QStringLiteral("convert"), m_workload, QStringLiteral("--to"),
                                     QStringLiteral("xml"), QStringLiteral("-o"), out}
                              << 2 << QStringLiteral("--to must be");
    QTest::newRow("unknown extension") << QStringList{QStringLiteral("convert"), m_workload,
                                              QStringLiteral("-o"), m_dir.filePath(QStringLiteral("x.xyz"))}
                                       << 2 << QStringLiteral("--to");
    QTest::newRow("missing input") << QStringList{QStringLiteral("convert"),
                                          m_dir.filePath(QStringLiteral("gone.json")), QStringLiteral("-o"),
                                          out}
                                   << 1 << QStringLiteral("gone.json: cannot open");
    QTest::newRow("directory input") << QStringList{QStringLiteral("info"), m_dir.path()} << 1
                                     << QStringLiteral("directory");
    QTest::newRow("unwritable output")
        << QStringList{QStringLiteral("convert"), m_workload, QStringLiteral("-o"),
               m_dir.filePath(QStringLiteral("no/such/dir/x.json"))}
        << 1 << QStringLiteral("cannot save");
    QTest::newRow("info without file")
        << QStringList{QStringLiteral("info")} << 2 << QStringLiteral("exactly one file");
}

void TestCliConvert::badInvocations()
{
    QFETCH(QStringList, args);
    QFETCH(int, status);
    QFETCH(QString, message);
    const Run r = cli(args);
    QCOMPARE(r.status, status);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestCliConvert)
#include "tst_cli_convert.moc"
