// TimeText: one unit for a whole trace, chosen from its span; ticks stay ticks.
#include "ui/style/time_text.h"

#include <QTest>

using namespace procscope;
using procscope::ui::TimeText;

class TestTimeText : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void formats_data();
    void formats();
};

void TestTimeText::formats_data()
{
    QTest::addColumn<QString>("timeUnit");
    QTest::addColumn<qlonglong>("end");
    QTest::addColumn<qlonglong>("t");
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("at");
    QTest::addColumn<QString>("span");
    QTest::addColumn<QString>("column");
    QTest::newRow("ticks") << "tick" << 45LL << 12LL << "12"
                           << "tick 12"
                           << "12 ticks"
                           << "CPU";
    QTest::newRow("one tick") << "tick" << 45LL << 1LL << "1"
                              << "tick 1"
                              << "1 tick"
                              << "CPU";
    QTest::newRow("18 ms capture in ms") << "ns" << 17808001LL << 17808001LL << "17.808"
                                         << "17.808 ms"
                                         << "17.808 ms"
                                         << "CPU (ms)";
    QTest::newRow("a short time of a long capture stays in ms") << "ns" << 5000000000LL << 1500LL << "0.002"
                                                                << "0.002 ms"
                                                                << "0.002 ms"
                                                                << "CPU (ms)";
    QTest::newRow("450 µs capture in µs") << "ns" << 450000LL << 1250LL << "1.250"
                                          << "1.250 µs"
                                          << "1.250 µs"
                                          << "CPU (µs)";
    QTest::newRow("a minute in s") << "ns" << 60000000000LL << 30000000000LL << "30.000"
                                   << "30.000 s"
                                   << "30.000 s"
                                   << "CPU (s)";
    QTest::newRow("tiny capture in ns") << "ns" << 900LL << 12LL << "12"
                                        << "12 ns"
                                        << "12 ns"
                                        << "CPU (ns)";
}

void TestTimeText::formats()
{
    QFETCH(QString, timeUnit);
    QFETCH(qlonglong, end);
    QFETCH(qlonglong, t);
    QFETCH(QString, number);
    QFETCH(QString, at);
    QFETCH(QString, span);
    QFETCH(QString, column);
    Trace trace;
    trace.meta.timeUnit = timeUnit.toStdString();
    trace.setEnd(end, true);
    const TimeText time(trace);
    QCOMPARE(time.number(t), number);
    QCOMPARE(time.at(t), at);
    QCOMPARE(time.span(t), span);
    QCOMPARE(time.column(QStringLiteral("CPU")), column);
    QVERIFY(!time.number(t).contains(QLatin1Char('e'))); // never scientific notation
}

QTEST_GUILESS_MAIN(TestTimeText)
#include "tst_time_text.moc"
