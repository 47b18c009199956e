#include "app/gui/keyboard_help.h"

#include "ui/panels/panel_style.h"

#include <QAction>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QShortcut>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

namespace procscope {

namespace {

const char* const kDialogName = "keyboardHelp";

// "&Open…" reads "Open"; "Save &workload as…" reads "Save workload as".
QString plainText(QString text)
{
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    if (text.endsWith(QStringLiteral("…")))
        text.chop(1);
    else if (text.endsWith(QStringLiteral("...")))
        text.chop(3);
    return text.trimmed();
}

QString keysText(const QList<QKeySequence>& keys)
{
    QStringList texts;
    for (const QKeySequence& k : keys)
        if (!k.isEmpty())
            texts << k.toString(QKeySequence::NativeText);
    return texts.join(QStringLiteral(", "));
}

// A panel's shortcut works while the panel has the focus: named after its dock; empty for
// the window's own.
QString panelOf(const QObject* object, const QWidget* window)
{
    for (const QObject* o = object; o && o != window; o = o->parent())
        if (const auto* dock = qobject_cast<const QDockWidget*>(o))
            return QObject::tr("In the %1 panel").arg(dock->windowTitle());
    return {};
}

QString anywhere()
{
    return QObject::tr("Anywhere in the window");
}

void addMenu(const QMenu* menu, const QString& path, QList<KeyBinding>& out, QSet<const QAction*>& seen)
{
    for (QAction* action : menu->actions()) {
        if (QMenu* sub = action->menu()) {
            addMenu(sub, path + QStringLiteral(" ▸ ") + plainText(action->text()), out, seen);
            continue;
        }
        seen.insert(action);
        const QString keys = keysText(action->shortcuts());
        if (!keys.isEmpty())
            out.append({keys, plainText(action->text()), QObject::tr("%1 menu").arg(path)});
    }
}

// One table for every group, so that the keys line up from the first group to the last.
QString groupRow(const QString& title)
{
    return QStringLiteral("<tr><td colspan='2' style='padding-top:12px'><b><big>%1</big></b></td></tr>")
        .arg(title.toHtmlEscaped());
}

QString tableRow(const QString& keys, const QString& what)
{
    return QStringLiteral(
        "<tr><td style='padding-right:18px; white-space:nowrap'><b>%1</b></td><td>%2</td></tr>")
        .arg(keys.toHtmlEscaped(), what.toHtmlEscaped());
}

// Keys and gestures views handle in their own event handlers, where no QAction can list them.
QString viewKeysHtml()
{
    const auto tr = [](const char* text) { return QCoreApplication::translate("KeyboardHelp", text); };
    QString html = groupRow(tr("In the Gantt chart (click it first)"));
    html += tableRow(tr("+ / −"), tr("Zoom in / out around the middle"));
    html += tableRow(tr("0"), tr("Fit the whole run"));
    html += tableRow(tr("Up / Down"), tr("Scroll one row"));
    html += tableRow(tr("PgUp / PgDown"), tr("Scroll one page of rows"));
    html += tableRow(tr("Wheel"), tr("Zoom at the pointer"));
    html += tableRow(tr("Shift+Wheel"), tr("Scroll the rows"));
    html += tableRow(tr("Ctrl+Wheel"), tr("Make the rows taller or shorter"));
    html += tableRow(tr("Drag"), tr("Pan"));
    html += tableRow(tr("Right-drag"), tr("Zoom to the time swept (or Shift+drag)"));
    html += tableRow(tr("Click"), tr("Select a process"));
    html += tableRow(tr("Double-click"), tr("Move the cursor there"));
    html += groupRow(tr("In the event log"));
    html += tableRow(tr("Up / Down"), tr("The event before / after"));
    html += tableRow(tr("PgUp / PgDown"), tr("A page of events back / on"));
    html += tableRow(tr("Home / End"), tr("The first / last event"));
    html += tableRow(tr("Return"), tr("Move the cursor to the event's tick (or click it)"));
    return html;
}

} // namespace

QList<KeyBinding> keyBindings(const QWidget* window)
{
    QList<KeyBinding> out;
    QSet<const QAction*> seen;
    if (const auto* main = qobject_cast<const QMainWindow*>(window); main && main->menuWidget())
        for (QAction* top : main->menuBar()->actions())
            if (const QMenu* menu = top->menu())
                addMenu(menu, plainText(top->text()), out, seen);

    // The window's own shortcuts first, then each panel's, in the order they were made.
    QList<KeyBinding> panels;
    const auto add = [&](const QObject* owner, const QString& keys, const QString& what) {
        if (keys.isEmpty())
            return;
        const QString where = panelOf(owner, window);
        (where.isEmpty() ? out : panels).append({keys, what, where.isEmpty() ? anywhere() : where});
    };
    for (const QAction* action : window->findChildren<QAction*>())
        if (!seen.contains(action))
            add(action, keysText(action->shortcuts()), plainText(action->text()));
    for (const QShortcut* shortcut : window->findChildren<QShortcut*>()) {
        QString what = shortcut->whatsThis();
        if (what.isEmpty())
            what = shortcut->objectName();
        add(shortcut, keysText(shortcut->keys()), what);
    }
    std::stable_sort(panels.begin(), panels.end(),
        [](const KeyBinding& a, const KeyBinding& b) { return a.where < b.where; });
    out.append(panels);
    return out;
}

QString keyboardHelpHtml(const QList<KeyBinding>& bindings)
{
    QString html = QStringLiteral("<table>");
    QString group;
    for (const KeyBinding& b : bindings) {
        if (b.where != group) {
            group = b.where;
            html += groupRow(group);
        }
        html += tableRow(b.keys, b.what);
    }
    return html + viewKeysHtml() + QStringLiteral("</table>");
}

void showKeyboardHelp(QWidget* window)
{
    auto* dialog = window->findChild<QDialog*>(QLatin1String(kDialogName), Qt::FindDirectChildrenOnly);
    QTextBrowser* browser = nullptr;
    if (dialog) {
        browser = dialog->findChild<QTextBrowser*>();
    } else {
        dialog = new QDialog(window);
        dialog->setObjectName(QLatin1String(kDialogName));
        dialog->setWindowTitle(QObject::tr("Keyboard and mouse"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        auto* layout = new QVBoxLayout(dialog);
        browser = new QTextBrowser(dialog);
        ui::useReadableFont(browser);
        layout->addWidget(browser);
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
        QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
        layout->addWidget(buttons);
        dialog->resize(620, 700);
    }
    // Read now, not when the window was made: panels and modes add their keys later.
    browser->setHtml(keyboardHelpHtml(keyBindings(window)));
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

} // namespace procscope
