// The paths through the real main window that change or write something, driven as a person
// does: every export and save (File menu, the file dialog answered), the workload editor (edit a
// cell, undo, add, run), process control (select on the Gantt chart, Kill, Suspend, Resume), quit
// with unsaved edits, and predict-then-reveal (Ctrl+P, Return, Next question).
#include "gui_driver.h"

#include "core/trace/cursor.h"
#include "ui/control/process_control_panel.h"
#include "ui/editor/workload_editor.h"
#include "ui/editor/workload_model.h"
#include "ui/panels/lesson_panel.h"
#include "ui/quiz/quiz.h"
#include "ui/quiz/quiz_panel.h"
#include "ui/quiz/quiz_session.h"

#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QJsonDocument>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace procscope;
using namespace procscope::test;

class TestUserPathsEdit : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void exportsAndSaves_data();
    void exportsAndSaves();
    void cancelledExportWritesNothing();
    void editorEditUndoRun();
    void processControlKillSuspendResume();
    void quitWithUnsavedEditsCanBeCancelled();
    void savingAnEditedLessonKeepsTheLesson_data();
    void savingAnEditedLessonKeepsTheLesson();
    void quizStartsByShortcutAndEnds();
    void quizPredictRevealNext();

private:
    void expectViewsFollow();
    void raise(const char* dock);
    ui::Document* document() const { return m_window->document(); }
    // A tick at which `process` runs, or -1.
    Tick runningTick(ProcIndex process) const;

    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_dir;
};

void TestUserPathsEdit::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    dropOffscreenPlatformWarnings();
    QApplication::setQuitOnLastWindowClosed(false);
    QVERIFY(m_dir.isValid());
}

void TestUserPathsEdit::init()
{
    m_window = makeWindow(tracesDir() + QStringLiteral("/demo.json"), false);
    QVERIFY(m_window);
}

void TestUserPathsEdit::cleanup()
{
    m_window.reset();
}

void TestUserPathsEdit::expectViewsFollow()
{
    QApplication::processEvents();
    const QString off = viewsOffTheCursor(*m_window);
    QVERIFY2(off.isEmpty(), qPrintable(off));
}

// A person clicks the panel's tab first.
void TestUserPathsEdit::raise(const char* dock)
{
    auto* d = m_window->findChild<QDockWidget*>(QLatin1String(dock));
    QVERIFY(d);
    d->show();
    d->raise();
    QApplication::processEvents();
}

Tick TestUserPathsEdit::runningTick(ProcIndex process) const
{
    const Trace& trace = document()->trace();
    for (Tick t = 1; t + 2 < trace.end(); ++t)
        if (frameAt(trace, t).states[static_cast<std::size_t>(process)] == ProcessState::Running)
            return t;
    return -1;
}

void TestUserPathsEdit::exportsAndSaves_data()
{
    QTest::addColumn<QString>("item");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("starts"); // what the written file begins with
    QTest::newRow("gantt png") << "Export Gantt"
                               << "gantt.png" << QByteArray("\x89PNG");
    QTest::newRow("gantt svg") << "Export Gantt"
                               << "gantt.svg" << QByteArray("<?xml");
    QTest::newRow("gantt pdf") << "Export Gantt"
                               << "gantt.pdf" << QByteArray("%PDF");
    QTest::newRow("diagram png") << "Export state diagram"
                                 << "diagram.png" << QByteArray("\x89PNG");
    QTest::newRow("diagram svg") << "Export state diagram"
                                 << "diagram.svg" << QByteArray("<?xml");
    QTest::newRow("diagram pdf") << "Export state diagram"
                                 << "diagram.pdf" << QByteArray("%PDF");
    QTest::newRow("perfetto") << "Export trace for Perfetto"
                              << "demo.chrome.json" << QByteArray("{");
    QTest::newRow("intervals") << "Export intervals"
                               << "demo.csv" << QByteArray();
    QTest::newRow("metrics") << "Export metrics"
                             << "demo.metrics.csv" << QByteArray();
    QTest::newRow("trace") << "Save trace as"
                           << "demo.trace.json" << QByteArray("{");
    QTest::newRow("workload") << "Save workload as"
                              << "demo.workload.json" << QByteArray("{");
}

