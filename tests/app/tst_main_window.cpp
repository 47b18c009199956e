// The real main window, driven as a user drives it: keys step the cursor and every view follows,
// a click on the Gantt chart selects the process in the table, a malformed file shows an error
// and keeps the previous document, a cancelled load changes nothing, and the window renders.
#include "app/gui/main_window.h"
#include "app/gui/presentation_mode.h"
#include "core/io/trace_json_writer.h"
#include "core/trace/cursor.h"
#include "ui/diagram/state_diagram_view.h"
#include "ui/document/background_job.h"
#include "ui/editor/workload_editor.h"
#include "ui/gantt/gantt_view.h"
#include "ui/models/event_log_model.h"
#include "ui/models/process_table_model.h"
#include "ui/panels/event_log_panel.h"
#include "ui/panels/lesson_panel.h"
#include "ui/panels/process_table_panel.h"
#include "ui/quiz/quiz_session.h"
#include "ui/style/state_colors.h"

#include "ui/style/custom_plot.h"
#include <QApplication>
#include <QFile>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

#include <chrono>
#include <thread>

using namespace procscope;

class TestMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void opensTheDemo();
    void stepKeysMoveEveryView();
    void eventKeysJumpToEvents();
    void ganttClickSelectsInTable();
    void malformedFileKeepsPreviousDocument_data();
    void malformedFileKeepsPreviousDocument();
    void opensASavedTrace();
    void cancelledJobDeliversNothing();
    void rendersAtAKnownTick();
    void presentationModeChangesFontsAndPalette();
    void lessonShowsItsQuestions();
    void editorRunsItsWorkload();
    void quizHidesTheFuture();

private:
    QString dataFile(const char* name) const
    {
        return QStringLiteral(PROCSCOPE_TEST_DATA "/") + QLatin1String(name);
    }
    ProcessState stateOfRow(int row) const;

    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_dir;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings (recent files, layout) in a scratch place
    QVERIFY(m_dir.isValid());
}

void TestMainWindow::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->setQuiet(true);
    m_window->resize(1600, 900);
    QVERIFY(m_window->openFile(dataFile("app/demo.json")));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
}

ProcessState TestMainWindow::stateOfRow(int row) const
{
    auto* model = m_window->findChild<ui::ProcessTablePanel*>()->model();
    return static_cast<ProcessState>(
        model->data(model->index(row, ui::ProcessTableModel::State), ui::ProcessTableModel::StateRole)
            .toInt());
}

void TestMainWindow::opensTheDemo()
{
    QVERIFY(m_window->document());
    QVERIFY(m_window->document()->isSimulation());
    QVERIFY(m_window->document()->trace().finished());
    QVERIFY(m_window->windowTitle().contains(m_window->document()->title()));
}

void TestMainWindow::stepKeysMoveEveryView()
{
    auto* playback = m_window->playback();
    playback->seek(10);
    QTest::keyClick(m_window.get(), Qt::Key_Right);
    QCOMPARE(playback->tick(), Tick(11));
    QTest::keyClick(m_window.get(), Qt::Key_Right);
    QTest::keyClick(m_window.get(), Qt::Key_Left);
    QCOMPARE(playback->tick(), Tick(11));

    const Trace& trace = m_window->document()->trace();
    const Frame frame = frameAt(trace, 11);
    // The process table shows the PCB at the cursor.
    auto* table = m_window->findChild<ui::ProcessTablePanel*>()->model();
    QCOMPARE(table->tick(), Tick(11));
    for (int row = 0; row < table->rowCount(); ++row) {
        const ProcIndex p = table->processAt(row);
        QCOMPARE(stateOfRow(row), *frame.states[static_cast<std::size_t>(p)]);
    }
    // The state diagram puts every token in the node of its state, once the animation is over.
    auto* diagram = m_window->findChild<ui::StateDiagramView*>();
    QTRY_VERIFY(!diagram->isAnimating());
    for (std::size_t p = 0; p < frame.states.size(); ++p) {
        if (!frame.states[p] || *frame.states[p] == ProcessState::Terminated ||
            *frame.states[p] == ProcessState::New)
            continue;
        const QRectF token = diagram->tokenRect(static_cast<ProcIndex>(p));
        if (token.isEmpty())
            continue; // more tokens than fit: counted as overflow
        QVERIFY2(diagram->nodeRect(*frame.states[p]).intersects(token), qPrintable(QString::number(p)));
    }
    // The event log's caption speaks of the cursor's tick.
    auto* events = m_window->findChild<ui::EventLogPanel*>();
    QVERIFY2(events->caption()->text().contains(QStringLiteral("11")), qPrintable(events->caption()->text()));
    // Home and End.
    QTest::keyClick(m_window.get(), Qt::Key_End);
    QCOMPARE(playback->tick(), playback->lastTick());
    QTest::keyClick(m_window.get(), Qt::Key_Home);
    QCOMPARE(playback->tick(), Tick(0));
}

