// Predict, then reveal: the quiz scores predictions against the trace, hides the future until a
// reveal, asks every kind of question on any workload, and the panel drives it like a student.
#include "core/trace/cursor.h"
#include "tests/core/sim_helpers.h"
#include "ui/quiz/quiz.h"
#include "ui/quiz/quiz_panel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace procscope;
using namespace procscope::ui;

Q_DECLARE_METATYPE(procscope::Workload)

class TestQuiz : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void scoringOnKnownWorkload();
    void futureHiddenUntilReveal();
    void questionsForEveryKind_data();
    void questionsForEveryKind();
    void revealedTraceHidesTheFuture();
    void panelPlaysAlong();
    void panelAtTheEnd();
};

namespace {

// FIFO, one CPU: A computes 3 ticks; B computes 1, does 2 ticks of I/O, computes 1.
std::unique_ptr<Simulator> known()
{
    using testing::Job;
    Workload w = testing::makeWorkload(
        {Job{0, {Op::cpu(3)}}, Job{0, {Op::cpu(1), Op::io(2), Op::cpu(1)}}}, PolicyKind::Fifo);
    if (const std::string problem = normalize(w); !problem.empty())
        qFatal("bad test workload: %s", problem.c_str());
    auto sim = std::make_unique<Simulator>(w);
    sim->run();
    return sim;
}

QuizAnswer states(std::vector<ProcessState> s)
{
    QuizAnswer a;
    a.states = std::move(s);
    return a;
}

QuizAnswer cpus(std::vector<ProcIndex> c)
{
    QuizAnswer a;
    a.cpus = std::move(c);
    return a;
}

QuizAnswer number(double v)
{
    QuizAnswer a;
    a.number = v;
    return a;
}

} // namespace

void TestQuiz::scoringOnKnownWorkload()
{
    const auto sim = known();
    const Trace& trace = sim->trace();
    QVERIFY(trace.finished());
    Quiz quiz(trace);
    using S = ProcessState;

    // Tick 0: A runs, B waits. The next event is A's exit at 3: init reaps A in the same tick.
    QVERIFY(quiz.ask(QuestionKind::NextState));
    QCOMPARE(quiz.question().at, Tick(3));
    QCOMPARE(quiz.question().processes, (std::vector<ProcIndex>{0, 1}));
    QCOMPARE(quiz.question().current, (std::vector<std::optional<S>>{S::Running, S::Ready}));
    QuizFeedback f = quiz.reveal(states({S::Terminated, S::Running}));
    QVERIFY(f.correct);
    QCOMPARE(f.rightAnswer, (QStringList{QStringLiteral("A: Terminated"), QStringLiteral("B: Running")}));
    QVERIFY2(f.reasons.join(QStringLiteral("\n")).contains(QStringLiteral("FIFO")),
        qPrintable(f.reasons.join(QStringLiteral("\n"))));
    QCOMPARE(quiz.position(), Tick(3));

    // Tick 3: B runs one tick, then starts its I/O: the CPU is idle at 4, not B.
    QVERIFY(quiz.ask(QuestionKind::NextRunning));
    QCOMPARE(quiz.question().at, Tick(4));
    QCOMPARE(quiz.question().currentCpus, std::vector<ProcIndex>{1});
    f = quiz.reveal(cpus({1}));
    QVERIFY(!f.correct);
    QCOMPARE(f.rightAnswer, QStringList{QStringLiteral("CPU 0: idle")});
    QVERIFY2(f.reasons.join(QStringLiteral("\n")).contains(QStringLiteral("starts I/O on disk")),
        qPrintable(f.reasons.join(QStringLiteral("\n"))));

    // Tick 4: B is Blocked; at 6 its I/O is done and, the CPU being free, it runs at once.
    QVERIFY(quiz.ask(QuestionKind::NextState));
    QCOMPARE(quiz.question().at, Tick(6));
    QCOMPARE(quiz.question().processes, std::vector<ProcIndex>{1}); // A is gone
    f = quiz.reveal(states({S::Ready}));
    QVERIFY(!f.correct);
    QCOMPARE(f.rightAnswer, QStringList{QStringLiteral("B: Running")});
    // The reasons name processes as the boxes and the Gantt rows do ("B", not "P1").
    QVERIFY2(f.reasons.contains(QStringLiteral("CPU 0: FIFO: B is the only ready process")),
        qPrintable(f.reasons.join(QStringLiteral("\n"))));
    QVERIFY2(f.reasons.join(QStringLiteral("\n")).contains(QStringLiteral("I/O on disk done")),
        qPrintable(f.reasons.join(QStringLiteral("\n"))));

    // Metrics at the end: turnarounds 3 and 7, average 5; A's response 0.
    QVERIFY(quiz.ask(QuestionKind::FinalMetric));
    QCOMPARE(quiz.question().metric, QuizMetric::AvgTurnaround);
    f = quiz.reveal(number(5.0));
    QVERIFY(f.correct);
    QCOMPARE(f.rightAnswer, QStringList{QStringLiteral("5.0")});
    QVERIFY2(f.reasons.front().contains(QStringLiteral("(3 + 7) / 2 = 5.0")), qPrintable(f.reasons.front()));
    QVERIFY(quiz.ask(QuestionKind::FinalMetric));
    QCOMPARE(quiz.question().metric, QuizMetric::Response);
    QCOMPARE(quiz.question().process, ProcIndex(0));
    f = quiz.reveal(number(1.0));
    QVERIFY(!f.correct);
    QCOMPARE(f.rightAnswer, QStringList{QStringLiteral("0")});
    // Revealing again neither rescores nor recounts.
    QVERIFY(!quiz.reveal(number(0.0)).correct);

    QuizSummary expected;
    expected.asked = 5;
    expected.correct = 2;
    expected.askedByKind = {2, 1, 2};
    expected.correctByKind = {1, 0, 1};
    QCOMPARE(quiz.summary(), expected);

    // Number answers to one decimal place count.
    QVERIFY(quiz.ask(QuestionKind::FinalMetric));
    QCOMPARE(quiz.question().metric, QuizMetric::AvgResponse);
    QVERIFY(quiz.reveal(number(quiz.correctAnswer().number + 0.04)).correct);
}