void TestUserPathsEdit::exportsAndSaves()
{
    QFETCH(QString, item);
    QFETCH(QString, file);
    QFETCH(QByteArray, starts);
    const QString path = m_dir.filePath(file);
    QFile::remove(path);
    QTest::keyClick(m_window.get(), Qt::Key_End); // the final state, as a lecture ends
    QAction* action = menuAction(m_window.get(), {QStringLiteral("File"), item});
    QVERIFY(action);
    ModalAnswerer answerer(chooseFile(path));
    action->trigger();
    activateLikeAWindowManager(m_window.get());
    QCOMPARE(answerer.seen().size(), 1);
    QVERIFY2(
        answerer.seen().at(0).startsWith(QStringLiteral("QFileDialog")), qPrintable(answerer.seen().at(0)));
    QVERIFY2(m_window->lastError().isEmpty(), qPrintable(m_window->lastError()));
    QFile written(path);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray content = written.readAll();
    QVERIFY(content.size() > 100);
    QVERIFY2(content.startsWith(starts), content.left(40).constData());
    if (file.endsWith(QStringLiteral(".json")))
        QVERIFY(!QJsonDocument::fromJson(content).isNull());
    if (file.endsWith(QStringLiteral(".csv")))
        QVERIFY(content.left(content.indexOf('\n')).contains(','));
    expectViewsFollow();
}

void TestUserPathsEdit::cancelledExportWritesNothing()
{
    const int before = int(QDir(m_dir.path()).entryList(QDir::Files).size());
    QAction* action = menuAction(m_window.get(), {QStringLiteral("File"), QStringLiteral("Export Gantt")});
    QVERIFY(action);
    ModalAnswerer answerer([](QWidget* dialog) { clickButton(dialog, QStringLiteral("Cancel")); });
    action->trigger();
    activateLikeAWindowManager(m_window.get());
    QCOMPARE(answerer.seen().size(), 1);
    QCOMPARE(int(QDir(m_dir.path()).entryList(QDir::Files).size()), before);
    QVERIFY(m_window->lastError().isEmpty());
}

void TestUserPathsEdit::editorEditUndoRun()
{
    raise("editor");
    auto* editor = m_window->editor();
    auto* model = editor->model();
    const int rows = model->rowCount();
    // Edit a cell as a person does: double-click it, type, Return.
    QTableView* table = editor->view();
    const QModelIndex name = model->index(0, ui::WorkloadModel::Name);
    const QString oldName = name.data().toString();
    const QRect cell = table->visualRect(name);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QWidget* field = QApplication::focusWidget();
    QVERIFY(field && field != table);
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(field, QStringLiteral("teacher"));
    QTest::keyClick(field, Qt::Key_Return);
    QApplication::processEvents(); // the delegate commits after the key is handled
    QCOMPARE(model->index(0, ui::WorkloadModel::Name).data().toString(), QStringLiteral("teacher"));
    QVERIFY(editor->isModified());
    // Undo (the editor's button) brings the old name back and the workload is as loaded.
    auto* undo = editor->findChild<QAbstractButton*>(QStringLiteral("undoButton"));
    QVERIFY(undo && undo->isEnabled());
    undo->click();
    QCOMPARE(model->index(0, ui::WorkloadModel::Name).data().toString(), oldName);
    QVERIFY(!editor->isModified());
    // Add a process and run: a new simulation with one more process, every view on it.
    buttonNamed(editor, QStringLiteral("Add"))->click();
    QCOMPARE(model->rowCount(), rows + 1);
    ui::Document* before = document();
    ModalAnswerer answerer([](QWidget* dialog) { clickButton(dialog, QStringLiteral("OK")); });
    buttonNamed(editor, QStringLiteral("Run"))->click();
    activateLikeAWindowManager(m_window.get());
    QVERIFY2(answerer.seen().isEmpty(), qPrintable(answerer.seen().join(QLatin1Char('\n'))));
    QVERIFY(document() != before);
    QCOMPARE(document()->workload()->processes.size(), std::size_t(rows + 1));
    QTest::keyClick(m_window.get(), Qt::Key_End);
    expectViewsFollow();
    m_window->grab();
    // Ctrl+Z inside the editor undoes the Add; Run then simulates the workload as loaded.
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(model->rowCount(), rows);
    buttonNamed(editor, QStringLiteral("Run"))->click();
    activateLikeAWindowManager(m_window.get());
    QCOMPARE(document()->workload()->processes.size(), std::size_t(rows));
    expectViewsFollow();
}

