// TimeAxis: the Gantt chart's time <-> pixel mapping, and the rules of zooming and panning; and
// how times are written (one unit per trace, never scientific notation).
#include "ui/gantt/gantt_text.h"
#include "ui/gantt/time_axis.h"

#include <QTest>

#include <cmath>
#include <limits>

using procscope::Tick;
using procscope::Trace;
using procscope::ui::TimeAxis;

Q_DECLARE_METATYPE(TimeAxis)

class TestTimeAxis : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void mapping_data();
    void mapping();
    void zoom_data();
    void zoom();
    void pan_data();
    void pan();
    void fit_data();
    void fit();
    void badInput();
    void timeText_data();
    void timeText();
    void durationText_data();
    void durationText();
};

namespace {

// Span [0, 1000) on 1000 pixels: one tick a pixel when fitted.
TimeAxis fitted(Tick spanFrom = 0, Tick spanTo = 1000, double width = 1000)
{
    return TimeAxis(spanFrom, spanTo, width);
}

TimeAxis ranged(double from, double to, Tick spanTo = 1000, double width = 1000)
{
    TimeAxis axis(0, spanTo, width);
    axis.setRange(from, to);
    return axis;
}

constexpr double kEpsilon = 1e-6;

// A trace of `end` nanoseconds (or ticks), and nothing in it.
Trace spanning(Tick end, bool ns = true)
{
    Trace trace;
    trace.meta.timeUnit = ns ? "ns" : "tick";
    trace.setEnd(end, true);
    return trace;
}

} // namespace

void TestTimeAxis::mapping_data()
{
    QTest::addColumn<TimeAxis>("axis");
    QTest::addColumn<double>("time");
    QTest::addColumn<double>("pixel");
    QTest::addColumn<double>("ticksPerPixel");

    QTest::newRow("fitted, start") << fitted() << 0.0 << 0.0 << 1.0;
    QTest::newRow("fitted, middle") << fitted() << 500.0 << 500.0 << 1.0;
    QTest::newRow("fitted, end") << fitted() << 1000.0 << 1000.0 << 1.0;
    QTest::newRow("fitted, half width") << fitted(0, 1000, 500) << 500.0 << 250.0 << 2.0;
    QTest::newRow("second half") << ranged(500, 1000) << 750.0 << 500.0 << 0.5;
    QTest::newRow("fourth quarter") << ranged(750, 1000) << 875.0 << 500.0 << 0.25;
    QTest::newRow("left of the range") << ranged(500, 1000) << 250.0 << -500.0 << 0.5;
    QTest::newRow("ten ticks") << ranged(100, 110) << 105.0 << 500.0 << 0.01;
    QTest::newRow("nanoseconds") << fitted(1'000'000'000, 2'000'000'000, 1600) << 1.5e9 << 800.0 << 625000.0;
}

void TestTimeAxis::mapping()
{
    QFETCH(TimeAxis, axis);
    QFETCH(double, time);
    QFETCH(double, pixel);
    QFETCH(double, ticksPerPixel);

    QVERIFY(std::abs(axis.toPixel(time) - pixel) < kEpsilon);
    QVERIFY(std::abs(axis.toTime(pixel) - time) < kEpsilon * std::max(1.0, std::abs(time)));
    QVERIFY(std::abs(axis.ticksPerPixel() - ticksPerPixel) < kEpsilon * ticksPerPixel);
}

void TestTimeAxis::zoom_data()
{
    QTest::addColumn<TimeAxis>("axis");
    QTest::addColumn<double>("pixel");
    QTest::addColumn<double>("factor");
    QTest::addColumn<double>("from");
    QTest::addColumn<double>("to");

    // The time under the pixel stays under it.
    QTest::newRow("in 2x about the middle") << fitted() << 500.0 << 2.0 << 250.0 << 750.0;
    QTest::newRow("in 2x about the left edge") << fitted() << 0.0 << 2.0 << 0.0 << 500.0;
    QTest::newRow("in 4x about 3/4") << fitted() << 750.0 << 4.0 << 562.5 << 812.5;
    QTest::newRow("out 2x about the middle") << ranged(400, 600) << 500.0 << 0.5 << 300.0 << 700.0;
    // Clamped: never fewer than kMinVisible ticks...
    QTest::newRow("in past the minimum") << ranged(100, 120) << 500.0 << 100.0 << 105.0 << 115.0;
    // ... and never wider than the span and its margins (5 % each side).
    QTest::newRow("out past the span") << fitted() << 500.0 << 0.01 << -50.0 << 1050.0;
    QTest::newRow("out at the right edge: shifted into the region")
        << ranged(100, 200) << 1000.0 << 0.1 << -50.0 << 950.0;
    QTest::newRow("tiny span: at least ten ticks") << fitted(0, 4, 100) << 50.0 << 10.0 << 0.0 << 10.0;
}