void TestQuiz::futureHiddenUntilReveal()
{
    const auto sim = known();
    Quiz quiz(sim->trace());
    QSignalSpy until(&quiz, &Quiz::revealedUntilChanged);
    QSignalSpy position(&quiz, &Quiz::positionChanged);
    QCOMPARE(quiz.revealedUntil(), Tick(1));

    QVERIFY(quiz.ask(QuestionKind::NextState));
    QVERIFY(quiz.ask(QuestionKind::NextRunning)); // asking again replaces, reveals nothing
    QCOMPARE(quiz.revealedUntil(), Tick(1));
    QCOMPARE(until.count(), 0);
    QCOMPARE(quiz.summary().asked, 0);

    quiz.reveal(quiz.correctAnswer());
    QCOMPARE(quiz.revealedUntil(), Tick(4));
    QCOMPARE(until.count(), 1);
    QCOMPARE(until.last().at(0).value<Tick>(), Tick(4));
    QCOMPARE(position.last().at(0).value<Tick>(), Tick(3));

    // A metric question reveals a number, not the timeline.
    QVERIFY(quiz.ask(QuestionKind::FinalMetric));
    quiz.reveal(quiz.correctAnswer());
    QCOMPARE(quiz.revealedUntil(), Tick(4));
    QCOMPARE(until.count(), 1);

    QVERIFY(quiz.skipToNextEvent());
    QCOMPARE(quiz.position(), Tick(4));
    QCOMPARE(quiz.revealedUntil(), Tick(5));
    QCOMPARE(quiz.summary().asked, 2);

    quiz.restart();
    QCOMPARE(quiz.revealedUntil(), Tick(1));
    QCOMPARE(quiz.summary(), QuizSummary{});
}