void TestUserPathsEdit::processControlKillSuspendResume()
{
    raise("control");
    auto* panel = m_window->findChild<ui::ProcessControlPanel*>();
    QVERIFY(panel);
    const auto selectAt = [this](ProcIndex p, Tick t) {
        m_window->playback()->seek(t);
        QTest::mouseClick(m_window->gantt()->plot(), Qt::LeftButton, {}, m_window->gantt()->pointFor(p, t));
        QCOMPARE(m_window->viewState()->selectedProcess(), p);
    };

    // Kill a running process: from the next tick on it is gone (a zombie or terminated).
    const ProcIndex victim = 0;
    const Tick at = runningTick(victim);
    QVERIFY(at > 0);
    selectAt(victim, at);
    QVERIFY(panel->killButton()->isEnabled());
    QTest::mouseClick(panel->killButton(), Qt::LeftButton);
    expectViewsFollow();
    const auto after = frameAt(document()->trace(), at + 1).states[static_cast<std::size_t>(victim)];
    QVERIFY(after == ProcessState::Zombie || after == ProcessState::Terminated);
    QVERIFY(!panel->killButton()->isEnabled());

    // Suspend another, then resume it a tick later.
    const ProcIndex other = 1;
    const Tick t = runningTick(other);
    QVERIFY(t > 0);
    selectAt(other, t);
    QVERIFY(panel->suspendButton()->isEnabled());
    QTest::mouseClick(panel->suspendButton(), Qt::LeftButton);
    QCOMPARE(
        frameAt(document()->trace(), t + 1).states[static_cast<std::size_t>(other)], ProcessState::Suspended);
    QTest::keyClick(m_window.get(), Qt::Key_Right);
    QTest::keyClick(m_window.get(), Qt::Key_Right);
    QVERIFY(panel->resumeButton()->isEnabled());
    QTest::mouseClick(panel->resumeButton(), Qt::LeftButton);
    const auto resumed = frameAt(document()->trace(), t + 3).states[static_cast<std::size_t>(other)];
    QVERIFY(resumed && *resumed != ProcessState::Suspended);
    expectViewsFollow();
    QTest::keyClick(m_window.get(), Qt::Key_End);
    expectViewsFollow();
    m_window->grab();
}

void TestUserPathsEdit::quitWithUnsavedEditsCanBeCancelled()
{
    raise("editor");
    buttonNamed(m_window->editor(), QStringLiteral("Add"))->click();
    QVERIFY(m_window->editor()->isModified());
    ui::Document* before = document();
    ModalAnswerer answerer([](QWidget* dialog) { clickButton(dialog, QStringLiteral("Cancel")); });
    QAction* quit = menuAction(m_window.get(), {QStringLiteral("File"), QStringLiteral("Quit")});
    QVERIFY(quit);
    quit->trigger();
    activateLikeAWindowManager(m_window.get());
    QCOMPARE(answerer.seen().size(), 1);
    QVERIFY(m_window->isVisible());
    QCOMPARE(document(), before);
    QVERIFY(m_window->editor()->isModified());
}

void TestUserPathsEdit::savingAnEditedLessonKeepsTheLesson_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::newRow("workload with a lesson") << "lessons/04-rr-response-vs-turnaround.json";
    QTest::newRow("OSTEP lesson") << "ostep/process-run-03-order.json";
}

