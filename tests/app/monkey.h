// The monkey: draws random user actions for the real main window from a seed, performs them as a
// person would (keys where the focus is, clicks, wheel and drags at random points of the views,
// menus, buttons, typing, dialogs answered), and checks after each that the window is alive and
// every view shows the PlaybackController's tick.
#pragma once

#include "gui_driver.h"
#include "monkey_action.h"

#include "ui/compare/comparison_view.h"
#include "ui/editor/workload_editor.h"
#include "ui/panels/event_log_view.h"
#include "ui/playback/playback_bar.h"
#include "ui/quiz/quiz_panel.h"
#include "ui/quiz/quiz_session.h"

#include <QAbstractSpinBox>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QMimeData>
#include <QSlider>
#include <QSpinBox>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QUrl>
#include <QWheelEvent>

#include <random>

namespace procscope::test {

class Monkey {
public:
    Monkey(MainWindow* window, quint32 seed, const QString& scratch)
        : m_window(window)
        , m_rng(seed)
        , m_scratch(scratch)
    {
        QDirIterator it(tracesDir(),
            {QStringLiteral("*.json"), QStringLiteral("*.txt"), QStringLiteral("*.csv")}, QDir::Files,
            QDirIterator::Subdirectories);
        // Files are opened from a copy: "Save" in the unsaved-changes question writes where the
        // workload came from, and the monkey must never write into the source tree.
        while (it.hasNext()) {
            const QString path = it.next();
            const QString relative = QDir(tracesDir()).relativeFilePath(path);
            QDir(m_scratch).mkpath(QStringLiteral("traces/") + QFileInfo(relative).path());
            QFile::copy(path, m_scratch + QStringLiteral("/traces/") + relative);
            m_files << relative;
        }
        m_files.sort();
        const std::vector<std::pair<const char*, QByteArray>> bad{
            {"bad-syntax.json", "{\"format\": \"procscope-workload\",,}"}, {"bad-empty.json", ""},
            {"bad-binary.json", QByteArray("\x7f"
                                           "ELF\x02\x01\x01\0\0\0",
                                    10)},
            {"bad-version.json", "{\"format\":\"procscope-trace\",\"version\":7}"},
            {"bad-types.json",
                "{\"format\":\"procscope-workload\",\"version\":1,\"processes\":[{\"name\":5}]}"},
            {"bad-text.txt", "sched_switch: nothing here\n"},
            // Valid, at the edges: nothing to show, one tick, a late start, a cut-off run, many rows.
            {"edge-no-processes.json", workload("[]")},
            {"edge-one-tick.json", workload("[{\"pid\":0,\"name\":\"A\",\"arrival\":0,\"program\":\"c1\"}]")},
            {"edge-late.json",
                workload("[{\"pid\":0,\"name\":\"A\",\"arrival\":40,\"program\":\"c2,i1,c1\"}]")},
            {"edge-tick-limit.json",
                workload("[{\"pid\":0,\"name\":\"A\",\"arrival\":0,\"program\":\"c50\"},"
                         "{\"pid\":1,\"name\":\"A\",\"arrival\":0,\"program\":\"c2,i5,c50\"}]",
                    3)},
            {"edge-many.json", manyProcesses(120)}, {"edge-empty-chrome.json", "{\"traceEvents\": []}"},
            {"edge-empty-trace.json",
                "{\"format\":\"procscope-trace\",\"version\":1,\"meta\":{\"source\":"
                "\"simulation\",\"timeUnit\":\"tick\",\"cpus\":1,\"end\":0,\"finished\":"
                "true},\"processes\":[],\"cpuLanes\":[[]]}"},
            {"edge-one-line.txt",
                "            bash  2301 [000]  9113.660589: sched:sched_switch: prev_comm=bash "
                "prev_pid=2301 prev_prio=120 prev_state=S ==> next_comm=ls next_pid=2388 "
                "next_prio=120\n"}};
        for (const auto& [name, content] : bad) {
            QFile f(m_scratch + QLatin1Char('/') + QLatin1String(name));
            if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
                f.write(content);
            m_files << QStringLiteral("scratch:") + QLatin1String(name);
        }
    }