void TestQuiz::questionsForEveryKind_data()
{
    using testing::Job;
    QTest::addColumn<Workload>("workload");
    Workload rr =
        testing::makeWorkload({Job{0, {Op::cpu(6)}}, Job{0, {Op::cpu(4), Op::io(3), Op::cpu(3)}},
                                  Job{1, {Op::cpu(5)}}, Job{2, {Op::cpu(2), Op::io(4), Op::cpu(2)}}},
            PolicyKind::RoundRobin, 2, 2);
    rr.machine.contextSwitch = 1;
    QTest::newRow("rr, 2 cpus, switch cost") << rr;
    Workload mlfq = testing::makeWorkload(
        {Job{0, {Op::cpu(30)}}, Job{5, {Op::cpu(3), Op::io(5), Op::cpu(3), Op::io(5), Op::cpu(3)}}},
        PolicyKind::Mlfq);
    mlfq.policy.boostPeriod = 20;
    QTest::newRow("mlfq with boost") << mlfq;
    QTest::newRow("stcf") << testing::cpuJobs({{0, 100}, {10, 10}, {10, 10}}, PolicyKind::Stcf);
}

// Walks a whole run, each kind in turn, answering right: every question is consistent with the
// frame at its tick, right answers score, and the metrics are those of computeMetrics.
void TestQuiz::questionsForEveryKind()
{
    QFETCH(Workload, workload);
    QVERIFY(normalize(workload).empty());
    Simulator sim(workload);
    sim.run();
    const Trace& trace = sim.trace();
    const Metrics metrics = computeMetrics(trace);
    Quiz quiz(trace);
    int steps = 0;
    std::array<int, kQuestionKindCount> seen{};
    for (int turn = 0; quiz.canAsk(QuestionKind::NextState); ++turn) {
        const auto kind = static_cast<QuestionKind>(turn % 3);
        QVERIFY(quiz.ask(kind));
        ++seen[static_cast<std::size_t>(kind)];
        const QuizQuestion q = quiz.question();
        QVERIFY(!q.text.isEmpty());
        const QuizAnswer right = quiz.correctAnswer();
        if (kind != QuestionKind::FinalMetric) {
            QCOMPARE(q.at, *nextEventAfter(trace, q.from));
            const Frame frame = frameAt(trace, q.at);
            if (kind == QuestionKind::NextState) {
                QCOMPARE(right.states.size(), q.processes.size());
                for (std::size_t i = 0; i < q.processes.size(); ++i)
                    QCOMPARE(right.states[i], *frame.states[static_cast<std::size_t>(q.processes[i])]);
            } else {
                QCOMPARE(static_cast<int>(right.cpus.size()), trace.cpuCount());
                for (int c = 0; c < trace.cpuCount(); ++c)
                    if (frame.running[static_cast<std::size_t>(c)] != kCpuSwitch)
                        QCOMPARE(right.cpus[static_cast<std::size_t>(c)],
                            std::max<ProcIndex>(-1, frame.running[static_cast<std::size_t>(c)]));
            }
        } else if (q.metric == QuizMetric::AvgTurnaround) {
            QCOMPARE(right.number, metrics.avgTurnaround);
        } else if (q.metric == QuizMetric::Response) {
            QCOMPARE(right.number, double(metrics.processes[static_cast<std::size_t>(q.process)].response));
        }
        const QuizFeedback f = quiz.reveal(right);
        QVERIFY(f.correct);
        QVERIFY(!f.reasons.isEmpty());
        QVERIFY(!f.rightAnswer.isEmpty());
        QVERIFY(quiz.revealedUntil() <= trace.end());
        ++steps;
        QVERIFY(steps < 10000);
    }
    QVERIFY(seen[0] > 0 && seen[1] > 0 && seen[2] > 0);
    QCOMPARE(quiz.summary().asked, steps);
    QCOMPARE(quiz.summary().correct, steps);
    QVERIFY(!quiz.ask(QuestionKind::NextRunning));
    QVERIFY(quiz.ask(QuestionKind::FinalMetric));
}

void TestQuiz::revealedTraceHidesTheFuture()
{
    const auto sim = known();
    const Trace& trace = sim->trace();
    const Trace past = revealedTrace(trace, 4);
    QCOMPARE(past.end(), Tick(4));
    QVERIFY(!past.finished());
    QCOMPARE(past.processCount(), trace.processCount());
    for (Tick t = 0; t < 4; ++t) {
        QCOMPARE(frameAt(past, t).states, frameAt(trace, t).states);
        QCOMPARE(frameAt(past, t).running, frameAt(trace, t).running);
    }
    QVERIFY(!nextEventAfter(past, 3));
    QCOMPARE(revealedTrace(trace, 1000).end(), trace.end());
}

