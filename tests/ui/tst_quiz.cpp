// Predict, then reveal: the quiz scores predictions against the trace, hides the future until a
// reveal, asks every kind of question on any workload up to the final boundary, follows a trace
// that changes under it, and the panel plays along by mouse and by keyboard alone, readable when
// small, its answers never changed by the wheel.
#include "core/trace/cursor.h"
#include "tests/core/sim_helpers.h"
#include "ui/playback/view_state.h"
#include "ui/quiz/quiz.h"
#include "ui/quiz/quiz_panel.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpontaneKeyEvent>
#include <QTest>
#include <QWheelEvent>

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
    void reachesTheFinalBoundary();
    void followsAChangedTrace();
    void panelPlaysAlong();
    void panelAtTheEnd();
    void panelByKeyboardAlone();
    void panelWheelScrollsNeverAnswers();
    void panelReadableWhenSmall_data();
    void panelReadableWhenSmall();
    void panelFollowsTheApplicationFont();
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

// Twelve jobs at once: more answer boxes than a small panel shows.
std::unique_ptr<Simulator> twelve()
{
    std::vector<std::pair<Tick, Tick>> jobs;
    for (int i = 0; i < 12; ++i)
        jobs.emplace_back(0, 3 + i);
    Workload w = testing::cpuJobs(jobs, PolicyKind::RoundRobin, 2);
    if (const std::string problem = normalize(w); !problem.empty())
        qFatal("bad test workload: %s", problem.c_str());
    auto sim = std::make_unique<Simulator>(w);
    sim->run();
    return sim;
}

// A key as a person types it: to the widget that has the keyboard.
void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget* target = QApplication::focusWidget();
    QVERIFY2(target, "nothing has the keyboard");
    QTest::keyClick(target, key, modifiers);
}

// The mouse wheel over a widget, one notch down, as the window system delivers it.
void wheelDown(QWidget* widget)
{
    const QPoint at = widget->rect().center();
    QWheelEvent event(QPointF(at), QPointF(widget->mapToGlobal(at)), QPoint(), QPoint(0, -120), Qt::NoButton,
        Qt::NoModifier, Qt::NoScrollPhase, false);
    // As from the window system (sendEvent would make it synthetic): unhandled, it goes to the parent.
    QSpontaneKeyEvent::setSpontaneous(&event);
    qApp->notify(widget, &event);
}

// The application font for one test, as presentation mode sets it; restored however the test ends.
class ApplicationFont {
public:
    explicit ApplicationFont(double scale)
        : m_normal(QApplication::font())
    {
        QFont font = m_normal;
        if (scale > 1) // as PresentationMode sets it
            font.setPointSizeF(std::max(16.0, m_normal.pointSizeF() * scale));
        QApplication::setFont(font);
        QApplication::processEvents(); // the change reaches the widgets through the event loop
    }
    ~ApplicationFont()
    {
        QApplication::setFont(m_normal);
        QApplication::processEvents();
    }
    ApplicationFont(const ApplicationFont&) = delete;
    ApplicationFont& operator=(const ApplicationFont&) = delete;

private:
    QFont m_normal;
};

