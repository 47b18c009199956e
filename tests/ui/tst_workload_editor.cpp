// The workload editor: every edit undoes and redoes exactly, invalid cells say what the workload
// reader expected, a saved workload reads back equal, the modified flag follows the undo stack,
// and the model passes QAbstractItemModelTester through all of it.
#include "core/io/workload_json.h"
#include "tests/core/sim_helpers.h"
#include "ui/editor/program_text.h"
#include "ui/editor/workload_editor.h"
#include "ui/editor/workload_model.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QColor>
#include <QDir>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <functional>
#include <variant>

using namespace procscope;
using namespace procscope::ui;
using testing::Job;
using testing::makeWorkload;

namespace {

Workload forkWaitWorkload()
{
    return testing::bundledWorkload("fork-wait.json");
}

Workload threeJobs()
{
    Workload w =
        makeWorkload({Job{0, {Op::cpu(7), Op::io(5), Op::cpu(1)}}, Job{2, {Op::cpu(4)}},
                         Job{3, {Op::cpu(2), Op::fork({Op::cpu(3)}, "kid"), Op::wait(), Op::cpu(1)}}},
            PolicyKind::RoundRobin, 2);
    w.name = "three jobs";
    return w;
}

// Everything an edit may change.
struct Snapshot {
    std::vector<WorkloadRow> rows;
    Workload settings;
    bool operator==(const Snapshot&) const = default;
};
Snapshot snapshot(const WorkloadModel& m)
{
    return {m.rows(), m.settings()};
}

QString problemAt(const WorkloadModel& m, int row, int column)
{
    return m.index(row, column).data(WorkloadModel::ProblemRole).toString();
}

// Clicks `button` on the message box that the next modal loop shows.
void answerNextMessageBox(QMessageBox::StandardButton button)
{
    QTimer::singleShot(0, [button] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        QVERIFY(box);
        box->button(button)->click();
    });
}

} // namespace

class TestWorkloadEditor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void undoRedoEachCommand_data();
    void undoRedoEachCommand();
    void programTextKeptAsTyped();
    void validationMessages();
    void runOnlyWhenValid();
    void saveLoadRoundTrip();
    void loadReportsErrors();
    void modifiedFollowsUndoStack();
    void maybeSaveAsks();
    void screenshot();
};

void TestWorkloadEditor::undoRedoEachCommand_data()
{
    QTest::addColumn<int>("which");
    const char* names[] = {"name", "arrival", "priority", "tickets", "program", "invalid program", "add",
        "remove two", "duplicate", "generate", "policy", "cpus"};
    for (int i = 0; i < int(std::size(names)); ++i)
        QTest::newRow(names[i]) << i;
}

void TestWorkloadEditor::undoRedoEachCommand()
{
    QFETCH(int, which);
    WorkloadModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setWorkload(threeJobs());
    QCOMPARE(model.undoStack()->count(), 0);

    const std::vector<std::function<void()>> edits{
        [&] { QVERIFY(model.setData(model.index(1, WorkloadModel::Name), QStringLiteral("editor"))); },
        [&] { QVERIFY(model.setData(model.index(1, WorkloadModel::Arrival), 9)); },
        [&] { QVERIFY(model.setData(model.index(0, WorkloadModel::Priority), -4)); },
        [&] { QVERIFY(model.setData(model.index(2, WorkloadModel::Tickets), QStringLiteral("250"))); },
        [&] { QVERIFY(model.setData(model.index(0, WorkloadModel::Program), QStringLiteral("c3, i , c2"))); },
        [&] { QVERIFY(model.setData(model.index(0, WorkloadModel::Program), QStringLiteral("c3,x"))); },
        [&] { model.addProcess(); },
        [&] {
            model.removeProcesses({2, 0});
        },
        [&] { model.duplicateProcesses({1}); },
        [&] {
            GeneratorSpec g;
            g.seed = 7;
            g.count = 4;
            g.maxArrival = 10;
            model.generate(g);
        },
        [&] {
            Workload s = model.settings();
            s.policy.kind = PolicyKind::Stcf;
            model.editSettings(s, QStringLiteral("Policy STCF"));
        },
        [&] {
            Workload s = model.settings();
            s.machine.cpus = 3;
            model.editSettings(s, QStringLiteral("3 CPUs"));
        },
    };
    const Snapshot before = snapshot(model);
    edits[static_cast<std::size_t>(which)]();
    const Snapshot after = snapshot(model);
    QVERIFY(after != before);
    QCOMPARE(model.undoStack()->count(), 1);
    QVERIFY(!model.undoStack()->undoText().isEmpty());

    model.undoStack()->undo();
    QVERIFY(snapshot(model) == before);
    model.undoStack()->redo();
    QVERIFY(snapshot(model) == after);
    model.undoStack()->undo();
    QVERIFY(snapshot(model) == before);
}

