// Every path a teacher or a student takes through the real main window, driven as a person does:
// the menus (the action found by its text in the menu bar), the shortcuts (keys on the window),
// the dialogs' buttons (answered while they are modal). After each step every view shows the
// tick of the PlaybackController. Exports, the editor, process control and the quiz are in
// tst_user_paths_edit.cpp.
#include "gui_driver.h"

#include "app/gui/presentation_mode.h"
#include "core/trace/cursor.h"
#include "ui/compare/comparison_view.h"
#include "ui/panels/lesson_panel.h"

#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QPointer>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <functional>

using namespace procscope;
using namespace procscope::test;

class TestUserPaths : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void opensEveryBundledLesson_data();
    void opensEveryBundledLesson();
    void playStepEndHome();
    void presentationOnAndOff();
    void setupAndRerunWithAnotherPolicy();
    void cancelledSetupChangesNothing();
    void comparesPoliciesInTheirOwnWindow();
    void ostepHomeworkDialogRunsTheSimulator();
    void malformedFileShowsAnErrorAndKeepsTheDocument();
    void recentFileReopens();
    void helpDialogsClose();
    void viewMenuToggles();

private:
    void expectViewsFollow();
    ui::Document* document() const { return m_window->document(); }

    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_dir;
};

void TestUserPaths::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // recent files and the layout in a scratch place
    dropOffscreenPlatformWarnings();
    QApplication::setQuitOnLastWindowClosed(false);
    QVERIFY(m_dir.isValid());
}

void TestUserPaths::init()
{
    // Not quiet: errors are dialogs, as a person sees them.
    m_window = makeWindow(tracesDir() + QStringLiteral("/demo.json"), false);
    QVERIFY(m_window);
}

void TestUserPaths::cleanup()
{
    m_window.reset();
}

void TestUserPaths::expectViewsFollow()
{
    QApplication::processEvents();
    QVERIFY(QApplication::activeWindow()); // the keys a test sends reach the window's shortcuts
    const QString off = viewsOffTheCursor(*m_window);
    QVERIFY2(off.isEmpty(), qPrintable(off));
}

void TestUserPaths::opensEveryBundledLesson_data()
{
    QTest::addColumn<QStringList>("menu");
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("file");
    const auto add = [](const QString& folder, const QStringList& menu) {
        const QStringList files =
            QDir(tracesDir() + folder).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        for (int i = 0; i < files.size(); ++i)
            QTest::newRow(qPrintable(files[i])) << menu << i << files[i];
    };
    add(QStringLiteral("/lessons"), {QStringLiteral("Lessons")});
    add(QStringLiteral("/ostep"), {QStringLiteral("Lessons"), QStringLiteral("OSTEP")});
}

void TestUserPaths::opensEveryBundledLesson()
{
    QFETCH(QStringList, menu);
    QFETCH(int, index);
    QFETCH(QString, file);
    // Each lesson's action carries the file it opens, wherever the menu files it (OSTEP's are
    // grouped by chapter).
    Q_UNUSED(index);
    QAction* folder = menuAction(m_window.get(), menu);
    QVERIFY(folder && folder->menu());
    QAction* lesson = nullptr;
    std::function<void(QMenu*)> find = [&](QMenu* m) {
        for (QAction* a : openedMenuActions(m)) {
            if (a->menu())
                find(a->menu());
            else if (!a->isSeparator() && a->data().toString().endsWith(QLatin1Char('/') + file))
                lesson = a;
        }
    };
    find(folder->menu());
    QVERIFY2(lesson, qPrintable(file));
    ModalAnswerer answerer([](QWidget* dialog) { clickButton(dialog, QStringLiteral("OK")); });
    lesson->trigger();
    activateLikeAWindowManager(m_window.get());
    QVERIFY2(answerer.seen().isEmpty(), qPrintable(answerer.seen().join(QLatin1Char('\n'))));
    QVERIFY2(document()->path().endsWith(file), qPrintable(document()->path()));
    QVERIFY(m_window->windowTitle().contains(document()->title()));
    QCOMPARE(m_window->playback()->tick(), Tick(0));
    expectViewsFollow();

    // To the end, where every process of a finished run shows its final state.
    const Trace& trace = document()->trace();
    QTest::keyClick(m_window.get(), Qt::Key_End);
    QCOMPARE(m_window->playback()->tick(), trace.end());
    expectViewsFollow();
    if (trace.finished()) {
        const Frame frame = frameAt(trace, trace.end());
        for (std::size_t p = 0; p < frame.states.size(); ++p)
            QVERIFY2(frame.states[p] == ProcessState::Terminated || frame.states[p] == ProcessState::Zombie,
                qPrintable(QStringLiteral("process %1 at the end").arg(p)));
    }
    m_window->grab(); // every view paints at the last tick
    QTest::keyClick(m_window.get(), Qt::Key_Right);
    QCOMPARE(m_window->playback()->tick(), trace.end());
    QTest::keyClick(m_window.get(), Qt::Key_Left, Qt::ShiftModifier);
    QVERIFY(m_window->playback()->tick() < trace.end());
    expectViewsFollow();
    QTest::keyClick(m_window.get(), Qt::Key_Home);
    QCOMPARE(m_window->playback()->tick(), Tick(0));
    expectViewsFollow();
}

