#include "app/gui/presentation_mode.h"

#include <QApplication>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenuBar>
#include <QStatusBar>

namespace procscope {

PresentationMode::PresentationMode(QMainWindow* window)
    : QObject(window)
    , m_window(window)
{ }

void PresentationMode::addPaletteTarget(std::function<void(ui::Palette)> apply)
{
    apply(palette());
    m_palettes.push_back(std::move(apply));
}

void PresentationMode::addEmphasisTarget(std::function<void(bool)> apply)
{
    apply(m_on);
    m_emphasis.push_back(std::move(apply));
}

void PresentationMode::setOn(bool on)
{
    if (on == m_on)
        return;
    m_on = on;
    if (on) {
        m_layout = m_window->saveState();
        for (QDockWidget* dock : m_hidden)
            dock->hide();
        m_normalFont = QApplication::font();
        QFont large = m_normalFont;
        if (large.pointSizeF() > 0)
            large.setPointSizeF(std::max(16.0, large.pointSizeF() * kFontScale));
        else
            large.setPixelSize(std::max(21, static_cast<int>(large.pixelSize() * kFontScale)));
        QApplication::setFont(large);
    } else {
        QApplication::setFont(m_normalFont);
        m_window->restoreState(m_layout);
    }
    m_window->menuBar()->setVisible(!on);
    m_window->statusBar()->setVisible(!on);
    for (const auto& apply : m_palettes)
        apply(palette());
    for (const auto& apply : m_emphasis)
        apply(on);
    Q_EMIT toggled(on);
}

} // namespace procscope
