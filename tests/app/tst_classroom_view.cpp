// What a class sees of the open document, driven through the real main window: View ▸ Show the
// future (key F) hides everything after the cursor in the event log, presentation mode starts with
// the future hidden and gives the user's choice back, the line above the Gantt chart and the title
// name the policy and follow a re-run, and an empty lesson panel takes no room.
#include "app/gui/main_window.h"
#include "app/gui/presentation_mode.h"
#include "ui/dialogs/simulation_setup_dialog.h"
#include "ui/models/event_log_model.h"
#include "ui/panels/event_log_panel.h"
#include "ui/playback/playback_bar.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSlider>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace procscope;

class TestClassroomView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void keyFHidesTheFutureOfTheEventLog();
    void presentationHidesTheFutureAndGivesItBack();
    void cursorReachesTheEndWhereEveryProcessHasFinished();
    void captionAndTitleFollowARerun();
    void emptyLessonPanelIsHidden();
    void recordedTracePlaysInItsOwnUnit();

private:
    QString dataFile(const char* name) const
    {
        return QStringLiteral(PROCSCOPE_TEST_DATA "/") + QLatin1String(name);
    }
    ui::EventLogModel* eventLog() const { return m_window->findChild<ui::EventLogPanel*>()->model(); }
    QAction* showFuture() const { return m_window->findChild<QAction*>(QStringLiteral("showFuture")); }
    QString caption() const
    {
        return m_window->findChild<QLabel*>(QStringLiteral("documentCaption"))->text();
    }

    std::unique_ptr<MainWindow> m_window;
};

void TestClassroomView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestClassroomView::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->setQuiet(true);
    m_window->resize(1280, 720);
    QVERIFY(m_window->openFile(dataFile("app/demo.json")));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestClassroomView::cleanup()
{
    m_window.reset();
}