    static QByteArray workload(const char* processes, int tickLimit = 1000)
    {
        return QByteArray("{\"format\":\"procscope-workload\",\"version\":1,\"name\":\"edge\",\"machine\":{"
                          "\"cpus\":1},\"policy\":{\"name\":\"RR\",\"quantum\":2},\"tickLimit\":") +
               QByteArray::number(tickLimit) + ",\"processes\":" + processes + "}";
    }

    static QByteArray manyProcesses(int n)
    {
        QByteArray list = "[";
        for (int i = 0; i < n; ++i)
            list += (i ? "," : "") + QByteArray("{\"pid\":") + QByteArray::number(i) +
                    ",\"name\":\"p\",\"arrival\":" + QByteArray::number(i % 7) + ",\"program\":\"c2,i3,c1\"}";
        return workload(list + "]");
    }

    // The next action, drawn from what a person could do now.
    MonkeyAction draw()
    {
        struct Choice {
            const char* verb;
            int weight;
        };
        static constexpr std::array<Choice, 20> kChoices{{{"key", 26}, {"click", 14}, {"dclick", 4},
            {"wheel", 8}, {"drag", 5}, {"menu", 8}, {"open", 3}, {"button", 9}, {"type", 4}, {"scrub", 6},
            {"wait", 3}, {"resize", 2}, {"grab", 2}, {"speed", 1}, {"compare", 4}, {"activate", 1},
            {"drop", 1}, {"select", 4}, {"control", 4}, {"race", 3}}};
        int total = 0;
        for (const Choice& c : kChoices)
            total += c.weight;
        int r = pick(total);
        QString verb;
        for (const Choice& c : kChoices) {
            if (r < c.weight) {
                verb = QLatin1String(c.verb);
                break;
            }
            r -= c.weight;
        }
        MonkeyAction a{verb, {}, {}};
        const auto permille = [this] { return pick(1000); };
        if (verb == QLatin1String("key")) {
            a.numbers << pick(1000);
            a.text = QLatin1String(kMonkeyKeys[std::size_t(pick(int(kMonkeyKeys.size())))]);
        } else if (verb == QLatin1String("click") || verb == QLatin1String("dclick")) {
            a.numbers << pick(kTargetCount) << permille() << permille() << pick(10) << pick(6) << pick(1000);
        } else if (verb == QLatin1String("wheel")) {
            a.numbers << pick(kTargetCount) << permille() << permille()
                      << (pick(2) ? 120 : -120) * (1 + pick(3)) << pick(6);
        } else if (verb == QLatin1String("drag")) {
            a.numbers << pick(kTargetCount) << permille() << permille() << permille() << permille()
                      << pick(10) << pick(6);
        } else if (verb == QLatin1String("menu")) {
            const auto actions = menuActions();
            if (actions.empty())
                return {QStringLiteral("grab"), {}, {}};
            a.numbers << pick(1000);
            a.text = actions[std::size_t(pick(int(actions.size())))].first;
        } else if (verb == QLatin1String("open")) {
            a.numbers << pick(1000);
            a.text = m_files[pick(int(m_files.size()))];
        } else if (verb == QLatin1String("race")) {
            // Something slow (a file opens, a workload runs) and, while it runs, another action.
            MonkeyAction inner;
            do
                inner = draw();
            while (inner.verb == QLatin1String("race") || inner.verb == QLatin1String("wait"));
            a.numbers << pick(4) << pick(3) << pick(1000);
            a.text = inner.toString();
        } else if (verb == QLatin1String("control")) {
            static constexpr std::array<const char*, 3> kCommands{"Kill", "Suspend", "Resume"};
            a.numbers << pick(1000);
            a.text = QLatin1String(kCommands[std::size_t(pick(3))]);
        } else if (verb == QLatin1String("select")) {
            a.numbers << permille() << permille();
        } else if (verb == QLatin1String("drop")) {
            a.text = m_files[pick(int(m_files.size()))];
        } else if (verb == QLatin1String("button")) {
            a.numbers << pick(1000);
            // A panel first, then one of its buttons: the few buttons of process control are
            // pressed as often as the many of the editor.
            const QStringList buttons = buttonNames();
            QStringList panels;
            for (const QString& b : buttons)
                if (!panels.contains(b.section(QLatin1Char('/'), 0, 0)))
                    panels << b.section(QLatin1Char('/'), 0, 0);
            if (panels.isEmpty())
                return {QStringLiteral("grab"), {}, {}};
            const QString panel = panels[pick(int(panels.size()))] + QLatin1Char('/');
            QStringList inPanel;
            for (const QString& b : buttons)
                if (b.startsWith(panel))
                    inPanel << b;
            a.text = inPanel[pick(int(inPanel.size()))];
        } else if (verb == QLatin1String("type")) {
            static const std::array<const char*, 16> kTexts{"5", "0", "-1", "99", "1000", "c3,i,c2", "c1",
                "i", "c2,i,c2,i,c2", "x", "", "RR", "MLFQ", "A", "Zz-9", "c0"};
            a.numbers << pick(2) << pick(40) << pick(40);
            a.text = QString::fromUtf8(kTexts[std::size_t(pick(int(kTexts.size())))]);
        } else if (verb == QLatin1String("scrub")) {
            a.numbers << (pick(8) == 0 ? 1000 : permille());
        } else if (verb == QLatin1String("wait")) {
            a.numbers << 1 + pick(8);
        } else if (verb == QLatin1String("resize")) {
            a.numbers << pick(int(kSizes.size()));
        } else if (verb == QLatin1String("speed")) {
            a.numbers << pick(5);
        } else if (verb == QLatin1String("compare")) {
            a.numbers << pick(4);
            a.text = QLatin1String(kMonkeyKeys[std::size_t(pick(7))]); // the playback keys
        }
        return a;
    }

