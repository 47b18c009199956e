// The state diagram: the textbook transitions read from a Trace (classification, the ones that
// fired in a range, the counts, the states a trace holds), the diagram's geometry at several sizes
// (Figure 4.2's places, text that grows), arrow labels and token paths, and the real widget
// driven through a PlaybackController offscreen: tokens sit in their state's node, a step lights
// the transitions that fired and moves the tokens along them, a click selects, and it exports.
#include "core/io/workload_json.h"
#include "core/trace/cursor.h"
#include "tests/core/sim_helpers.h"
#include "ui/diagram/diagram_layout.h"
#include "ui/diagram/diagram_painter.h"
#include "ui/diagram/state_diagram_view.h"
#include "ui/diagram/token_flight.h"
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
Q_DECLARE_METATYPE(procscope::ui::ArrowWording)
Q_DECLARE_METATYPE(procscope::ui::StateSet)

namespace {

using S = ProcessState;
using T = Transition;

Workload demoWorkload()
{
    return testing::bundledWorkload("demo.json");
}

Workload zombieLesson()
{
    return testing::bundledWorkload("lessons/02-fork-wait-zombies.json");
}

StateSet statesOf(std::initializer_list<ProcessState> states)
{
    StateSet set;
    for (ProcessState s : states)
        set.set(static_cast<std::size_t>(s));
    return set;
}

QString describeStates(StateSet set)
{
    QStringList names;
    for (int k = 0; k < kStateCount; ++k)
        if (set.test(static_cast<std::size_t>(k)))
            names << stateLabel(static_cast<ProcessState>(k));
    return names.join(QLatin1Char(' '));
}

qreal distance(QPointF a, QPointF b)
{
    return QLineF(a, b).length();
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
        const auto name = transitionInfo(f.transition).detailed;
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
            QVERIFY(!info.book.empty());
            QVERIFY(!info.detailed.empty());
            if (info.id == T::Other)
                continue;
            QVERIFY(isLegalTransition(info.from, info.to));
            const Cause cause = info.to == S::Zombie && info.id != T::Exit ? Cause::Killed : Cause::Exited;
            QCOMPARE(classifyTransition(info.from, info.to, cause), info.id);
        }
        QCOMPARE(transitionInfo(T::Dispatch).detailed, std::string_view("dispatch"));
        QCOMPARE(transitionInfo(T::Deschedule).detailed, std::string_view("preempt / time slice"));
        QCOMPARE(transitionInfo(T::Block).detailed, std::string_view("wait for I/O or event"));
        QCOMPARE(transitionInfo(T::Wake).detailed, std::string_view("I/O or event done"));
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