// Whether a widget is shown whole inside the panel (not clipped by it or by a scroll area).
bool shownWhole(QWidget* widget, QWidget* panel)
{
    if (!widget->isVisible())
        return false;
    const QRect rect(widget->mapTo(panel, QPoint(0, 0)), widget->size());
    return panel->rect().contains(rect);
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
            // The next event, or the final boundary where the last processes exit.
            QCOMPARE(q.at, nextEventAfter(trace, q.from).value_or(trace.end()));
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

void TestQuiz::reachesTheFinalBoundary()
{
    using S = ProcessState;
    const auto sim = known();
    const Trace& trace = sim->trace();
    const Tick end = trace.end();
    QCOMPARE(end, Tick(7)); // B exits at 7
    // A quiz starts where the playback's cursor can be: 0 to the end, the final boundary.
    QCOMPARE(Quiz(trace, end).position(), end);
    QCOMPARE(Quiz(trace, end + 50).position(), end);
    QCOMPARE(Quiz(trace, -3).position(), Tick(0));
    Quiz quiz(trace);
    quiz.restart(end + 50);
    QCOMPARE(quiz.position(), end);
    QVERIFY(!quiz.canAsk(QuestionKind::NextState));
    // What the quiz reveals is what the views draw with the future hidden at its position.
    ViewState view;
    view.setShowFuture(false);
    for (Tick t = 0; t <= end; ++t)
        QCOMPARE(Quiz(trace, t).revealedUntil(), view.shownEnd(trace, t));

    // The last question is about the final boundary: B exits there, and is reaped.
    quiz.restart(6);
    QVERIFY(!nextEventAfter(trace, 6)); // the cursor's events end before the boundary
    QVERIFY(quiz.canAsk(QuestionKind::NextState));
    QVERIFY(quiz.ask(QuestionKind::NextState));
    QCOMPARE(quiz.question().at, end);
    QCOMPARE(quiz.question().processes, std::vector<ProcIndex>{1});
    QCOMPARE(quiz.correctAnswer().states, std::vector<S>{S::Terminated});
    QVERIFY(quiz.reveal(states({S::Terminated})).correct);
    QCOMPARE(quiz.position(), end);
    QCOMPARE(quiz.revealedUntil(), end);
    QVERIFY(!quiz.canAsk(QuestionKind::NextRunning));
    QVERIFY(quiz.ask(QuestionKind::FinalMetric));
}

// A command replaces the future under the quiz: it asks its open question again, about the new
// future, and keeps its score; a revealed question stays as it was.
void TestQuiz::followsAChangedTrace()
{
    const auto sim = known();
    const Trace& trace = sim->trace();
    Quiz quiz(trace);
    QVERIFY(quiz.ask(QuestionKind::FinalMetric));
    quiz.reveal(quiz.correctAnswer()); // scored, the position stays at 0
    QVERIFY(quiz.ask(QuestionKind::NextState));
    QCOMPARE(quiz.question().at, Tick(3)); // A exits
    QSignalSpy asked(&quiz, &Quiz::questionChanged);

    Command kill;
    kill.at = 1;
    kill.kind = Command::Kind::Kill;
    kill.pid = 0;
    sim->apply(kill);
    sim->run();
    quiz.traceChanged();
    QCOMPARE(asked.count(), 1);
    QCOMPARE(quiz.position(), Tick(0));
    QCOMPARE(quiz.summary().asked, 1);
    QVERIFY(quiz.hasQuestion());
    const QuizQuestion& q = quiz.question();
    QCOMPARE(q.kind, QuestionKind::NextState);
    QCOMPARE(q.at, Tick(1)); // the kill
    QCOMPARE(q.at, *nextEventAfter(trace, 0));
    const QuizAnswer right = quiz.correctAnswer();
    QCOMPARE(right.states.size(), q.processes.size());
    const Frame frame = frameAt(trace, q.at);
    for (std::size_t i = 0; i < q.processes.size(); ++i)
        QCOMPARE(right.states[i], *frame.states[static_cast<std::size_t>(q.processes[i])]);

    quiz.reveal(right);
    asked.clear();
    quiz.traceChanged();
    QCOMPARE(asked.count(), 0);
    QVERIFY(quiz.isRevealed());
    QCOMPARE(quiz.summary().asked, 2);
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
    QApplication::processEvents(); // the header is laid out again for the longer score
    QVERIFY(panel.scoreLabel()->width() >= panel.scoreLabel()->sizeHint().width());

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

// Every control reached by Tab, answers changed by arrow keys, Return reveals, Return or N asks
// the next question: the keyboard alone plays the quiz.
void TestQuiz::panelByKeyboardAlone()
{
    using S = ProcessState;
    const auto sim = known();
    Quiz quiz(sim->trace());
    QuizPanel panel(&quiz);
    panel.resize(1000, 420);
    panel.show();
    panel.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&panel));
    panel.focusAnswer();
    QCOMPARE(QApplication::focusWidget(), panel.stateChoice(0));

    // A: Running -> Terminated, four down; B: Ready -> Running, one down.
    for (int i = 0; i < 4; ++i)
        press(Qt::Key_Down);
    press(Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), panel.stateChoice(1));
    press(Qt::Key_Down);
    QCOMPARE(panel.currentAnswer().states, (std::vector<S>{S::Terminated, S::Running}));
    // Tab reaches every control of the panel (Next is off until the reveal).
    const std::vector<QWidget*> order{panel.revealButton(), panel.endButton(), panel.modeChoice()};
    for (QWidget* expected : order) {
        press(Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), expected);
    }
    for (int i = 0; i < 3; ++i)
        press(Qt::Key_Backtab);
    QCOMPARE(QApplication::focusWidget(), panel.stateChoice(1));
    QCOMPARE(quiz.summary().asked, 0); // nothing so far has answered

    press(Qt::Key_Return);
    QVERIFY(quiz.isRevealed());
    QVERIFY(quiz.lastFeedback().correct);
    QCOMPARE(QApplication::focusWidget(), panel.nextButton());
    press(Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), panel.endButton()); // the boxes are done with
    press(Qt::Key_Backtab);

    // Return asks the next question, and the first answer has the keyboard again.
    press(Qt::Key_Return);
    QCOMPARE(quiz.question().kind, QuestionKind::NextRunning);
    QVERIFY(!quiz.isRevealed());
    QCOMPARE(QApplication::focusWidget(), panel.cpuChoice(0));
    press(Qt::Key_N); // before the reveal N asks nothing
    QCOMPARE(quiz.question().kind, QuestionKind::NextRunning);
    press(Qt::Key_Return);
    QVERIFY(quiz.isRevealed());
    QVERIFY(!quiz.lastFeedback().correct); // B stays, but the CPU goes idle

    // N asks the next question too; a number is typed.
    press(Qt::Key_N);
    QCOMPARE(quiz.question().kind, QuestionKind::FinalMetric);
    QCOMPARE(QApplication::focusWidget(), panel.numberInput());
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("5"));
    QCOMPARE(panel.numberInput()->value(), 5.0);
    press(Qt::Key_Enter, Qt::KeypadModifier);
    QVERIFY(quiz.isRevealed());
    QVERIFY(quiz.lastFeedback().correct);
    QVERIFY(panel.scoreLabel()->text().contains(QStringLiteral("Score 2 / 3")));

    // End quiz is a button like the others: Return on it asks to end.
    QSignalSpy end(&panel, &QuizPanel::endRequested);
    press(Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), panel.endButton());
    press(Qt::Key_Return);
    QCOMPARE(end.count(), 1);
}