void TestClassroomView::keyFHidesTheFutureOfTheEventLog()
{
    QAbstractItemModelTester tester(eventLog(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(showFuture());
    QVERIFY(showFuture()->isChecked());
    m_window->playback()->seek(5);
    const int all = eventLog()->rowCount();
    QVERIFY(all > 0);
    QVERIFY(eventLog()->tickOfRow(all - 1) > 5);

    QTest::keyClick(m_window.get(), Qt::Key_F);
    QVERIFY(!m_window->viewState()->showFuture());
    QVERIFY(!showFuture()->isChecked());
    const int past = eventLog()->rowCount();
    QVERIFY(past > 0);
    QVERIFY(past < all);
    QVERIFY(eventLog()->tickOfRow(past - 1) <= 5);

    // The log grows as the cursor moves on, and shrinks when it goes back.
    QTest::keyClick(m_window.get(), Qt::Key_End);
    QCOMPARE(eventLog()->rowCount(), all);
    QTest::keyClick(m_window.get(), Qt::Key_Home);
    QVERIFY(eventLog()->rowCount() < past);
    for (int row = 0; row < eventLog()->rowCount(); ++row)
        QCOMPARE(eventLog()->tickOfRow(row), Tick(0));

    QTest::keyClick(m_window.get(), Qt::Key_F);
    QVERIFY(m_window->viewState()->showFuture());
    QCOMPARE(eventLog()->rowCount(), all);
}

void TestClassroomView::presentationHidesTheFutureAndGivesItBack()
{
    QVERIFY(m_window->viewState()->showFuture());
    auto* log = m_window->findChild<ui::EventLogPanel*>();
    const qreal normal = log->font().pointSizeF();
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QVERIFY(m_window->presentation()->isOn());
    QVERIFY(!m_window->viewState()->showFuture());
    // The panels' type grows with the room's (a docked panel, not only the window).
    QVERIFY2(log->font().pointSizeF() > normal * 1.2,
        qPrintable(QStringLiteral("%1 -> %2").arg(normal).arg(log->font().pointSizeF())));
    // F still works while the menu bar is hidden.
    QTest::keyClick(m_window.get(), Qt::Key_F);
    QVERIFY(m_window->viewState()->showFuture());
    QTest::keyClick(m_window.get(), Qt::Key_F);
    QTest::keyClick(m_window.get(), Qt::Key_Escape);
    QVERIFY(!m_window->presentation()->isOn());
    QVERIFY(m_window->viewState()->showFuture());
    QCOMPARE(log->font().pointSizeF(), normal);

    // A user who hid the future keeps it hidden after presenting.
    QTest::keyClick(m_window.get(), Qt::Key_F);
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QTest::keyClick(m_window.get(), Qt::Key_Escape);
    QVERIFY(!m_window->viewState()->showFuture());
}

void TestClassroomView::cursorReachesTheEndWhereEveryProcessHasFinished()
{
    QTest::keyClick(m_window.get(), Qt::Key_End);
    const Trace& trace = m_window->document()->trace();
    QCOMPARE(m_window->playback()->tick(), trace.end());
    for (std::size_t p = 0; p < trace.processCount(); ++p) {
        const auto state = trace.track(static_cast<ProcIndex>(p)).stateAt(trace.end());
        QVERIFY(state);
        QVERIFY2(*state == ProcessState::Terminated || *state == ProcessState::Zombie,
            qPrintable(QStringLiteral("process %1").arg(p)));
    }
    // Stepping on from the end stays there; stepping back leaves it.
    QTest::keyClick(m_window.get(), Qt::Key_Right);
    QCOMPARE(m_window->playback()->tick(), trace.end());
    QTest::keyClick(m_window.get(), Qt::Key_Left);
    QCOMPARE(m_window->playback()->tick(), trace.end() - 1);
}

void TestClassroomView::captionAndTitleFollowARerun()
{
    QVERIFY2(caption().startsWith(QStringLiteral("Round Robin")), qPrintable(caption()));
    QVERIFY2(m_window->windowTitle().contains(QStringLiteral("(RR)")), qPrintable(m_window->windowTitle()));
    bool answered = false;
    QTimer::singleShot(0, this, [&answered] {
        auto* dialog = qobject_cast<ui::SimulationSetupDialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        for (QComboBox* box : dialog->findChildren<QComboBox*>()) {
            const int mlfq = box->findText(QStringLiteral("MLFQ"), Qt::MatchContains);
            if (mlfq >= 0)
                box->setCurrentIndex(mlfq);
        }
        answered = true;
        dialog->accept();
    });
    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier);
    QVERIFY(answered);
    QVERIFY2(caption().startsWith(QStringLiteral("MLFQ")), qPrintable(caption()));
    QVERIFY2(m_window->windowTitle().contains(QStringLiteral("(MLFQ)")), qPrintable(m_window->windowTitle()));
    QVERIFY(!m_window->windowTitle().contains(QStringLiteral("(RR)")));
}

void TestClassroomView::emptyLessonPanelIsHidden()
{
    auto* lesson = m_window->findChild<QDockWidget*>(QStringLiteral("lesson"));
    QVERIFY(lesson);
    QVERIFY(!lesson->isVisible());
    QVERIFY(m_window->openFile(dataFile("app/lesson.json")));
    QVERIFY(lesson->isVisible());
    QVERIFY(m_window->openFile(dataFile("app/demo.json")));
    QVERIFY(!lesson->isVisible());
}

void TestClassroomView::recordedTracePlaysInItsOwnUnit()
{
    auto* bar = m_window->findChild<ui::PlaybackBar*>();
    QVERIFY(bar);
    QCOMPARE(bar->speedBox()->suffix(), QStringLiteral(" ticks/s"));
    QVERIFY(m_window->openFile(dataFile("traces/linux/perf-kernel.txt")));
    const Trace& trace = m_window->document()->trace();
    QCOMPARE(trace.meta.timeUnit, std::string("ns"));
    QVERIFY(bar->speedBox()->suffix().endsWith(QStringLiteral("s/s")));
    QVERIFY(!bar->speedBox()->suffix().contains(QStringLiteral("tick")));
    // One unit of trace time a second, in ticks (nanoseconds) for the controller.
    QVERIFY(m_window->playback()->speed() >= 1000.0);
    QCOMPARE(bar->speedBox()->value(), 1.0);
    // The scrubber's last position is the trace's end, however long the trace.
    bar->scrubber()->setValue(bar->scrubber()->maximum());
    QCOMPARE(m_window->playback()->tick(), trace.end());
    bar->scrubber()->setValue(bar->scrubber()->maximum() / 2);
    QVERIFY(std::abs(m_window->playback()->tick() - trace.end() / 2) <=
            trace.end() / bar->scrubber()->maximum() + 1);
    // Back to a simulation: ticks again.
    QVERIFY(m_window->openFile(dataFile("app/demo.json")));
    QCOMPARE(bar->speedBox()->suffix(), QStringLiteral(" ticks/s"));
    QCOMPARE(m_window->playback()->speed(), 4.0);
}

QTEST_MAIN(TestClassroomView)
#include "tst_classroom_view.moc"
