// Help ▸ Keyboard lists every key the main window answers to: every QAction and QShortcut with a
// key sequence, each with what it does, read when the list opens (so a new key is never missing).
#include "app/gui/keyboard_help.h"
#include "app/gui/main_window.h"

#include <QAction>
#include <QDialog>
#include <QDir>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QShortcut>
#include <QStandardPaths>
#include <QTest>
#include <QTextBrowser>

#include <algorithm>

using namespace procscope;

class TestKeyboardHelp : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void listsEveryKeyOfTheWindow();
    void saysWhatEachKeyDoes_data();
    void saysWhatEachKeyDoes();
    void opensFromTheHelpMenuAndF1();
    void aKeyAddedLaterIsListed();
    void screenshot();

private:
    QString shownText() const; // the open list, as the reader sees it
    QDialog* dialog() const { return m_window->findChild<QDialog*>(QStringLiteral("keyboardHelp")); }
    QAction* helpAction() const;

    std::unique_ptr<MainWindow> m_window;
};

void TestKeyboardHelp::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestKeyboardHelp::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->setQuiet(true);
    m_window->resize(1280, 720);
    QVERIFY(m_window->openFile(QStringLiteral(PROCSCOPE_TEST_DATA "/app/demo.json")));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestKeyboardHelp::cleanup()
{
    m_window.reset();
}

QString TestKeyboardHelp::shownText() const
{
    QDialog* d = dialog();
    return d && d->isVisible() ? d->findChild<QTextBrowser*>()->toPlainText() : QString();
}

QAction* TestKeyboardHelp::helpAction() const
{
    for (QAction* top : m_window->menuBar()->actions())
        if (top->text() == QStringLiteral("&Help"))
            for (QAction* a : top->menu()->actions())
                if (a->text().startsWith(QStringLiteral("&Keyboard")))
                    return a;
    return nullptr;
}

// Found independently of keyBindings(): every object of the window that has keys.
void TestKeyboardHelp::listsEveryKeyOfTheWindow()
{
    helpAction()->trigger();
    const QString shown = shownText();
    QVERIFY(!shown.isEmpty());
    const QList<KeyBinding> bindings = keyBindings(m_window.get());
    const auto check = [&](const QList<QKeySequence>& keys, const QString& owner) {
        for (const QKeySequence& k : keys) {
            if (k.isEmpty())
                continue;
            const QString text = k.toString(QKeySequence::NativeText);
            QVERIFY2(
                shown.contains(text), qPrintable(QStringLiteral("%1 (%2) is not listed").arg(text, owner)));
            const auto it = std::find_if(bindings.begin(), bindings.end(),
                [&](const KeyBinding& b) { return b.keys.split(QStringLiteral(", ")).contains(text); });
            QVERIFY2(it != bindings.end(), qPrintable(text));
            QVERIFY2(
                !it->what.isEmpty(), qPrintable(QStringLiteral("%1 (%2) says nothing about what it does: "
                                                               "give a QShortcut a whatsThis")
                                                    .arg(text, owner)));
            QVERIFY2(shown.contains(it->what), qPrintable(it->what));
        }
    };
    int keys = 0;
    for (const QAction* action : m_window->findChildren<QAction*>()) {
        check(action->shortcuts(), action->text());
        keys += int(action->shortcuts().size());
    }
    for (const QShortcut* shortcut : m_window->findChildren<QShortcut*>()) {
        check(shortcut->keys(), shortcut->whatsThis());
        keys += int(shortcut->keys().size());
    }
    QVERIFY(keys >= 15); // the menus' and the playback keys at least
    // Each key once per place it works in.
    QSet<QString> seen;
    for (const KeyBinding& b : bindings) {
        const QString key = b.keys + QLatin1Char('|') + b.where;
        QVERIFY2(!seen.contains(key), qPrintable(key));
        seen.insert(key);
    }
}