// The wheel over an answer box, the number or the "Ask about" box scrolls the panel; it never
// changes an answer or the question.
void TestQuiz::panelWheelScrollsNeverAnswers()
{
    const auto sim = twelve();
    Quiz quiz(sim->trace());
    QuizPanel panel(&quiz);
    panel.resize(440, 150);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QCOMPARE(quiz.question().processes.size(), std::size_t(12));
    QScrollBar* bar = panel.scrollArea()->verticalScrollBar();
    QVERIFY2(bar->maximum() > 0, "the answers fit: nothing to scroll");

    const QuizAnswer before = panel.currentAnswer();
    QComboBox* box = panel.stateChoice(0);
    wheelDown(box);
    QCOMPARE(panel.currentAnswer().states, before.states);
    QVERIFY(bar->value() > 0);
    // With the keyboard on it too.
    box->setFocus();
    const int scrolled = bar->value();
    wheelDown(box);
    QCOMPARE(panel.currentAnswer().states, before.states);
    QVERIFY(bar->value() > scrolled || bar->value() == bar->maximum());

    const int mode = panel.modeChoice()->currentIndex();
    const QString question = panel.questionLabel()->text();
    wheelDown(panel.modeChoice());
    QCOMPARE(panel.modeChoice()->currentIndex(), mode);
    QCOMPARE(panel.questionLabel()->text(), question);

    panel.setMode(QuizPanel::Mode::Metrics);
    panel.nextQuestion();
    QVERIFY(panel.numberInput());
    panel.numberInput()->setValue(7.0);
    wheelDown(panel.numberInput());
    QCOMPARE(panel.numberInput()->value(), 7.0);
}

