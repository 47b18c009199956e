// Predict, then reveal in the real main window, driven as a teacher does: Ctrl+P, answers by
// arrow keys and Tab, Return to reveal and to ask the next question, Reveal by mouse too; the views
// stay in the revealed past (the cursor held at the quiz's position, the future not drawn) and get
// everything back when the quiz ends (Ctrl+P, End quiz, closing its panel, opening another file);
// in presentation mode Ctrl+P still works and the panel is whole at 1280x720 and 1024x768.
#include "app/gui/main_window.h"
#include "app/gui/presentation_mode.h"
#include "core/trace/cursor.h"
#include "ui/gantt/gantt_view.h"
#include "ui/quiz/quiz.h"
#include "ui/quiz/quiz_panel.h"
#include "ui/quiz/quiz_session.h"
#include "ui/style/state_colors.h"

#include "ui/style/custom_plot.h"
#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

using namespace procscope;

class TestQuizWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void twentyQuestionsByKeyboard_data();
    void twentyQuestionsByKeyboard();
    void revealByMouse();
    void endingGivesTheViewsBack_data();
    void endingGivesTheViewsBack();
    void futureStaysHiddenWhileTheQuizRuns();
    void anotherFileEndsTheQuiz();
    void closingThePanelEndsTheQuiz();
    void presentationDuringTheQuiz();
    void presentationThenCtrlP_data();
    void presentationThenCtrlP();

private:
    static QString lesson(const char* name)
    {
        return QStringLiteral(PROCSCOPE_TEST_DATA "/../../traces/") + QLatin1String(name);
    }
    ui::QuizSession* session() const { return m_window->quiz(); }
    ui::QuizPanel* panel() const { return session()->panel(); }
    QAction* quizAction() const;
    void ctrlP();
    void checkHeld(const char* where);
    void checkGanttHidesTheFuture();

    std::unique_ptr<MainWindow> m_window;
};

namespace {

// A key as a person types it: to the widget that has the keyboard, or to the window.
void press(QWidget* window, Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget* target = QApplication::focusWidget();
    QTest::keyClick(target ? target : window, key, modifiers);
}

// Pixels of a state's bar (either palette) in a small square around a point of the Gantt chart.
int statePixels(const QImage& image, QPoint at)
{
    int count = 0;
    for (int dy = -2; dy <= 2; ++dy)
        for (int dx = -2; dx <= 2; ++dx) {
            const QPoint p = at + QPoint(dx, dy);
            if (!image.rect().contains(p))
                continue;
            const QRgb px = image.pixel(p) | 0xFF000000u;
            for (const ui::Palette palette : {ui::Palette::Standard, ui::Palette::HighContrast})
                for (const ProcessState s :
                    {ProcessState::Running, ProcessState::Ready, ProcessState::Blocked})
                    count += px == (ui::stateColor(s, palette).rgb() | 0xFF000000u);
        }
    return count;
}

} // namespace

void TestQuizWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings (recent files, layout) in a scratch place
}

void TestQuizWindow::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->setQuiet(true);
    m_window->resize(1280, 720);
    QVERIFY(m_window->openFile(lesson("demo.json")));
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestQuizWindow::cleanup()
{
    m_window.reset();
}

QAction* TestQuizWindow::quizAction() const
{
    for (QAction* action : m_window->actions())
        if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_P))
            return action;
    return nullptr;
}

void TestQuizWindow::ctrlP()
{
    press(m_window.get(), Qt::Key_P, Qt::ControlModifier);
}

// The cursor is at the quiz's position and cannot pass it; the views hide what comes after.
void TestQuizWindow::checkHeld(const char* where)
{
    const ui::Quiz* quiz = session()->quiz();
    ui::PlaybackController* playback = m_window->playback();
    QVERIFY2(playback->tick() <= quiz->position(), where);
    QVERIFY2(playback->limit() == quiz->position(), where);
    QVERIFY2(!m_window->viewState()->showFuture(), where);
    QCOMPARE(m_window->viewState()->shownEnd(m_window->document()->trace(), quiz->position()),
        quiz->revealedUntil());
}

// The Gantt chart draws the revealed past and nothing after the quiz's position.
void TestQuizWindow::checkGanttHidesTheFuture()
{
    ui::GanttView* gantt = m_window->gantt();
    const Trace& trace = m_window->document()->trace();
    const Tick position = session()->quiz()->position();
    const ProcIndex processes = static_cast<ProcIndex>(trace.processCount());
    int past = 0;
    int future = 0;
    for (ProcIndex p = 0; p < processes; ++p) {
        std::vector<QPoint> before;
        std::vector<QPoint> after;
        for (Tick t = 0; t <= position; t += std::max<Tick>(1, position / 8))
            before.push_back(gantt->pointFor(p, t));
        for (const Tick t : {position + 1, (position + trace.end()) / 2, trace.end() - 1})
            if (t > position && t < trace.end())
                after.push_back(gantt->pointFor(p, t));
        gantt->replotNow();
        const QImage image = gantt->plot()->grab().toImage();
        for (const QPoint& at : before)
            past += statePixels(image, at);
        for (const QPoint& at : after)
            future += statePixels(image, at);
    }
    QVERIFY2(past > 0, "the revealed past is drawn"); // else the check below could not fail
    QVERIFY2(future == 0,
        qPrintable(QStringLiteral("%1 pixels of states after tick %2").arg(future).arg(position)));
}

