// Live process control: a kill, a suspend, a resume, a new process or a new policy at the cursor
// changes only the future (every state change before the tick stays as it was), the process is
// in the expected state after it, and the buttons offer only what the selected process's state
// allows.
#include "tests/core/sim_helpers.h"
#include "ui/control/process_control_panel.h"
#include "ui/document/document.h"
#include "ui/playback/playback_controller.h"
#include "ui/playback/view_state.h"

#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

#include <tuple>
#include <vector>

using namespace procscope;
using namespace procscope::ui;
using testing::Job;
using testing::makeWorkload;

namespace {

Workload threeJobs()
{
    return makeWorkload(
        {Job{0, {Op::cpu(10)}}, Job{0, {Op::cpu(3), Op::io(4), Op::cpu(5)}}, Job{2, {Op::cpu(8)}}},
        PolicyKind::RoundRobin, 2);
}

// Everything recorded strictly before `tick`: state changes of every process and CPU records.
using Change = std::tuple<Pid, Tick, int, int, std::int32_t, int>;
std::vector<Change> before(const Trace& trace, Tick tick)
{
    std::vector<Change> out;
    for (ProcIndex p = 0; p < static_cast<ProcIndex>(trace.processCount()); ++p) {
        const ProcessTrack& track = trace.track(p);
        for (std::size_t k = 0; k < track.size() && track.at(k) < tick; ++k)
            out.emplace_back(trace.info(p).pid, track.at(k), int(track.state(k)), int(track.cause(k)),
                track.aux(k), track.level(k));
    }
    for (int c = 0; c < trace.cpuCount(); ++c)
        for (std::size_t k = 0; k < trace.cpu(c).size() && trace.cpu(c).at(k) < tick; ++k)
            out.emplace_back(-100 - c, trace.cpu(c).at(k), trace.cpu(c).proc(k), int(trace.cpu(c).reason(k)),
                trace.cpu(c).a(k), trace.cpu(c).b(k));
    return out;
}

struct Fixture {
    explicit Fixture(Workload w)
        : document(std::move(w), QStringLiteral("control"))
    {
        controller.setDocument(&document);
        document.simulateAll();
    }
    const Trace& trace() const { return document.trace(); }
    ProcessState stateOf(Pid pid, Tick t) const { return *trace().track(*trace().indexOf(pid)).stateAt(t); }
    // Selects pid at tick, returns what was recorded before the tick.
    std::vector<Change> at(Tick tick, Pid pid)
    {
        controller.seek(tick);
        viewState.setSelectedProcess(*trace().indexOf(pid));
        return before(trace(), tick);
    }

    Document document;
    PlaybackController controller;
    ViewState viewState;
    ProcessControlPanel panel{&controller, &viewState};
};

} // namespace

class TestProcessControl : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void killChangesOnlyTheFuture();
    void suspendThenResume();
    void createArrivesAtTheCursor();
    void changePolicy();
    void buttonsFollowTheState();
    void loadedTraceCannotBeChanged();
    void screenshot();
};

void TestProcessControl::killChangesOnlyTheFuture()
{
    Fixture f(threeJobs());
    QSignalSpy applied(&f.panel, &ProcessControlPanel::commandApplied);
    const auto past = f.at(5, 0);
    QVERIFY(f.panel.killButton()->isEnabled());
    f.panel.killButton()->click();
    QCOMPARE(applied.count(), 1);
    QCOMPARE(f.controller.tick(), Tick(5));
    QVERIFY(before(f.trace(), 5) == past);
    // Killed at 5: a zombie reaped at once by init, exit status -9.
    QCOMPARE(f.stateOf(0, 5), ProcessState::Terminated);
    QCOMPARE(f.trace().info(*f.trace().indexOf(0)).exitCode, -9);
    QVERIFY(!f.panel.killButton()->isEnabled());
    QVERIFY(!f.panel.suspendButton()->isEnabled());
}

void TestProcessControl::suspendThenResume()
{
    Fixture f(threeJobs());
    const auto past = f.at(3, 1);
    QVERIFY(f.panel.suspendButton()->isEnabled());
    QVERIFY(!f.panel.resumeButton()->isEnabled());
    f.panel.suspendButton()->click();
    QVERIFY(before(f.trace(), 3) == past);
    for (Tick t = 3; t < f.trace().end(); ++t)
        QCOMPARE(f.stateOf(1, t), ProcessState::Suspended); // never resumed: it stays
    QVERIFY(!f.panel.suspendButton()->isEnabled());
    QVERIFY(f.panel.resumeButton()->isEnabled());
    QVERIFY(f.panel.killButton()->isEnabled());

    const auto suspendedPast = f.at(9, 1);
    f.panel.resumeButton()->click();
    QVERIFY(before(f.trace(), 9) == suspendedPast);
    QVERIFY(before(f.trace(), 3) == past);
    const ProcessState resumed = f.stateOf(1, 9);
    QVERIFY2(resumed == ProcessState::Ready || resumed == ProcessState::Running, stateName(resumed).data());
    const ProcessTrack& track = f.trace().track(1);
    QCOMPARE(track.state(track.size() - 1), ProcessState::Terminated);
}

