// ui/style: a colour means a state and nothing else. Process labels tell processes apart, every
// state has a pattern besides its colour, and the neutral colours (process identity, selection,
// cursor) stay far from every state colour in both palettes.
#include "ui/style/neutral_colors.h"
#include "ui/style/process_label.h"
#include "ui/style/state_colors.h"
#include "ui/style/state_patterns.h"

#include <QImage>
#include <QPainter>
#include <QTest>

#include <initializer_list>
#include <set>
#include <utility>

using namespace procscope;
using namespace procscope::ui;

Q_DECLARE_METATYPE(procscope::ProcessState)
Q_DECLARE_METATYPE(procscope::ui::Palette)
Q_DECLARE_METATYPE(procscope::ui::StatePattern)

class TestStyle : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void processLabel_data();
    void processLabel();
    void labelsFollowAGrowingTrace();

    void statePattern_data();
    void statePattern();
    void patternsTellStatesApart();
    void patternInk_data();
    void patternInk();
    void patternCoverage_data();
    void patternCoverage();
    void patternReadsInGreyScale_data();
    void patternReadsInGreyScale();
    void tileMatchesInk();
    void swatchIcon_data();
    void swatchIcon();

    void colorDistance_data();
    void colorDistance();
    void neutralColoursAreNoState_data();
    void neutralColoursAreNoState();
    void processShadesDiffer();
};

namespace {

using Named = std::pair<Pid, const char*>;

Trace traceOf(const QList<Named>& processes)
{
    Trace trace;
    for (const auto& [pid, name] : processes) {
        ProcessInfo info;
        info.pid = pid;
        info.name = name;
        trace.addProcess(info);
    }
    return trace;
}

const ProcessState kAllStates[] = {ProcessState::New, ProcessState::Ready, ProcessState::Running,
    ProcessState::Blocked, ProcessState::Suspended, ProcessState::Zombie, ProcessState::Terminated,
    ProcessState::Unknown};

// The states a chart or table shows side by side (Terminated is a gap on the chart).
const ProcessState kShownStates[] = {ProcessState::New, ProcessState::Ready, ProcessState::Running,
    ProcessState::Blocked, ProcessState::Suspended, ProcessState::Zombie, ProcessState::Unknown};

QStringList utf8List(std::initializer_list<const char*> texts)
{
    QStringList list;
    for (const char* text : texts)
        list << QString::fromUtf8(text);
    return list;
}

int grey(QRgb c)
{
    return qGray(c);
}

} // namespace

// ---- Labels -------------------------------------------------------------------------------------

void TestStyle::processLabel_data()
{
    QTest::addColumn<QList<Named>>("processes");
    QTest::addColumn<QStringList>("labels");

    QTest::newRow("distinct names") << QList<Named>{{1, "A"}, {2, "B"}, {3, "editor"}}
                                    << utf8List({"A", "B", "editor"});
    QTest::newRow("a repeated name shows the pid")
        << QList<Named>{{2301, "bash"}, {2388, "bash"}, {2400, "make"}, {2401, "bash"}}
        << utf8List({"bash (2301)", "bash (2388)", "make", "bash (2401)"});
    QTest::newRow("no name") << QList<Named>{{7, ""}, {8, "cc1"}} << utf8List({"pid 7", "cc1"});
    QTest::newRow("two without a name") << QList<Named>{{7, ""}, {9, ""}} << utf8List({"pid 7", "pid 9"});
    QTest::newRow("a reused pid") << QList<Named>{{40, "sh"}, {40, "sh"}, {41, "sh"}}
                                  << utf8List({"sh (40)", "sh (40) #2", "sh (41)"});
    QTest::newRow("names differ in case only")
        << QList<Named>{{1, "Make"}, {2, "make"}} << utf8List({"Make", "make"});
    QTest::newRow("no processes") << QList<Named>{} << QStringList();
}

void TestStyle::processLabel()
{
    QFETCH(QList<Named>, processes);
    QFETCH(QStringList, labels);
    const Trace trace = traceOf(processes);
    const ProcessLabels all(trace);
    QCOMPARE(all.size(), static_cast<std::size_t>(labels.size()));
    std::set<QString> unique;
    for (qsizetype i = 0; i < labels.size(); ++i) {
        const auto p = static_cast<ProcIndex>(i);
        QCOMPARE(ui::processLabel(trace, p), labels[i]);
        QCOMPARE(all.label(p), labels[i]);
        unique.insert(labels[i]);
    }
    QCOMPARE(unique.size(), static_cast<std::size_t>(labels.size())); // every process its own label
    // Bad indexes: nothing, not a crash.
    const auto outside = static_cast<ProcIndex>(labels.size());
    QVERIFY(ui::processLabel(trace, outside).isEmpty());
    QVERIFY(ui::processLabel(trace, -1).isEmpty());
    QVERIFY(all.label(outside).isEmpty());
    QVERIFY(all.label(-1).isEmpty());
}