void TestQuizWindow::twentyQuestionsByKeyboard_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<Tick>("start");
    QTest::newRow("demo at 0") << lesson("demo.json") << Tick(0);
    QTest::newRow("demo at 3") << lesson("demo.json") << Tick(3);
    QTest::newRow("convoy lesson") << lesson("lessons/03-convoy-effect.json") << Tick(0);
}

// Ctrl+P, then twenty times: change the first answer with an arrow key, Tab through the others,
// Return reveals, Return or N asks the next question. The cursor follows the reveals and never
// passes them, whatever the playback keys say.
void TestQuizWindow::twentyQuestionsByKeyboard()
{
    QFETCH(QString, file);
    QFETCH(Tick, start);
    QVERIFY2(m_window->openFile(file), qPrintable(m_window->lastError()));
    m_window->playback()->seek(start);
    ctrlP();
    QVERIFY(session()->isActive());
    QVERIFY(quizAction() && quizAction()->isChecked());
    QCOMPARE(session()->quiz()->position(), start);
    QVERIFY(session()->dock()->isVisible());
    checkHeld("started");
    QVERIFY(!panel()->answerInputs().empty());
    QCOMPARE(QApplication::focusWidget(), panel()->answerInputs().front());

    const QString shots = qEnvironmentVariable("PROCSCOPE_SCREENSHOT_DIR");
    const QString shot =
        shots +
        QStringLiteral("/quiz-window-%1-")
            .arg(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')));
    QApplication::processEvents(); // the layout settles as it does on screen
    // The quiz fits the window it started in: 1280x720 does not grow.
    QCOMPARE(m_window->size(), QSize(1280, 720));
    QVERIFY(m_window->gantt()->height() >= 200);
    if (!shots.isEmpty())
        m_window->grab().save(shot + QStringLiteral("question.png"));
    int revealed = 0;
    for (int i = 0; i < 20; ++i) {
        const QString where = QStringLiteral("question %1").arg(i);
        ui::Quiz* quiz = session()->quiz();
        QVERIFY2(quiz->hasQuestion() && !quiz->isRevealed(), qPrintable(where));
        const std::vector<QWidget*> inputs = panel()->answerInputs();
        QCOMPARE(QApplication::focusWidget(), inputs.front());
        press(m_window.get(), Qt::Key_Down);
        for (std::size_t k = 1; k < inputs.size(); ++k) {
            press(m_window.get(), Qt::Key_Tab);
            QCOMPARE(QApplication::focusWidget(), inputs[k]);
        }
        const Tick from = quiz->position();
        press(m_window.get(), Qt::Key_Return);
        QVERIFY2(quiz->isRevealed(), qPrintable(where));
        QCOMPARE(quiz->summary().asked, ++revealed);
        const bool step = quiz->question().kind != ui::QuestionKind::FinalMetric;
        QCOMPARE(quiz->position(), step ? quiz->question().at : from);
        QCOMPARE(m_window->playback()->tick(), quiz->position());
        checkHeld(qPrintable(where));
        if (i == 0)
            checkGanttHidesTheFuture();
        if (i == 0 && !shots.isEmpty())
            m_window->grab().save(shot + QStringLiteral("revealed.png"));
        // The playback keys cannot pass what is revealed; stepping back to look again can.
        for (const auto& [key, modifiers] : {std::pair{Qt::Key_Right, Qt::NoModifier},
                 std::pair{Qt::Key_Right, Qt::ShiftModifier}, std::pair{Qt::Key_End, Qt::NoModifier}}) {
            QTest::keyClick(m_window->gantt(), key, modifiers);
            checkHeld(qPrintable(where));
        }
        QTest::keyClick(m_window->gantt(), Qt::Key_Home);
        QCOMPARE(m_window->playback()->tick(), Tick(0));
        QTest::keyClick(m_window->gantt(), Qt::Key_End);
        QCOMPARE(m_window->playback()->tick(), quiz->position());

        panel()->nextButton()->setFocus(); // where the reveal left the keyboard
        press(m_window.get(), i % 2 == 0 ? Qt::Key_Return : Qt::Key_N);
        QVERIFY2(quiz->hasQuestion() && !quiz->isRevealed(), qPrintable(where));
        QCOMPARE(QApplication::focusWidget(), panel()->answerInputs().front());
    }
    QVERIFY(session()->isActive());
}

void TestQuizWindow::revealByMouse()
{
    m_window->playback()->seek(3);
    ctrlP();
    QVERIFY(session()->isActive());
    for (int i = 0; i < 6; ++i) {
        ui::QuizPanel* p = panel();
        QVERIFY(p->revealButton()->isVisible());
        QTest::mouseClick(p->revealButton(), Qt::LeftButton);
        QVERIFY(session()->quiz()->isRevealed());
        checkHeld("after a click on Reveal");
        QVERIFY(!p->feedbackLabel()->text().isEmpty());
        QTest::mouseClick(p->nextButton(), Qt::LeftButton);
        QVERIFY(!session()->quiz()->isRevealed());
    }
    QCOMPARE(session()->quiz()->summary().asked, 6);
}

void TestQuizWindow::endingGivesTheViewsBack_data()
{
    QTest::addColumn<bool>("showFuture");
    QTest::addColumn<bool>("byButton");
    QTest::newRow("future shown, Ctrl+P") << true << false;
    QTest::newRow("future hidden, Ctrl+P") << false << false;
    QTest::newRow("future shown, End quiz") << true << true;
}

// Ending the quiz restores the user's "show the future" and frees the cursor; the action's check
// mark follows.
void TestQuizWindow::endingGivesTheViewsBack()
{
    QFETCH(bool, showFuture);
    QFETCH(bool, byButton);
    m_window->viewState()->setShowFuture(showFuture);
    m_window->playback()->seek(5);
    auto* processes = m_window->findChild<QDockWidget*>(QStringLiteral("processes"));
    QVERIFY(processes->isVisible());
    ctrlP();
    QVERIFY(session()->isActive());
    QVERIFY(!processes->isVisible()); // 1280x720 has no room for both: the quiz borrows it
    press(m_window.get(), Qt::Key_Return);
    const Tick position = session()->quiz()->position();
    QVERIFY(position > 5);
    QPointer<QDockWidget> dock = session()->dock();
    if (byButton) {
        // Tab to End quiz, then Return: the keyboard alone.
        for (int i = 0; i < 10 && QApplication::focusWidget() != panel()->endButton(); ++i)
            press(m_window.get(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), panel()->endButton());
        press(m_window.get(), Qt::Key_Return);
    } else {
        ctrlP();
    }
    QVERIFY(!session()->isActive());
    QVERIFY(!quizAction()->isChecked());
    QVERIFY(processes->isVisible());
    QCOMPARE(m_window->viewState()->showFuture(), showFuture);
    QVERIFY(!m_window->playback()->limit());
    QCOMPARE(m_window->playback()->tick(), position);
    QTest::keyClick(m_window->gantt(), Qt::Key_End);
    QCOMPARE(m_window->playback()->tick(), m_window->document()->trace().end());
    QTRY_VERIFY(!dock); // deleted once its click is over
    // And again.
    ctrlP();
    QVERIFY(session()->isActive());
    QCOMPARE(session()->quiz()->position(), m_window->document()->trace().end());
    checkHeld("again at the end");
}

// Asking to show the future while the quiz runs (View ▸ Show the future, leaving presentation
// mode) would give the answers away: it waits for the quiz's end.
void TestQuizWindow::futureStaysHiddenWhileTheQuizRuns()
{
    m_window->viewState()->setShowFuture(false);
    ctrlP();
    QVERIFY(session()->isActive());
    m_window->viewState()->setShowFuture(true);
    QVERIFY(!m_window->viewState()->showFuture());
    checkHeld("asked to show the future");
    ctrlP();
    QVERIFY(m_window->viewState()->showFuture());
}

void TestQuizWindow::anotherFileEndsTheQuiz()
{
    m_window->playback()->seek(3);
    ctrlP();
    press(m_window.get(), Qt::Key_Return);
    QVERIFY(session()->quiz()->isRevealed());
    QPointer<QDockWidget> dock = session()->dock();
    QVERIFY(m_window->openFile(lesson("lessons/03-convoy-effect.json")));
    QVERIFY(!session()->isActive());
    QVERIFY(m_window->viewState()->showFuture());
    QVERIFY(!m_window->playback()->limit());
    QTest::keyClick(m_window->gantt(), Qt::Key_End);
    QCOMPARE(m_window->playback()->tick(), m_window->document()->trace().end());
    QTRY_VERIFY(!dock);
    // The new document can be quizzed.
    m_window->playback()->seek(0);
    ctrlP();
    QVERIFY(session()->isActive());
    press(m_window.get(), Qt::Key_Return);
    QCOMPARE(m_window->playback()->tick(), Tick(100)); // A (long) leaves the CPU at 100
    checkHeld("the convoy lesson");
}

void TestQuizWindow::closingThePanelEndsTheQuiz()
{
    m_window->playback()->seek(3);
    ctrlP();
    press(m_window.get(), Qt::Key_Return);
    QPointer<QDockWidget> dock = session()->dock();
    auto* close = dock->findChild<QAbstractButton*>(QStringLiteral("qt_dockwidget_closebutton"));
    QVERIFY(close && close->isVisible());
    QTest::mouseClick(close, Qt::LeftButton);
    QVERIFY(!session()->isActive());
    QVERIFY(!quizAction()->isChecked());
    QVERIFY(m_window->viewState()->showFuture());
    QVERIFY(!m_window->playback()->limit());
    QTRY_VERIFY(!dock);
    ctrlP(); // and it starts again
    QVERIFY(session()->isActive());
    QVERIFY(session()->dock()->isVisible());
}

// The detail panels the quiz borrowed come back when the quiz ends, or, if it ends during a
// presentation (which hides them itself), when the presentation ends.
void TestQuizWindow::presentationDuringTheQuiz()
{
    auto* processes = m_window->findChild<QDockWidget*>(QStringLiteral("processes"));
    ctrlP();
    QVERIFY(!processes->isVisible());
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QVERIFY(m_window->presentation()->isOn());
    ctrlP();
    QVERIFY(!session()->isActive());
    QVERIFY(!processes->isVisible()); // still presenting
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QVERIFY(!m_window->presentation()->isOn());
    QVERIFY(processes->isVisible());
    // And with the presentation over first.
    ctrlP();
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QVERIFY(session()->isActive());
    QVERIFY(!processes->isVisible());
    ctrlP();
    QVERIFY(processes->isVisible());
}

void TestQuizWindow::presentationThenCtrlP_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1280x720") << QSize(1280, 720);
    QTest::newRow("1024x768") << QSize(1024, 768);
}