void TestQuiz::panelPlaysAlong()
{
    const auto sim = known();
    Quiz quiz(sim->trace());
    QuizPanel panel(&quiz);
    panel.resize(900, 640);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));

    // Mixed mode starts with "what happens next"; the boxes start at the current states.
    QCOMPARE(quiz.question().kind, QuestionKind::NextState);
    QVERIFY(panel.stateChoice(0) && panel.stateChoice(1) && !panel.stateChoice(2));
    QCOMPARE(panel.stateChoice(0)->currentText(), QStringLiteral("Running"));
    panel.stateChoice(0)->setCurrentIndex(panel.stateChoice(0)->findText(QStringLiteral("Terminated")));
    panel.stateChoice(1)->setCurrentIndex(panel.stateChoice(1)->findText(QStringLiteral("Running")));
    QVERIFY(!panel.nextButton()->isEnabled());
    if (const QString dir = qEnvironmentVariable("PROCSCOPE_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(panel.grab().save(dir + QStringLiteral("/h-compare-quiz-states.png")));
    QTest::mouseClick(panel.revealButton(), Qt::LeftButton);
    QVERIFY(panel.feedbackLabel()->text().contains(QStringLiteral("Correct")));
    QVERIFY(panel.scoreLabel()->text().contains(QStringLiteral("Score 1 / 1")));
    QVERIFY(!panel.revealButton()->isEnabled());

    // Then "who runs next": keep B (wrong, the CPU goes idle).
    QTest::mouseClick(panel.nextButton(), Qt::LeftButton);
    QCOMPARE(quiz.question().kind, QuestionKind::NextRunning);
    QVERIFY(panel.cpuChoice(0));
    QCOMPARE(panel.cpuChoice(0)->currentText(), QStringLiteral("B"));
    QTest::mouseClick(panel.revealButton(), Qt::LeftButton);
    QVERIFY(panel.feedbackLabel()->text().contains(QStringLiteral("Not quite")));
    QVERIFY(panel.feedbackLabel()->text().contains(QStringLiteral("you said B")));
    QVERIFY(panel.scoreLabel()->text().contains(QStringLiteral("Score 1 / 2")));

    // Then a metric.
    QTest::mouseClick(panel.nextButton(), Qt::LeftButton);
    QCOMPARE(quiz.question().kind, QuestionKind::FinalMetric);
    QVERIFY(panel.numberInput());
    panel.numberInput()->setValue(5.0);
    const QString path = qEnvironmentVariable("PROCSCOPE_SCREENSHOT_DIR");
    if (!path.isEmpty())
        QVERIFY(panel.grab().save(path + QStringLiteral("/h-compare-quiz-question.png")));
    panel.reveal();
    QVERIFY(panel.scoreLabel()->text().contains(QStringLiteral("Score 2 / 3")));

    // One kind only.
    panel.setMode(QuizPanel::Mode::Running);
    panel.nextQuestion();
    QCOMPARE(quiz.question().kind, QuestionKind::NextRunning);
    panel.setMode(QuizPanel::Mode::States);
    panel.nextQuestion();
    QCOMPARE(quiz.question().kind, QuestionKind::NextState);
    panel.stateChoice(0)->setCurrentIndex(panel.stateChoice(0)->findText(QStringLiteral("Ready")));
    panel.reveal();
    if (!path.isEmpty())
        QVERIFY(panel.grab().save(path + QStringLiteral("/h-compare-quiz-feedback.png")));
    QCOMPARE(quiz.summary().asked, 4);
}

void TestQuiz::panelAtTheEnd()
{
    const auto sim = known();
    Quiz quiz(sim->trace(), sim->trace().end());
    QuizPanel panel(&quiz);
    panel.setMode(QuizPanel::Mode::States);
    panel.nextQuestion();
    QVERIFY(panel.questionLabel()->text().contains(QStringLiteral("over")));
    QVERIFY(!panel.revealButton()->isEnabled());
    panel.setMode(QuizPanel::Mode::Metrics);
    panel.nextQuestion();
    QCOMPARE(quiz.question().kind, QuestionKind::FinalMetric);
}

QTEST_MAIN(TestQuiz)
#include "tst_quiz.moc"
