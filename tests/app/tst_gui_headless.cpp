// procscope with no display, run as a user runs it (no DISPLAY, no WAYLAND_DISPLAY, no
// QT_QPA_PLATFORM): --help and --version print, --screenshot writes its picture, and the GUI says
// in one line that there is no display, never Qt's "could not load the Qt platform plugin" abort.
#include <QColor>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

class TestGuiHeadless : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void printsWithoutAPlatform_data();
    void printsWithoutAPlatform();
    void screenshotWithoutADisplay_data();
    void screenshotWithoutADisplay();
    void windowWithoutADisplaySaysSo_data();
    void windowWithoutADisplaySaysSo();

private:
    struct Run {
        int status = -1;
        QString out, err;
    };
    // `platform`: QT_QPA_PLATFORM for the run; empty leaves it unset.
    Run procscope(const QStringList& args, const QString& platform = {}) const;
    static QString demo() { return QStringLiteral(PROCSCOPE_TEST_DATA "/app/demo.json"); }

    QTemporaryDir m_dir;
};

TestGuiHeadless::Run TestGuiHeadless::procscope(const QStringList& args, const QString& platform) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QLatin1String(name));
    if (!platform.isEmpty())
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), platform);
    // The window's saved layout and recent files stay out of the user's settings.
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(PROCSCOPE_GUI), args);
    if (!p.waitForFinished(180000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
        QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

void TestGuiHeadless::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QFile::exists(demo()));
}

void TestGuiHeadless::printsWithoutAPlatform_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("platform");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("out"); // stdout starts with it
    QTest::addColumn<QString>("err"); // stderr starts with it (empty: stderr is empty)

    const QString usage = QStringLiteral("Usage: procscope [FILE]\n");
    const QString version = QStringLiteral("procscope " PROCSCOPE_VERSION "\n");
    // A platform that does not exist proves that none is loaded: Qt would abort on it.
    const QString none = QStringLiteral("no-such-platform");
    QTest::newRow("--help") << QStringList{QStringLiteral("--help")} << QString() << 0 << usage << QString();
    QTest::newRow("-h, no platform loaded")
        << QStringList{QStringLiteral("-h")} << none << 0 << usage << QString();
    QTest::newRow("--version") << QStringList{QStringLiteral("--version")} << QString() << 0 << version
                               << QString();
    QTest::newRow("--version, no platform loaded")
        << QStringList{QStringLiteral("--version")} << none << 0 << version << QString();
    QTest::newRow("--help after a file")
        << QStringList{demo(), QStringLiteral("--help")} << none << 0 << usage << QString();
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--bogus")} << none << 2 << QString()
                                    << QStringLiteral("procscope: unknown option --bogus\nUsage: procscope");
    QTest::newRow("bad size") << QStringList{QStringLiteral("--screenshot"), QStringLiteral("x.png"),
                                     QStringLiteral("--size"), QStringLiteral("9x9"), demo()}
                              << QString() << 2 << QString()
                              << QStringLiteral("procscope: --size needs WIDTHxHEIGHT");
}

void TestGuiHeadless::printsWithoutAPlatform()
{
    QFETCH(QStringList, args);
    QFETCH(QString, platform);
    QFETCH(int, status);
    QFETCH(QString, out);
    QFETCH(QString, err);
    const Run r = procscope(args, platform);
    QVERIFY2(r.status == status, qPrintable(QStringLiteral("status %1: %2").arg(r.status).arg(r.err)));
    QVERIFY2(out.isEmpty() ? r.out.isEmpty() : r.out.startsWith(out), qPrintable(r.out));
    QVERIFY2(err.isEmpty() ? r.err.isEmpty() : r.err.startsWith(err), qPrintable(r.err));
}

void TestGuiHeadless::screenshotWithoutADisplay_data()
{
    QTest::addColumn<QStringList>("source");
    QTest::newRow("a workload") << QStringList{demo()};
    QTest::newRow("an OSTEP run") << QStringList{QStringLiteral("--ostep"), QStringLiteral("process-run"),
        QStringLiteral("-l"), QStringLiteral("3:50,2:100"), QStringLiteral("-s"), QStringLiteral("1")};
}

void TestGuiHeadless::screenshotWithoutADisplay()
{
    QFETCH(QStringList, source);
    const QString png = m_dir.filePath(QStringLiteral("%1.png")
                                           .arg(QString::fromUtf8(QTest::currentDataTag()))
                                           .replace(QLatin1Char(' '), QLatin1Char('-')));
    const Run r = procscope(QStringList{QStringLiteral("--screenshot"), png, QStringLiteral("--size"),
                                QStringLiteral("1024x768"), QStringLiteral("--at"), QStringLiteral("3")} +
                            source);
    QVERIFY2(r.status == 0, qPrintable(QStringLiteral("status %1: %2").arg(r.status).arg(r.err)));
    QVERIFY2(!r.err.contains(QStringLiteral("platform plugin")), qPrintable(r.err));
    const QImage image(png);
    QVERIFY2(!image.isNull(), "no PNG was written");
    QCOMPARE(image.size(), QSize(1024, 768));
    // A drawn window, not a blank rectangle.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() > 10, qPrintable(QString::number(colours.size())));
}

void TestGuiHeadless::windowWithoutADisplaySaysSo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no arguments") << QStringList();
    QTest::newRow("a file") << QStringList{demo()};
    QTest::newRow("an OSTEP run") << QStringList{QStringLiteral("--ostep"), QStringLiteral("scheduler")};
    QTest::newRow("presentation") << QStringList{QStringLiteral("--presentation"), demo()};
}

void TestGuiHeadless::windowWithoutADisplaySaysSo()
{
    QFETCH(QStringList, args);
    const Run r = procscope(args);
    QCOMPARE(r.status, 1);
    QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
    // One line that says why and what to use instead.
    QVERIFY2(r.err.endsWith(QLatin1Char('\n')) && r.err.count(QLatin1Char('\n')) == 1, qPrintable(r.err));
    QVERIFY2(r.err.startsWith(QStringLiteral("procscope: no display")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("procscope-cli")), qPrintable(r.err));
    QVERIFY2(!r.err.contains(QStringLiteral("platform plugin")), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestGuiHeadless)
#include "tst_gui_headless.moc"