// The monkey found it: edit a lesson's workload, open another file, answer "Save" to the
// unsaved-changes question, and the lesson file is overwritten by a plain workload.
void TestUserPathsEdit::savingAnEditedLessonKeepsTheLesson()
{
    QFETCH(QString, lesson);
    const QString copy = m_dir.filePath(QFileInfo(lesson).fileName());
    QFile::remove(copy);
    QVERIFY(QFile::copy(tracesDir() + QLatin1Char('/') + lesson, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    const auto open = [this](const QString& path) {
        QAction* action = menuAction(m_window.get(), {QStringLiteral("File"), QStringLiteral("Open")});
        QVERIFY(action);
        const auto choose = chooseFile(path);
        ModalAnswerer answerer([&](QWidget* dialog) {
            if (qobject_cast<QFileDialog*>(dialog))
                choose(dialog);
            else
                clickButton(dialog, QStringLiteral("Save"));
        });
        action->trigger();
        activateLikeAWindowManager(m_window.get());
    };
    open(copy);
    auto* panel = m_window->findChild<ui::LessonPanel*>();
    const ui::LessonText before = panel->lesson();
    QVERIFY(!before.isEmpty());
    QVERIFY(document()->workload());
    const std::size_t processes = document()->workload()->processes.size();

    raise("editor");
    buttonNamed(m_window->editor(), QStringLiteral("Add"))->click();
    open(tracesDir() + QStringLiteral("/demo.json")); // "Save" to the question
    QVERIFY(document()->path().endsWith(QStringLiteral("demo.json")));

    open(copy);
    QCOMPARE(document()->workload()->processes.size(), processes + 1); // the edit was saved
    // Found by the monkey, not fixed yet: the editor's workload has no lesson, so its save drops it.
    QEXPECT_FAIL(
        "OSTEP lesson", "saving an edited OSTEP lesson writes the workload without its lesson", Abort);
    QVERIFY2(!panel->lesson().isEmpty(), "the lesson is gone from the saved file");
    QCOMPARE(panel->lesson().questions, before.questions);
}

void TestUserPathsEdit::quizStartsByShortcutAndEnds()
{
    m_window->playback()->seek(3);
    QTest::keyClick(m_window.get(), Qt::Key_P, Qt::ControlModifier);
    QVERIFY(m_window->quiz()->isActive());
    // The views show only the revealed past of the open document: the future hidden, the cursor held.
    QCOMPARE(m_window->playback()->document(), document());
    QVERIFY(!m_window->viewState()->showFuture());
    QVERIFY(m_window->playback()->lastTick() < document()->trace().end());
    expectViewsFollow();
    m_window->grab();
    // Closing the quiz panel ends it and shows the whole trace again.
    auto* dock = m_window->findChild<QDockWidget*>(QStringLiteral("quiz"));
    QVERIFY(dock);
    auto* close = dock->findChild<QAbstractButton*>(QStringLiteral("qt_dockwidget_closebutton"));
    QVERIFY(close);
    close->click(); // the panel's own close button, as a person ends it
    QTRY_VERIFY(!m_window->quiz()->isActive());
    QCOMPARE(m_window->playback()->document(), document());
    expectViewsFollow();
}

void TestUserPathsEdit::quizPredictRevealNext()
{
    if (!quizRevealEnabled())
        QSKIP("Reveal crashes on main (issue 12 §1) and would abort every test after it; "
              "PROCSCOPE_TEST_QUIZ_REVEAL=1 runs it");
    m_window->playback()->seek(3);
    QTest::keyClick(m_window.get(), Qt::Key_P, Qt::ControlModifier);
    QVERIFY(m_window->quiz()->isActive());
    ui::Quiz* quiz = m_window->quiz()->quiz();
    QVERIFY(quiz && quiz->hasQuestion());
    const Tick from = quiz->position();
    // Keyboard alone: the answer controls have focus, Return reveals.
    QWidget* focus = QApplication::focusWidget();
    QVERIFY(focus);
    QTest::keyClick(focus, Qt::Key_Return);
    QVERIFY(quiz->isRevealed());
    QCOMPARE(quiz->summary().asked, 1);
    QVERIFY(quiz->position() > from);
    QCOMPARE(m_window->playback()->tick(), quiz->position());
    expectViewsFollow();
    auto* panel = m_window->findChild<ui::QuizPanel*>();
    QVERIFY(panel);
    QTest::mouseClick(panel->nextButton(), Qt::LeftButton);
    QVERIFY(quiz->hasQuestion() && !quiz->isRevealed());
    QTest::mouseClick(panel->revealButton(), Qt::LeftButton);
    QCOMPARE(quiz->summary().asked, 2);
    expectViewsFollow();
    m_window->grab();
}

QTEST_MAIN(TestUserPathsEdit)
#include "tst_user_paths_edit.moc"
