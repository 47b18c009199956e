// Compare policies from the main window as a teacher does: Ctrl+Shift+C opens the dialog (also in
// presentation mode, where the menu bar is hidden), Compare opens the charts in a window of their
// own in the palette of the moment, a standard comparison is one menu click, and Cancel during
// the simulation leaves the main window and its document as they were.
#include "app/gui/main_window.h"
#include "app/gui/presentation_mode.h"
#include "ui/compare/comparison.h"
#include "ui/compare/comparison_dialog.h"
#include "ui/compare/comparison_view.h"
#include "ui/dialogs/policy_editor.h"
#include "ui/gantt/gantt_view.h"

#include <QApplication>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace procscope;

class TestCompareWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void shortcutOpensTheDialogInPresentationMode();
    void presetIsOneClick();
    void cancelKeepsTheDocument();

private:
    QString dataFile(const char* name) const
    {
        return QStringLiteral(PROCSCOPE_TEST_DATA "/") + QLatin1String(name);
    }
    // Runs `step` on every modal window that appears until it returns true.
    void whileModal(std::function<bool(QWidget*)> step);
    static std::vector<ui::ComparisonView*> comparisons();

    QTemporaryDir m_dir;
    QTimer m_poll;
};

void TestCompareWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestCompareWindow::cleanup()
{
    m_poll.stop();
    m_poll.disconnect();
    for (ui::ComparisonView* view : comparisons())
        delete view;
}

void TestCompareWindow::whileModal(std::function<bool(QWidget*)> step)
{
    m_poll.disconnect();
    connect(&m_poll, &QTimer::timeout, this, [this, step] {
        if (QWidget* modal = QApplication::activeModalWidget(); modal && modal->isVisible() && step(modal))
            m_poll.stop();
    });
    m_poll.start(10);
}

std::vector<ui::ComparisonView*> TestCompareWindow::comparisons()
{
    std::vector<ui::ComparisonView*> out;
    for (QWidget* w : QApplication::topLevelWidgets())
        if (auto* view = qobject_cast<ui::ComparisonView*>(w))
            out.push_back(view);
    return out;
}

void TestCompareWindow::shortcutOpensTheDialogInPresentationMode()
{
    MainWindow window;
    window.setQuiet(true);
    window.resize(1280, 720);
    QVERIFY(window.openFile(dataFile("app/demo.json")));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.presentation()->setOn(true);
    QVERIFY(!window.menuBar()->isVisible());
    const ui::Document* document = window.document();

    // In the dialog: the quick choice "FIFO vs SJF vs STCF", then one more variant, RR q=4.
    bool sawDialog = false;
    whileModal([&sawDialog](QWidget* modal) {
        auto* dialog = qobject_cast<ui::ComparisonDialog*>(modal);
        if (!dialog)
            return false;
        sawDialog = true;
        for (QPushButton* b : dialog->findChildren<QPushButton*>())
            if (b->text() == QStringLiteral("FIFO vs SJF vs STCF"))
                b->click();
        dialog->addButton()->click();
        PolicySpec rr;
        rr.kind = PolicyKind::RoundRobin;
        rr.quantum = 4;
        dialog->editor()->setPolicy(rr);
        Q_EMIT dialog->editor()->edited();
        dialog->compareButton()->click();
        return true;
    });
    QTest::keyClick(&window, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(sawDialog);
    const std::vector<ui::ComparisonView*> views = comparisons();
    QCOMPARE(views.size(), std::size_t(1));
    ui::ComparisonView* view = views.front();
    QCOMPARE(view->chartCount(), 4);
    QCOMPARE(view->comparison().variant(3).label, QStringLiteral("RR q=4"));
    QVERIFY(view->windowTitle().contains(QStringLiteral("FIFO vs SJF vs STCF vs RR q=4")));
    QCOMPARE(view->chart(0)->colorScheme(), ui::Palette::HighContrast);
    QCOMPARE(window.document(), document); // the main window's document is not touched
    window.presentation()->setOn(false);
    QCOMPARE(view->chart(0)->colorScheme(), ui::Palette::Standard);
}

void TestCompareWindow::presetIsOneClick()
{
    MainWindow window;
    window.setQuiet(true);
    QVERIFY(window.openFile(dataFile("app/demo.json")));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QMenu* menu = nullptr;
    for (QMenu* m : window.menuBar()->findChildren<QMenu*>())
        if (m->title() == QStringLiteral("&Compare policies side by side"))
            menu = m;
    QVERIFY(menu);
    Q_EMIT menu->aboutToShow();
    QAction* preset = nullptr;
    for (QAction* a : menu->actions())
        if (a->text() == QStringLiteral("RR q=1 vs q=4 vs FIFO"))
            preset = a;
    QVERIFY(preset);
    QVERIFY(menu->actions().front()->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    preset->trigger();
    const std::vector<ui::ComparisonView*> views = comparisons();
    QCOMPARE(views.size(), std::size_t(1));
    QCOMPARE(views.front()->chartCount(), 3);
    QVERIFY(views.front()->isVisible());
    QVERIFY(views.front()->width() <= 1280 && views.front()->height() <= 900);
}

// A comparison that takes long (round robin with a one-tick slice over millions of ticks): the
// progress dialog's Cancel stops it, no window opens and the main window keeps its document.
void TestCompareWindow::cancelKeepsTheDocument()
{
    const QString path = m_dir.filePath(QStringLiteral("long.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "procscope-workload", "version": 1, "name": "Three long jobs",
        "policy": {"name": "FIFO"}, "tickLimit": 10000000,
        "processes": [{"pid": 0, "name": "A", "arrival": 0, "program": "c3000000"},
                      {"pid": 1, "name": "B", "arrival": 0, "program": "c3000000"},
                      {"pid": 2, "name": "C", "arrival": 0, "program": "c3000000"}]})");
    file.close();
    MainWindow window; // not quiet: the progress dialog shows
    QVERIFY(window.openFile(path));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.playback()->seek(1234);
    const ui::Document* document = window.document();
    const Tick end = document->trace().end();

    bool cancelled = false;
    whileModal([&cancelled](QWidget* modal) {
        if (auto* dialog = qobject_cast<ui::ComparisonDialog*>(modal)) {
            PolicySpec rr;
            rr.kind = PolicyKind::RoundRobin;
            dialog->editor()->setPolicy(rr);
            Q_EMIT dialog->editor()->edited();
            dialog->compareButton()->click();
            return false; // the progress dialog comes next
        }
        if (auto* progress = qobject_cast<QProgressDialog*>(modal)) {
            // The button, as the user does: cancel() would only hide the dialog.
            QTest::mouseClick(progress->findChild<QPushButton*>(), Qt::LeftButton);
            cancelled = true;
            return true;
        }
        return false;
    });
    QTest::keyClick(&window, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(cancelled);
    QVERIFY(comparisons().empty());
    QCOMPARE(window.document(), document);
    QCOMPARE(window.document()->trace().end(), end);
    QCOMPARE(window.playback()->document(), document);
    QCOMPARE(window.playback()->tick(), Tick(1234));
}

QTEST_MAIN(TestCompareWindow)
#include "tst_compare_window.moc"