// F5 hides the menu bar; Ctrl+P still starts the quiz, whose panel is whole on the screen, in the
// large type; leaving presentation mode keeps the quiz going.
void TestQuizWindow::presentationThenCtrlP()
{
    QFETCH(QSize, size);
    m_window->resize(size);
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QVERIFY(m_window->presentation()->isOn());
    QVERIFY(m_window->menuBar()->isHidden());
    m_window->playback()->seek(3);
    ctrlP();
    QVERIFY(session()->isActive());
    QApplication::processEvents();
    // Known, not fixed yet: with every view merged, the right-hand docks' minimum heights (state
    // diagram, CPU plot) plus the quiz panel can exceed a projector's height in presentation type,
    // and the window grows (seen: 1280x762); the panel itself must still be whole, checked below.
    if (m_window->size() != size)
        qWarning("the window grew from %dx%d to %dx%d", size.width(), size.height(), m_window->width(),
            m_window->height());
    const auto whole = [this](QWidget* w) {
        return w->isVisible() &&
               m_window->rect().contains(QRect(w->mapTo(m_window.get(), QPoint(0, 0)), w->size()));
    };
    ui::QuizPanel* p = panel();
    QVERIFY(whole(session()->dock()));
    for (QWidget* w : {static_cast<QWidget*>(p->revealButton()), static_cast<QWidget*>(p->nextButton()),
             static_cast<QWidget*>(p->endButton())})
        QVERIFY(whole(w));
    QVERIFY(p->questionLabel()->font().pointSizeF() >= 16.0);
    QVERIFY(p->questionLabel()->isVisible() && p->questionLabel()->height() > 0);
    // The Gantt chart keeps room beside the panel.
    QVERIFY2(m_window->gantt()->height() >= size.height() / 3,
        qPrintable(QString::number(m_window->gantt()->height())));
    const QString dir = qEnvironmentVariable("PROCSCOPE_SCREENSHOT_DIR");
    const QString name = QStringLiteral("/quiz-presentation-%1x%2").arg(size.width()).arg(size.height());
    if (!dir.isEmpty())
        m_window->grab().save(dir + name + QStringLiteral("-question.png"));
    press(m_window.get(), Qt::Key_Return);
    QVERIFY(session()->quiz()->isRevealed());
    checkHeld("presentation");
    if (!dir.isEmpty())
        m_window->grab().save(dir + name + QStringLiteral("-revealed.png"));
    checkGanttHidesTheFuture();

    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QVERIFY(!m_window->presentation()->isOn());
    QVERIFY(session()->isActive());
    QVERIFY(session()->dock()->isVisible());
    checkHeld("after presentation");
    ctrlP();
    QVERIFY(!session()->isActive());
    QVERIFY(m_window->viewState()->showFuture());
}

QTEST_MAIN(TestQuizWindow)
#include "tst_quiz_window.moc"