void TestTimeAxis::zoom()
{
    QFETCH(TimeAxis, axis);
    QFETCH(double, pixel);
    QFETCH(double, factor);
    QFETCH(double, from);
    QFETCH(double, to);

    axis.zoom(pixel, factor);
    QCOMPARE(axis.from(), from);
    QCOMPARE(axis.to(), to);
    QVERIFY(axis.length() >= TimeAxis::kMinVisible);
}

void TestTimeAxis::pan_data()
{
    QTest::addColumn<TimeAxis>("axis");
    QTest::addColumn<double>("pixels");
    QTest::addColumn<double>("from");
    QTest::addColumn<double>("to");

    QTest::newRow("later by 100 px at 0.5 tick/px") << ranged(200, 700) << 100.0 << 250.0 << 750.0;
    QTest::newRow("earlier by 100 px") << ranged(200, 700) << -100.0 << 150.0 << 650.0;
    QTest::newRow("stops at the start margin") << ranged(0, 500) << -1000.0 << -50.0 << 450.0;
    QTest::newRow("stops at the end margin") << ranged(500, 1000) << 5000.0 << 550.0 << 1050.0;
    QTest::newRow("zero") << ranged(200, 700) << 0.0 << 200.0 << 700.0;
}

void TestTimeAxis::pan()
{
    QFETCH(TimeAxis, axis);
    QFETCH(double, pixels);
    QFETCH(double, from);
    QFETCH(double, to);

    axis.pan(pixels);
    QCOMPARE(axis.from(), from);
    QCOMPARE(axis.to(), to);
}

void TestTimeAxis::fit_data()
{
    QTest::addColumn<Tick>("spanFrom");
    QTest::addColumn<Tick>("spanTo");
    QTest::addColumn<double>("from");
    QTest::addColumn<double>("to");

    QTest::newRow("ordinary") << Tick{0} << Tick{1000} << 0.0 << 1000.0;
    QTest::newRow("not from zero") << Tick{500} << Tick{800} << 500.0 << 800.0;
    QTest::newRow("shorter than the minimum") << Tick{0} << Tick{3} << 0.0 << 10.0;
    QTest::newRow("empty trace") << Tick{0} << Tick{0} << 0.0 << 10.0;
    QTest::newRow("reversed span is empty") << Tick{100} << Tick{50} << 100.0 << 110.0;
}

void TestTimeAxis::fit()
{
    QFETCH(Tick, spanFrom);
    QFETCH(Tick, spanTo);
    QFETCH(double, from);
    QFETCH(double, to);

    TimeAxis axis(0, 1'000'000, 800);
    axis.setRange(1000, 2000);
    QVERIFY(!axis.isFitted());
    axis.setSpan(spanFrom, spanTo);
    axis.fit();
    QCOMPARE(axis.from(), from);
    QCOMPARE(axis.to(), to);
    QVERIFY(axis.isFitted());
}

// Nonsense in, a usable axis out: the range never collapses or turns into NaN.
void TestTimeAxis::badInput()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    TimeAxis axis(0, 1000, 1000);
    axis.setRange(200, 700);

    axis.zoom(500, nan);
    axis.zoom(500, 0);
    axis.zoom(500, -2);
    axis.zoom(500, inf);
    axis.setRange(nan, 10);
    axis.setRange(0, inf);
    axis.pan(nan);
    QCOMPARE(axis.from(), 200.0);
    QCOMPARE(axis.to(), 700.0);

    axis.setRange(700, 200); // reversed: taken the right way round
    QCOMPARE(axis.from(), 200.0);
    QCOMPARE(axis.to(), 700.0);

    axis.setWidth(0); // a hidden widget: one pixel, never a division by zero
    QCOMPARE(axis.width(), 1.0);
    QVERIFY(std::isfinite(axis.ticksPerPixel()));
    axis.setWidth(nan);
    QCOMPARE(axis.width(), 1.0);

    axis.setSpan(0, 1000);
    axis.setRange(5, 5); // empty: widened to the minimum about its centre
    QCOMPARE(axis.length(), TimeAxis::kMinVisible);
    QCOMPARE(axis.from(), 0.0); // and kept inside the region
}