void TestMainWindow::eventKeysJumpToEvents()
{
    auto* playback = m_window->playback();
    const Trace& trace = m_window->document()->trace();
    playback->seek(0);
    const auto next = nextEventAfter(trace, 0);
    QVERIFY(next);
    QTest::keyClick(m_window.get(), Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(playback->tick(), *next);
    QTest::keyClick(m_window.get(), Qt::Key_Left, Qt::ShiftModifier);
    QCOMPARE(playback->tick(), Tick(0));
}

void TestMainWindow::ganttClickSelectsInTable()
{
    auto* gantt = m_window->gantt();
    auto* panel = m_window->findChild<ui::ProcessTablePanel*>();
    const ProcIndex process = 2;
    const Tick at = m_window->document()->trace().track(process).at(0) + 1;
    m_window->playback()->seek(at); // the table lists the processes that exist at the cursor
    QTest::mouseClick(gantt->plot(), Qt::LeftButton, {}, gantt->pointFor(process, at));
    QCOMPARE(m_window->viewState()->selectedProcess(), process);
    // The table's current row is that process.
    const QModelIndex current = panel->view()->selectionModel()->currentIndex();
    QVERIFY(current.isValid());
    QCOMPARE(current.data(ui::ProcessTableModel::ProcIndexRole).toInt(), process);
}

void TestMainWindow::malformedFileKeepsPreviousDocument_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::newRow("syntax") << QByteArray("{\"format\": \"procscope-workload\",\n  \"version\": 1,,\n}")
                            << QStringLiteral(":2:");
    QTest::newRow("binary") << QByteArray("\x7f"
                                          "ELF\x02\x01\x01\0\0\0",
                                   10)
                            << QStringLiteral("unknown format");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
    QTest::newRow("bad trace") << QByteArray("{\"format\":\"procscope-trace\",\"version\":7}")
                               << QStringLiteral("version");
}

