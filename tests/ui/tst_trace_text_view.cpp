// The Text panel follows the cursor: which lines of each OSTEP script's output (and of the per-tick
// table) tell which tick, checked against the run the engine simulated; the view highlights and
// scrolls to them, says that process-run.py's "Time 1" is tick 0, and hides the future on request.
#include "core/trace/trace_table.h"
#include "ui/document/document.h"
#include "ui/document/document_loader.h"
#include "ui/trace_text_timeline.h"
#include "ui/trace_text_view.h"

#include <QDir>
#include <QLabel>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTest>
#include <QTextBlock>

using namespace procscope;
using ui::TextTimeline;
using Span = TextTimeline::Span;

class TestTraceTextView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void timeline_data();
    void timeline();
    void spanAtAndFuture();
    void processRunRowsAreTheTicks_data();
    void processRunRowsAreTheTicks();
    void timeStampsAreTheTicks_data();
    void timeStampsAreTheTicks();
    void lotteryBlocksAreQuanta();
    void tickTableRowsAreTheTicks();
    void viewHighlightsTheCursorsLines();
    void viewScrollsToTheCursor();
    void viewHidesTheFuture();
    void screenshots();

private:
    static ui::Loaded ostep(const QString& script, const QStringList& args)
    {
        ui::Loaded loaded = ui::loadOstep(script, args, nullptr);
        if (!loaded.document)
            qWarning("%s", qPrintable(loaded.error));
        return loaded;
    }
    static QString lineOf(const QString& text, int line) { return text.split(QLatin1Char('\n')).value(line); }
};

void TestTraceTextView::timeline_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QList<Span>>("spans");
    using K = TextTimeline::Kind;
    QTest::newRow("empty") << QString() << int(K::None) << QList<Span>{};
    QTest::newRow("prose") << QStringLiteral("The per-tick table is shown for up to 40 processes.\n")
                           << int(K::None) << QList<Span>{};
    QTest::newRow("process-run: Time 1 is tick 0")
        << QStringLiteral("Produce a trace\n"
                          "Time        PID: 0        PID: 1           CPU           IOs\n"
                          "  1         RUN:io         READY             1          \n"
                          "  2        BLOCKED       RUN:cpu             1             1\n"
                          "  3*   RUN:io_done          DONE             1          \n"
                          "\n"
                          "Stats: Total Time 3\n")
        << int(K::ProcessRun) << QList<Span>{{0, 1, 2, 2}, {1, 2, 3, 3}, {2, 3, 4, 4}};
    QTest::newRow("process-run header without rows")
        << QStringLiteral("Time        PID: 0           CPU           IOs\n\nStats: Total Time 0\n")
        << int(K::ProcessRun) << QList<Span>{};
    QTest::newRow("mlfq: lines at one time are one span")
        << QStringLiteral("Execution Trace:\n\n"
                          "[ time 0 ] JOB BEGINS by JOB 0\n"
                          "[ time 0 ] Run JOB 0 at PRIORITY 2 [ TICKS 9 ALLOT 1 TIME 1 (of 2) ]\n"
                          "[ time 1 ] Run JOB 0 at PRIORITY 2 [ TICKS 8 ALLOT 1 TIME 0 (of 2) ]\n"
                          "[ time 2 ] FINISHED JOB 0\n\nFinal statistics:\n")
        << int(K::TimeStamped) << QList<Span>{{0, 1, 2, 3}, {1, 2, 4, 4}, {2, 3, 5, 5}};
    QTest::newRow("scheduler: a line lasts its run")
        << QStringLiteral("Execution trace:\n"
                          "  [ time   0 ] Run job   0 for 3.00 secs\n"
                          "  [ time   3 ] Run job   1 for 1.00 secs ( DONE at 4.00 )\n"
                          "  [ time   4 ] Run job   0 for 0.50 secs ( DONE at 4.50 )\n")
        << int(K::TimeStamped) << QList<Span>{{0, 3, 1, 1}, {3, 4, 2, 2}, {4, 5, 3, 3}};
    QTest::newRow("lottery: a block per quantum")
        << QStringLiteral("ARG maxticket 100\nARG quantum 2\n\n** Solutions **\n\n"
                          "Random 38551 -> Winning ticket 51 (of 100) -> Run 0\n"
                          "  Jobs:\n"
                          " (* job:0 timeleft:2 tix:60 ) \n"
                          "--> JOB 0 DONE at time 2\n"
                          "Random 696225 -> Winning ticket 25 (of 40) -> Run 1\n"
                          "  Jobs:\n"
                          " (  job:0 timeleft:0 tix:--- )  (* job:1 timeleft:2 tix:40 ) \n"
                          "--> JOB 1 DONE at time 4\n\n")
        << int(K::Lottery) << QList<Span>{{0, 2, 5, 8}, {2, 4, 9, 12}};
    QTest::newRow("lottery without -c: numbers, no blocks")
        << QStringLiteral(
               "ARG maxticket 100\nARG quantum 1\n\n"
               "Here is the set of random numbers you will need (at most):\nRandom 38551\nRandom 696225\n")
        << int(K::None) << QList<Span>{};
    QTest::newRow("per-tick table") << QStringLiteral("  tick A        B        | cpu0    \n"
                                                      "     0 RUN      ready    | A       \n"
                                                      "     1 done     RUN      | B       \n")
                                    << int(K::TickTable) << QList<Span>{{0, 1, 1, 1}, {1, 2, 2, 2}};
    QTest::newRow("time going back ends the table")
        << QStringLiteral("  tick A\n     0 RUN\n     5 RUN\n     2 RUN\n") << int(K::TickTable)
        << QList<Span>{{0, 1, 1, 1}, {5, 6, 2, 2}};
    QTest::newRow("a number too long to be a tick")
        << QStringLiteral("  tick A\n 12345678901234567890 RUN\n") << int(K::TickTable) << QList<Span>{};
}

