// The state diagram: the textbook transitions read from a Trace (classification, the ones that
// fired in a range, the counts), the diagram's geometry at several sizes, and the real widget
// driven through a PlaybackController offscreen: tokens sit in their state's node, a step lights
// the transitions that fired and animates, a click selects, and it exports.
#include "core/io/workload_json.h"
#include "core/trace/cursor.h"
#include "tests/core/sim_helpers.h"
#include "ui/diagram/diagram_layout.h"
#include "ui/diagram/state_diagram_view.h"
#include "ui/diagram/transition.h"
#include "ui/document/document.h"
#include "ui/playback/playback_controller.h"
#include "ui/playback/view_state.h"

#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <memory>
#include <random>
#include <set>
#include <variant>

using namespace procscope;
using namespace procscope::ui;
using testing::Job;
using testing::makeWorkload;

Q_DECLARE_METATYPE(procscope::ProcessState)
Q_DECLARE_METATYPE(procscope::Cause)
Q_DECLARE_METATYPE(procscope::ui::Transition)

namespace {

using S = ProcessState;
using T = Transition;

Workload demoWorkload()
{
    return testing::bundledWorkload("demo.json");
}

// Two CPUs with a context-switch cost, MLFQ with a boost, two FIFO devices, fork and wait.
Workload richWorkload()
{
    const Program child{Op::cpu(3), Op::io(4, 1), Op::cpu(2)};
    Workload w = makeWorkload(
        {
            Job{0, {Op::cpu(5), Op::fork(child, "child"), Op::wait(), Op::cpu(2)}},
            Job{0, {Op::cpu(12)}},
            Job{3, {Op::cpu(1), Op::io(3), Op::cpu(1), Op::io(3), Op::cpu(1), Op::io(2, 1), Op::cpu(1)}},
            Job{6, {Op::cpu(20)}},
            Job{9, {Op::io(5), Op::cpu(4)}},
        },
        PolicyKind::Mlfq, 1, 2);
    w.policy.mlfqQuanta = {2, 4, 8};
    w.policy.mlfqAllotments = {1, 1, 1};
    w.policy.boostPeriod = 25;
    w.machine.contextSwitch = 1;
    w.machine.devices = {"disk", "net"};
    w.machine.ioModel = IoModel::FifoDevice;
    return w;
}

// FIFO on one CPU: A computes 1, does I/O for 2, computes 1; B computes 3. By hand: at 0 both are
// admitted and A dispatched; at 1 A blocks and B is dispatched; at 3 A's I/O is done; at 4 B
// exits and is reaped, A is dispatched; at 5 A exits and is reaped.
Workload fifoWorkload()
{
    return makeWorkload(
        {Job{0, {Op::cpu(1), Op::io(2), Op::cpu(1)}}, Job{0, {Op::cpu(3)}}}, PolicyKind::Fifo);
}

// A trace written by hand, with a same-state record (A moves CPU at 5) and a suspend, resume
// and kill (B).
Trace handTrace()
{
    Trace t;
    t.setCpuCount(2);
    const ProcIndex a = t.addProcess(ProcessInfo{0, "A"});
    const ProcIndex b = t.addProcess(ProcessInfo{1, "B"});
    t.recordState(a, 0, S::New, Cause::Created);
    t.recordState(a, 0, S::Ready, Cause::Admitted);
    t.recordState(a, 0, S::Running, Cause::Dispatched, 0);
    t.recordState(b, 1, S::New, Cause::Created);
    t.recordState(b, 1, S::Ready, Cause::Admitted);
    t.recordState(a, 2, S::Ready, Cause::SliceExpired);
    t.recordState(b, 2, S::Running, Cause::Dispatched, 0);
    t.recordState(a, 4, S::Running, Cause::Dispatched, 1);
    t.recordState(b, 4, S::Ready, Cause::Preempted);
    t.recordState(a, 5, S::Running, Cause::Dispatched, 0); // same state: no transition
    t.recordState(b, 5, S::Suspended, Cause::Suspended);
    t.recordState(a, 6, S::Blocked, Cause::IoStarted, 0);
    t.recordState(b, 7, S::Ready, Cause::Resumed);
    t.recordState(b, 8, S::Zombie, Cause::Killed);
    t.recordState(b, 8, S::Terminated, Cause::Reaped);
    t.recordState(a, 9, S::Ready, Cause::IoDone);
    t.recordState(a, 9, S::Running, Cause::Dispatched, 0);
    t.recordState(a, 10, S::Zombie, Cause::Exited);
    t.recordState(a, 10, S::Terminated, Cause::Reaped);
    t.setEnd(11, true);
    return t;
}

QString describe(const Trace& trace, const std::vector<Firing>& fired)
{
    QStringList parts;
    for (const Firing& f : fired) {
        const auto name = transitionInfo(f.transition).name;
        parts << QStringLiteral("%1 %2 %3")
                     .arg(QString::fromStdString(trace.info(f.process).name),
                         QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())))
                     .arg(f.at);
    }
    return parts.join(QStringLiteral(", "));
}