void TestProcessControl::createArrivesAtTheCursor()
{
    Fixture f(threeJobs());
    const auto past = f.at(6, 2);
    const std::size_t count = f.trace().processCount();
    f.panel.nameEdit()->setText(QStringLiteral("late"));
    f.panel.programEdit()->setText(QStringLiteral("c2,i3,c1"));
    QVERIFY(f.panel.createButton()->isEnabled());
    f.panel.createButton()->click();
    QVERIFY(before(f.trace(), 6) == past);
    QCOMPARE(f.trace().processCount(), count + 1);
    const ProcIndex created = f.viewState.selectedProcess();
    QCOMPARE(f.trace().info(created).name, std::string("late"));
    QCOMPARE(f.trace().info(created).parent, kInitPid);
    QCOMPARE(f.trace().track(created).at(0), Tick(6));
    QCOMPARE(f.trace().track(created).state(f.trace().track(created).size() - 1), ProcessState::Terminated);

    // A program the reader would refuse: no Create.
    f.panel.programEdit()->setText(QStringLiteral("c2,q"));
    QVERIFY(!f.panel.createButton()->isEnabled());
    QVERIFY(f.panel.createButton()->toolTip().contains(QStringLiteral("operation 2")));
}

void TestProcessControl::changePolicy()
{
    Fixture f(threeJobs());
    const auto past = f.at(4, 0);
    f.panel.policyBox()->setCurrentIndex(int(PolicyKind::Fifo));
    f.panel.policyButton()->click();
    QVERIFY(before(f.trace(), 4) == past);
    bool changed = false;
    for (const SystemEvent& e : f.trace().events())
        changed |= e.kind == SystemEvent::Kind::PolicyChanged && e.at == 4;
    QVERIFY(changed);
    // A later command keeps both the past and the policy change.
    const auto withFifo = f.at(12, 2);
    f.panel.killButton()->click();
    // (Simulating again starts from the workload's own policy and re-applies the change at 4.)
    QVERIFY(before(f.trace(), 12) == withFifo);
    QVERIFY(before(f.trace(), 4) == past);
}

void TestProcessControl::buttonsFollowTheState()
{
    Fixture f(threeJobs());
    // Nothing selected.
    QVERIFY(!f.panel.killButton()->isEnabled());
    QVERIFY(!f.panel.suspendButton()->isEnabled());
    QVERIFY(!f.panel.resumeButton()->isEnabled());
    QVERIFY(f.panel.createButton()->isEnabled());
    // Each state at the cursor allows what the state machine allows.
    for (Tick t = 0; t < f.trace().end(); ++t) {
        for (ProcIndex p = 0; p < static_cast<ProcIndex>(f.trace().processCount()); ++p) {
            f.controller.seek(t);
            f.viewState.setSelectedProcess(p);
            const auto s = f.trace().track(p).stateAt(t);
            const bool arriving = f.trace().track(p).at(0) == t;
            const bool live = s && isLive(*s) && !arriving;
            const bool suspended = s == ProcessState::Suspended && !arriving;
            QCOMPARE(f.panel.killButton()->isEnabled(), live || suspended);
            QCOMPARE(f.panel.suspendButton()->isEnabled(), live);
            QCOMPARE(f.panel.resumeButton()->isEnabled(), suspended);
        }
    }
}

void TestProcessControl::loadedTraceCannotBeChanged()
{
    Simulator sim(threeJobs());
    sim.run();
    Document loaded(Trace(sim.trace()), QStringLiteral("loaded"), QString());
    PlaybackController controller;
    controller.setDocument(&loaded);
    ViewState viewState;
    ProcessControlPanel panel(&controller, &viewState);
    controller.seek(3);
    viewState.setSelectedProcess(0);
    QVERIFY(!panel.killButton()->isEnabled());
    QVERIFY(!panel.suspendButton()->isEnabled());
    QVERIFY(!panel.createButton()->isEnabled());
    QVERIFY(!panel.policyButton()->isEnabled());
}

void TestProcessControl::screenshot()
{
    const QByteArray dir = qgetenv("PROCSCOPE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set PROCSCOPE_SCREENSHOT_DIR to write screenshots");
    Fixture f(threeJobs());
    f.at(3, 1);
    f.panel.suspendButton()->click();
    f.at(5, 1);
    f.panel.programEdit()->setText(QStringLiteral("c2,i,c1"));
    f.panel.resize(520, 420);
    f.panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.panel));
    QVERIFY(f.panel.grab().save(
        QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("h-editor-control.png"))));
}

QTEST_MAIN(TestProcessControl)
#include "tst_process_control.moc"