void TestStyle::labelsFollowAGrowingTrace()
{
    Trace trace = traceOf({{1, "worker"}, {2, "shell"}});
    ProcessLabels labels(trace);
    QCOMPARE(labels.label(0), QStringLiteral("worker"));
    ProcessInfo twin;
    twin.pid = 3;
    twin.name = "worker";
    trace.addProcess(twin);
    labels.update(trace); // a newcomer with the same name: both now show their pids
    QCOMPARE(labels.size(), std::size_t(3));
    QCOMPARE(labels.label(0), QStringLiteral("worker (1)"));
    QCOMPARE(labels.label(2), QStringLiteral("worker (3)"));
    QCOMPARE(labels.label(1), QStringLiteral("shell"));
}

// ---- Patterns -----------------------------------------------------------------------------------

void TestStyle::statePattern_data()
{
    QTest::addColumn<ProcessState>("state");
    QTest::addColumn<StatePattern>("pattern");
    QTest::newRow("Running: solid, the one doing work") << ProcessState::Running << StatePattern::Solid;
    QTest::newRow("Ready: hatched") << ProcessState::Ready << StatePattern::Diagonal;
    QTest::newRow("Blocked: dotted") << ProcessState::Blocked << StatePattern::Dots;
    QTest::newRow("New") << ProcessState::New << StatePattern::Vertical;
    QTest::newRow("Suspended") << ProcessState::Suspended << StatePattern::Grid;
    QTest::newRow("Zombie: crossed out") << ProcessState::Zombie << StatePattern::Crossed;
    QTest::newRow("Unknown") << ProcessState::Unknown << StatePattern::Horizontal;
}

void TestStyle::statePattern()
{
    QFETCH(ProcessState, state);
    QFETCH(StatePattern, pattern);
    QCOMPARE(ui::statePattern(state), pattern);
}

void TestStyle::patternsTellStatesApart()
{
    std::set<StatePattern> seen;
    for (const ProcessState s : kShownStates)
        QVERIFY2(seen.insert(ui::statePattern(s)).second, qPrintable(stateLabel(s)));
}

void TestStyle::patternInk_data()
{
    QTest::addColumn<StatePattern>("pattern");
    QTest::addColumn<int>("cell");
    QTest::addColumn<QList<QPoint>>("ink");
    QTest::addColumn<QList<QPoint>>("blank");

    // Cells of 8 pixels: lines 2 pixels wide, dots 3 pixels square.
    QTest::newRow("solid has no ink")
        << StatePattern::Solid << 8 << QList<QPoint>{} << QList<QPoint>{{0, 0}, {3, 5}, {-4, 9}};
    QTest::newRow("diagonal") << StatePattern::Diagonal << 8 << QList<QPoint>{{0, 0}, {1, 0}, {7, 1}, {0, 8}}
                              << QList<QPoint>{{2, 0}, {4, 0}, {3, 3}};
    QTest::newRow("diagonal, negative coordinates")
        << StatePattern::Diagonal << 8 << QList<QPoint>{{-1, 1}, {-8, 0}, {-9, 1}} << QList<QPoint>{{-3, 0}};
    QTest::newRow("back diagonal") << StatePattern::BackDiagonal << 8 << QList<QPoint>{{0, 0}, {1, 1}, {9, 1}}
                                   << QList<QPoint>{{0, 1}, {5, 0}};
    QTest::newRow("dots") << StatePattern::Dots << 8 << QList<QPoint>{{0, 0}, {2, 2}, {8, 8}}
                          << QList<QPoint>{{3, 0}, {0, 3}, {5, 5}};
    QTest::newRow("horizontal") << StatePattern::Horizontal << 8 << QList<QPoint>{{0, 0}, {5, 1}, {3, 8}}
                                << QList<QPoint>{{0, 2}, {0, 7}};
    QTest::newRow("vertical") << StatePattern::Vertical << 8 << QList<QPoint>{{0, 0}, {1, 5}, {8, 3}}
                              << QList<QPoint>{{2, 0}, {7, 0}};
    QTest::newRow("grid: wider spacing")
        << StatePattern::Grid << 8 << QList<QPoint>{{0, 5}, {5, 0}, {12, 5}} << QList<QPoint>{{5, 5}, {8, 8}};
    QTest::newRow("crossed") << StatePattern::Crossed << 8 << QList<QPoint>{{0, 0}, {6, 6}, {11, 1}}
                             << QList<QPoint>{{3, 0}, {6, 1}};
    QTest::newRow("a cell below 4 counts as 4")
        << StatePattern::Vertical << 0 << QList<QPoint>{{0, 0}, {4, 0}} << QList<QPoint>{{2, 0}};
    QTest::newRow("a negative cell counts as 4")
        << StatePattern::Horizontal << -5 << QList<QPoint>{{0, 4}} << QList<QPoint>{{0, 3}};
}

