// Lessons ▸ OSTEP homework questions, as a student uses it: chapters in the book's order under
// their titles, a question opened from the real menu, the Lesson panel's "OSTEP ch. 4: ..." header,
// and the Text panel following the cursor through the script's output.
#include "app/gui/bundled_traces.h"
#include "app/gui/lessons_menu.h"
#include "app/gui/main_window.h"
#include "ui/panels/lesson_panel.h"
#include "ui/trace_text_view.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>

using namespace procscope;

class TestLessons : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void bundledChaptersInBookOrder();
    void chaptersOfAFolder();
    void chapterHeading_data();
    void chapterHeading();
    void openedFromTheMenu();
    void textPanelFollowsTheCursor();

private:
    static QMenu* subMenu(QMenu* menu, const QString& title);
    static QStringList subMenuTitles(QMenu* menu);
    QMenu* ostepMenu(MainWindow& window) const;
    void write(const QString& name, const QByteArray& json) const;

    QTemporaryDir m_dir;
};

void TestLessons::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

QMenu* TestLessons::subMenu(QMenu* menu, const QString& title)
{
    for (QAction* a : menu->actions())
        if (a->menu() && a->text() == title)
            return a->menu();
    return nullptr;
}

QStringList TestLessons::subMenuTitles(QMenu* menu)
{
    QStringList titles;
    for (QAction* a : menu->actions())
        if (a->menu())
            titles << a->text();
    return titles;
}

QMenu* TestLessons::ostepMenu(MainWindow& window) const
{
    for (QAction* top : window.menuBar()->actions())
        if (top->text() == QStringLiteral("&Lessons"))
            return subMenu(top->menu(), QStringLiteral("OSTEP &homework questions"));
    return nullptr;
}

void TestLessons::write(const QString& name, const QByteArray& json) const
{
    QFile f(m_dir.filePath(name));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(json);
}

void TestLessons::bundledChaptersInBookOrder()
{
    const QList<LessonChapter> chapters = ostepLessonChapters(bundledTracesDir() + QStringLiteral("/ostep"));
    QStringList titles;
    for (const LessonChapter& c : chapters) {
        titles << QStringLiteral("%1 %2").arg(c.number).arg(c.title);
        QVERIFY(!c.lessons.isEmpty());
    }
    QCOMPARE(titles, (QStringList{QStringLiteral("4 The Abstraction: The Process"),
                         QStringLiteral("7 Scheduling: Introduction"),
                         QStringLiteral("8 Scheduling: The Multi-Level Feedback Queue"),
                         QStringLiteral("9 Scheduling: Proportional Share")}));
    // Within a chapter, the book's question order (the files are numbered by it).
    QCOMPARE(chapters.first().lessons.first().label, QStringLiteral("CPU utilization"));
    QVERIFY(
        chapters.first().lessons.first().path.endsWith(QStringLiteral("process-run-01-utilization.json")));
}

void TestLessons::chaptersOfAFolder()
{
    const auto lesson = [](const char* chapter, const char* title) {
        return QByteArray(R"({"format": "procscope-ostep-lesson", "version": 1, "chapter": ")") + chapter +
               R"(", "title": ")" + title +
               R"(", "question": "Why?", "script": "scheduler", "args": ["-l", "3"]})";
    };
    // File names out of the book's order; one lesson without a chapter number, one broken file.
    write(QStringLiteral("a-lottery.json"), lesson("Scheduling: Proportional Share (ch. 9)", "Tickets"));
    write(QStringLiteral("b-process.json"), lesson("The Abstraction: The Process (ch. 4)", "First"));
    write(QStringLiteral("c-process.json"), lesson("The Abstraction: The Process (ch. 4)", "Second"));
    write(QStringLiteral("d-appendix.json"), lesson("An appendix", "Extra"));
    write(QStringLiteral("e-broken.json"), "{\"format\": ");
    write(QStringLiteral("notes.txt"), "not a lesson");

    const QList<LessonChapter> chapters = ostepLessonChapters(m_dir.path());
    QCOMPARE(chapters.size(), 3);
    QCOMPARE(chapters[0].number, 4);
    QCOMPARE(chapters[0].title, QStringLiteral("The Abstraction: The Process"));
    QCOMPARE(chapters[0].lessons.size(), 2);
    QCOMPARE(chapters[0].lessons[0].label, QStringLiteral("First"));
    QCOMPARE(chapters[0].lessons[1].label, QStringLiteral("Second"));
    QCOMPARE(chapters[1].number, 9);
    QCOMPARE(chapters[2].number, 0); // what names no chapter comes last, still reachable
    QCOMPARE(chapters[2].lessons.size(), 2);
    QCOMPARE(chapters[2].lessons[0].label, QStringLiteral("Extra"));
    QCOMPARE(chapters[2].lessons[1].label, QStringLiteral("e-broken"));

    QVERIFY(ostepLessonChapters(m_dir.filePath(QStringLiteral("no-such-folder"))).isEmpty());
    QMenu menu;
    QStringList opened;
    fillLessonsMenu(
        &menu, m_dir.filePath(QStringLiteral("no-such-folder")), [&](const QString& p) { opened << p; });
    QMenu* ostep = subMenu(&menu, QStringLiteral("OSTEP &homework questions"));
    QVERIFY(ostep);
    QCOMPARE(ostep->actions().size(), 1);
    QVERIFY(!ostep->actions().first()->isEnabled()); // "(none found in ...)"
}