    // Does what the action says; dialogs that open meanwhile are answered from its first number.
    void perform(const MonkeyAction& a)
    {
        const int answer = a.number(0);
        int ordinal = 0;
        const MonkeyAction* outer = std::exchange(m_current, &a); // a race performs one inside another
        ModalAnswerer answerer(
            [this, answer, &ordinal](QWidget* dialog) { answerDialog(dialog, answer, ordinal++); });
        const QString& v = a.verb;
        if (v == QLatin1String("key"))
            pressKey(QKeySequence::fromString(a.text, QKeySequence::PortableText));
        else if (v == QLatin1String("click") || v == QLatin1String("dclick"))
            click(a, v == QLatin1String("dclick"));
        else if (v == QLatin1String("wheel"))
            wheel(a);
        else if (v == QLatin1String("drag"))
            drag(a);
        else if (v == QLatin1String("menu"))
            triggerMenu(a.text);
        else if (v == QLatin1String("open")) {
            if (QAction* open = menuAction(m_window, {QStringLiteral("File"), QStringLiteral("Open")});
                open && menusUsable())
                open->trigger();
        } else if (v == QLatin1String("button"))
            clickButtonNamed(a.text);
        else if (v == QLatin1String("type"))
            type(a);
        else if (v == QLatin1String("scrub")) {
            QSlider* s = m_window->findChild<ui::PlaybackBar*>()->scrubber();
            s->setValue(s->minimum() + int((qint64(s->maximum() - s->minimum()) * a.number(0)) / 1000));
        } else if (v == QLatin1String("wait"))
            QTest::qWait(16 * a.number(0, 1));
        else if (v == QLatin1String("resize")) {
            const QSize size = kSizes[std::size_t(std::clamp<int>(a.number(0), 0, int(kSizes.size()) - 1))];
            m_window->resize(size);
        } else if (v == QLatin1String("grab"))
            m_window->grab();
        else if (v == QLatin1String("speed")) {
            static constexpr std::array<double, 5> kSpeeds{0.25, 1, 4, 60, 1000};
            m_window->findChild<ui::PlaybackBar*>()->findChild<QDoubleSpinBox*>()->setValue(
                kSpeeds[std::size_t(std::clamp<int>(a.number(0), 0, 4))]);
        } else if (v == QLatin1String("compare"))
            compare(a);
        else if (v == QLatin1String("race"))
            race(a);
        else if (v == QLatin1String("control")) {
            // A person clicks the process's bar at the cursor, then the command.
            select(a.number(0), -1);
            clickButtonNamed(QStringLiteral("control/") + a.text);
        } else if (v == QLatin1String("select"))
            select(a.number(0), a.number(1));
        else if (v == QLatin1String("drop"))
            drop(a.text);
        else if (v == QLatin1String("activate")) {
            m_window->activateWindow();
            m_window->raise();
        }
        m_current = outer;
        settle();
        m_dialogs = answerer.seen();
    }