// Everything a document needs to be shown: simulated to the end, with a cursor and a selection.
struct Fixture {
    explicit Fixture(Workload w)
        : document(std::move(w), QStringLiteral("test"))
    {
        document.simulateAll();
        playback.setDocument(&document);
    }
    Document document;
    PlaybackController playback;
    ViewState viewState;
};

void checkTokensInTheirNodes(const StateDiagramView& view, const Trace& trace, Tick t)
{
    const Frame frame = frameAt(trace, t);
    for (std::size_t i = 0; i < trace.processCount(); ++i) {
        const auto p = static_cast<ProcIndex>(i);
        const QRectF token = view.tokenRect(p);
        if (!frame.states[i]) {
            QVERIFY2(
                token.isEmpty(), qPrintable(QStringLiteral("t=%1 process %2 not created").arg(t).arg(i)));
            continue;
        }
        const QRectF node = view.nodeRect(*frame.states[i]);
        if (node.isEmpty()) {
            QVERIFY2(
                token.isEmpty(), qPrintable(QStringLiteral("t=%1 process %2 state not shown").arg(t).arg(i)));
            continue;
        }
        if (token.isEmpty()) {
            QVERIFY2(view.overflow(*frame.states[i]) > 0,
                qPrintable(QStringLiteral("t=%1 process %2 has no token").arg(t).arg(i)));
            continue;
        }
        QVERIFY2(node.contains(token),
            qPrintable(QStringLiteral("t=%1 process %2 token outside its node").arg(t).arg(i)));
    }
}

} // namespace