void TestLessons::chapterHeading_data()
{
    QTest::addColumn<QString>("chapter");
    QTest::addColumn<QString>("heading");
    QTest::newRow("homework lesson") << QStringLiteral("The Abstraction: The Process (ch. 4)")
                                     << QStringLiteral("OSTEP ch. 4: The Abstraction: The Process");
    QTest::newRow("workload lesson") << QStringLiteral("5 Interlude: Process API")
                                     << QStringLiteral("OSTEP ch. 5: Interlude: Process API");
    QTest::newRow("no number") << QStringLiteral("Appendix") << QStringLiteral("OSTEP: Appendix");
}

void TestLessons::chapterHeading()
{
    QFETCH(QString, chapter);
    QFETCH(QString, heading);
    QCOMPARE(ui::LessonPanel::chapterHeading(chapter), heading);
    ui::LessonPanel panel;
    panel.setLesson({QStringLiteral("Title"), chapter, QString(), {}});
    QVERIFY2(panel.browser()->toPlainText().startsWith(heading), qPrintable(panel.browser()->toPlainText()));
}

void TestLessons::openedFromTheMenu()
{
    MainWindow window;
    window.setQuiet(true);
    QMenu* ostep = ostepMenu(window);
    QVERIFY(ostep);
    QCOMPARE(subMenuTitles(ostep), (QStringList{QStringLiteral("Ch. 4 — The Abstraction: The Process"),
                                       QStringLiteral("Ch. 7 — Scheduling: Introduction"),
                                       QStringLiteral("Ch. 8 — Scheduling: The Multi-Level Feedback Queue"),
                                       QStringLiteral("Ch. 9 — Scheduling: Proportional Share")}));
    QMenu* ch7 = subMenu(ostep, QStringLiteral("Ch. 7 — Scheduling: Introduction"));
    QVERIFY(ch7 && !ch7->actions().isEmpty());
    QCOMPARE(ch7->actions().first()->text(), QStringLiteral("SJF and FIFO on equal jobs"));
    ch7->actions().first()->trigger();
    QVERIFY2(window.document(), qPrintable(window.lastError()));
    QVERIFY(window.document()->path().endsWith(QStringLiteral("scheduler-01-sjf-fifo-equal.json")));
    auto* panel = window.findChild<ui::LessonPanel*>();
    QVERIFY(
        panel->browser()->toPlainText().startsWith(QStringLiteral("OSTEP ch. 7: Scheduling: Introduction")));
}

void TestLessons::textPanelFollowsTheCursor()
{
    MainWindow window;
    window.setQuiet(true);
    window.resize(1280, 720);
    QVERIFY(window.openFile(bundledTracesDir() + QStringLiteral("/ostep/process-run-02-io-then-cpu.json")));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* text = window.findChild<TraceTextView*>();
    QVERIFY(text);
    QVERIFY2(text->note()->text().contains(QStringLiteral("“Time 1” is tick 0")),
        qPrintable(text->note()->text()));
    const QStringList lines = text->toPlainText().split(QLatin1Char('\n'));
    const auto highlightedRow = [&] {
        const auto l = text->highlightedLines();
        return l ? lines.value(l->first).trimmed().section(QLatin1Char(' '), 0, 0).remove(QLatin1Char('*'))
                 : QString();
    };
    window.playback()->toStart();
    QCOMPARE(text->cursorTick(), Tick(0));
    QCOMPARE(highlightedRow(), QStringLiteral("1"));
    QTest::keyClick(&window, Qt::Key_Right);
    QTest::keyClick(&window, Qt::Key_Right);
    QCOMPARE(window.playback()->tick(), Tick(2));
    QCOMPARE(text->cursorTick(), Tick(2));
    QCOMPARE(highlightedRow(), QStringLiteral("3"));
    QTest::keyClick(&window, Qt::Key_End);
    QCOMPARE(text->cursorTick(), window.playback()->lastTick());
    QVERIFY(text->note()->text().contains(QStringLiteral("the run has ended")));

    // With the future hidden, the script's later rows are hidden too.
    window.playback()->seek(1);
    window.viewState()->setShowFuture(false);
    const auto span = text->timeline().spanAt(1);
    QVERIFY(span);
    QVERIFY(text->document()->findBlockByNumber(span->lastLine).isVisible());
    QVERIFY(!text->document()->findBlockByNumber(span->lastLine + 1).isVisible());
    window.viewState()->setShowFuture(true);
    QVERIFY(text->document()->findBlockByNumber(span->lastLine + 1).isVisible());
}

QTEST_MAIN(TestLessons)
#include "tst_lessons.moc"