    // Empty when the window is alive and consistent, else what is wrong.
    QString check()
    {
        if (!m_window->isVisible()) {
            m_window->show(); // File ▸ Quit closed it: a person starts it again
            settle();
        }
        if (QWidget* modal = QApplication::activeModalWidget();
            modal && !qobject_cast<QProgressDialog*>(modal))
            return QStringLiteral("a modal %1 stayed open")
                .arg(QLatin1String(modal->metaObject()->className()));
        auto* playback = m_window->playback();
        if (playback->tick() < 0 || playback->tick() > playback->lastTick())
            return QStringLiteral("cursor %1 outside [0, %2]")
                .arg(playback->tick())
                .arg(playback->lastTick());
        if (m_window->document() && !playback->document())
            return QStringLiteral("the playback controller lost the document");
        if (!m_window->quiz()->isActive() && playback->document() != m_window->document())
            return QStringLiteral("the views follow a document that is not the open one");
        // The selection names a process of the open document (the quiz shows a part of it, which
        // may not have that process yet: the views check that themselves).
        const ui::Document* open = m_window->quiz()->isActive() ? m_window->document() : playback->document();
        if (const ProcIndex selected = m_window->viewState()->selectedProcess();
            selected >= 0 && (!open || std::size_t(selected) >= open->trace().processCount()))
            return QStringLiteral("process %1 is selected, but the trace has no such process").arg(selected);
        for (ui::ComparisonView* view : comparisonWindows())
            for (int i = 0; i < view->chartCount(); ++i)
                if (view->chart(i)->shownTick() != view->playback()->tick())
                    return QStringLiteral("comparison chart %1 shows %2, its cursor is at %3")
                        .arg(i)
                        .arg(view->chart(i)->shownTick())
                        .arg(view->playback()->tick());
        return viewsOffTheCursor(*m_window);
    }

    static QList<ui::ComparisonView*> comparisonWindows()
    {
        QList<ui::ComparisonView*> views;
        for (QWidget* w : QApplication::topLevelWidgets())
            if (auto* c = qobject_cast<ui::ComparisonView*>(w); c && c->isVisible())
                views << c;
        return views;
    }

    const QStringList& dialogsSeen() const { return m_dialogs; }

    static constexpr int kTargetCount = 12;

private:
    static constexpr std::array<QSize, 6> kSizes{
        {{1024, 768}, {1280, 720}, {1600, 900}, {800, 600}, {480, 360}, {1920, 1080}}};

    int pick(int n) { return n <= 1 ? 0 : std::uniform_int_distribution<int>(0, n - 1)(m_rng); }

    // Lets queued repaints, animations and deferred deletions happen, as the event loop does.
    void settle() const
    {
        for (int i = 0; i < 2; ++i) {
            QApplication::processEvents();
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        }
        activateLikeAWindowManager(m_window);
    }

    // The quiz's Reveal crashes on main (gui_driver.h): while that is so, the monkey leaves the
    // quiz panel alone.
    static bool offLimits(const QWidget* w)
    {
        if (quizRevealEnabled())
            return false;
        for (const QObject* o = w; o; o = o->parent())
            if (qobject_cast<const ui::QuizPanel*>(o) ||
                o->objectName().contains(QLatin1String("quiz"), Qt::CaseInsensitive))
                return true;
        return false;
    }

    static QString sourceTraces() { return QFileInfo(tracesDir()).canonicalFilePath(); }

    bool menusUsable() const { return m_window->menuBar()->isVisible(); }

    std::vector<std::pair<QString, QAction*>> menuActions() const
    {
        std::vector<std::pair<QString, QAction*>> out;
        if (menusUsable())
            collectMenuActions(m_window->menuBar()->actions(), QString(), &out);
        return out;
    }

