#include "ui/panels/caption_label.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QMenu>
#include <QPainter>

#include <algorithm>

namespace procscope::ui {

CaptionLabel::CaptionLabel(QWidget* parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    grow();
}

void CaptionLabel::setText(const QString& text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_lines = text.split(QLatin1Char('\n'));
    setToolTip(text);
    grow();
    update();
}

void CaptionLabel::shrinkToFit()
{
    const int before = m_height;
    m_height = heightFor(shownLines());
    if (m_height != before)
        updateGeometry();
}

void CaptionLabel::setMaximumLines(int lines)
{
    lines = std::max(1, lines);
    if (lines == m_maxLines)
        return;
    m_maxLines = lines;
    shrinkToFit();
    update();
}

int CaptionLabel::shownLines() const
{
    return std::min(static_cast<int>(m_lines.size()), m_maxLines);
}

int CaptionLabel::heightFor(int lines) const
{
    return std::max(1, lines) * fontMetrics().lineSpacing() + 2 * kMargin;
}

// Taller when the text needs it; a layout pass only then.
void CaptionLabel::grow()
{
    const int needed = heightFor(shownLines());
    if (needed <= m_height)
        return;
    m_height = needed;
    updateGeometry();
}

QSize CaptionLabel::sizeHint() const
{
    return {fontMetrics().averageCharWidth() * 40, std::max(m_height, heightFor(1))};
}

QSize CaptionLabel::minimumSizeHint() const
{
    return {0, sizeHint().height()};
}

void CaptionLabel::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setPen(palette().color(QPalette::WindowText));
    const QFontMetrics metrics = fontMetrics();
    const int shown = shownLines();
    const int width = std::max(0, this->width() - 2 * kMargin);
    for (int i = 0; i < shown; ++i) {
        const qsizetype hidden = m_lines.size() - shown + 1;
        const QString line = i == shown - 1 && hidden > 1 ? tr("\u2026 and %1 more").arg(hidden) : m_lines[i];
        painter.drawText(kMargin, kMargin + i * metrics.lineSpacing() + metrics.ascent(),
            metrics.elidedText(line, Qt::ElideRight, width));
    }
}

void CaptionLabel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        shrinkToFit(); // every line changed height
}

// The text cannot be selected, so it can be copied whole.
void CaptionLabel::contextMenuEvent(QContextMenuEvent* event)
{
    QMenu menu(this);
    menu.addAction(tr("Copy"), this, [this] { QApplication::clipboard()->setText(m_text); });
    menu.exec(event->globalPos());
}

} // namespace procscope::ui