void TestTraceTextView::timeline()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    QFETCH(QList<Span>, spans);
    const TextTimeline t = ui::parseTextTimeline(text);
    QCOMPARE(int(t.kind), kind);
    QCOMPARE(t.spans.size(), spans.size());
    for (qsizetype i = 0; i < spans.size(); ++i) {
        QCOMPARE(t.spans[i].from, spans[i].from);
        QCOMPARE(t.spans[i].to, spans[i].to);
        QCOMPARE(t.spans[i].firstLine, spans[i].firstLine);
        QCOMPARE(t.spans[i].lastLine, spans[i].lastLine);
    }
}

void TestTraceTextView::spanAtAndFuture()
{
    TextTimeline t;
    t.spans = {{0, 3, 1, 1}, {3, 4, 2, 3}, {6, 7, 5, 5}}; // nothing tells ticks 4 and 5
    QVERIFY(!t.spanAt(-1));
    QCOMPARE(t.spanAt(0)->firstLine, 1);
    QCOMPARE(t.spanAt(2)->firstLine, 1);
    QCOMPARE(t.spanAt(3)->lastLine, 3);
    QVERIFY(!t.spanAt(4));
    QVERIFY(!t.spanAt(5));
    QCOMPARE(t.spanAt(6)->firstLine, 5);
    QVERIFY(!t.spanAt(7));
    QCOMPARE(t.futureFrom(-1), 1);
    QCOMPARE(t.futureFrom(0), 2);
    QCOMPARE(t.futureFrom(2), 2);
    QCOMPARE(t.futureFrom(3), 5);
    QCOMPARE(t.futureFrom(5), 5);
    QCOMPARE(t.futureFrom(6), 6); // the totals after the last line wait for the end
    QCOMPARE(t.futureFrom(7), -1);
    QCOMPARE(TextTimeline().futureFrom(0), -1);
}

void TestTraceTextView::processRunRowsAreTheTicks_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("cpu and io") << QStringList{QStringLiteral("-l"), QStringLiteral("2:0,6:100")};
    QTest::newRow("switch on end") << QStringList{QStringLiteral("-l"), QStringLiteral("1:0,4:100"),
        QStringLiteral("-S"), QStringLiteral("SWITCH_ON_END")};
    QTest::newRow("io run later") << QStringList{QStringLiteral("-l"),
        QStringLiteral("3:0,5:100,5:100,5:100"), QStringLiteral("-S"), QStringLiteral("SWITCH_ON_IO"),
        QStringLiteral("-I"), QStringLiteral("IO_RUN_LATER")};
    QTest::newRow("random") << QStringList{
        QStringLiteral("-s"), QStringLiteral("2"), QStringLiteral("-l"), QStringLiteral("3:50,3:50")};
}

