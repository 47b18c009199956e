// Drives the real MainWindow as a person does, for the user-path tests and the monkey: menu
// actions found by their text, keys sent where the keyboard focus is, modal dialogs answered, and
// the check that every view shows the tick of the PlaybackController.
#pragma once

#include "app/gui/main_window.h"
#include "ui/cpuplot/cpu_plot_view.h"
#include "ui/diagram/state_diagram_view.h"
#include "ui/gantt/gantt_view.h"
#include "ui/models/event_log_model.h"
#include "ui/models/process_table_model.h"
#include "ui/models/ready_queue_model.h"
#include "ui/panels/event_log_panel.h"
#include "ui/panels/process_table_panel.h"
#include "ui/panels/ready_queue_panel.h"
#include "ui/playback/playback_bar.h"
#include "ui/style/custom_plot.h"
#include "ui/tree/process_tree_model.h"
#include "ui/tree/process_tree_view.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QFileDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QSlider>
#include <QTest>
#include <QTimer>

#include <functional>
#include <limits>
#include <memory>
#include <set>
#include <utility>

namespace procscope::test {

// Where the bundled traces are, in the source tree.
inline QString tracesDir()
{
    return QStringLiteral(PROCSCOPE_TEST_DATA "/../../traces");
}

// "Export &Gantt chart (PNG, SVG, PDF)…" reads "Export Gantt chart (PNG, SVG, PDF)".
inline QString plainText(QString text)
{
    text.remove(QLatin1Char('&'));
    text.remove(QChar(0x2026));
    return text.trimmed();
}

inline bool textStarts(const QString& text, const QString& start)
{
    return plainText(text).startsWith(start, Qt::CaseInsensitive);
}

// A menu's actions as a person sees them when it opens (menus filled on opening are filled).
inline QList<QAction*> openedMenuActions(QMenu* menu)
{
    Q_EMIT menu->aboutToShow();
    return menu->actions();
}

// The action at the end of a menu path from the menu bar, each step matched by how its text
// starts: {"File", "Export Gantt"}. Null when there is none.
inline QAction* menuAction(QMainWindow* window, const QStringList& path)
{
    QList<QAction*> actions = window->menuBar()->actions();
    QAction* found = nullptr;
    for (const QString& step : path) {
        found = nullptr;
        for (QAction* a : actions)
            if (!a->isSeparator() && textStarts(a->text(), step)) {
                found = a;
                break;
            }
        if (!found)
            return nullptr;
        if (found->menu())
            actions = openedMenuActions(found->menu());
    }
    return found;
}

// Every action a person can choose in the menus, with its path ("File/Open recent/…"), menus
// filled as when they open.
inline void collectMenuActions(
    const QList<QAction*>& actions, const QString& prefix, std::vector<std::pair<QString, QAction*>>* out)
{
    for (QAction* a : actions) {
        if (a->isSeparator() || !a->isVisible())
            continue;
        const QString path =
            prefix.isEmpty() ? plainText(a->text()) : prefix + QLatin1Char('/') + plainText(a->text());
        if (a->menu())
            collectMenuActions(openedMenuActions(a->menu()), path, out);
        else if (a->isEnabled())
            out->emplace_back(path, a);
    }
}

// The button of a dialog or panel whose text starts with `text`, or null.
inline QAbstractButton* buttonNamed(QWidget* parent, const QString& text)
{
    for (QAbstractButton* b : parent->findChildren<QAbstractButton*>())
        if (textStarts(b->text(), text))
            return b;
    return nullptr;
}

// Answers every modal dialog that opens while it lives: `answer` gets each new dialog on top once
// and clicks or fills it. A dialog still open long after its answer is rejected, so a test never
// hangs on a dialog it did not expect. Progress dialogs close themselves and are left alone.
class ModalAnswerer {
public:
    using Answer = std::function<void(QWidget* dialog)>;

    explicit ModalAnswerer(Answer answer)
        : m_answer(std::move(answer))
        , m_outer(std::exchange(innermost(), this))
    {
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { poll(); });
        m_timer.start();
    }
    ~ModalAnswerer()
    {
        m_timer.stop();
        innermost() = m_outer;
    }
    ModalAnswerer(const ModalAnswerer&) = delete;
    ModalAnswerer& operator=(const ModalAnswerer&) = delete;

    // What the dialogs said, in order ("QMessageBox: Cannot open bad.json").
    const QStringList& seen() const { return m_seen; }

private:
    // Answerers nest (an action performed while another waits): only the innermost answers.
    static ModalAnswerer*& innermost()
    {
        static ModalAnswerer* top = nullptr;
        return top;
    }

    void poll()
    {
        if (innermost() != this)
            return;
        QWidget* top = QApplication::activeModalWidget();
        if (!top || qobject_cast<QProgressDialog*>(top))
            return;
        if (top != m_current) {
            m_current = top;
            m_polls = 0;
            QString text = top->windowTitle();
            if (auto* box = qobject_cast<QMessageBox*>(top))
                text += QStringLiteral(": ") + box->text();
            m_seen << QString::fromLatin1(top->metaObject()->className()) + QStringLiteral(": ") + text;
            // Answered from the event loop, not from this timer's slot: an answer that opens
            // another modal dialog (the overwrite question of a file dialog) blocks in it, and a
            // timer never fires again while its own slot is running.
            QTimer::singleShot(0, &m_context, [this, dialog = QPointer<QWidget>(top)] {
                if (dialog && dialog->isVisible() && m_answer)
                    m_answer(dialog);
            });
            return;
        }
        if (++m_polls == 400) // about two seconds and the answer did not close it
            if (auto* dialog = qobject_cast<QDialog*>(top))
                dialog->reject();
    }

