// Policies side by side: the comparison's numbers are those of separate runs, the best of each
// metric is marked as the textbook says, and the stacked Gantt charts share one cursor and one
// time axis.
#include "tests/core/sim_helpers.h"
#include "ui/compare/comparison.h"
#include "ui/compare/comparison_model.h"
#include "ui/compare/comparison_view.h"
#include "ui/gantt/gantt_plottable.h"
#include "ui/gantt/gantt_view.h"
#include "ui/playback/playback_controller.h"
#include "ui/playback/view_state.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QLabel>
#include <QTableView>
#include <QTest>

#include <cmath>

using namespace procscope;
using namespace procscope::ui;

class TestCompare : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void metricsEqualSeparateRuns();
    void bestOfConvoy();
    void tiesAreAllBest();
    void machineChange();
    void presets();
    void labels();
    void modelPassesTester();
    void modelMarksBest();
    void sharedCursorMovesEveryChart();
    void sharedZoomAndSelection();
    void nextEventOfAnyChart();
    void screenshot();
};

namespace {

PolicySpec policy(PolicyKind kind, Tick quantum = 1)
{
    PolicySpec p;
    p.kind = kind;
    p.quantum = quantum;
    return p;
}

// OSTEP figure 7.2/7.3: A = 100, B = 10, C = 10, all at 0.
Workload convoy()
{
    Workload w = testing::cpuJobs({{0, 100}, {0, 10}, {0, 10}}, PolicyKind::Fifo);
    w.name = "Convoy";
    return w;
}

// Jobs with I/O, so utilization, waiting and context switches differ between the policies.
Workload mixed()
{
    using testing::Job;
    Workload w = testing::makeWorkload({Job{0, {Op::cpu(8)}}, Job{0, {Op::cpu(2), Op::io(4), Op::cpu(2)}},
                                           Job{2, {Op::cpu(5)}}, Job{3, {Op::cpu(1), Op::io(2), Op::cpu(3)}}},
        PolicyKind::Fifo);
    w.name = "Mixed";
    w.machine.contextSwitch = 1;
    return w;
}

std::vector<ComparisonVariant> fifoSjfStcf()
{
    return {{QStringLiteral("FIFO"), policy(PolicyKind::Fifo), {}},
        {QStringLiteral("SJF"), policy(PolicyKind::Sjf), {}},
        {QStringLiteral("STCF"), policy(PolicyKind::Stcf), {}}};
}

Metrics separateRun(Workload w, const PolicySpec& p)
{
    w.policy = p;
    if (const std::string problem = normalize(w); !problem.empty())
        qFatal("bad test workload: %s", problem.c_str());
    return testing::runMetrics(w);
}

} // namespace

void TestCompare::metricsEqualSeparateRuns()
{
    const std::vector<ComparisonVariant> variants{{{}, policy(PolicyKind::Fifo), {}},
        {{}, policy(PolicyKind::RoundRobin, 1), {}}, {{}, policy(PolicyKind::RoundRobin, 4), {}},
        {{}, policy(PolicyKind::Stcf), {}}, {{}, policy(PolicyKind::Mlfq), {}}};
    const Comparison c(mixed(), variants);
    QCOMPARE(c.variantCount(), 5);
    for (int i = 0; i < c.variantCount(); ++i) {
        QVERIFY(c.error(i).isEmpty());
        const Metrics alone = separateRun(mixed(), variants[static_cast<std::size_t>(i)].policy);
        const Metrics& m = c.metrics(i);
        QCOMPARE(m.elapsed, alone.elapsed);
        QCOMPARE(m.avgTurnaround, alone.avgTurnaround);
        QCOMPARE(m.avgResponse, alone.avgResponse);
        QCOMPARE(m.avgWaiting, alone.avgWaiting);
        QCOMPARE(m.utilization, alone.utilization);
        QCOMPARE(m.contextSwitches, alone.contextSwitches);
        QCOMPARE(m.throughput, alone.throughput);
        QCOMPARE(c.value(i, ComparisonMetric::AvgTurnaround), alone.avgTurnaround);
        QCOMPARE(c.value(i, ComparisonMetric::ContextSwitches), double(alone.contextSwitches));
        QCOMPARE(c.trace(i).end(), alone.elapsed);
    }
    // The runs really differ, or the comparison would prove nothing.
    QVERIFY(c.metrics(0).avgResponse != c.metrics(1).avgResponse);
}