void TestMainWindow::malformedFileKeepsPreviousDocument()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    const QString path = m_dir.filePath(QStringLiteral("bad.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
    file.close();

    ui::Document* before = m_window->document();
    const QString title = m_window->windowTitle();
    m_window->playback()->seek(7);
    QVERIFY(!m_window->openFile(path));
    QVERIFY2(m_window->lastError().contains(QStringLiteral("bad.json")), qPrintable(m_window->lastError()));
    QVERIFY2(m_window->lastError().contains(expected), qPrintable(m_window->lastError()));
    QCOMPARE(m_window->document(), before);
    QCOMPARE(m_window->windowTitle(), title);
    QCOMPARE(m_window->playback()->tick(), Tick(7));
    // A missing file and a directory, too.
    QVERIFY(!m_window->openFile(m_dir.filePath(QStringLiteral("missing.json"))));
    QVERIFY(m_window->lastError().contains(QStringLiteral("missing.json")));
    QVERIFY(!m_window->openFile(m_dir.path()));
    QCOMPARE(m_window->document(), before);
}

void TestMainWindow::opensASavedTrace()
{
    const Trace& simulated = m_window->document()->trace();
    const std::string json = writeTraceJson(simulated);
    const QString path = m_dir.filePath(QStringLiteral("demo-trace.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(json.data(), static_cast<qint64>(json.size()));
    file.close();

    QVERIFY2(m_window->openFile(path), qPrintable(m_window->lastError()));
    QVERIFY(!m_window->document()->isSimulation());
    QCOMPARE(writeTraceJson(m_window->document()->trace()), json);
    QTest::keyClick(m_window.get(), Qt::Key_End);
    QCOMPARE(m_window->playback()->tick(), m_window->document()->trace().end());
}

void TestMainWindow::cancelledJobDeliversNothing()
{
    ui::BackgroundJob job(QStringLiteral("endless"), [](ui::JobControl& control) {
        std::uint64_t done = 0;
        while (control.report(++done, 0))
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        return ui::Loaded{};
    });
    QSignalSpy finished(&job, &ui::BackgroundJob::finished);
    job.start();
    QTest::qWait(50);
    QVERIFY(!job.isFinished()); // it runs until told otherwise, and the GUI thread is free meanwhile
    job.cancel();
    QVERIFY(finished.wait(5000));
    QVERIFY(job.isFinished());
    QVERIFY(!job.takeResult().document);
}

void TestMainWindow::rendersAtAKnownTick()
{
    m_window->playback()->seek(20);
    QApplication::processEvents();
    const QImage image = m_window->grab().toImage();
    QCOMPARE(image.size(), m_window->size() * m_window->devicePixelRatio());
    // Not blank: the states' colours are on screen in quantity (bars of the Gantt chart).
    int running = 0, ready = 0, blocked = 0;
    const QRgb r = ui::stateColor(ProcessState::Running).rgb();
    const QRgb y = ui::stateColor(ProcessState::Ready).rgb();
    const QRgb b = ui::stateColor(ProcessState::Blocked).rgb();
    for (int row = 0; row < image.height(); row += 2)
        for (int col = 0; col < image.width(); col += 2) {
            const QRgb px = image.pixel(col, row) | 0xFF000000u;
            running += px == (r | 0xFF000000u);
            ready += px == (y | 0xFF000000u);
            blocked += px == (b | 0xFF000000u);
        }
    QVERIFY2(running > 1000 && ready > 1000 && blocked > 1000,
        qPrintable(QStringLiteral("running %1, ready %2, blocked %3").arg(running).arg(ready).arg(blocked)));
}

void TestMainWindow::presentationModeChangesFontsAndPalette()
{
    const QFont before = QApplication::font();
    auto* gantt = m_window->gantt();
    QCOMPARE(gantt->colorScheme(), ui::Palette::Standard);
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QVERIFY(m_window->presentation()->isOn());
    QCOMPARE(gantt->colorScheme(), ui::Palette::HighContrast);
    QCOMPARE(m_window->findChild<ui::StateDiagramView*>()->colorScheme(), ui::Palette::HighContrast);
    QVERIFY(QApplication::font().pointSizeF() >= before.pointSizeF() * 1.4);
    QVERIFY(m_window->menuBar()->isHidden());
    auto* processes = m_window->findChild<ui::ProcessTablePanel*>();
    QVERIFY(!processes->isVisible()); // the detail panels make room for the charts
    QTest::keyClick(m_window.get(), Qt::Key_Escape);
    QVERIFY(!m_window->presentation()->isOn());
    QCOMPARE(QApplication::font(), before);
    QCOMPARE(gantt->colorScheme(), ui::Palette::Standard);
    QVERIFY(!m_window->menuBar()->isHidden());
    QVERIFY(processes->isVisible());
}

void TestMainWindow::lessonShowsItsQuestions()
{
    QVERIFY2(m_window->openFile(dataFile("app/lesson.json")), qPrintable(m_window->lastError()));
    auto* panel = m_window->findChild<ui::LessonPanel*>();
    QCOMPARE(panel->lesson().chapter, QStringLiteral("7 Scheduling: Introduction"));
    QCOMPARE(panel->lesson().questions.size(), 2);
    QVERIFY(panel->browser()->toPlainText().contains(QStringLiteral("average turnaround")));
    // An ordinary workload has no lesson: the panel empties.
    QVERIFY(m_window->openFile(dataFile("app/demo.json")));
    QVERIFY(panel->lesson().isEmpty());
}

void TestMainWindow::editorRunsItsWorkload()
{
    auto* editor = m_window->editor();
    const std::size_t before = m_window->document()->workload()->processes.size();
    QVERIFY(!editor->isModified()); // it holds the open workload, as loaded
    editor->addProcess();
    QVERIFY(editor->isModified());
    QVERIFY(editor->run());
    // A new simulation of the edited workload is open; the edits stay in the editor, unsaved.
    QVERIFY(m_window->document()->isSimulation());
    QCOMPARE(m_window->document()->workload()->processes.size(), before + 1);
    QVERIFY(editor->isModified());
    // Saving writes the edited workload and marks it saved.
    const QString path = m_dir.filePath(QStringLiteral("edited.json"));
    QVERIFY(editor->save(path));
    QVERIFY(!editor->isModified());
    QVERIFY(m_window->openFile(path));
    QCOMPARE(m_window->document()->workload()->processes.size(), before + 1);
}

void TestMainWindow::quizHidesTheFuture()
{
    m_window->playback()->seek(5);
    QTest::keyClick(m_window.get(), Qt::Key_P, Qt::ControlModifier);
    ui::QuizSession* quiz = m_window->quiz();
    QVERIFY(quiz->isActive());
    // Every view follows the real document, with the future hidden and the cursor held.
    QCOMPARE(m_window->playback()->document(), m_window->document());
    QVERIFY(!m_window->viewState()->showFuture());
    QCOMPARE(m_window->playback()->limit(), std::optional<Tick>(5));
    QCOMPARE(m_window->playback()->tick(), Tick(5));
    // Opening another document ends the quiz and shows everything again.
    QVERIFY(m_window->openFile(dataFile("app/demo.json")));
    QVERIFY(!quiz->isActive());
    QVERIFY(m_window->viewState()->showFuture());
    QVERIFY(!m_window->playback()->limit());
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