void TestUserPaths::playStepEndHome()
{
    auto* playback = m_window->playback();
    playback->setSpeed(20); // slow enough that it is still playing when Space stops it
    QTest::keyClick(m_window.get(), Qt::Key_Space);
    QVERIFY(playback->isPlaying());
    QTRY_VERIFY(playback->tick() > 0);
    expectViewsFollow();
    QTest::keyClick(m_window.get(), Qt::Key_Space);
    QVERIFY(!playback->isPlaying());

    QTest::keyClick(m_window.get(), Qt::Key_Home);
    QTest::keyClick(m_window.get(), Qt::Key_Right);
    QTest::keyClick(m_window.get(), Qt::Key_Right);
    QCOMPARE(playback->tick(), Tick(2));
    QTest::keyClick(m_window.get(), Qt::Key_Left);
    QCOMPARE(playback->tick(), Tick(1));
    expectViewsFollow();
    QTest::keyClick(m_window.get(), Qt::Key_End);
    QCOMPARE(playback->tick(), document()->trace().end());
    expectViewsFollow();
    // Playing at the end of a finished run starts again from the beginning.
    QTest::keyClick(m_window.get(), Qt::Key_Space);
    QVERIFY(playback->isPlaying());
    QVERIFY(playback->tick() < document()->trace().end());
    QTest::keyClick(m_window.get(), Qt::Key_Space);
    QTest::keyClick(m_window.get(), Qt::Key_Home);
    QCOMPARE(playback->tick(), Tick(0));
    expectViewsFollow();
}

void TestUserPaths::presentationOnAndOff()
{
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QVERIFY(m_window->presentation()->isOn());
    QTest::keyClick(m_window.get(), Qt::Key_End); // the playback keys still work
    QCOMPARE(m_window->playback()->tick(), document()->trace().end());
    expectViewsFollow();
    m_window->grab();
    QTest::keyClick(m_window.get(), Qt::Key_Escape);
    QVERIFY(!m_window->presentation()->isOn());
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QVERIFY(m_window->presentation()->isOn());
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QVERIFY(!m_window->presentation()->isOn());
    QVERIFY(m_window->menuBar()->isVisible());
    expectViewsFollow();
}

void TestUserPaths::setupAndRerunWithAnotherPolicy()
{
    ui::Document* before = document();
    QCOMPARE(before->workload()->policy.kind, PolicyKind::RoundRobin);
    QAction* setup =
        menuAction(m_window.get(), {QStringLiteral("Simulation"), QStringLiteral("Setup and re-run")});
    QVERIFY(setup);
    ModalAnswerer answerer([](QWidget* dialog) {
        for (QComboBox* box : dialog->findChildren<QComboBox*>())
            if (const int i = box->findText(QStringLiteral("MLFQ")); i >= 0)
                box->setCurrentIndex(i);
        clickButton(dialog, QStringLiteral("OK"));
    });
    m_window->playback()->seek(5);
    setup->trigger();
    activateLikeAWindowManager(m_window.get());
    QCOMPARE(answerer.seen().size(), 1);
    QVERIFY(document() != before);
    QCOMPARE(document()->workload()->policy.kind, PolicyKind::Mlfq);
    QVERIFY(document()->isSimulation());
    QVERIFY(document()->trace().finished());
    expectViewsFollow();
    QTest::keyClick(m_window.get(), Qt::Key_End);
    expectViewsFollow();
}