// Row "Time t+1" shows each process in the state the trace has at tick t.
void TestTraceTextView::processRunRowsAreTheTicks()
{
    QFETCH(QStringList, args);
    const ui::Loaded run = ostep(QStringLiteral("process-run"), args);
    QVERIFY(run.document);
    const Trace& trace = run.document->trace();
    const TextTimeline t = ui::parseTextTimeline(run.ostepText);
    QCOMPARE(t.kind, TextTimeline::Kind::ProcessRun);
    QVERIFY(!t.spans.isEmpty());
    QCOMPARE(t.spans.last().to, trace.end()); // the last row is the last tick
    for (Tick tick = 0; tick < trace.end(); ++tick) {
        const auto span = t.spanAt(tick);
        QVERIFY(span);
        const QStringList columns =
            lineOf(run.ostepText, span->firstLine)
                .split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        QCOMPARE(QString(columns.at(0)).remove(QLatin1Char('*')).toLongLong(), tick + 1);
        for (std::size_t p = 0; p < trace.processCount(); ++p) {
            const QString text = columns.at(qsizetype(trace.info(ProcIndex(p)).pid) + 1);
            const ProcessState state = *trace.track(ProcIndex(p)).stateAt(tick);
            const bool running = text.startsWith(QStringLiteral("RUN"));
            QVERIFY2(running == (state == ProcessState::Running),
                qPrintable(QStringLiteral("tick %1, pid %2: %3").arg(tick).arg(p).arg(text)));
            if (text == QStringLiteral("READY"))
                QCOMPARE(state, ProcessState::Ready);
            if (text == QStringLiteral("BLOCKED"))
                QCOMPARE(state, ProcessState::Blocked);
        }
    }
}

void TestTraceTextView::timeStampsAreTheTicks_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("runs"); // how the script says who runs; (\d+) is the job
    const QString mlfq = QStringLiteral("Run JOB (\\d+) at");
    const QString scheduler = QStringLiteral("Run job\\s+(\\d+) for");
    QTest::newRow("mlfq") << QStringLiteral("mlfq")
                          << QStringList{QStringLiteral("-n"), QStringLiteral("2"), QStringLiteral("-q"),
                                 QStringLiteral("5"), QStringLiteral("-l"), QStringLiteral("0,30,0:0,30,0")}
                          << mlfq;
    QTest::newRow("mlfq with io") << QStringLiteral("mlfq")
                                  << QStringList{QStringLiteral("-n"), QStringLiteral("3"),
                                         QStringLiteral("-q"), QStringLiteral("10"), QStringLiteral("-l"),
                                         QStringLiteral("0,50,0:20,25,3"), QStringLiteral("-i"),
                                         QStringLiteral("5")}
                                  << mlfq;
    QTest::newRow("scheduler RR") << QStringLiteral("scheduler")
                                  << QStringList{QStringLiteral("-p"), QStringLiteral("RR"),
                                         QStringLiteral("-q"), QStringLiteral("3"), QStringLiteral("-l"),
                                         QStringLiteral("7,4,9")}
                                  << scheduler;
    QTest::newRow("scheduler SJF") << QStringLiteral("scheduler")
                                   << QStringList{QStringLiteral("-p"), QStringLiteral("SJF"),
                                          QStringLiteral("-l"), QStringLiteral("30,10,20")}
                                   << scheduler;
}

// "[ time N ] Run job J" means: the CPU runs J at tick N (and, for scheduler.py, the whole run).
void TestTraceTextView::timeStampsAreTheTicks()
{
    QFETCH(QString, script);
    QFETCH(QStringList, args);
    QFETCH(QString, runs);
    const ui::Loaded run = ostep(script, args);
    QVERIFY(run.document);
    const Trace& trace = run.document->trace();
    const TextTimeline t = ui::parseTextTimeline(run.ostepText);
    QCOMPARE(t.kind, TextTimeline::Kind::TimeStamped);
    const QRegularExpression job(runs);
    int checked = 0;
    for (const Span& span : t.spans) {
        for (int line = span.firstLine; line <= span.lastLine; ++line) {
            const auto m = job.match(lineOf(run.ostepText, line));
            if (!m.hasMatch())
                continue;
            for (Tick tick = span.from; tick < span.to; ++tick) {
                const ProcIndex p = trace.cpu(0).procAt(tick);
                QVERIFY2(p >= 0, qPrintable(QStringLiteral("tick %1 idle").arg(tick)));
                QCOMPARE(qlonglong(trace.info(p).pid), m.captured(1).toLongLong());
                ++checked;
            }
        }
    }
    QVERIFY(checked >= 20);
}