    void triggerMenu(const QString& path)
    {
        for (const auto& [p, action] : menuActions())
            if (p == path) {
                action->trigger();
                return;
            }
    }

    QWidget* dockContent(const char* name) const
    {
        auto* d = m_window->findChild<QDockWidget*>(QLatin1String(name));
        return d ? d->widget() : nullptr;
    }

    // A person clicks the panel's tab (or opens it from the View menu) before using it.
    void raiseDock(QWidget* inside) const
    {
        for (QObject* o = inside; o; o = o->parent())
            if (auto* d = qobject_cast<QDockWidget*>(o)) {
                d->show();
                d->raise();
                settle();
                return;
            }
    }

    QWidget* target(int i) const
    {
        const auto viewport = [](QAbstractScrollArea* a) -> QWidget* { return a ? a->viewport() : nullptr; };
        switch (i) {
        case 0:
            return m_window->gantt()->plot();
        case 1:
            return m_window->findChild<ui::StateDiagramView*>();
        case 2:
            return m_window->findChild<ui::CpuPlotView*>()->plot();
        case 3:
            return viewport(m_window->findChild<ui::ProcessTablePanel*>()->view());
        case 4:
            return viewport(m_window->findChild<ui::ReadyQueuePanel*>()->view());
        case 5:
            return viewport(m_window->findChild<ui::EventLogPanel*>()->view());
        case 6:
            return viewport(m_window->findChild<ui::ProcessTreeView*>());
        case 7:
            return viewport(m_window->editor()->view());
        case 8:
            return m_window->findChild<ui::PlaybackBar*>();
        case 9:
            return m_window->gantt(); // the scroll bar and the legend around the plot
        default:
            return m_window; // anywhere: tabs, dock title bars, the toolbar, the status bar
        }
    }

    // The widget under a point given in thousandths of the target, and the point in its coordinates.
    std::pair<QWidget*, QPoint> at(int targetIndex, int x, int y) const
    {
        QWidget* t = target(targetIndex);
        if (!t)
            return {nullptr, {}};
        if (targetIndex >= 3 && targetIndex <= 7)
            raiseDock(t);
        QPoint p(std::min(t->width() - 1, t->width() * x / 1000),
            std::min(t->height() - 1, t->height() * y / 1000));
        QWidget* deepest = t->childAt(p);
        if (!deepest)
            deepest = t;
        else
            p = deepest->mapFrom(t, p);
        if (!deepest->isVisible() || offLimits(deepest))
            return {nullptr, {}};
        return {deepest, p};
    }

    static Qt::MouseButton buttonOf(int n)
    {
        return n < 7 ? Qt::LeftButton : n < 9 ? Qt::RightButton : Qt::MiddleButton;
    }
    static Qt::KeyboardModifiers modifiersOf(int n)
    {
        return n < 3    ? Qt::NoModifier
               : n == 3 ? Qt::ShiftModifier
               : n == 4 ? Qt::ControlModifier
                        : Qt::AltModifier;
    }

    void click(const MonkeyAction& a, bool twice)
    {
        auto [w, p] = at(a.number(0), a.number(1), a.number(2));
        if (!w)
            return;
        QPointer<QWidget> guard(w);
        const Qt::MouseButton button = buttonOf(a.number(3));
        const Qt::KeyboardModifiers mods = modifiersOf(a.number(4));
        if (twice)
            QTest::mouseDClick(w, button, mods, p);
        else
            QTest::mouseClick(w, button, mods, p);
        // A click may open a context menu: a person closes it again.
        if (QWidget* popup = QApplication::activePopupWidget())
            popup->close();
    }

    void wheel(const MonkeyAction& a)
    {
        auto [w, p] = at(a.number(0), a.number(1), a.number(2));
        if (!w)
            return;
        QWheelEvent e(QPointF(p), QPointF(w->mapToGlobal(p)), QPoint(), QPoint(0, a.number(3)), Qt::NoButton,
            modifiersOf(a.number(4)), Qt::NoScrollPhase, false);
        QApplication::sendEvent(w, &e);
    }