void TestTimeAxis::timeText_data()
{
    QTest::addColumn<Tick>("end");
    QTest::addColumn<bool>("ns");
    QTest::addColumn<Tick>("time");
    QTest::addColumn<Tick>("resolution");
    QTest::addColumn<QString>("text");

    QTest::newRow("ticks") << Tick(45) << false << Tick(12) << Tick(1) << QStringLiteral("12");
    QTest::newRow("the end of a tick trace")
        << Tick(45) << false << Tick(45) << Tick(1) << QStringLiteral("45");
    // A 5 ms trace: every time in ms, however small.
    QTest::newRow("5 ms trace, 2.5 ms")
        << Tick(5'000'000) << true << Tick(2'500'000) << Tick(1000) << QStringLiteral("2.500 ms");
    QTest::newRow("5 ms trace, 0") << Tick(5'000'000) << true << Tick(0) << Tick(100'000)
                                   << QStringLiteral("0.0 ms");
    QTest::newRow("5 ms trace, 300 ns")
        << Tick(5'000'000) << true << Tick(300) << Tick(100) << QStringLiteral("0.0003 ms");
    QTest::newRow("5 ms trace, coarse")
        << Tick(5'000'000) << true << Tick(4'999'999) << Tick(5'000'000) << QStringLiteral("5 ms");
    QTest::newRow("40 µs trace") << Tick(40'000) << true << Tick(12'345) << Tick(1000)
                                 << QStringLiteral("12 µs");
    QTest::newRow("3 s trace") << Tick(3'000'000'000) << true << Tick(1'500'000'000) << Tick(10'000'000)
                               << QStringLiteral("1.50 s");
    QTest::newRow("an empty trace") << Tick(0) << true << Tick(0) << Tick(1) << QStringLiteral("0 ns");
    QTest::newRow("a bad resolution")
        << Tick(5'000'000) << true << Tick(1'000'000) << Tick(-3) << QStringLiteral("1.000000 ms");
}

void TestTimeAxis::timeText()
{
    QFETCH(Tick, end);
    QFETCH(bool, ns);
    QFETCH(Tick, time);
    QFETCH(Tick, resolution);
    QFETCH(QString, text);
    const Trace trace = spanning(end, ns);
    const QString actual = procscope::ui::formatTime(time, trace, resolution);
    QCOMPARE(actual, text);
    QVERIFY(!actual.contains(QLatin1Char('e')));
}

void TestTimeAxis::durationText_data()
{
    QTest::addColumn<Tick>("end");
    QTest::addColumn<bool>("ns");
    QTest::addColumn<Tick>("duration");
    QTest::addColumn<QString>("text");

    QTest::newRow("one tick") << Tick(45) << false << Tick(1) << QStringLiteral("1 tick");
    QTest::newRow("ticks") << Tick(45) << false << Tick(5) << QStringLiteral("5 ticks");
    QTest::newRow("1.5 ms in a 5 ms trace")
        << Tick(5'000'000) << true << Tick(1'500'000) << QStringLiteral("1.5 ms");
    QTest::newRow("150 µs in a 5 ms trace")
        << Tick(5'000'000) << true << Tick(150'000) << QStringLiteral("0.15 ms");
    QTest::newRow("7 ns in a 5 ms trace: no 7e-06")
        << Tick(5'000'000) << true << Tick(7) << QStringLiteral("0.000007 ms");
    QTest::newRow("zero") << Tick(5'000'000) << true << Tick(0) << QStringLiteral("0 ms");
    QTest::newRow("123456 µs") << Tick(900'000'000) << true << Tick(123'456'000) << QStringLiteral("123 ms");
}

void TestTimeAxis::durationText()
{
    QFETCH(Tick, end);
    QFETCH(bool, ns);
    QFETCH(Tick, duration);
    QFETCH(QString, text);
    const QString actual = procscope::ui::formatDuration(duration, spanning(end, ns));
    QCOMPARE(actual, text);
    QVERIFY(!actual.contains(QLatin1Char('e')));
}

QTEST_GUILESS_MAIN(TestTimeAxis)

#include "tst_time_axis.moc"