    Answer m_answer;
    ModalAnswerer* m_outer;
    QObject m_context; // the answers queued while the answerer lives
    QTimer m_timer;
    QPointer<QWidget> m_current;
    int m_polls = 0;
    QStringList m_seen;
};

// Standard answers.
inline void clickButton(QWidget* dialog, const QString& text)
{
    if (QAbstractButton* b = buttonNamed(dialog, text))
        b->click();
}

// Types a whole path into the file name box of a file dialog and accepts it, as a person does.
// (selectFile() is not enough: the dialog lists the new folder later, and until then it has no
// selection.)
inline void typeFileName(QFileDialog* files, const QString& path)
{
    if (auto* name = files->findChild<QLineEdit*>(QStringLiteral("fileNameEdit")))
        name->setText(path);
    else
        files->selectFile(path);
    static_cast<QDialog*>(files)->accept(); // QFileDialog::accept, through the public slot
}

// Types the path into a file dialog and accepts it; a message box (the overwrite question) gets Yes.
inline ModalAnswerer::Answer chooseFile(const QString& path)
{
    return [path](QWidget* dialog) {
        if (auto* files = qobject_cast<QFileDialog*>(dialog)) {
            typeFileName(files, path);
        } else if (auto* box = qobject_cast<QMessageBox*>(dialog)) {
            if (QAbstractButton* yes = box->button(QMessageBox::Yes))
                yes->click();
            else
                box->accept();
        }
    };
}

// Which tick each view shows, when one is not the PlaybackController's: "gantt 12, diagram 11".
inline QString viewsOffTheCursor(MainWindow& window)
{
    const Tick now = window.playback()->tick();
    QStringList off;
    const auto check = [&](const char* name, Tick shown) {
        if (shown != now)
            off << QStringLiteral("%1 %2").arg(QLatin1String(name)).arg(shown);
    };
    check("gantt", window.gantt()->shownTick());
    check("diagram", window.findChild<ui::StateDiagramView*>()->shownTick());
    check("cpu plot", window.findChild<ui::CpuPlotView*>()->shownTick());
    check("process table", window.findChild<ui::ProcessTablePanel*>()->model()->tick());
    check("ready queue", window.findChild<ui::ReadyQueuePanel*>()->model()->tick());
    check("event log", window.findChild<ui::EventLogPanel*>()->model()->cursorTick());
    check("process tree", window.findChild<ui::ProcessTreeView*>()->treeModel()->tick());
    // The scrubber maps a long trace onto at most PlaybackBar::kScrubberSteps positions.
    if (window.findChild<ui::PlaybackBar*>()->scrubber()->value() !=
        ui::PlaybackBar::scrubberPosition(now, window.playback()->lastTick()))
        off << QStringLiteral("scrubber %1").arg(window.findChild<ui::PlaybackBar*>()->scrubber()->value());
    if (off.isEmpty())
        return {};
    return QStringLiteral("cursor at %1, but %2").arg(now).arg(off.join(QStringLiteral(", ")));
}

// The offscreen platform warns about every window feature it lacks (raise, size hints, grabbing
// the mouse); those lines would bury what a failing test says.
inline void dropOffscreenPlatformWarnings()
{
    static QtMessageHandler previous = nullptr;
    previous =
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext& context, const QString& text) {
            if (type == QtWarningMsg && text.startsWith(QLatin1String("This plugin does not support")))
                return;
            if (previous)
                previous(type, context, text);
        });
}

// When a modal dialog closes, the window manager gives the focus back to the window under it; the
// offscreen platform has none and leaves no window active, so the window's shortcuts would not work.
inline void activateLikeAWindowManager(QWidget* window)
{
    if (QApplication::activeWindow() || !window->isVisible())
        return;
    window->activateWindow();
    QApplication::processEvents();
}

// A window as the application makes it, showing `file`; quiet: errors only in lastError().
inline std::unique_ptr<MainWindow> makeWindow(const QString& file, bool quiet, QSize size = {1280, 720})
{
    auto window = std::make_unique<MainWindow>();
    window->setQuiet(quiet);
    window->resize(size);
    if (!file.isEmpty() && !window->openFile(file))
        return nullptr;
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    return window;
}

// The quiz's Reveal once crashed (issue 12 §1: a revealed copy of the document was freed before the
// playback controller let go of it; the quiz now shows the real document with the future hidden).
// PROCSCOPE_TEST_QUIZ_REVEAL=0 leaves the revealing tests and monkey actions out.
inline bool quizRevealEnabled()
{
    constexpr bool kFixedOnMain = true;
    const QByteArray env = qgetenv("PROCSCOPE_TEST_QUIZ_REVEAL");
    return env.isEmpty() ? kFixedOnMain : env != "0";
}

} // namespace procscope::test