void TestWorkloadEditor::programTextKeptAsTyped()
{
    WorkloadModel model;
    model.setWorkload(forkWaitWorkload());
    // A loaded fork program shows as its list of operations, which reads back to the same program.
    const QString shown = model.index(0, WorkloadModel::Program).data().toString();
    QVERIFY2(shown.startsWith(QLatin1Char('[')), qPrintable(shown));
    const ProgramText back = parseProgramText(shown, model.settings().machine);
    QVERIFY2(back.program.has_value(), qPrintable(back.error));
    QVERIFY(*back.program == model.row(0).spec.program);

    // The user's spelling stays; the program is what it means.
    QVERIFY(model.setData(model.index(0, WorkloadModel::Program), QStringLiteral("c7,i,c1,i")));
    QCOMPARE(model.index(0, WorkloadModel::Program).data().toString(), QStringLiteral("c7,i,c1,i"));
    const Program expected{Op::cpu(7), Op::io(kEditorIoLength), Op::cpu(1), Op::io(kEditorIoLength)};
    QVERIFY(model.row(0).spec.program == expected);
    QVERIFY(model.setData(model.index(0, WorkloadModel::Program),
        QStringLiteral(R"([{"cpu": 2}, {"fork": "c3", "name": "ls"}, {"wait": "any"}])")));
    QCOMPARE(model.row(0).spec.program.size(), std::size_t(3));
    QCOMPARE(model.row(0).spec.program[1].childName, std::string("ls"));
    QVERIFY(problemAt(model, 0, WorkloadModel::Program).isEmpty());
}

void TestWorkloadEditor::validationMessages()
{
    WorkloadModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setWorkload(threeJobs());
    for (int c = 0; c < WorkloadModel::ColumnCount; ++c) {
        QVERIFY(problemAt(model, 0, c).isEmpty());
        QVERIFY(!model.index(0, c).data(Qt::BackgroundRole).isValid());
    }
    QVERIFY(model.problem().isEmpty());

    // Not a number at all: refused, the cell keeps its value.
    QVERIFY(!model.setData(model.index(0, WorkloadModel::Arrival), QStringLiteral("soon")));
    QCOMPARE(model.undoStack()->count(), 0);

    struct Case {
        int column;
        QVariant value;
        QString says; // part of the message
    };
    const std::vector<Case> cases{
        {WorkloadModel::Arrival, -3, QStringLiteral("arrival")},
        {WorkloadModel::Tickets, 0, QStringLiteral("tickets")},
        {WorkloadModel::Program, QStringLiteral("c7,x"), QStringLiteral("operation 2 \"x\"")},
        {WorkloadModel::Program, QStringLiteral("c-3"), QStringLiteral("CPU ticks")},
        {WorkloadModel::Program, QStringLiteral(R"([{"wait": "any"}])"), QStringLiteral("wait")},
        {WorkloadModel::Program, QStringLiteral(R"([{"io": 3, "device": "net"}])"), QStringLiteral("net")},
        {WorkloadModel::Program, QStringLiteral(R"([{"cpu": 2}, {"exit": 0}, {"cpu": 1}])"),
            QStringLiteral("exit")},
        {WorkloadModel::Program, QStringLiteral("[{\"cpu\": 2"), QStringLiteral("JSON")},
    };
    for (const Case& c : cases) {
        QVERIFY(model.setData(model.index(1, c.column), c.value));
        const QString message = problemAt(model, 1, c.column);
        QVERIFY2(message.contains(c.says), qPrintable(c.value.toString() + QStringLiteral(" -> ") + message));
        QCOMPARE(model.index(1, c.column).data(Qt::ToolTipRole).toString(), message);
        QCOMPARE(model.index(1, c.column).data(Qt::BackgroundRole).value<QColor>(), QColor(0xff, 0xcd, 0xd2));
        QVERIFY2(model.problem().contains(QStringLiteral("P1")), qPrintable(model.problem()));
        // The text stays as typed, for the user to fix.
        QCOMPARE(model.index(1, c.column).data().toString(), c.value.toString());
        model.undoStack()->undo();
        QVERIFY(problemAt(model, 1, c.column).isEmpty());
    }
    // A problem of the whole workload (a device a program uses is gone).
    QVERIFY(model.setData(model.index(1, WorkloadModel::Program), QStringLiteral(R"([{"io": 3}])")));
    Workload s = model.settings();
    s.machine.devices.clear();
    model.editSettings(s, QStringLiteral("no devices"));
    QVERIFY2(model.problem().contains(QStringLiteral("device")), qPrintable(model.problem()));
}

void TestWorkloadEditor::runOnlyWhenValid()
{
    WorkloadEditor editor;
    editor.setWorkload(threeJobs());
    QSignalSpy ran(&editor, &WorkloadEditor::runRequested);
    QSignalSpy refused(&editor, &WorkloadEditor::runRefused);
    QVERIFY(editor.model()->setData(editor.model()->index(2, WorkloadModel::Tickets), 0));
    QVERIFY(!editor.run());
    QCOMPARE(ran.count(), 0);
    QCOMPARE(refused.count(), 1);
    QVERIFY(refused.first().first().toString().contains(QStringLiteral("tickets")));
    editor.undoStack()->undo();
    QVERIFY(editor.run());
    QCOMPARE(ran.count(), 1);
    Workload expected = threeJobs();
    QVERIFY(normalize(expected).empty());
    QVERIFY(ran.first().first().value<Workload>() == expected);
}