void TestStyle::patternInk()
{
    QFETCH(StatePattern, pattern);
    QFETCH(int, cell);
    QFETCH(QList<QPoint>, ink);
    QFETCH(QList<QPoint>, blank);
    for (const QPoint& p : ink)
        QVERIFY2(ui::patternInk(pattern, p.x(), p.y(), cell),
            qPrintable(QStringLiteral("%1,%2").arg(p.x()).arg(p.y())));
    for (const QPoint& p : blank)
        QVERIFY2(!ui::patternInk(pattern, p.x(), p.y(), cell),
            qPrintable(QStringLiteral("%1,%2").arg(p.x()).arg(p.y())));
}

void TestStyle::patternCoverage_data()
{
    QTest::addColumn<ProcessState>("state");
    for (const ProcessState s : kShownStates)
        if (ui::statePattern(s) != StatePattern::Solid)
            QTest::newRow(qPrintable(stateLabel(s))) << s;
}

// A pattern reads, but the state's colour dominates: 10 to 50 % ink at every size of type.
void TestStyle::patternCoverage()
{
    QFETCH(ProcessState, state);
    const StatePattern pattern = ui::statePattern(state);
    for (const int cell : {6, 8, 12, 17, 32}) {
        const int side = cell * 6; // a whole number of periods of both spacings
        int ink = 0;
        for (int y = 0; y < side; ++y)
            for (int x = 0; x < side; ++x)
                ink += ui::patternInk(pattern, x, y, cell);
        const double share = static_cast<double>(ink) / (side * side);
        QVERIFY2(
            share >= 0.10 && share <= 0.50, qPrintable(QStringLiteral("cell %1: %2").arg(cell).arg(share)));
    }
}

void TestStyle::patternReadsInGreyScale_data()
{
    QTest::addColumn<Palette>("palette");
    QTest::addColumn<ProcessState>("state");
    for (const Palette palette : {Palette::Standard, Palette::HighContrast})
        for (const ProcessState s : kShownStates)
            if (ui::statePattern(s) != StatePattern::Solid)
                QTest::newRow(
                    qPrintable(QStringLiteral("%1 %2")
                                   .arg(palette == Palette::Standard ? QStringLiteral("standard")
                                                                     : QStringLiteral("high contrast"))
                                   .arg(stateLabel(s))))
                    << palette << s;
}

// On a grey-scale projector or a black-and-white print the ink still stands out from its ground.
void TestStyle::patternReadsInGreyScale()
{
    QFETCH(Palette, palette);
    QFETCH(ProcessState, state);
    const int base = grey(stateColor(state, palette).rgb());
    const int ink = grey(stateInkColor(state, palette).rgb());
    QVERIFY2(std::abs(base - ink) >= 40, qPrintable(QStringLiteral("grey %1 vs %2").arg(base).arg(ink)));
}

void TestStyle::tileMatchesInk()
{
    for (const Palette palette : {Palette::Standard, Palette::HighContrast}) {
        for (const ProcessState s : kAllStates) {
            const QImage tile = stateTile(s, palette, 8);
            QVERIFY(!tile.isNull());
            const QRgb base = stateColor(s, palette).rgb();
            const QRgb ink = stateInkColor(s, palette).rgb();
            for (int y = 0; y < tile.height(); ++y)
                for (int x = 0; x < tile.width(); ++x)
                    QCOMPARE(tile.pixel(x, y) | 0xFF000000u,
                        (ui::patternInk(ui::statePattern(s), x, y, 8) ? ink : base) | 0xFF000000u);
        }
    }
}

void TestStyle::swatchIcon_data()
{
    QTest::addColumn<ProcessState>("state");
    QTest::addColumn<int>("side");
    QTest::newRow("Running, small") << ProcessState::Running << 12;
    QTest::newRow("Ready") << ProcessState::Ready << 20;
    QTest::newRow("Blocked, large") << ProcessState::Blocked << 48;
    QTest::newRow("Zombie") << ProcessState::Zombie << 24;
}