void TestQuiz::panelReadableWhenSmall_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("fontScale");
    QTest::newRow("docked small") << QSize(440, 150) << 1.0;
    QTest::newRow("full width, short") << QSize(1280, 180) << 1.0;
    QTest::newRow("presentation, 1024 wide") << QSize(1024, 230) << 1.5;
    QTest::newRow("presentation, docked small") << QSize(640, 200) << 1.5;
}

// Docked small the question wraps, the answers scroll inside the panel and the buttons stay whole;
// a wide panel puts several answers on a row.
void TestQuiz::panelReadableWhenSmall()
{
    QFETCH(QSize, size);
    QFETCH(double, fontScale);
    const ApplicationFont font(fontScale);
    const auto sim = twelve();
    Quiz quiz(sim->trace());
    QuizPanel panel(&quiz);
    panel.resize(size);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QCOMPARE(panel.size(), size);

    for (QWidget* button : {panel.revealButton(), panel.nextButton(), panel.endButton()})
        QVERIFY2(shownWhole(button, &panel), qPrintable(qobject_cast<QPushButton*>(button)->text()));
    QVERIFY(shownWhole(panel.modeChoice(), &panel));
    QVERIFY(panel.scoreLabel()->width() >= panel.scoreLabel()->sizeHint().width());
    // The question wraps within the visible width, every line of it laid out.
    QWidget* viewport = panel.scrollArea()->viewport();
    QLabel* question = panel.questionLabel();
    QVERIFY(question->wordWrap());
    QVERIFY(question->mapTo(viewport, QPoint(question->width(), 0)).x() <= viewport->width());
    QVERIFY(question->height() >= question->heightForWidth(question->width()));
    // Every box is as wide as it wants, inside the visible width; scrolling brings each into view.
    for (QWidget* input : panel.answerInputs()) {
        QVERIFY(input->width() >= input->minimumSizeHint().width());
        QVERIFY(input->mapTo(viewport, QPoint(input->width(), 0)).x() <= viewport->width());
        panel.scrollArea()->ensureWidgetVisible(input);
        QVERIFY(viewport->rect().contains(QRect(input->mapTo(viewport, QPoint(0, 0)), input->size())));
    }
    if (size.width() >= 1000)
        QVERIFY2(panel.answerColumns() >= 2, qPrintable(QString::number(panel.answerColumns())));
    if (const QString dir = qEnvironmentVariable("PROCSCOPE_SCREENSHOT_DIR"); !dir.isEmpty())
        panel.grab().save(
            dir +
            QStringLiteral("/quiz-panel-%1x%2-%3.png").arg(size.width()).arg(size.height()).arg(fontScale));
}

// Presentation mode enlarges the application font: the panel's type grows with it.
void TestQuiz::panelFollowsTheApplicationFont()
{
    const auto sim = known();
    Quiz quiz(sim->trace());
    QuizPanel panel(&quiz);
    const double question = panel.questionLabel()->font().pointSizeF();
    const double answers = panel.stateChoice(0)->font().pointSizeF();
    QVERIFY(answers >= 13.0); // readable from the back of a room
    QVERIFY(question > answers);
    {
        const ApplicationFont presentation(1.5);
        QVERIFY2(panel.questionLabel()->font().pointSizeF() >= question * 1.2,
            qPrintable(QString::number(panel.questionLabel()->font().pointSizeF())));
        QVERIFY(panel.stateChoice(0)->font().pointSizeF() >= answers * 1.2);
    }
    QCOMPARE(panel.questionLabel()->font().pointSizeF(), question);
}

QTEST_MAIN(TestQuiz)
#include "tst_quiz.moc"