void TestWorkloadEditor::saveLoadRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("edited.json"));
    WorkloadEditor editor;
    editor.setWorkload(forkWaitWorkload());
    editor.model()->addProcess();
    QVERIFY(editor.model()->setData(editor.model()->index(1, WorkloadModel::Arrival), 4));
    QVERIFY(editor.model()->setData(
        editor.model()->index(1, WorkloadModel::Program), QStringLiteral("c2,i3,c1")));
    Workload s = editor.model()->settings();
    s.machine.devices = {"disk", "net"};
    s.policy.quantum = 3;
    editor.model()->editSettings(s, QStringLiteral("net"));
    QVERIFY(editor.isModified());
    QVERIFY2(editor.save(path), qPrintable(editor.errorString()));
    QVERIFY(!editor.isModified());
    QCOMPARE(editor.path(), path);

    WorkloadEditor other;
    QVERIFY2(other.load(path), qPrintable(other.errorString()));
    QVERIFY(!other.isModified());
    Workload expected = editor.workload();
    QVERIFY(normalize(expected).empty());
    QVERIFY(other.workload() == expected);
    // And saving that again writes the same bytes.
    const QString again = dir.filePath(QStringLiteral("again.json"));
    QVERIFY(other.save(again));
    QFile a(path), b(again);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    QCOMPARE(a.readAll(), b.readAll());

    // An invalid workload is not saved (the user's text would be lost).
    QVERIFY(
        editor.model()->setData(editor.model()->index(0, WorkloadModel::Program), QStringLiteral("c1,z")));
    QVERIFY(!editor.save(path));
    QVERIFY(editor.errorString().contains(QStringLiteral("operation 2")));
    QVERIFY(editor.isModified());
}

void TestWorkloadEditor::loadReportsErrors()
{
    WorkloadEditor editor;
    editor.setWorkload(threeJobs());
    QVERIFY(!editor.load(QStringLiteral(PROCSCOPE_TEST_DATA "/no-such-file.json")));
    QVERIFY(editor.errorString().contains(QStringLiteral("no-such-file.json")));
    QVERIFY(editor.workload() == threeJobs()); // unchanged
}

void TestWorkloadEditor::modifiedFollowsUndoStack()
{
    WorkloadEditor editor;
    editor.setWorkload(threeJobs());
    QSignalSpy modified(&editor, &WorkloadEditor::modifiedChanged);
    QVERIFY(!editor.isModified());
    editor.model()->addProcess();
    QVERIFY(editor.isModified());
    QCOMPARE(modified.count(), 1);
    QCOMPARE(modified.last().first().toBool(), true);
    editor.undoStack()->undo();
    QVERIFY(!editor.isModified());
    QCOMPARE(modified.last().first().toBool(), false);
    editor.undoStack()->redo();
    QVERIFY(editor.isModified());
    editor.setClean();
    QVERIFY(!editor.isModified());
    editor.undoStack()->undo(); // away from the saved state: modified again
    QVERIFY(editor.isModified());
    editor.setWorkload(threeJobs());
    QVERIFY(!editor.isModified());
    QCOMPARE(editor.undoStack()->count(), 0);
}

void TestWorkloadEditor::maybeSaveAsks()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("w.json"));
    WorkloadEditor editor;
    editor.setWorkload(threeJobs(), path);
    QVERIFY(editor.maybeSave(&editor)); // nothing to save: no question

    editor.model()->addProcess();
    answerNextMessageBox(QMessageBox::Cancel);
    QVERIFY(!editor.maybeSave(&editor));
    QVERIFY(editor.isModified());
    QVERIFY(!QFile::exists(path));

    answerNextMessageBox(QMessageBox::Discard);
    QVERIFY(editor.maybeSave(&editor));
    QVERIFY(!QFile::exists(path));

    answerNextMessageBox(QMessageBox::Save);
    QVERIFY(editor.maybeSave(&editor));
    QVERIFY(!editor.isModified());
    WorkloadEditor other;
    QVERIFY(other.load(path));
    QCOMPARE(other.model()->rowCount(), 4);
}

void TestWorkloadEditor::screenshot()
{
    const QByteArray dir = qgetenv("PROCSCOPE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set PROCSCOPE_SCREENSHOT_DIR to write screenshots");
    WorkloadEditor editor;
    editor.setWorkload(forkWaitWorkload());
    editor.model()->addProcess();
    editor.model()->addProcess();
    QVERIFY(editor.model()->setData(
        editor.model()->index(1, WorkloadModel::Program), QStringLiteral("c7,i,c1,i")));
    QVERIFY(
        editor.model()->setData(editor.model()->index(2, WorkloadModel::Program), QStringLiteral("c3,x")));
    QVERIFY(editor.model()->setData(editor.model()->index(2, WorkloadModel::Tickets), 0));
    editor.view()->selectRow(1);
    editor.resize(900, 420);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QVERIFY(editor.grab().save(
        QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("h-editor-editor.png"))));
}

QTEST_MAIN(TestWorkloadEditor)
#include "tst_workload_editor.moc"
