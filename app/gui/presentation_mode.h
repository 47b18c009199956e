// Presentation mode, for a projector in a lecture hall: one key (F5) switches to large type,
// thick lines, the high-contrast colour-blind-safe palette (Okabe-Ito) and hides the menu bar and
// the status bar and the detail panels (tables, event log); the same key (or Escape) brings
// everything back as it was.
#pragma once

#include "ui/style/state_colors.h"

#include <QByteArray>
#include <QFont>
#include <QObject>

#include <functional>
#include <vector>

class QDockWidget;
class QMainWindow;

namespace procscope {

class PresentationMode : public QObject {
    Q_OBJECT

public:
    explicit PresentationMode(QMainWindow* window);

    // Everything that draws state colours registers here; it is called on every switch.
    void addPaletteTarget(std::function<void(ui::Palette)> apply);
    // Things that grow thicker lines in presentation mode (the Gantt cursor, ...).
    void addEmphasisTarget(std::function<void(bool)> apply);
    // Detail panels that presentation mode hides so the charts get the screen; leaving it restores
    // the layout exactly as it was.
    void hideWhilePresenting(QDockWidget* dock) { m_hidden.push_back(dock); }

    bool isOn() const { return m_on; }
    ui::Palette palette() const { return m_on ? ui::Palette::HighContrast : ui::Palette::Standard; }
    // How much larger the type is in presentation mode.
    static constexpr double kFontScale = 1.5;

public Q_SLOTS:
    void setOn(bool on);
    void toggle() { setOn(!m_on); }

Q_SIGNALS:
    void toggled(bool on);

private:
    QMainWindow* m_window;
    std::vector<std::function<void(ui::Palette)>> m_palettes;
    std::vector<std::function<void(bool)>> m_emphasis;
    std::vector<QDockWidget*> m_hidden;
    QByteArray m_layout;
    QFont m_normalFont;
    bool m_on = false;
};

} // namespace procscope