void TestUserPaths::cancelledSetupChangesNothing()
{
    ui::Document* before = document();
    m_window->playback()->seek(9);
    ModalAnswerer answerer([](QWidget* dialog) { clickButton(dialog, QStringLiteral("Cancel")); });
    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier);
    activateLikeAWindowManager(m_window.get());
    QCOMPARE(answerer.seen().size(), 1);
    QCOMPARE(document(), before);
    QCOMPARE(m_window->playback()->tick(), Tick(9));
    expectViewsFollow();
}

void TestUserPaths::comparesPoliciesInTheirOwnWindow()
{
    QAction* compare = menuAction(m_window.get(), {QStringLiteral("Simulation"), QStringLiteral("Compare")});
    QVERIFY(compare);
    QAction* preset = nullptr;
    if (compare->menu()) {
        for (QAction* a : openedMenuActions(compare->menu()))
            if (a->isEnabled() && !a->isSeparator())
                preset = a;
    }
    QVERIFY(preset || !compare->menu());
    ModalAnswerer answerer([](QWidget* dialog) { clickButton(dialog, QStringLiteral("OK")); });
    (preset ? preset : compare)->trigger();
    activateLikeAWindowManager(m_window.get());
    QApplication::processEvents();
    ui::ComparisonView* view = nullptr;
    for (QWidget* w : QApplication::topLevelWidgets())
        if (auto* c = qobject_cast<ui::ComparisonView*>(w); c && c->isVisible())
            view = c;
    QVERIFY(view);
    QPointer<ui::ComparisonView> guard(view);
    QVERIFY(view->chartCount() >= 2);
    QTest::keyClick(view, Qt::Key_End);
    QVERIFY(view->playback()->tick() > 0);
    for (int i = 0; i < view->chartCount(); ++i)
        QCOMPARE(view->chart(i)->shownTick(), view->playback()->tick());
    view->grab();
    QTest::keyClick(view, Qt::Key_Home);
    QCOMPARE(view->playback()->tick(), Tick(0));
    view->close();
    QTRY_VERIFY(!guard); // it deletes itself on close
    // The main window's cursor never moved.
    QCOMPARE(m_window->playback()->tick(), Tick(0));
}

void TestUserPaths::ostepHomeworkDialogRunsTheSimulator()
{
    ui::Document* before = document();
    QString refusal;
    ModalAnswerer answerer([&refusal](QWidget* dialog) {
        // process-run.py needs a process list (-l); the rest keeps the script's defaults.
        for (QLabel* label : dialog->findChildren<QLabel*>())
            if (label->isVisible() && label->text().startsWith(QStringLiteral("-l")) && label->buddy())
                QTest::keyClicks(label->buddy(), QStringLiteral("5:100,5:0"));
        clickButton(dialog, QStringLiteral("Run"));
        if (dialog->isVisible()) // it says why it would not run
            for (QLabel* label : dialog->findChildren<QLabel*>())
                if (label->isVisible())
                    refusal += label->text() + QLatin1Char('\n');
    });
    QTest::keyClick(m_window.get(), Qt::Key_H, Qt::ControlModifier);
    activateLikeAWindowManager(m_window.get());
    QCOMPARE(answerer.seen().size(), 1);
    QVERIFY2(document() != before, qPrintable(refusal));
    QVERIFY2(
        m_window->windowTitle().contains(QStringLiteral("process-run")), qPrintable(m_window->windowTitle()));
    QTest::keyClick(m_window.get(), Qt::Key_End);
    QCOMPARE(m_window->playback()->tick(), document()->trace().end());
    expectViewsFollow();
}

