// Help ▸ Keyboard: every key the window answers to, read from its actions and shortcuts when the
// list is shown (so it cannot go stale), then the keys and mouse gestures views handle themselves.
#pragma once

#include <QList>
#include <QString>

class QWidget;

namespace procscope {

struct KeyBinding {
    QString keys;  // as the platform writes them: "Ctrl+P", "Shift+Right"
    QString what;  // "Predict, then reveal"
    QString where; // "Simulation menu", "Workload editor", "Anywhere in the window"
};

// The window's QActions and QShortcuts that have keys: menus in menu-bar order, then the window's
// own shortcuts, then those of its panels. A QShortcut says what it does in its whatsThis.
QList<KeyBinding> keyBindings(const QWidget* window);
// The bindings as an HTML table by group, followed by the keys the views handle themselves.
QString keyboardHelpHtml(const QList<KeyBinding>& bindings);
// Shows the list in a window of its own beside `window` (one at a time, rebuilt each time).
void showKeyboardHelp(QWidget* window);

} // namespace procscope