class TestStateDiagram : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void classify_data()
    {
        QTest::addColumn<ProcessState>("from");
        QTest::addColumn<ProcessState>("to");
        QTest::addColumn<Cause>("cause");
        QTest::addColumn<Transition>("expected");
        QTest::newRow("admit") << S::New << S::Ready << Cause::Admitted << T::Admit;
        QTest::newRow("dispatch") << S::Ready << S::Running << Cause::Dispatched << T::Dispatch;
        QTest::newRow("preempt") << S::Running << S::Ready << Cause::Preempted << T::Deschedule;
        QTest::newRow("time slice") << S::Running << S::Ready << Cause::SliceExpired << T::Deschedule;
        QTest::newRow("I/O starts") << S::Running << S::Blocked << Cause::IoStarted << T::Block;
        QTest::newRow("wait()") << S::Running << S::Blocked << Cause::WaitChild << T::Block;
        QTest::newRow("I/O done") << S::Blocked << S::Ready << Cause::IoDone << T::Wake;
        QTest::newRow("I/O done, run at once") << S::Blocked << S::Ready << Cause::IoDoneImmediate << T::Wake;
        QTest::newRow("child exited") << S::Blocked << S::Ready << Cause::ChildExited << T::Wake;
        QTest::newRow("exit") << S::Running << S::Zombie << Cause::Exited << T::Exit;
        QTest::newRow("reap") << S::Zombie << S::Terminated << Cause::Reaped << T::Reap;
        QTest::newRow("suspend new") << S::New << S::Suspended << Cause::Suspended << T::SuspendNew;
        QTest::newRow("suspend ready") << S::Ready << S::Suspended << Cause::Suspended << T::SuspendReady;
        QTest::newRow("suspend running")
            << S::Running << S::Suspended << Cause::Suspended << T::SuspendRunning;
        QTest::newRow("suspend blocked")
            << S::Blocked << S::Suspended << Cause::Suspended << T::SuspendBlocked;
        QTest::newRow("resume to ready") << S::Suspended << S::Ready << Cause::Resumed << T::ResumeReady;
        QTest::newRow("resume to blocked")
            << S::Suspended << S::Blocked << Cause::Resumed << T::ResumeBlocked;
        QTest::newRow("kill new") << S::New << S::Zombie << Cause::Killed << T::KillNew;
        QTest::newRow("kill ready") << S::Ready << S::Zombie << Cause::Killed << T::KillReady;
        QTest::newRow("kill running") << S::Running << S::Zombie << Cause::Killed << T::KillRunning;
        QTest::newRow("kill blocked") << S::Blocked << S::Zombie << Cause::Killed << T::KillBlocked;
        QTest::newRow("kill suspended") << S::Suspended << S::Zombie << Cause::Killed << T::KillSuspended;
        // Imported traces carry causes that need not match; the states decide.
        QTest::newRow("ready to zombie, any cause") << S::Ready << S::Zombie << Cause::Exited << T::KillReady;
        QTest::newRow("from unknown") << S::Unknown << S::Running << Cause::Dispatched << T::Other;
        QTest::newRow("to unknown") << S::Ready << S::Unknown << Cause::Dispatched << T::Other;
        QTest::newRow("illegal ready to blocked") << S::Ready << S::Blocked << Cause::IoStarted << T::Other;
        QTest::newRow("terminated is final") << S::Terminated << S::Ready << Cause::Admitted << T::Other;
        QTest::newRow("zombie to suspended") << S::Zombie << S::Suspended << Cause::Suspended << T::Other;
    }
    void classify()
    {
        QFETCH(ProcessState, from);
        QFETCH(ProcessState, to);
        QFETCH(Cause, cause);
        QFETCH(Transition, expected);
        QCOMPARE(classifyTransition(from, to, cause), expected);
    }

    void tableIsConsistent()
    {
        const auto& table = transitionTable();
        for (int i = 0; i < kTransitionCount; ++i) {
            const TransitionInfo& info = table[static_cast<std::size_t>(i)];
            QCOMPARE(static_cast<int>(info.id), i);
            QVERIFY(!info.name.empty());
            if (info.id == T::Other)
                continue;
            QVERIFY(isLegalTransition(info.from, info.to));
            const Cause cause = info.to == S::Zombie && info.id != T::Exit ? Cause::Killed : Cause::Exited;
            QCOMPARE(classifyTransition(info.from, info.to, cause), info.id);
        }
        QCOMPARE(transitionInfo(T::Dispatch).name, std::string_view("dispatch"));
        QCOMPARE(transitionInfo(T::Deschedule).name, std::string_view("preempt / time slice"));
        QCOMPARE(transitionInfo(T::Block).name, std::string_view("wait for I/O or event"));
        QCOMPARE(transitionInfo(T::Wake).name, std::string_view("I/O or event done"));
    }

    void firedBetween_data()
    {
        QTest::addColumn<Tick>("previous");
        QTest::addColumn<Tick>("now");
        QTest::addColumn<QString>("expected");
        QTest::newRow("the first tick") << Tick(-1) << Tick(0) << QStringLiteral("A admit 0, A dispatch 0");
        QTest::newRow("empty range") << Tick(0) << Tick(0) << QString();
        QTest::newRow("backwards") << Tick(5) << Tick(4) << QString();
        QTest::newRow("one tick, nothing") << Tick(2) << Tick(3) << QString();
        QTest::newRow("time order across processes")
            << Tick(0) << Tick(2) << QStringLiteral("B admit 1, A preempt / time slice 2, B dispatch 2");
        QTest::newRow("same-state record skipped")
            << Tick(3) << Tick(5) << QStringLiteral("A dispatch 4, B preempt / time slice 4, B suspend 5");
        QTest::newRow("chains in one instant")
            << Tick(7) << Tick(10)
            << QStringLiteral(
                   "B kill 8, B reap 8, A I/O or event done 9, A dispatch 9, A exit 10, A reap 10");
        QTest::newRow("resume") << Tick(6) << Tick(7) << QStringLiteral("B resume 7");
        QTest::newRow("past the end") << Tick(10) << Tick(1000) << QString();
    }
    void firedBetween()
    {
        QFETCH(Tick, previous);
        QFETCH(Tick, now);
        QFETCH(QString, expected);
        const Trace trace = handTrace();
        QCOMPARE(describe(trace, ui::firedBetween(trace, previous, now)), expected);
        QVERIFY(ui::firedBetween(Trace(), previous, now).empty());
    }

    void firingCarriesStates()
    {
        const Trace trace = handTrace();
        const auto fired = ui::firedBetween(trace, 5, 6);
        QCOMPARE(fired.size(), std::size_t(1));
        QCOMPARE(fired[0], (Firing{0, S::Running, S::Blocked, 6, T::Block}));
    }

    void countsByHand()
    {
        const Trace trace = handTrace();
        const TransitionCounts c = countFired(trace, 10);
        QCOMPARE(c[std::size_t(T::Admit)], 2);
        QCOMPARE(c[std::size_t(T::Dispatch)], 4); // A at 0, 4 and 9; B at 2
        QCOMPARE(c[std::size_t(T::Deschedule)], 2);
        QCOMPARE(c[std::size_t(T::Block)], 1);
        QCOMPARE(c[std::size_t(T::Wake)], 1);
        QCOMPARE(c[std::size_t(T::SuspendReady)], 1);
        QCOMPARE(c[std::size_t(T::ResumeReady)], 1);
        QCOMPARE(c[std::size_t(T::KillReady)], 1);
        QCOMPARE(c[std::size_t(T::Exit)], 1);
        QCOMPARE(c[std::size_t(T::Reap)], 2);
        QCOMPARE(countFired(trace, -1), TransitionCounts{});
        QCOMPARE(countFired(trace, 3)[std::size_t(T::Dispatch)], 2);
    }

    void countsMatchTheRangesAndTheTally()
    {
        for (const Workload& w : {fifoWorkload(), richWorkload(), demoWorkload()}) {
            Simulator sim(w);
            sim.run();
            const Trace& trace = sim.trace();
            // countFired(now) is the sum of the firings in (-1, now], and the tally agrees with it
            // whichever way the cursor goes.
            TransitionTally tally;
            std::mt19937 random(7);
            std::uniform_int_distribution<Tick> tick(-1, trace.end());
            std::vector<Tick> ticks;
            for (Tick t = 0; t < 40; ++t)
                ticks.push_back(t); // stepping forward
            for (Tick t = 39; t >= 20; --t)
                ticks.push_back(t); // and back
            for (int i = 0; i < 100; ++i)
                ticks.push_back(tick(random)); // seeking
            for (const Tick now : ticks) {
                TransitionCounts expected{};
                for (const Firing& f : ui::firedBetween(trace, -1, now))
                    ++expected[static_cast<std::size_t>(f.transition)];
                QCOMPARE(countFired(trace, now), expected);
                QCOMPARE(tally.countsAt(trace, now), expected);
            }
        }
    }

    // A trace long enough for checkpoints several ticks apart: counting from the nearest
    // checkpoint gives countFired() at every tick, and a tally that jumps through them agrees.
    void checkpointsCountLikeAWalk()
    {
        using testing::Job;
        Program chatty;
        for (int i = 0; i < 300; ++i) {
            chatty.push_back(Op::cpu(1 + i % 4));
            chatty.push_back(Op::io(2 + i % 3));
        }
        Simulator sim(testing::makeWorkload({Job{0, chatty}, Job{0, {Op::cpu(900)}}, Job{7, chatty},
                                                Job{40, {Op::cpu(700)}}, Job{90, chatty}},
            PolicyKind::RoundRobin, 3));
        sim.run();
        const Trace& trace = sim.trace();
        auto checkpoints = std::make_shared<const FiringCheckpoints>(trace);
        QVERIFY(checkpoints->step() > 1);
        for (Tick now = -1; now <= trace.end() + 2; ++now)
            if (checkpoints->countsAt(trace, now) != countFired(trace, now))
                QFAIL(qPrintable(QStringLiteral("tick %1").arg(now)));
        TransitionTally tally;
        tally.reset(checkpoints);
        std::mt19937 random(11);
        std::uniform_int_distribution<Tick> tick(0, trace.end());
        for (int i = 0; i < 300; ++i) {
            const Tick now = i % 3 == 0 ? tick(random) : std::max<Tick>(0, i % 2 ? trace.end() / 2 + i : i);
            QCOMPARE(tally.countsAt(trace, now), countFired(trace, now));
        }
    }

    void countsOfASimulation()
    {
        Simulator sim(fifoWorkload());
        sim.run();
        const TransitionCounts c = countFired(sim.trace(), sim.trace().end());
        QCOMPARE(c[std::size_t(T::Admit)], 2);
        QCOMPARE(c[std::size_t(T::Dispatch)], 3);
        QCOMPARE(c[std::size_t(T::Block)], 1);
        QCOMPARE(c[std::size_t(T::Wake)], 1);
        QCOMPARE(c[std::size_t(T::Deschedule)], 0);
        QCOMPARE(c[std::size_t(T::Exit)], 2);
        QCOMPARE(c[std::size_t(T::Reap)], 2);
    }

    void layout_data()
    {
        QTest::addColumn<QSizeF>("size");
        QTest::addColumn<bool>("full");
        for (const bool full : {false, true}) {
            const char* view = full ? "seven" : "three";
            QTest::addRow("%s 1600x900", view) << QSizeF(1600, 900) << full;
            QTest::addRow("%s 1920x1080", view) << QSizeF(1920, 1080) << full;
            QTest::addRow("%s 3840x2160", view) << QSizeF(3840, 2160) << full;
            QTest::addRow("%s 800x450", view) << QSizeF(800, 450) << full;
            QTest::addRow("%s 1024x768", view) << QSizeF(1024, 768) << full;
            QTest::addRow("%s 360x200", view) << QSizeF(360, 200) << full;
        }
    }
    void layout()
    {
        QFETCH(QSizeF, size);
        QFETCH(bool, full);
        std::bitset<kTransitionCount> all;
        all.set();
        const DiagramLayout layout(size, full, all);
        const QRectF canvas(QPointF(0, 0), size);
        QCOMPARE(layout.nodes().size(), full ? std::size_t(7) : std::size_t(3));
        for (std::size_t i = 0; i < layout.nodes().size(); ++i) {
            const DiagramNode& n = layout.nodes()[i];
            QVERIFY(canvas.contains(n.rect));
            QVERIFY(n.rect.contains(n.tokens));
            QVERIFY(n.rect.contains(n.header));
            for (std::size_t j = i + 1; j < layout.nodes().size(); ++j)
                QVERIFY(!n.rect.intersects(layout.nodes()[j].rect));
        }
        // Every arrow leaves from and arrives at the border of its states' nodes.
        for (const DiagramArrow& a : layout.arrows()) {
            const TransitionInfo& info = transitionInfo(a.transitions.front());
            auto onBorder = [](const QRectF& r, QPointF p) {
                const bool inside = r.adjusted(-0.5, -0.5, 0.5, 0.5).contains(p);
                const bool strictlyInside = r.adjusted(0.5, 0.5, -0.5, -0.5).contains(p);
                return inside && !strictlyInside;
            };
            if (!a.stubStart)
                QVERIFY(onBorder(layout.node(info.from)->rect, a.start));
            else
                QVERIFY(!layout.node(info.from) || a.transitions.size() > 1);
            if (!a.stubEnd)
                QVERIFY(onBorder(layout.node(info.to)->rect, a.end));
            QVERIFY(canvas.contains(a.start) && canvas.contains(a.end));
        }
        for (T t : {T::Dispatch, T::Deschedule, T::Block, T::Wake, T::Admit, T::Exit})
            QVERIFY(layout.arrow(t));
        QCOMPARE(layout.arrow(T::SuspendReady) != nullptr, full);
        // Token slots stay inside their node and apart, for a few tokens and for too many.
        for (ProcessState s : DiagramLayout::states(full)) {
            for (int count : {1, 5, 40, 5000}) {
                const TokenGrid g = layout.tokenGrid(s, count);
                const int filled = std::min(count, g.capacity());
                QVERIFY(g.fontPx >= layout.smallestTokenFontPx());
                for (int k = 0; k < filled; ++k) {
                    QVERIFY(layout.node(s)->tokens.adjusted(-0.01, -0.01, 0.01, 0.01).contains(g.slot(k)));
                    if (k > 0)
                        QVERIFY(!g.slot(k).intersects(g.slot(k - 1)));
                }
            }
        }
        QVERIFY(layout.nodeFontPx() > layout.arrowFontPx());
    }

    void tokensSitInTheirStatesNode_data()
    {
        QTest::addColumn<bool>("full");
        QTest::newRow("three states") << false;
        QTest::newRow("seven states") << true;
    }
    void tokensSitInTheirStatesNode()
    {
        QFETCH(bool, full);
        for (const Workload& w : {demoWorkload(), richWorkload()}) {
            Fixture f(w);
            StateDiagramView view(&f.playback, &f.viewState);
            view.setFullLifecycle(full);
            view.resize(1280, 720);
            const Trace& trace = f.document.trace();
            for (Tick t = 0; t <= f.playback.lastTick(); ++t) {
                f.playback.seek(t);
                checkTokensInTheirNodes(view, trace, t);
                if (QTest::currentTestFailed())
                    return;
                QCOMPARE(view.firedCount(T::Dispatch), countFired(trace, t)[std::size_t(T::Dispatch)]);
            }
            // And stepping back the same way.
            for (Tick t = f.playback.lastTick(); t >= 0; --t) {
                f.playback.seek(t);
                checkTokensInTheirNodes(view, trace, t);
                if (QTest::currentTestFailed())
                    return;
                QCOMPARE(view.firedCount(T::Block), countFired(trace, t)[std::size_t(T::Block)]);
            }
        }
    }

    void stepLightsWhatFired()
    {
        Fixture f(fifoWorkload());
        StateDiagramView view(&f.playback, &f.viewState);
        view.resize(1200, 700);
        using Lit = std::vector<Transition>;
        QCOMPARE(view.litTransitions(), (Lit{T::Admit, T::Dispatch})); // at tick 0
        QCOMPARE(view.firedCount(T::Admit), 2);
        f.playback.stepForward(); // 1: A blocks, B is dispatched
        QCOMPARE(view.litTransitions(), (Lit{T::Dispatch, T::Block}));
        QCOMPARE(view.firedCount(T::Dispatch), 2);
        QCOMPARE(view.firedCount(T::Block), 1);
        QVERIFY(view.nodeRect(S::Blocked).contains(view.tokenRect(0)));
        QVERIFY(view.nodeRect(S::Running).contains(view.tokenRect(1)));
        f.playback.stepForward(); // 2: nothing happens
        QCOMPARE(view.litTransitions(), Lit{});
        f.playback.stepForward(); // 3: A's I/O is done
        QCOMPARE(view.litTransitions(), Lit{T::Wake});
        QVERIFY(view.nodeRect(S::Ready).contains(view.tokenRect(0)));
        f.playback.stepForward(); // 4: B exits, A runs
        QCOMPARE(view.litTransitions(), (Lit{T::Dispatch, T::Exit, T::Reap}));
        QCOMPARE(view.firedCount(T::Exit), 1);
        QVERIFY(view.tokenRect(1).isEmpty()); // Terminated is not in the three-state view
        view.setFullLifecycle(true);
        QVERIFY(view.nodeRect(S::Terminated).contains(view.tokenRect(1)));
        f.playback.stepBack(); // back to 3: what brought us to 3
        QCOMPARE(view.litTransitions(), Lit{T::Wake});
        QCOMPARE(view.firedCount(T::Exit), 0);
        QCOMPARE(view.firedCount(T::Dispatch), 2);
    }

    void animatesOnlyASingleStepForward()
    {
        Fixture f(fifoWorkload());
        StateDiagramView view(&f.playback, &f.viewState);
        view.resize(1200, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        f.playback.stepForward(); // 0 -> 1: two tokens move
        QVERIFY(view.isAnimating());
        const QRectF resting = view.tokenRect(0);
        QTRY_VERIFY_WITH_TIMEOUT(!view.isAnimating(), 2000);
        QCOMPARE(view.tokenRect(0), resting);
        f.playback.stepBack(); // backwards: placed, not animated
        QVERIFY(!view.isAnimating());
        f.playback.seek(0);
        f.playback.seek(4); // a seek over several events: placed
        QVERIFY(!view.isAnimating());
        f.playback.seek(1);
        f.playback.nextEvent(); // to 3, nothing in between: one step
        QCOMPARE(f.playback.tick(), Tick(3));
        QVERIFY(view.isAnimating());
        f.playback.seek(0); // a new position during a flight ends it at once
        QVERIFY(!view.isAnimating());
    }

    void clickSelects()
    {
        Fixture f(demoWorkload());
        StateDiagramView view(&f.playback, &f.viewState);
        view.resize(1200, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        f.playback.seek(12);
        QTRY_VERIFY_WITH_TIMEOUT(!view.isAnimating(), 2000);
        int clicked = 0;
        for (ProcIndex p = 0; p < static_cast<ProcIndex>(f.document.trace().processCount()); ++p) {
            const QRectF r = view.tokenRect(p);
            if (r.isEmpty())
                continue;
            QTest::mouseClick(&view, Qt::LeftButton, {}, r.center().toPoint());
            QCOMPARE(f.viewState.selectedProcess(), p);
            ++clicked;
        }
        QVERIFY(clicked >= 3);
        // A click beside every token leaves the selection alone.
        QTest::mouseClick(&view, Qt::LeftButton, {}, QPoint(2, view.height() - 2));
        QVERIFY(f.viewState.selectedProcess() >= 0);
    }

    void tooManyTokens()
    {
        std::vector<Job> jobs;
        for (int i = 0; i < 120; ++i)
            jobs.push_back(Job{0, {Op::cpu(5)}});
        Fixture f(makeWorkload(jobs, PolicyKind::RoundRobin, 2));
        StateDiagramView view(&f.playback, &f.viewState);
        view.resize(640, 360);
        f.playback.seek(3);
        const int ready = static_cast<int>(frameAt(f.document.trace(), 3).readyQueues[0].size());
        QVERIFY(ready > 100);
        const int hidden = view.overflow(S::Ready);
        QVERIFY(hidden > 0);
        int shown = 0;
        for (ProcIndex p = 0; p < 120; ++p)
            shown += view.tokenRect(p).isEmpty() ? 0 : 1;
        QCOMPARE(shown + hidden, ready + 1); // and the one running
        // The selected process is always drawn, even from the back of the queue.
        const ProcIndex last = frameAt(f.document.trace(), 3).readyQueues[0].back();
        QVERIFY(view.tokenRect(last).isEmpty());
        f.viewState.setSelectedProcess(last);
        QVERIFY(view.nodeRect(S::Ready).contains(view.tokenRect(last)));
        QCOMPARE(view.overflow(S::Ready), hidden);
    }

    void paintsNodesInTheirColours()
    {
        Fixture f(demoWorkload());
        StateDiagramView view(&f.playback, &f.viewState);
        view.setFullLifecycle(true);
        view.resize(1600, 900);
        f.playback.seek(12);
        const QImage image = view.grab().toImage();
        QCOMPARE(image.size(), QSize(1600, 900));
        for (ProcessState s : DiagramLayout::states(true)) {
            // The bottom-left inside corner of every node holds no token: the fill shows.
            const QRectF r = view.nodeRect(s);
            const QPoint inside(static_cast<int>(r.left() + r.width() * 0.1),
                static_cast<int>(r.bottom() - r.height() * 0.08));
            QCOMPARE(image.pixelColor(inside).rgb(), stateColor(s).rgb());
        }
        std::set<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY(colours.size() > 20);
    }

    void exports()
    {
        Fixture f(demoWorkload());
        StateDiagramView view(&f.playback, &f.viewState);
        view.resize(1000, 560);
        f.playback.seek(8);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString png = dir.filePath(QStringLiteral("d.png"));
        QVERIFY(view.exportTo(png));
        QCOMPARE(QImage(png).size(), QSize(1000, 560));
        const QString svg = dir.filePath(QStringLiteral("d.svg"));
        QVERIFY(view.exportTo(svg));
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        const QByteArray svgText = svgFile.readAll();
        QVERIFY(svgText.contains("<svg"));
        QVERIFY(svgText.contains("dispatch"));
        const QString pdf = dir.filePath(QStringLiteral("d.pdf"));
        QVERIFY(view.exportTo(pdf));
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QVERIFY(pdfFile.read(5) == "%PDF-");
        QVERIFY(!view.exportTo(dir.filePath(QStringLiteral("missing/d.png"))));
    }

    void withoutADocument()
    {
        PlaybackController playback;
        ViewState viewState;
        StateDiagramView view(&playback, &viewState);
        view.resize(800, 450);
        QVERIFY(view.litTransitions().empty());
        QCOMPARE(view.firedCount(T::Dispatch), 0);
        QVERIFY(view.tokenRect(0).isEmpty());
        QVERIFY(!view.grab().isNull());
    }
};

QTEST_MAIN(TestStateDiagram)
#include "tst_state_diagram.moc"