void TestTraceTextView::lotteryBlocksAreQuanta()
{
    for (const QString& quantum : {QStringLiteral("1"), QStringLiteral("3")}) {
        const ui::Loaded run = ostep(QStringLiteral("lottery"),
            {QStringLiteral("-l"), QStringLiteral("8:60,6:40"), QStringLiteral("-q"), quantum,
                QStringLiteral("-s"), QStringLiteral("43")});
        QVERIFY(run.document);
        const Trace& trace = run.document->trace();
        const TextTimeline t = ui::parseTextTimeline(run.ostepText);
        QCOMPARE(t.kind, TextTimeline::Kind::Lottery);
        QCOMPARE(t.quantum, quantum.toLongLong());
        QVERIFY(t.spans.size() >= 5);
        const QRegularExpression winner(QStringLiteral("-> Run (\\d+)$"));
        for (const Span& span : t.spans) {
            const auto m = winner.match(lineOf(run.ostepText, span.firstLine));
            QVERIFY(m.hasMatch());
            const ProcIndex p = trace.cpu(0).procAt(span.from);
            QVERIFY(p >= 0);
            QCOMPARE(qlonglong(trace.info(p).pid), m.captured(1).toLongLong());
        }
    }
}

void TestTraceTextView::tickTableRowsAreTheTicks()
{
    const ui::Loaded run = ostep(QStringLiteral("scheduler"), {QStringLiteral("-l"), QStringLiteral("3,2")});
    QVERIFY(run.document);
    const QString table = QString::fromStdString(traceTable(run.document->trace()));
    const TextTimeline t = ui::parseTextTimeline(table);
    QCOMPARE(t.kind, TextTimeline::Kind::TickTable);
    QCOMPARE(t.spans.size(), qsizetype(run.document->trace().end()));
    for (Tick tick = 0; tick < run.document->trace().end(); ++tick)
        QCOMPARE(
            lineOf(table, t.spanAt(tick)->firstLine).trimmed().section(QLatin1Char(' '), 0, 0).toLongLong(),
            tick);
}

void TestTraceTextView::viewHighlightsTheCursorsLines()
{
    const ui::Loaded run =
        ostep(QStringLiteral("process-run"), {QStringLiteral("-l"), QStringLiteral("2:0,6:100")});
    QVERIFY(run.document);
    TraceTextView view;
    view.resize(700, 400);
    view.show();
    view.setText(run.ostepText);
    QVERIFY(view.note()->isVisible());
    QVERIFY2(
        view.note()->text().contains(QStringLiteral("“Time 1” is tick 0")), qPrintable(view.note()->text()));

    view.setCursorTick(3);
    const auto lines = view.highlightedLines();
    QVERIFY(lines);
    QVERIFY(lineOf(run.ostepText, lines->first).trimmed().startsWith(QLatin1Char('4')));
    QCOMPARE(view.extraSelections().size(), 1);
    QCOMPARE(view.extraSelections().first().cursor.blockNumber(), lines->first);
    QVERIFY2(view.note()->text().contains(QStringLiteral("tick 3, the row “Time 4”")),
        qPrintable(view.note()->text()));
    // The note sits above the text, which starts below it.
    QVERIFY(view.note()->geometry().bottom() < view.viewport()->geometry().top() + 1);

    // The end of the run: no row, and the note says so.
    view.setCursorTick(run.document->trace().end());
    QVERIFY(!view.highlightedLines());
    QVERIFY(view.extraSelections().isEmpty());
    QVERIFY2(
        view.note()->text().contains(QStringLiteral("the run has ended")), qPrintable(view.note()->text()));

    // A text without time: no note, no highlight.
    view.setText(QStringLiteral("The per-tick table is shown for up to 40 processes.\n"));
    QVERIFY(!view.note()->isVisible());
    QVERIFY(view.extraSelections().isEmpty());
}