// A table's swatch is the state's colour, with the pattern's ink where the state has one.
void TestStyle::swatchIcon()
{
    QFETCH(ProcessState, state);
    QFETCH(int, side);
    const QIcon icon = stateIcon(state, Palette::Standard);
    QVERIFY(!icon.isNull());
    const QImage image = icon.pixmap(QSize(side, side)).toImage();
    QVERIFY(!image.isNull());
    int base = 0;
    int ink = 0;
    const QRgb baseColour = stateColor(state).rgb() | 0xFF000000u;
    const QRgb inkColour = stateInkColor(state).rgb() | 0xFF000000u;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QRgb px = image.pixel(x, y) | 0xFF000000u;
            base += px == baseColour;
            ink += px == inkColour;
        }
    const int area = image.width() * image.height();
    QVERIFY2(base > area / 3, qPrintable(QString::number(base)));
    if (ui::statePattern(state) == StatePattern::Solid)
        QCOMPARE(ink, 0);
    else
        QVERIFY2(ink > 0, "no pattern");
    QVERIFY(!contextSwitchIcon().pixmap(QSize(side, side)).isNull());
    QVERIFY(icon.pixmap(QSize(0, 0)).isNull() || icon.pixmap(QSize(0, 0)).size().isEmpty());
}

// ---- Neutral colours ----------------------------------------------------------------------------

void TestStyle::colorDistance_data()
{
    QTest::addColumn<QColor>("a");
    QTest::addColumn<QColor>("b");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::newRow("same colour") << QColor(0x3B, 0x6E, 0xC9) << QColor(0x3B, 0x6E, 0xC9) << 0.0 << 1e-9;
    QTest::newRow("black and white") << QColor(Qt::black) << QColor(Qt::white) << 99.9 << 100.1;
    QTest::newRow("one step of grey") << QColor(0x80, 0x80, 0x80) << QColor(0x81, 0x81, 0x81) << 0.1 << 1.0;
    QTest::newRow("red and green") << QColor(Qt::red) << QColor(Qt::green) << 150.0 << 180.0;
    QTest::newRow("alpha is ignored") << QColor(10, 20, 30, 0) << QColor(10, 20, 30) << 0.0 << 1e-9;
    QTest::newRow("an invalid colour is black") << QColor() << QColor(Qt::black) << 0.0 << 1e-9;
}

void TestStyle::colorDistance()
{
    QFETCH(QColor, a);
    QFETCH(QColor, b);
    QFETCH(double, low);
    QFETCH(double, high);
    const double d = ui::colorDistance(a, b);
    QVERIFY2(d >= low && d <= high, qPrintable(QString::number(d)));
    QCOMPARE(ui::colorDistance(b, a), d);
}

void TestStyle::neutralColoursAreNoState_data()
{
    QTest::addColumn<QColor>("neutral");
    QTest::newRow("process shade, even pid") << processShade(0);
    QTest::newRow("process shade, odd pid") << processShade(1);
    QTest::newRow("process shade, negative pid") << processShade(-3);
    QTest::newRow("selection") << selectionColor();
    QTest::newRow("cursor") << cursorColor();
}

// Identity, selection and cursor never borrow a state's colour, in either palette: at least
// delta E 10 (easily told apart at a glance) from every state colour.
void TestStyle::neutralColoursAreNoState()
{
    QFETCH(QColor, neutral);
    QVERIFY(neutral.isValid());
    for (const Palette palette : {Palette::Standard, Palette::HighContrast}) {
        for (const ProcessState s : kAllStates) {
            const double d = ui::colorDistance(neutral, stateColor(s, palette));
            QVERIFY2(
                d >= 10, qPrintable(QStringLiteral("%1 vs %2 (%3): %4")
                                        .arg(neutral.name(), stateColor(s, palette).name(), stateLabel(s))
                                        .arg(d)));
        }
    }
}

// The two greys of the CPU lanes differ from each other, from the context switch and from white
// (an idle CPU), and a label reads on each.
void TestStyle::processShadesDiffer()
{
    const QColor even = processShade(0);
    const QColor odd = processShade(1);
    QVERIFY(ui::colorDistance(even, odd) >= 20);
    QCOMPARE(processShade(4), even);
    QCOMPARE(processShade(7), odd);
    for (const Palette palette : {Palette::Standard, Palette::HighContrast})
        for (const QColor& shade : {even, odd}) {
            QVERIFY(ui::colorDistance(shade, cpuSwitchColor(palette)) >= 20);
            QVERIFY(ui::colorDistance(shade, Qt::white) >= 20);
            QCOMPARE(shade.saturation(), 0); // neutral: no hue at all
            const QColor text = textColorOn(shade);
            QVERIFY(std::abs(qGray(text.rgb()) - qGray(shade.rgb())) >= 90);
        }
}

QTEST_MAIN(TestStyle)

#include "tst_style.moc"