void TestCompare::bestOfConvoy()
{
    const Comparison c(convoy(), fifoSjfStcf());
    QCOMPARE(c.metrics(0).avgTurnaround, 110.0);
    QCOMPARE(c.metrics(1).avgTurnaround, 50.0);
    QCOMPARE(c.metrics(2).avgTurnaround, 50.0);
    // All arrive at 0: SJF and STCF schedule alike and tie; FIFO is never best on times.
    QCOMPARE(c.best(ComparisonMetric::AvgTurnaround), (std::vector<int>{1, 2}));
    QCOMPARE(c.best(ComparisonMetric::AvgResponse), (std::vector<int>{1, 2}));
    QCOMPARE(c.best(ComparisonMetric::AvgWaiting), (std::vector<int>{1, 2}));
    QVERIFY(!c.isBest(0, ComparisonMetric::AvgTurnaround));
    QVERIFY(c.isBest(1, ComparisonMetric::AvgTurnaround));
    QCOMPARE(c.end(), Tick(120));

    // OSTEP figure 7.4/7.5: B and C arrive at 10; only STCF preempts A.
    Workload late = testing::cpuJobs({{0, 100}, {10, 10}, {10, 10}}, PolicyKind::Fifo);
    const Comparison d(late, fifoSjfStcf());
    QCOMPARE(d.metrics(1).avgTurnaround, 310.0 / 3);
    QCOMPARE(d.metrics(2).avgTurnaround, 50.0);
    QCOMPARE(d.best(ComparisonMetric::AvgTurnaround), std::vector<int>{2});
    // STCF switches more: FIFO and SJF tie for the fewest context switches.
    QCOMPARE(d.best(ComparisonMetric::ContextSwitches), (std::vector<int>{0, 1}));
}

void TestCompare::tiesAreAllBest()
{
    const Comparison c(convoy(), fifoSjfStcf());
    // One CPU always busy and every job done at 120: all three tie on utilization and throughput.
    QCOMPARE(c.best(ComparisonMetric::Utilization), (std::vector<int>{0, 1, 2}));
    QCOMPARE(c.best(ComparisonMetric::Throughput), (std::vector<int>{0, 1, 2}));
    QCOMPARE(c.metrics(0).utilization, 1.0);
}

void TestCompare::machineChange()
{
    MachineSpec slow;
    slow.contextSwitch = 2;
    const Comparison c(
        convoy(), {{QStringLiteral("RR q=1"), policy(PolicyKind::RoundRobin, 1), {}},
                      {QStringLiteral("RR q=1, switch 2"), policy(PolicyKind::RoundRobin, 1), slow}});
    QCOMPARE(c.variantWorkload(1).machine.contextSwitch, Tick(2));
    QVERIFY(c.metrics(1).utilization < c.metrics(0).utilization);
    QCOMPARE(c.best(ComparisonMetric::Utilization), std::vector<int>{0});
    QCOMPARE(c.best(ComparisonMetric::AvgTurnaround), std::vector<int>{0});
    QVERIFY(c.end() > c.trace(0).end());

    MachineSpec broken;
    broken.cpus = 0;
    const Comparison e(convoy(), {{{}, policy(PolicyKind::Fifo), broken}, {{}, policy(PolicyKind::Sjf), {}}});
    QVERIFY(!e.error(0).isEmpty());
    QVERIFY(std::isnan(e.value(0, ComparisonMetric::AvgTurnaround)));
    QCOMPARE(e.best(ComparisonMetric::AvgTurnaround), std::vector<int>{1});
    QCOMPARE(e.trace(0).end(), Tick(0));
}