void TestTraceTextView::viewScrollsToTheCursor()
{
    const ui::Loaded run =
        ostep(QStringLiteral("process-run"), {QStringLiteral("-l"), QStringLiteral("40:100,40:100,10:0")});
    QVERIFY(run.document);
    TraceTextView view;
    view.resize(600, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setText(run.ostepText);
    const auto visible = [&view](int line) {
        const QRect r = view.cursorRect(QTextCursor(view.document()->findBlockByNumber(line)));
        return r.top() >= 0 && r.bottom() <= view.viewport()->height();
    };
    for (Tick tick : {Tick(70), Tick(5), Tick(95), Tick(40)}) {
        view.setCursorTick(tick);
        const auto lines = view.highlightedLines();
        QVERIFY(lines);
        QVERIFY2(visible(lines->first), qPrintable(QStringLiteral("tick %1").arg(tick)));
    }
    // Stepping within the page does not scroll.
    const int scroll = view.verticalScrollBar()->value();
    view.setCursorTick(41);
    QCOMPARE(view.verticalScrollBar()->value(), scroll);
}

void TestTraceTextView::viewHidesTheFuture()
{
    const ui::Loaded run =
        ostep(QStringLiteral("process-run"), {QStringLiteral("-l"), QStringLiteral("2:0,6:100")});
    QVERIFY(run.document);
    TraceTextView view;
    view.resize(700, 400);
    view.show();
    view.setText(run.ostepText);
    const auto shownLines = [&view] {
        int last = -1;
        for (QTextBlock b = view.document()->begin(); b.isValid(); b = b.next())
            if (b.isVisible())
                last = b.blockNumber();
            else if (last < 0 || b.blockNumber() <= last)
                return -2; // a hidden line before a shown one
        return last;
    };
    const TextTimeline& t = view.timeline();
    const int all = view.document()->blockCount() - 1;
    QCOMPARE(shownLines(), all);

    view.setCursorTick(4);
    view.setShowFuture(false);
    QCOMPARE(shownLines(), t.spanAt(4)->lastLine); // up to the cursor's row, nothing after
    view.setCursorTick(1);
    QCOMPARE(shownLines(), t.spanAt(1)->lastLine);
    view.setCursorTick(7);
    QCOMPARE(shownLines(), t.spanAt(7)->lastLine);
    view.setCursorTick(run.document->trace().end()); // the end: the statistics too
    QCOMPARE(shownLines(), all);
    view.setCursorTick(0);
    view.setShowFuture(true);
    QCOMPARE(shownLines(), all);
    // A new text while the future is hidden starts hidden at the cursor.
    view.setShowFuture(false);
    view.setText(run.ostepText);
    QCOMPARE(shownLines(), t.spanAt(0)->lastLine);
}

void TestTraceTextView::screenshots()
{
    const QString dir = qEnvironmentVariable("PROCSCOPE_SCREENSHOTS");
    if (dir.isEmpty())
        QSKIP("set PROCSCOPE_SCREENSHOTS=<directory> to save screenshots");
    QVERIFY(QDir().mkpath(dir));
    const struct {
        const char* name;
        const char* script;
        QStringList args;
        Tick at;
    } runs[] = {
        {"process-run", "process-run", {QStringLiteral("-l"), QStringLiteral("3:0,5:100,5:100")}, 6},
        {"mlfq", "mlfq",
            {QStringLiteral("-n"), QStringLiteral("2"), QStringLiteral("-l"),
                QStringLiteral("0,30,0:0,30,0")},
            12},
        {"scheduler", "scheduler",
            {QStringLiteral("-p"), QStringLiteral("RR"), QStringLiteral("-q"), QStringLiteral("3"),
                QStringLiteral("-l"), QStringLiteral("7,4,9")},
            7},
        {"lottery", "lottery",
            {QStringLiteral("-l"), QStringLiteral("8:60,6:40"), QStringLiteral("-s"), QStringLiteral("43")},
            4},
    };
    for (const auto& r : runs) {
        const ui::Loaded run = ostep(QLatin1String(r.script), r.args);
        QVERIFY(run.document);
        for (bool future : {true, false}) {
            TraceTextView view;
            view.resize(760, 420);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            view.setText(run.ostepText);
            view.setShowFuture(future);
            view.setCursorTick(r.at);
            QCoreApplication::processEvents();
            QVERIFY(view.grab().save(
                QStringLiteral("%1/text-%2%3.png")
                    .arg(dir, QLatin1String(r.name), future ? QString() : QStringLiteral("-nofuture"))));
        }
    }
}

QTEST_MAIN(TestTraceTextView)
#include "tst_trace_text_view.moc"