    void drag(const MonkeyAction& a)
    {
        auto [w, from] = at(a.number(0), a.number(1), a.number(2));
        if (!w)
            return;
        const QPoint to(w->width() * a.number(3) / 1000, w->height() * a.number(4) / 1000);
        const Qt::MouseButton button = buttonOf(a.number(5));
        const Qt::KeyboardModifiers mods = modifiersOf(a.number(6));
        QPointer<QWidget> guard(w);
        QTest::mousePress(w, button, mods, from);
        for (int step = 1; step <= 3 && guard; ++step)
            QTest::mouseMove(w, from + (to - from) * step / 3);
        if (guard)
            QTest::mouseRelease(w, button, mods, to);
        if (QWidget* popup = QApplication::activePopupWidget())
            popup->close();
    }

    // Keys go where the keyboard focus is, as they do for a person; with no focus, to the window.
    void pressKey(const QKeySequence& keys)
    {
        QWidget* focus = QApplication::focusWidget();
        if (!focus || !focus->isVisible() || offLimits(focus))
            focus = m_window;
        QTest::keySequence(focus, keys);
    }

    // "panel/label" of every button a person could click now.
    QStringList buttonNames() const
    {
        QStringList names;
        const std::vector<std::pair<QString, QWidget*>> panels{
            {QStringLiteral("control"), dockContent("control")},
            {QStringLiteral("editor"), m_window->editor()},
            {QStringLiteral("bar"), m_window->findChild<ui::PlaybackBar*>()},
            {QStringLiteral("quiz"), m_window->findChild<ui::QuizPanel*>()}};
        for (const auto& [name, panel] : panels) {
            if (!panel || (name == QLatin1String("quiz") && !quizRevealEnabled()))
                continue;
            for (QAbstractButton* b : panel->findChildren<QAbstractButton*>())
                if (b->isEnabled() && !qobject_cast<QCheckBox*>(b))
                    names << name + QLatin1Char('/') + labelOf(b);
        }
        return names;
    }

    static QString labelOf(QAbstractButton* b)
    {
        const QString text = plainText(b->text());
        return text.isEmpty() ? b->toolTip().section(QLatin1Char(','), 0, 0) : text;
    }

    void clickButtonNamed(const QString& name)
    {
        const QString panelName = name.section(QLatin1Char('/'), 0, 0);
        const QString label = name.section(QLatin1Char('/'), 1);
        QWidget* panel = panelName == QLatin1String("control")  ? dockContent("control")
                         : panelName == QLatin1String("editor") ? static_cast<QWidget*>(m_window->editor())
                         : panelName == QLatin1String("bar")
                             ? static_cast<QWidget*>(m_window->findChild<ui::PlaybackBar*>())
                             : m_window->findChild<ui::QuizPanel*>();
        if (!panel)
            return;
        for (QAbstractButton* b : panel->findChildren<QAbstractButton*>())
            if (labelOf(b) == label && b->isEnabled()) {
                raiseDock(b);
                if (b->isVisible() && !offLimits(b))
                    QTest::mouseClick(b, Qt::LeftButton, {}, b->rect().center());
                return;
            }
    }