void TestUserPaths::malformedFileShowsAnErrorAndKeepsTheDocument()
{
    const QString path = m_dir.filePath(QStringLiteral("bad.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("{\"format\": \"procscope-workload\",\n  \"version\": 1,,\n}");
    file.close();

    ui::Document* before = document();
    const QString title = m_window->windowTitle();
    m_window->playback()->seek(7);
    QAction* open = menuAction(m_window.get(), {QStringLiteral("File"), QStringLiteral("Open")});
    QVERIFY(open);
    const auto choose = chooseFile(path);
    ModalAnswerer answerer([&](QWidget* dialog) {
        if (qobject_cast<QFileDialog*>(dialog))
            choose(dialog);
        else
            clickButton(dialog, QStringLiteral("OK"));
    });
    open->trigger();
    activateLikeAWindowManager(m_window.get());
    QCOMPARE(answerer.seen().size(), 2);
    QVERIFY2(
        answerer.seen().at(0).startsWith(QStringLiteral("QFileDialog")), qPrintable(answerer.seen().at(0)));
    QVERIFY2(
        answerer.seen().at(1).startsWith(QStringLiteral("QMessageBox")), qPrintable(answerer.seen().at(1)));
    QVERIFY2(answerer.seen().at(1).contains(QStringLiteral("bad.json")), qPrintable(answerer.seen().at(1)));
    QCOMPARE(document(), before);
    QCOMPARE(m_window->windowTitle(), title);
    QCOMPARE(m_window->playback()->tick(), Tick(7));
    expectViewsFollow();
}

void TestUserPaths::recentFileReopens()
{
    const QString lesson = tracesDir() + QStringLiteral("/lessons/03-convoy-effect.json");
    QVERIFY(m_window->openFile(lesson));
    QVERIFY(m_window->openFile(tracesDir() + QStringLiteral("/demo.json")));
    QAction* recent = menuAction(m_window.get(),
        {QStringLiteral("File"), QStringLiteral("Open recent"), QFileInfo(lesson).absoluteFilePath()});
    QVERIFY(recent);
    recent->trigger();
    activateLikeAWindowManager(m_window.get());
    QVERIFY(document()->path().endsWith(QStringLiteral("03-convoy-effect.json")));
    expectViewsFollow();
}

void TestUserPaths::helpDialogsClose()
{
    // Help ▸ Keyboard stays open beside the window while the keys are tried; Close closes it.
    QAction* keys = menuAction(m_window.get(), {QStringLiteral("Help"), QStringLiteral("Keyboard")});
    QVERIFY(keys);
    keys->trigger();
    QDialog* help = nullptr;
    for (QWidget* w : QApplication::topLevelWidgets())
        if (auto* d = qobject_cast<QDialog*>(w); d && d->isVisible())
            help = d;
    QVERIFY(help);
    QPointer<QDialog> open = help;
    clickButton(help, QStringLiteral("Close"));
    QTRY_VERIFY(!open || !open->isVisible());
    for (const QString& item : {QStringLiteral("About")}) {
        QAction* action = menuAction(m_window.get(), {QStringLiteral("Help"), item});
        QVERIFY(action);
        ModalAnswerer answerer([](QWidget* dialog) { clickButton(dialog, QStringLiteral("OK")); });
        action->trigger();
        activateLikeAWindowManager(m_window.get());
        QCOMPARE(answerer.seen().size(), 1);
        QVERIFY(!QApplication::activeModalWidget());
    }
}

void TestUserPaths::viewMenuToggles()
{
    auto* diagram = m_window->findChild<ui::StateDiagramView*>();
    QAction* lifecycle =
        menuAction(m_window.get(), {QStringLiteral("View"), QStringLiteral("All seven states")});
    QVERIFY(lifecycle);
    const bool wasFull = diagram->fullLifecycle();
    lifecycle->trigger();
    QCOMPARE(diagram->fullLifecycle(), !wasFull);
    lifecycle->trigger();
    QCOMPARE(diagram->fullLifecycle(), wasFull);
    // Every panel can be closed and brought back from the View menu.
    for (QDockWidget* d : m_window->findChildren<QDockWidget*>()) {
        QAction* toggle = menuAction(m_window.get(), {QStringLiteral("View"), plainText(d->windowTitle())});
        QVERIFY2(toggle, qPrintable(d->windowTitle()));
        const bool shown = d->isVisible();
        toggle->trigger();
        QCOMPARE(d->isVisible(), !shown);
        toggle->trigger();
        QCOMPARE(d->isVisible(), shown);
    }
    QTest::keyClick(m_window->gantt()->plot(), Qt::Key_0);
    expectViewsFollow();
}

QTEST_MAIN(TestUserPaths)
#include "tst_user_paths.moc"