    // Which states a trace holds at a tick the cursor can reach; what lasts no tick is not held.
    void statesHeld_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("by hand: New and Zombie last no tick")
            << QStringLiteral("hand") << QStringLiteral("Ready Running Blocked Suspended Terminated");
        QTest::newRow("empty trace") << QStringLiteral("empty") << QString();
        QTest::newRow("a zombie at the end, never reaped")
            << QStringLiteral("unreaped") << QStringLiteral("Ready Running Zombie");
        QTest::newRow("a record after the end is never shown")
            << QStringLiteral("past end") << QStringLiteral("Ready Running");
        QTest::newRow("New for a tick before admission")
            << QStringLiteral("late admit") << QStringLiteral("New Ready Running");
    }
    void statesHeld()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        Trace t;
        if (name == QLatin1String("hand")) {
            t = handTrace();
        } else if (name != QLatin1String("empty")) {
            const ProcIndex a = t.addProcess(ProcessInfo{0, "A"});
            t.recordState(a, 0, S::New, Cause::Created);
            const Tick admit = name == QLatin1String("late admit") ? 1 : 0;
            t.recordState(a, admit, S::Ready, Cause::Admitted);
            t.recordState(a, 2, S::Running, Cause::Dispatched, 0);
            if (name == QLatin1String("unreaped"))
                t.recordState(a, 4, S::Zombie, Cause::Exited);
            if (name == QLatin1String("past end"))
                t.recordState(a, 9, S::Zombie, Cause::Exited);
            t.setEnd(name == QLatin1String("past end") ? 5 : 4, true);
        }
        QCOMPARE(describeStates(ui::statesHeld(t)), expected);
    }

    void layout_data()
    {
        QTest::addColumn<QSizeF>("size");
        QTest::addColumn<StateSet>("states");
        QTest::addColumn<qreal>("textPx");
        const std::pair<const char*, StateSet> sets[] = {
            {"three", DiagramLayout::coreStates()},
            {"seven", DiagramLayout::allStates()},
            {"exits", statesOf({S::Zombie, S::Terminated})},
            {"new only", statesOf({S::New})},
            {"suspended only", statesOf({S::Suspended})},
        };
        for (const auto& [view, states] : sets) {
            for (const QSizeF size : {QSizeF(1600, 900), QSizeF(1920, 1080), QSizeF(3840, 2160),
                     QSizeF(800, 450), QSizeF(1024, 768), QSizeF(520, 330), QSizeF(360, 200)})
                QTest::addRow("%s %gx%g", view, size.width(), size.height()) << size << states << qreal(13);
            QTest::addRow("%s 520x330 presenting", view) << QSizeF(520, 330) << states << qreal(19.5);
        }
    }
    void layout()
    {
        QFETCH(QSizeF, size);
        QFETCH(StateSet, states);
        QFETCH(qreal, textPx);
        std::bitset<kTransitionCount> all;
        all.set();
        const DiagramLayout layout(size, states, all, textPx);
        const QRectF canvas(QPointF(0, 0), size);
        QCOMPARE(layout.states(), states | DiagramLayout::coreStates());
        QCOMPARE(layout.nodes().size(), (states | DiagramLayout::coreStates()).count());
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
            else
                QVERIFY(!layout.node(info.to));
            QVERIFY(canvas.contains(a.start) && canvas.contains(a.end));
        }
        for (T t : {T::Dispatch, T::Deschedule, T::Block, T::Wake, T::Admit, T::Exit})
            QVERIFY(layout.arrow(t));
        const bool suspended = states.test(std::size_t(S::Suspended));
        QCOMPARE(layout.arrow(T::SuspendReady) != nullptr, suspended);
        QCOMPARE(layout.arrow(T::Reap) != nullptr,
            states.test(std::size_t(S::Zombie)) && states.test(std::size_t(S::Terminated)));
        // Token slots stay inside their node and apart, for a few tokens and for too many.
        for (const DiagramNode& node : layout.nodes()) {
            for (int count : {1, 5, 40, 5000}) {
                const TokenGrid g = layout.tokenGrid(node.state, count);
                const int filled = std::min(count, g.capacity());
                // Never below the smallest legible size, unless the node is too short for it.
                const bool shortNode = node.tokens.height() < layout.smallestTokenFontPx() * 1.9;
                QVERIFY(g.fontPx >= layout.smallestTokenFontPx() || shortNode);
                QVERIFY(g.capacity() >= 1);
                for (int k = 0; k < filled; ++k) {
                    QVERIFY(node.tokens.adjusted(-0.01, -0.01, 0.01, 0.01).contains(g.slot(k)));
                    if (k > 0)
                        QVERIFY(!g.slot(k).intersects(g.slot(k - 1)));
                }
            }
        }
        QVERIFY(layout.nodeFontPx() >= layout.arrowFontPx());
        QVERIFY(layout.arrowFontPx() >= 6);
    }

    // OSTEP Figure 4.2: Running on the left, Ready on the right, Blocked below both and between
    // them; Descheduled above Scheduled. The lifecycle states join around without moving them.
    void figure42Places_data() { layout_data(); }
    void figure42Places()
    {
        QFETCH(QSizeF, size);
        QFETCH(StateSet, states);
        QFETCH(qreal, textPx);
        const DiagramLayout layout(size, states, {}, textPx);
        const QRectF running = layout.node(S::Running)->rect;
        const QRectF ready = layout.node(S::Ready)->rect;
        const QRectF blocked = layout.node(S::Blocked)->rect;
        QVERIFY(running.right() < ready.left());
        QVERIFY(blocked.top() > running.bottom());
        QVERIFY(blocked.top() > ready.bottom());
        QVERIFY(blocked.center().x() > running.center().x());
        QVERIFY(blocked.center().x() < ready.center().x());
        QCOMPARE(running.top(), ready.top());
        QVERIFY(layout.arrow(T::Deschedule)->labelAnchor.y() < layout.arrow(T::Dispatch)->labelAnchor.y());
        // The lifecycle states sit where their arrows are short: New above Ready, Zombie above
        // Running, Suspended beside Blocked.
        if (const DiagramNode* n = layout.node(S::New))
            QVERIFY(n->rect.bottom() < ready.top() && n->rect.center().x() > ready.left());
        if (const DiagramNode* n = layout.node(S::Zombie))
            QVERIFY(n->rect.bottom() < running.top() && n->rect.center().x() < running.right());
        if (const DiagramNode* n = layout.node(S::Suspended))
            QVERIFY(n->rect.left() > blocked.right() && n->rect.top() > ready.bottom());
    }

    void arrowWords_data()
    {
        QTest::addColumn<ArrowWording>("wording");
        QTest::addColumn<Transition>("transition");
        QTest::addColumn<QString>("expected");
        const ArrowWording book = ArrowWording::Book, detailed = ArrowWording::Detailed;
        QTest::newRow("book: Ready to Running") << book << T::Dispatch << QStringLiteral("Scheduled");
        QTest::newRow("book: Running to Ready") << book << T::Deschedule << QStringLiteral("Descheduled");
        QTest::newRow("book: Running to Blocked") << book << T::Block << QStringLiteral("I/O: initiate");
        QTest::newRow("book: Blocked to Ready") << book << T::Wake << QStringLiteral("I/O: done");
        QTest::newRow("book: exit") << book << T::Exit << QStringLiteral("Exit");
        QTest::newRow("book: reap") << book << T::Reap << QStringLiteral("Reaped");
        QTest::newRow("book: admit") << book << T::Admit << QStringLiteral("Admitted");
        QTest::newRow("book: kill, from any state") << book << T::KillBlocked << QStringLiteral("Killed");
        QTest::newRow("detailed: dispatch") << detailed << T::Dispatch << QStringLiteral("dispatch");
        QTest::newRow("detailed: preempt")
            << detailed << T::Deschedule << QStringLiteral("preempt / time slice");
        QTest::newRow("detailed: block") << detailed << T::Block << QStringLiteral("wait for I/O or event");
        QTest::newRow("detailed: wake") << detailed << T::Wake << QStringLiteral("I/O or event done");
    }
    void arrowWords()
    {
        QFETCH(ArrowWording, wording);
        QFETCH(Transition, transition);
        QFETCH(QString, expected);
        std::bitset<kTransitionCount> all;
        all.set();
        const DiagramLayout layout(QSizeF(1280, 720), DiagramLayout::allStates(), all);
        const DiagramArrow* arrow = layout.arrow(transition);
        QVERIFY(arrow);
        QCOMPARE(arrowName(*arrow, wording), expected);
        TransitionCounts counts{};
        counts[std::size_t(transition)] = 7;
        QCOMPARE(arrowLabel(*arrow, counts, wording), expected + QStringLiteral(" \u00D77"));
    }

    // Text grows with the diagram and with the application's type (presentation mode), as far as
    // the room between the nodes allows, and in a diagram the size of its dock it is never smaller
    // than the application's type.
    void textGrows_data()
    {
        QTest::addColumn<QSizeF>("small");
        QTest::addColumn<QSizeF>("large");
        QTest::addColumn<qreal>("smallTextPx");
        QTest::addColumn<qreal>("largeTextPx");
        QTest::addColumn<qreal>("growth"); // at least
        QTest::newRow("400x300 to 1600x1000")
            << QSizeF(400, 300) << QSizeF(1600, 1000) << 13.0 << 13.0 << 2.0;
        QTest::newRow("dock at 720p to 1440p")
            << QSizeF(520, 330) << QSizeF(1040, 660) << 13.0 << 13.0 << 1.3;
        QTest::newRow("wide but short to both larger")
            << QSizeF(1600, 300) << QSizeF(1700, 1000) << 13.0 << 13.0 << 1.3;
        QTest::newRow("presentation type, dock size")
            << QSizeF(520, 330) << QSizeF(520, 330) << 13.0 << 19.5 << 1.1;
        QTest::newRow("presentation type, large")
            << QSizeF(1600, 1000) << QSizeF(1600, 1000) << 13.0 << 19.5 << 1.1;
    }
    void textGrows()
    {
        QFETCH(QSizeF, small);
        QFETCH(QSizeF, large);
        QFETCH(qreal, smallTextPx);
        QFETCH(qreal, largeTextPx);
        QFETCH(qreal, growth);
        for (const StateSet states : {DiagramLayout::coreStates(), DiagramLayout::allStates()}) {
            const DiagramLayout a(small, states, {}, smallTextPx);
            const DiagramLayout b(large, states, {}, largeTextPx);
            QVERIFY2(b.arrowFontPx() >= a.arrowFontPx() * growth,
                qPrintable(QStringLiteral("%1 -> %2").arg(a.arrowFontPx()).arg(b.arrowFontPx())));
            QVERIFY2(b.nodeFontPx() >= a.nodeFontPx() * growth,
                qPrintable(QStringLiteral("%1 -> %2").arg(a.nodeFontPx()).arg(b.nodeFontPx())));
            QVERIFY(b.tokenFontPx() >= a.tokenFontPx() * growth);
            QVERIFY(a.arrowFontPx() >= smallTextPx);
        }
    }

    void arrowLabelLines_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("count");
        QTest::addColumn<QString>("widthOf"); // the wrap width is this text's width
        QTest::addColumn<QStringList>("expected");
        const QString n = QStringLiteral("\u00D712");
        QTest::newRow("fits on one line")
            << QStringLiteral("Scheduled") << n << QStringLiteral("Scheduled ") + n
            << QStringList{QStringLiteral("Scheduled ") + n};
        QTest::newRow("the count moves to its own line")
            << QStringLiteral("Scheduled") << n << QStringLiteral("Scheduled")
            << QStringList{QStringLiteral("Scheduled"), n};
        QTest::newRow("two words and the count")
            << QStringLiteral("I/O: initiate") << n << QStringLiteral("initiate")
            << QStringList{QStringLiteral("I/O:"), QStringLiteral("initiate"), n};
        QTest::newRow("count joins the last line")
            << QStringLiteral("I/O: done") << QStringLiteral("\u00D71") << QStringLiteral("done \u00D71")
            << QStringList{QStringLiteral("I/O:"), QStringLiteral("done \u00D71")};
        QTest::newRow("narrower than a word: nothing is cut")
            << QStringLiteral("Descheduled") << QStringLiteral("\u00D71234567") << QStringLiteral("x")
            << QStringList{QStringLiteral("Descheduled"), QStringLiteral("\u00D71234567")};
        QTest::newRow("no width at all") << QStringLiteral("I/O: done") << n << QString()
                                         << QStringList{QStringLiteral("I/O:"), QStringLiteral("done"), n};
        QTest::newRow("no name") << QString() << n << QStringLiteral("x") << QStringList{n};
        QTest::newRow("spaces collapse")
            << QStringLiteral("  I/O:   done ") << n << QStringLiteral("I/O: done ") + n
            << QStringList{QStringLiteral("I/O: done ") + n};
    }
    void arrowLabelLines()
    {
        QFETCH(QString, name);
        QFETCH(QString, count);
        QFETCH(QString, widthOf);
        QFETCH(QStringList, expected);
        QFont font;
        font.setPixelSize(20);
        const QFontMetricsF fm(font);
        const qreal width = fm.horizontalAdvance(widthOf);
        const QStringList lines = ui::arrowLabelLines(name, count, fm, width);
        QCOMPARE(lines, expected);
        QVERIFY(lines.last().endsWith(count));
    }

    void tokenFlight_data()
    {
        QTest::addColumn<bool>("backwards");
        QTest::addColumn<bool>("fromSlot");
        QTest::addColumn<bool>("toSlot");
        QTest::newRow("forward, slot to slot") << false << true << true;
        QTest::newRow("backward, slot to slot") << true << true << true;
        QTest::newRow("appears on the arrow") << false << false << true;
        QTest::newRow("vanishes off the arrow") << false << true << false;
    }
    void tokenFlight()
    {
        QFETCH(bool, backwards);
        QFETCH(bool, fromSlot);
        QFETCH(bool, toSlot);
        const DiagramLayout layout(QSizeF(1280, 720), DiagramLayout::coreStates());
        const DiagramArrow* block = layout.arrow(T::Block);
        const QRectF running = layout.tokenGrid(S::Running, 1).slot(0);
        const QRectF blocked = layout.tokenGrid(S::Blocked, 1).slot(0);
        // Forward: Running to Blocked along "I/O: initiate"; backwards: Blocked to Running along it.
        const QRectF from = fromSlot ? (backwards ? blocked : running) : QRectF();
        const QRectF to = toSlot ? (backwards ? running : blocked) : QRectF();
        const TokenFlight flight(3, from, to, {block}, backwards);
        QVERIFY(!flight.isEmpty());
        QCOMPARE(flight.process(), ProcIndex(3));
        const QPointF start = fromSlot ? from.center() : (backwards ? block->end : block->start);
        const QPointF end = toSlot ? to.center() : (backwards ? block->start : block->end);
        QVERIFY(distance(flight.pointAt(0), start) < 0.01);
        QVERIFY(distance(flight.pointAt(1), end) < 0.01);
        // Halfway, the token is on the arrow it took: at its midpoint.
        QVERIFY(distance(flight.pointAt(0.5), block->pointAt(0.5)) < 0.01);
        // A quarter of the way it is on the arrow too, nearer the tail it leaves from.
        const QPointF quarter = flight.pointAt(0.3);
        qreal nearest = 1e9, at = 0;
        for (int k = 0; k <= 1000; ++k)
            if (const qreal d = distance(quarter, block->pointAt(k / 1000.0)); d < nearest) {
                nearest = d;
                at = k / 1000.0;
            }
        QVERIFY(nearest < 1.0);
        QVERIFY(backwards ? at > 0.5 : at < 0.5);
        if (toSlot)
            QCOMPARE(flight.rectAt(1), to);
        QCOMPARE(flight.opacityAt(1), toSlot ? 1.0 : 0.0);
        QCOMPARE(flight.opacityAt(0), fromSlot ? 1.0 : 0.0);
        // Outside [0, 1] it stays at its ends.
        QCOMPARE(flight.pointAt(-1), flight.pointAt(0));
        QCOMPARE(flight.pointAt(2), flight.pointAt(1));
    }

    void tokenFlightOfSeveralArrowsAndNone()
    {
        const DiagramLayout layout(QSizeF(1280, 720), DiagramLayout::coreStates());
        const QRectF blocked = layout.tokenGrid(S::Blocked, 1).slot(0);
        const QRectF running = layout.tokenGrid(S::Running, 1).slot(0);
        // I/O done and scheduled in one instant: along "I/O: done", then "Scheduled".
        const DiagramArrow* wake = layout.arrow(T::Wake);
        const DiagramArrow* dispatch = layout.arrow(T::Dispatch);
        const TokenFlight chain(0, blocked, running, {wake, nullptr, dispatch}, false);
        // Hops take 0.15 of an arrow's time: 0.15 + 1 + 0.15 + 1 + 0.15.
        const qreal total = 2.45;
        QVERIFY(distance(chain.pointAt((0.15 + 0.5) / total), wake->pointAt(0.5)) < 0.01);
        QVERIFY(distance(chain.pointAt((0.15 + 1 + 0.15 + 0.5) / total), dispatch->pointAt(0.5)) < 0.01);
        // No arrow: a straight glide between two slots; the same slot or no slot: nothing.
        const QRectF next = layout.tokenGrid(S::Ready, 2).slot(1);
        const QRectF head = layout.tokenGrid(S::Ready, 2).slot(0);
        const TokenFlight glide(1, next, head, {}, false);
        QVERIFY(distance(glide.pointAt(0.5), (next.center() + head.center()) / 2) < 0.01);
        QVERIFY(TokenFlight(1, head, head, {}, false).isEmpty());
        QVERIFY(TokenFlight(1, QRectF(), head, {}, false).isEmpty());
        QVERIFY(TokenFlight(1, QRectF(), QRectF(), {wake}, false).isEmpty());
        QVERIFY(TokenFlight().isEmpty());
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
        // The trace has exits: Zombie and Terminated have nodes without asking.
        QVERIFY(view.nodeRect(S::Terminated).contains(view.tokenRect(1)));
        f.playback.stepBack(); // back to 3: what brought us to 3
        QCOMPARE(view.litTransitions(), Lit{T::Wake});
        QCOMPARE(view.firedCount(T::Exit), 0);
        QCOMPARE(view.firedCount(T::Dispatch), 2);
    }

    void animatesSingleStepsEitherWay()
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
        f.playback.stepBack(); // one step back: the tokens go back along their arrows
        QVERIFY(view.isAnimating());
        QCOMPARE(f.playback.tick(), Tick(0));
        f.playback.seek(2); // a new position during a flight ends it at once, every token at rest
        QVERIFY(!view.isAnimating());
        checkTokensInTheirNodes(view, f.document.trace(), 2);
        f.playback.seek(0);
        f.playback.seek(4); // a seek over several events: placed
        QVERIFY(!view.isAnimating());
        f.playback.seek(1);
        f.playback.nextEvent(); // to 3, nothing in between: one step
        QCOMPARE(f.playback.tick(), Tick(3));
        QVERIFY(view.isAnimating());
        f.playback.previousEvent(); // back to 1, nothing in between: one step back
        QCOMPARE(f.playback.tick(), Tick(1));
        QVERIFY(view.isAnimating());
        view.resize(1000, 600); // a new size ends it too
        QVERIFY(!view.isAnimating());
        checkTokensInTheirNodes(view, f.document.trace(), 1);
        // Playback too fast to follow: no animation, tokens placed.
        f.playback.setSpeed(100);
        f.playback.play();
        QTRY_VERIFY_WITH_TIMEOUT(f.playback.tick() > 1, 2000);
        QVERIFY(!view.isAnimating());
        f.playback.pause();
    }

    // A step moves the process's token along the arrow it took: halfway it is on that arrow, at
    // the end in its new state's node; stepping back takes it back the same way.
    void tokenFollowsTheArrowItTook()
    {
        Fixture f(fifoWorkload());
        StateDiagramView view(&f.playback, &f.viewState);
        view.resize(1280, 720);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const ProcIndex a = 0; // at 1, A blocks for I/O: along "I/O: initiate"
        const QRectF wasRunning = view.tokenRect(a);
        QVERIFY(view.nodeRect(S::Running).contains(wasRunning));
        f.playback.stepForward();
        QVERIFY(view.isAnimating());
        QVERIFY(view.diagramLayout().arrow(T::Block));
        const DiagramArrow arrow = *view.diagramLayout().arrow(T::Block); // the layout may be rebuilt
        const DiagramArrow* block = &arrow;
        QCOMPARE(view.tokenRectAt(a, 0).center(), wasRunning.center());
        QVERIFY(distance(view.tokenRectAt(a, 0.5).center(), block->pointAt(0.5)) < 0.5);
        QVERIFY(view.nodeRect(S::Blocked).contains(view.tokenRectAt(a, 1)));
        QCOMPARE(view.tokenRectAt(a, 1), view.tokenRect(a));
        QTRY_VERIFY_WITH_TIMEOUT(!view.isAnimating(), 2000);
        QCOMPARE(view.tokenRectAt(a, 0.5), view.tokenRect(a)); // at rest: where it rests
        f.playback.stepBack();
        QVERIFY(view.isAnimating());
        QVERIFY(distance(view.tokenRectAt(a, 0.5).center(), block->pointAt(0.5)) < 0.5);
        QVERIFY(distance(view.tokenRectAt(a, 0.1).center(), block->end) <
                distance(view.tokenRectAt(a, 0.1).center(), block->start));
        QVERIFY(view.nodeRect(S::Running).contains(view.tokenRectAt(a, 1)));
    }

    // The book's lifecycle states appear when the trace has them: the zombie lesson's zombies,
    // the demo's exits; a trace with none keeps Figure 4.2's three.
    void lifecycleAppearsWhenTheTraceHasIt()
    {
        {
            Fixture f(zombieLesson());
            StateDiagramView view(&f.playback, &f.viewState);
            view.resize(1280, 720);
            QVERIFY(ui::statesHeld(f.document.trace()).test(std::size_t(S::Zombie)));
            QVERIFY(view.shownStates().test(std::size_t(S::Zombie)));
            QVERIFY(view.shownStates().test(std::size_t(S::Terminated)));
            QVERIFY(!view.shownStates().test(std::size_t(S::Suspended)));
            // Some tick shows a zombie's token in the Zombie node.
            bool zombieSeen = false;
            for (Tick t = 0; t <= f.playback.lastTick() && !zombieSeen; ++t) {
                f.playback.seek(t);
                checkTokensInTheirNodes(view, f.document.trace(), t);
                zombieSeen = view.diagramLayout().node(S::Zombie) &&
                             frameAt(f.document.trace(), t).states.end() !=
                                 std::find(frameAt(f.document.trace(), t).states.begin(),
                                     frameAt(f.document.trace(), t).states.end(), S::Zombie);
            }
            QVERIFY(zombieSeen);
        }
        {
            Fixture f(demoWorkload());
            StateDiagramView view(&f.playback, &f.viewState);
            const StateSet held = ui::statesHeld(f.document.trace());
            StateSet expected = held | DiagramLayout::coreStates();
            if (held.test(std::size_t(S::Terminated)))
                expected.set(std::size_t(S::Zombie)); // the way out is shown whole
            QCOMPARE(
                describeStates(view.shownStates()), describeStates(expected & DiagramLayout::allStates()));
            QVERIFY(!view.shownStates().test(std::size_t(S::Suspended)));
        }
        {
            // Processes that never finish within the trace: only Figure 4.2.
            Trace t;
            const ProcIndex a = t.addProcess(ProcessInfo{0, "A"});
            t.recordState(a, 0, S::New, Cause::Created);
            t.recordState(a, 0, S::Ready, Cause::Admitted);
            t.recordState(a, 1, S::Running, Cause::Dispatched, 0);
            t.recordState(a, 3, S::Blocked, Cause::IoStarted, 0);
            t.setEnd(6, true);
            Document document(std::move(t), QStringLiteral("three states"), QString());
            PlaybackController playback;
            playback.setDocument(&document);
            ViewState viewState;
            StateDiagramView view(&playback, &viewState);
            QCOMPARE(view.shownStates(), DiagramLayout::coreStates());
            view.setFullLifecycle(true);
            QCOMPARE(view.shownStates(), DiagramLayout::allStates());
            view.setFullLifecycle(false);
            QCOMPARE(view.shownStates(), DiagramLayout::coreStates());
            playback.setDocument(nullptr);
        }
    }

    // At the final boundary every process shows its final state: Terminated, or Zombie if never
    // reaped.
    void cursorAtTheEnd()
    {
        for (const Workload& w : {demoWorkload(), zombieLesson(), fifoWorkload()}) {
            Fixture f(w);
            StateDiagramView view(&f.playback, &f.viewState);
            view.resize(1280, 720);
            f.playback.seek(f.playback.lastTick());
            const Trace& trace = f.document.trace();
            QCOMPARE(f.playback.tick(), trace.end());
            checkTokensInTheirNodes(view, trace, trace.end());
            for (ProcIndex p = 0; p < static_cast<ProcIndex>(trace.processCount()); ++p) {
                const QRectF token = view.tokenRect(p);
                const bool done =
                    view.nodeRect(S::Terminated).contains(token) || view.nodeRect(S::Zombie).contains(token);
                QVERIFY2(done || view.overflow(S::Terminated) > 0,
                    qPrintable(QStringLiteral("%1 not finished at the end")
                                   .arg(QString::fromStdString(trace.info(p).name))));
            }
        }
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
        for (const DiagramNode& node : view.diagramLayout().nodes()) {
            // The bottom-left inside corner of every node holds no token: the fill shows.
            const ProcessState s = node.state;
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
        QVERIFY(svgText.contains("Scheduled"));
        const QString pdf = dir.filePath(QStringLiteral("d.pdf"));
        QVERIFY(view.exportTo(pdf));
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QVERIFY(pdfFile.read(5) == "%PDF-");
        QVERIFY(!view.exportTo(dir.filePath(QStringLiteral("missing/d.png"))));
    }

    // Figure 4.2's words by default, the detailed ones as an option, in the widget and its export.
    void wordingOption_data()
    {
        QTest::addColumn<bool>("detailed");
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<QStringList>("absent");
        QTest::newRow("book (default)")
            << false
            << QStringList{QStringLiteral("Scheduled"), QStringLiteral("Descheduled"),
                   QStringLiteral("initiate"), QStringLiteral("done")}
            << QStringList{QStringLiteral("dispatch"), QStringLiteral("preempt")};
        QTest::newRow("detailed") << true
                                  << QStringList{QStringLiteral("dispatch"), QStringLiteral("preempt"),
                                         QStringLiteral("wait"), QStringLiteral("event")}
                                  << QStringList{QStringLiteral("Scheduled"), QStringLiteral("Descheduled")};
    }
    void wordingOption()
    {
        QFETCH(bool, detailed);
        QFETCH(QStringList, words);
        QFETCH(QStringList, absent);
        Fixture f(demoWorkload());
        StateDiagramView view(&f.playback, &f.viewState);
        QCOMPARE(view.arrowWording(), ArrowWording::Book);
        if (detailed)
            view.setArrowWording(ArrowWording::Detailed);
        view.resize(1280, 720);
        f.playback.seek(10);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("d.svg"));
        QVERIFY(view.exportTo(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString svg = QString::fromUtf8(file.readAll());
        for (const QString& w : words)
            QVERIFY2(svg.contains(w), qPrintable(w));
        for (const QString& w : absent)
            QVERIFY2(!svg.contains(w), qPrintable(w));
    }

    // Wrapped labels keep their count, on screen and in the SVG export.
    void countsSurviveWrapping()
    {
        Fixture f(demoWorkload());
        StateDiagramView view(&f.playback, &f.viewState);
        QFont big = view.font();
        big.setPixelSize(24);
        view.setFont(big);
        view.resize(420, 300);
        f.playback.seek(f.playback.lastTick());
        const DiagramLayout& layout = view.diagramLayout();
        QFont labelFont;
        labelFont.setPixelSize(static_cast<int>(std::lround(layout.arrowFontPx())));
        const QFontMetricsF fm(labelFont);
        int wrapped = 0;
        TransitionCounts counts{};
        for (int k = 0; k < kTransitionCount; ++k)
            counts[std::size_t(k)] = view.firedCount(static_cast<Transition>(k));
        for (const DiagramArrow& a : layout.arrows()) {
            const QStringList lines = ui::arrowLabelLines(
                arrowName(a, ArrowWording::Book), arrowCount(a, counts), fm, a.labelWidth);
            wrapped += lines.size() > 1 ? 1 : 0;
            QVERIFY(lines.last().endsWith(arrowCount(a, counts)));
        }
        QVERIFY(wrapped > 0);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("d.svg"));
        QVERIFY(view.exportTo(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString svg = QString::fromUtf8(file.readAll());
        for (const DiagramArrow& a : layout.arrows()) {
            const QString count = arrowCount(a, counts);
            QVERIFY2(svg.contains(QLatin1Char('>') + count + QLatin1Char('<')) ||
                         svg.contains(QLatin1Char(' ') + count + QLatin1Char('<')),
                qPrintable(arrowLabel(a, counts, ArrowWording::Book)));
        }
    }

    // Presentation mode makes the application's type larger; the diagram's text follows it.
    void followsTheApplicationFont()
    {
        Fixture f(demoWorkload());
        StateDiagramView view(&f.playback, &f.viewState);
        view.resize(520, 330);
        QFont normal = view.font();
        normal.setPixelSize(13);
        view.setFont(normal);
        const qreal arrow = view.diagramLayout().arrowFontPx();
        const qreal node = view.diagramLayout().nodeFontPx();
        QFont large = normal;
        large.setPixelSize(20);
        view.setFont(large);
        QVERIFY(view.diagramLayout().arrowFontPx() > arrow * 1.3);
        QVERIFY(view.diagramLayout().nodeFontPx() > node * 1.1);
        QVERIFY(view.diagramLayout().tokenFontPx() >= 20);
    }

    // Tokens carry no hue (every hue means a state); the selected one has a thick dark outline.
    void tokensAreNeutral()
    {
        Fixture f(demoWorkload());
        StateDiagramView view(&f.playback, &f.viewState);
        view.resize(1280, 720);
        f.playback.seek(6);
        const QImage image = view.grab().toImage();
        int tokens = 0;
        for (ProcIndex p = 0; p < static_cast<ProcIndex>(f.document.trace().processCount()); ++p) {
            const QRectF r = view.tokenRect(p);
            if (r.isEmpty())
                continue;
            ++tokens;
            const QRect inside =
                r.adjusted(r.height() * 0.3, r.height() * 0.2, -r.height() * 0.3, -r.height() * 0.2)
                    .toAlignedRect()
                    .intersected(image.rect());
            for (int y = inside.top(); y <= inside.bottom(); ++y)
                for (int x = inside.left(); x <= inside.right(); ++x) {
                    const QColor c = image.pixelColor(x, y);
                    QVERIFY2(c.hsvSaturation() < 40 || c.valueF() < 0.25,
                        qPrintable(QStringLiteral("process %1 has a hue at %2,%3: %4")
                                       .arg(p)
                                       .arg(x)
                                       .arg(y)
                                       .arg(c.name())));
                }
        }
        QVERIFY(tokens >= 3);
        // Selecting a token thickens its outline: more dark pixels along its top edge.
        ProcIndex shown = 0;
        while (view.tokenRect(shown).isEmpty())
            ++shown;
        const QRectF r = view.tokenRect(shown);
        auto darkAtEdge = [&](const QImage& img) {
            int dark = 0;
            for (int y = static_cast<int>(r.top()); y < static_cast<int>(r.top() + r.height() * 0.2); ++y)
                for (int x = static_cast<int>(r.center().x() - 5); x < static_cast<int>(r.center().x() + 5);
                     ++x)
                    dark += img.pixelColor(x, y).valueF() < 0.2 ? 1 : 0;
            return dark;
        };
        const int before = darkAtEdge(image);
        f.viewState.setSelectedProcess(shown);
        QCOMPARE(view.tokenRect(shown), r);
        QVERIFY(darkAtEdge(view.grab().toImage()) > before * 2);
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