void TestCompare::presets()
{
    const std::vector<ComparisonPreset> presets = standardComparisons(convoy());
    QCOMPARE(presets.size(), std::size_t(3));
    QCOMPARE(presets[0].name, QStringLiteral("FIFO vs SJF vs STCF"));
    QCOMPARE(presets[1].name, QStringLiteral("RR q=1 vs q=4 vs FIFO"));
    QCOMPARE(presets[2].name, QStringLiteral("MLFQ with and without boost"));
    QStringList labels;
    for (const ComparisonPreset& preset : presets) {
        const Comparison c(convoy(), preset.variants);
        for (int i = 0; i < c.variantCount(); ++i) {
            QVERIFY2(c.error(i).isEmpty(), qPrintable(c.error(i)));
            QVERIFY(c.trace(i).finished());
            labels << c.variant(i).label;
        }
    }
    QCOMPARE(labels.join(QStringLiteral(",")),
        QStringLiteral("FIFO,SJF,STCF,RR q=1,RR q=4,FIFO,MLFQ no boost,MLFQ boost 50"));

    // An MLFQ lesson keeps its own queues and boost period.
    Workload lesson = convoy();
    lesson.policy.kind = PolicyKind::Mlfq;
    lesson.policy.mlfqQuanta = {2, 4};
    lesson.policy.mlfqAllotments = {1, 1};
    lesson.policy.boostPeriod = 30;
    const ComparisonPreset mlfq = standardComparisons(lesson)[2];
    QCOMPARE(mlfq.variants[0].policy.boostPeriod, Tick(0));
    QCOMPARE(mlfq.variants[1].policy.boostPeriod, Tick(30));
    QCOMPARE(mlfq.variants[1].policy.mlfqQuanta, (std::vector<Tick>{2, 4}));
}

void TestCompare::labels()
{
    QCOMPARE(variantLabel(policy(PolicyKind::Fifo)), QStringLiteral("FIFO"));
    QCOMPARE(variantLabel(policy(PolicyKind::RoundRobin, 4)), QStringLiteral("RR q=4"));
    PolicySpec mlfq = policy(PolicyKind::Mlfq);
    QCOMPARE(variantLabel(mlfq), QStringLiteral("MLFQ no boost"));
    mlfq.boostPeriod = 50;
    QCOMPARE(variantLabel(mlfq), QStringLiteral("MLFQ boost 50"));
    QCOMPARE(formatMetric(ComparisonMetric::Utilization, 0.5), QStringLiteral("50.0 %"));
    QCOMPARE(formatMetric(ComparisonMetric::AvgTurnaround, 310.0 / 3), QStringLiteral("103.3"));
    QCOMPARE(formatMetric(ComparisonMetric::Throughput, 3.0 / 120), QStringLiteral("2.50"));
}