void TestKeyboardHelp::saysWhatEachKeyDoes_data()
{
    QTest::addColumn<QKeySequence>("keys");
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("where");
    const QString anywhere = QStringLiteral("Anywhere in the window");
    QTest::newRow("Space") << QKeySequence(Qt::Key_Space) << QStringLiteral("Play / pause") << anywhere;
    QTest::newRow("Shift+Right") << QKeySequence(Qt::SHIFT | Qt::Key_Right) << QStringLiteral("Next event")
                                 << anywhere;
    QTest::newRow("End") << QKeySequence(Qt::Key_End)
                         << QStringLiteral("Go to the end, where every process shows its final state")
                         << anywhere;
    QTest::newRow("Ctrl+P") << QKeySequence(Qt::CTRL | Qt::Key_P) << QStringLiteral("Predict, then reveal")
                            << QStringLiteral("Simulation menu");
    QTest::newRow("Ctrl+O") << QKeySequence(QKeySequence::Open) << QStringLiteral("Open")
                            << QStringLiteral("File menu");
    QTest::newRow("F5") << QKeySequence(Qt::Key_F5) << QStringLiteral("Presentation mode")
                        << QStringLiteral("View menu");
    QTest::newRow("Escape") << QKeySequence(Qt::Key_Escape) << QStringLiteral("Leave presentation mode")
                            << anywhere;
    QTest::newRow("Undo") << QKeySequence(QKeySequence::Undo) << QStringLiteral("Undo")
                          << QStringLiteral("In the Workload editor panel");
}

void TestKeyboardHelp::saysWhatEachKeyDoes()
{
    QFETCH(QKeySequence, keys);
    QFETCH(QString, what);
    QFETCH(QString, where);
    const QString text = keys.toString(QKeySequence::NativeText);
    const QList<KeyBinding> bindings = keyBindings(m_window.get());
    const auto it = std::find_if(bindings.begin(), bindings.end(), [&](const KeyBinding& b) {
        return b.keys.split(QStringLiteral(", ")).contains(text) && b.where == where;
    });
    QVERIFY2(it != bindings.end(), qPrintable(text));
    QVERIFY2(it->what.startsWith(what), qPrintable(it->what));
}

void TestKeyboardHelp::opensFromTheHelpMenuAndF1()
{
    QVERIFY(helpAction());
    QCOMPARE(helpAction()->shortcut(), QKeySequence(QKeySequence::HelpContents));
    QVERIFY(!dialog());
    QTest::keyClick(m_window.get(), Qt::Key_F1);
    QVERIFY(dialog() && dialog()->isVisible());
    QVERIFY(shownText().contains(QStringLiteral("In the Gantt chart")));
    // Asked again: the same window, raised, not a second one.
    helpAction()->trigger();
    QCOMPARE(m_window->findChildren<QDialog*>(QStringLiteral("keyboardHelp")).size(), 1);
}

void TestKeyboardHelp::aKeyAddedLaterIsListed()
{
    auto* key = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K), m_window.get());
    key->setWhatsThis(QStringLiteral("Knock twice"));
    helpAction()->trigger();
    QVERIFY(shownText().contains(
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K).toString(QKeySequence::NativeText)));
    QVERIFY(shownText().contains(QStringLiteral("Knock twice")));
}

void TestKeyboardHelp::screenshot()
{
    const QString dir = qEnvironmentVariable("PROCSCOPE_SCREENSHOTS");
    if (dir.isEmpty())
        QSKIP("set PROCSCOPE_SCREENSHOTS=<directory> to save screenshots");
    QVERIFY(QDir().mkpath(dir));
    helpAction()->trigger();
    QVERIFY(QTest::qWaitForWindowExposed(dialog()));
    QVERIFY(dialog()->grab().save(dir + QStringLiteral("/keyboard-help.png")));
}

QTEST_MAIN(TestKeyboardHelp)
#include "tst_keyboard_help.moc"