    // Clicks an input of the process control panel or the editor (or a cell of the editor's
    // table, opening its editor), types, and confirms with Return.
    void type(const MonkeyAction& a)
    {
        QWidget* field = nullptr;
        if (a.number(0) == 0) {
            QWidget* panel = dockContent("control");
            QList<QWidget*> inputs;
            for (QWidget* w : panel->findChildren<QWidget*>())
                if (qobject_cast<QLineEdit*>(w) || qobject_cast<QAbstractSpinBox*>(w) ||
                    qobject_cast<QComboBox*>(w))
                    if (!qobject_cast<QLineEdit*>(w) || !qobject_cast<QAbstractSpinBox*>(w->parentWidget()))
                        inputs << w;
            if (inputs.isEmpty())
                return;
            field = inputs[a.number(1) % inputs.size()];
            raiseDock(field);
            if (!field->isVisible() || !field->isEnabled())
                return;
            QTest::mouseClick(field, Qt::LeftButton, {}, field->rect().center());
        } else {
            QTableView* table = m_window->editor()->view();
            raiseDock(table);
            auto* model = table->model();
            if (!table->isVisible() || model->rowCount() == 0)
                return;
            const QModelIndex cell =
                model->index(a.number(1) % model->rowCount(), a.number(2) % model->columnCount());
            table->scrollTo(cell);
            const QPoint p = table->visualRect(cell).center();
            QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, p);
            QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, p);
        }
        if (QWidget* popup = QApplication::activePopupWidget())
            popup->close();
        QWidget* focus = QApplication::focusWidget();
        if (!focus || offLimits(focus))
            return;
        QPointer<QWidget> guard(focus);
        QTest::keyClick(focus, Qt::Key_A, Qt::ControlModifier);
        if (guard)
            QTest::keyClicks(focus, a.text);
        if (guard)
            QTest::keyClick(focus, Qt::Key_Return);
    }

    // The comparison window, if one is open: a playback key in it, a click on it, or closing it;
    // otherwise Simulation ▸ Compare opens one.
    void compare(const MonkeyAction& a)
    {
        const QList<ui::ComparisonView*> views = comparisonWindows();
        ui::ComparisonView* view = views.isEmpty() ? nullptr : views.last();
        if (!view) {
            std::vector<std::pair<QString, QAction*>> presets;
            for (const auto& [p, action] : menuActions())
                if (p.startsWith(QLatin1String("Simulation/Compare")))
                    presets.emplace_back(p, action);
            if (!presets.empty())
                presets[std::size_t(a.number(0)) % presets.size()].second->trigger();
            return;
        }
        if (a.number(0) == 0) {
            view->close();
        } else if (a.number(0) == 1) {
            QWidget* chart = view->chart(0)->plot();
            QTest::mouseDClick(chart, Qt::LeftButton, {}, chart->rect().center());
        } else {
            QTest::keySequence(view, QKeySequence::fromString(a.text, QKeySequence::PortableText));
        }
    }

    // A click on a process's bar in the Gantt chart (scrolled to its row first) at a tick (in
    // thousandths of the trace; -1: the cursor's), which selects it for process control and every view.
    void select(int process, int tick)
    {
        const ui::Document* shown = m_window->playback()->document();
        if (!shown || shown->trace().processCount() == 0 || !m_window->gantt()->isVisible())
            return;
        const auto p = static_cast<ProcIndex>(std::size_t(process) * shown->trace().processCount() / 1000);
        const Tick t =
            tick < 0 ? m_window->playback()->tick() : m_window->playback()->lastTick() * tick / 1000;
        const QPoint at = m_window->gantt()->pointFor(p, t);
        QTest::mouseClick(m_window->gantt()->plot(), Qt::LeftButton, {}, at);
    }

    // The window keeps answering while a file loads or a workload is simulated (the progress
    // dialog comes only after a while): an action that arrives meanwhile runs inside that wait.
    void race(const MonkeyAction& a)
    {
        static constexpr std::array<int, 4> kDelays{0, 1, 5, 20};
        const MonkeyAction inner = MonkeyAction::parse(a.text);
        QObject context;
        QTimer::singleShot(kDelays[std::size_t(std::clamp<int>(a.number(0), 0, 3))], &context, [this, inner] {
            if (!QApplication::activeModalWidget())
                perform(inner);
        });
        const MonkeyAction* outer = m_current;
        switch (a.number(1)) {
        case 0:
            drop(m_files[a.number(2) % int(m_files.size())]);
            break;
        case 1: {
            std::vector<std::pair<QString, QAction*>> lessons;
            for (const auto& [p, action] : menuActions())
                if (p.startsWith(QLatin1String("Lessons/")))
                    lessons.emplace_back(p, action);
            if (!lessons.empty())
                lessons[std::size_t(a.number(2)) % lessons.size()].second->trigger();
            break;
        }
        default:
            clickButtonNamed(QStringLiteral("editor/Run"));
        }
        m_current = outer;
        QTest::qWait(kDelays.back()); // the inner action happens even when the outer was quick
    }

    // A file dragged from the file manager and dropped on the window.
    void drop(const QString& file)
    {
        QMimeData data;
        data.setUrls({QUrl::fromLocalFile(pathOf(file))});
        const QPointF middle(m_window->width() / 2.0, m_window->height() / 2.0);
        QDragEnterEvent enter(middle.toPoint(), Qt::CopyAction, &data, Qt::LeftButton, {});
        QApplication::sendEvent(m_window, &enter);
        if (!enter.isAccepted())
            return;
        QDropEvent dropped(middle, Qt::CopyAction, &data, Qt::LeftButton, {});
        QApplication::sendEvent(m_window, &dropped);
    }

    QString pathOf(const QString& file) const
    {
        return file.startsWith(QLatin1String("scratch:")) ? m_scratch + QLatin1Char('/') + file.mid(8)
                                                          : m_scratch + QStringLiteral("/traces/") + file;
    }

    // Answers a dialog the way the action's number says: a file for a file dialog, a button of a
    // message box, random settings then OK or Cancel for a form.
    void answerDialog(QWidget* dialog, int answer, int ordinal)
    {
        std::mt19937 rng(quint32(answer) * 7919u + quint32(ordinal));
        const auto roll = [&rng](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
        if (auto* files = qobject_cast<QFileDialog*>(dialog)) {
            if (roll(8) == 0) {
                files->reject();
                return;
            }
            QString path;
            if (files->acceptMode() == QFileDialog::AcceptOpen) {
                const QString file = m_current && m_current->verb == QLatin1String("open")
                                         ? m_current->text
                                         : m_files[roll(int(m_files.size()))];
                path = pathOf(file);
            } else {
                static constexpr std::array<const char*, 7> kSuffixes{
                    ".png", ".svg", ".pdf", ".json", ".csv", ".txt", ""};
                path = m_scratch + QStringLiteral("/out%1%2")
                                       .arg(roll(3))
                                       .arg(QLatin1String(kSuffixes[std::size_t(roll(7))]));
            }
            typeFileName(files, path);
            return;
        }
        if (auto* box = qobject_cast<QMessageBox*>(dialog)) {
            QList<QAbstractButton*> buttons = box->buttons();
            // "Save" writes the workload where it came from: not into the source tree (the
            // lessons the Lessons menu opens).
            if (QAbstractButton* save = box->button(QMessageBox::Save);
                save && QFileInfo(m_window->editor()->path()).canonicalFilePath().startsWith(sourceTraces()))
                buttons.removeAll(save);
            if (buttons.isEmpty())
                box->reject();
            else
                buttons[roll(int(buttons.size()))]->click();
            return;
        }
        auto* form = qobject_cast<QDialog*>(dialog);
        if (!form)
            return;
        for (QComboBox* c : form->findChildren<QComboBox*>())
            if (c->isVisible() && c->count() > 0 && roll(2) == 0)
                c->setCurrentIndex(roll(c->count()));
        for (QSpinBox* s : form->findChildren<QSpinBox*>())
            if (s->isVisible() && roll(3) == 0)
                s->setValue(
                    s->minimum() + roll(int(std::min<qint64>(12, qint64(s->maximum()) - s->minimum() + 1))));
        for (QCheckBox* c : form->findChildren<QCheckBox*>())
            if (c->isVisible() && roll(3) == 0)
                c->toggle();
        static constexpr std::array<const char*, 6> kJunk{"", "-1", "abc", "3", "5:50,3:100", "0"};
        for (QLineEdit* e : form->findChildren<QLineEdit*>())
            if (e->isVisible() && !e->isReadOnly() && !qobject_cast<QAbstractSpinBox*>(e->parentWidget()) &&
                roll(10) == 0)
                e->setText(QLatin1String(kJunk[std::size_t(roll(6))]));
        auto* box = form->findChild<QDialogButtonBox*>();
        if (roll(4) == 0 || !box || !box->button(QDialogButtonBox::Ok))
            form->reject();
        else
            box->button(QDialogButtonBox::Ok)->click();
        if (form->isVisible()) // the form refused what it was given: a person gives up
            form->reject();
    }

    MainWindow* m_window;
    std::mt19937 m_rng;
    QString m_scratch;
    QStringList m_files; // relative to tracesDir(), or "scratch:NAME" for the malformed ones
    const MonkeyAction* m_current = nullptr;
    QStringList m_dialogs;
};

} // namespace procscope::test