void TestCompare::modelPassesTester()
{
    const Comparison c(mixed(), standardComparisons(mixed())[1].variants);
    const Comparison d(convoy(), fifoSjfStcf());
    ComparisonModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setComparison(&c);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), kComparisonMetricCount);
    model.setComparison(&d);
    model.setComparison(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void TestCompare::modelMarksBest()
{
    const Comparison c(convoy(), fifoSjfStcf());
    ComparisonModel model;
    model.setComparison(&c);
    const int turnaround = static_cast<int>(ComparisonMetric::AvgTurnaround);
    QCOMPARE(model.headerData(0, Qt::Vertical).toString(), QStringLiteral("FIFO"));
    QVERIFY(
        model.headerData(turnaround, Qt::Horizontal).toString().contains(QStringLiteral("lower is better")));
    QCOMPARE(model.index(0, turnaround).data().toString(), QStringLiteral("110.0"));
    QCOMPARE(model.index(1, turnaround).data().toString(), QStringLiteral("50.0 \u2605"));
    QCOMPARE(model.index(1, turnaround).data(ComparisonModel::ValueRole).toDouble(), 50.0);
    QVERIFY(model.index(1, turnaround).data(ComparisonModel::BestRole).toBool());
    QVERIFY(!model.index(0, turnaround).data(ComparisonModel::BestRole).toBool());
    QVERIFY(model.index(1, turnaround).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(!model.index(0, turnaround).data(Qt::FontRole).isValid());
    QVERIFY(model.index(2, turnaround).data(Qt::BackgroundRole).isValid());
    QVERIFY(!model.index(0, turnaround).data(Qt::BackgroundRole).isValid());
}

void TestCompare::sharedCursorMovesEveryChart()
{
    ComparisonView view(Comparison(convoy(), fifoSjfStcf()));
    view.resize(1200, 900);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(view.chartCount(), 3);
    for (int i = 0; i < view.chartCount(); ++i) {
        QCOMPARE(view.chartPlayback(i)->lastTick(), Tick(120));
        QVERIFY(view.chartTitle(i)->text().contains(view.comparison().variant(i).label));
    }
    view.playback()->seek(42);
    for (int i = 0; i < view.chartCount(); ++i)
        QCOMPARE(view.chartPlayback(i)->tick(), Tick(42));
    // Moving one chart by itself (a double-click on it) moves the shared cursor and the others.
    view.chartPlayback(2)->seek(7);
    for (int i = 0; i < view.chartCount(); ++i)
        QCOMPARE(view.chartPlayback(i)->tick(), Tick(7));
    QTest::keyClick(view.chart(1), Qt::Key_Right);
    for (int i = 0; i < view.chartCount(); ++i)
        QCOMPARE(view.chartPlayback(i)->tick(), Tick(8));
}

void TestCompare::sharedZoomAndSelection()
{
    ComparisonView view(Comparison(mixed(), fifoSjfStcf()));
    view.resize(1200, 900);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.chart(1)->setTimeRange(5, 20);
    for (int i = 0; i < view.chartCount(); ++i) {
        QCOMPARE(view.chartViewState(i)->visibleFrom(), Tick(5));
        QCOMPARE(view.chartViewState(i)->visibleTo(), Tick(20));
        QCOMPARE(view.chart(i)->timeAxis().from(), 5.0);
        QCOMPARE(view.chart(i)->timeAxis().to(), 20.0);
    }
    view.chart(2)->fit();
    for (int i = 0; i < view.chartCount(); ++i) {
        QCOMPARE(view.chart(i)->timeAxis().from(), 0.0);
        QCOMPARE(view.chart(i)->timeAxis().to(), double(view.comparison().end()));
    }
    view.chartViewState(0)->setSelectedProcess(2);
    for (int i = 0; i < view.chartCount(); ++i)
        QCOMPARE(view.chartViewState(i)->selectedProcess(), ProcIndex(2));
}

void TestCompare::nextEventOfAnyChart()
{
    // FIFO's first event after 0 is at 100, SJF's at 10: the shared step stops at the earlier one.
    ComparisonView view(Comparison(convoy(), fifoSjfStcf()));
    view.nextEvent();
    QCOMPARE(view.playback()->tick(), Tick(10));
    view.nextEvent();
    QCOMPARE(view.playback()->tick(), Tick(20));
    view.previousEvent();
    QCOMPARE(view.playback()->tick(), Tick(10));
}

void TestCompare::screenshot()
{
    // Every row of every chart is on screen, with one legend for the stack.
    Workload w = mixed();
    ComparisonView view(Comparison(w, standardComparisons(w)[1].variants));
    view.resize(1280, 1000);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.playback()->seek(9);
    for (int i = 0; i < view.chartCount(); ++i) {
        view.chart(i)->replotNow();
        QVERIFY2(view.chart(i)->visibleRowCount() >= view.chart(i)->rows().count() - 1e-9,
            qPrintable(QStringLiteral("chart %1: %2 of %3 rows visible, %4 px high")
                           .arg(i)
                           .arg(view.chart(i)->visibleRowCount())
                           .arg(view.chart(i)->rows().count())
                           .arg(view.chart(i)->height())));
        QCOMPARE(view.chart(i)->plot()->legend->visible(), i == 0);
    }
    const QString path = qEnvironmentVariable("PROCSCOPE_SCREENSHOT_DIR");
    if (!path.isEmpty())
        QVERIFY(view.grab().save(path + QStringLiteral("/h-compare-view.png")));

    // OSTEP's figure 7.4 on a projector's 1920 x 1080.
    ComparisonView convoyView(
        Comparison(testing::cpuJobs({{0, 100}, {10, 10}, {10, 10}}, PolicyKind::Fifo), fifoSjfStcf()));
    convoyView.resize(1920, 1040);
    convoyView.show();
    QVERIFY(QTest::qWaitForWindowExposed(&convoyView));
    convoyView.playback()->seek(15);
    for (int i = 0; i < convoyView.chartCount(); ++i)
        convoyView.chart(i)->replotNow();
    if (!path.isEmpty())
        QVERIFY(convoyView.grab().save(path + QStringLiteral("/h-compare-convoy.png")));
}

QTEST_MAIN(TestCompare)
#include "tst_compare.moc"
