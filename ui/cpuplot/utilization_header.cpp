#include "ui/cpuplot/utilization_header.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QTextLayout>

#include <algorithm>
#include <cmath>

namespace procscope::ui {

namespace {

QFont pixelFont(qreal px, bool bold)
{
    QFont f;
    f.setPixelSize(std::max(1, static_cast<int>(std::lround(px))));
    f.setBold(bold);
    return f;
}

// Spacing, in units of the values' type.
constexpr qreal kMargin = 0.4;
constexpr qreal kSwatch = 1.1;
constexpr qreal kGap = 0.35;
constexpr qreal kAfter = 1.0;
constexpr qreal kLine = 1.45;        // the values' line height
constexpr qreal kMinValuesPx = 12.0; // never smaller than this, however narrow
constexpr int kCaptionLines = 3;
constexpr int kCornerGap = 6; // pixels between the caption and the corner widget, and around it

// The text broken into lines of at most `width` at word boundaries; the last line that fits is
// elided when there would be more.
QStringList wrapped(const QString& text, const QFont& font, qreal width, int maxLines)
{
    QStringList lines;
    if (text.isEmpty() || width <= 0)
        return lines;
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        if (lines.size() == maxLines - 1) { // the last allowed line takes the rest, elided
            lines << QFontMetricsF(font).elidedText(
                text.mid(line.textStart()).trimmed(), Qt::ElideRight, width);
            break;
        }
        lines << text.mid(line.textStart(), line.textLength()).trimmed();
    }
    layout.endLayout();
    return lines;
}

} // namespace

UtilizationHeader::UtilizationHeader(QWidget* parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void UtilizationHeader::setItems(std::vector<Item> items, QString caption)
{
    // Only a new caption or a new item can change the layout: the values change every tick, but
    // are measured at their widest.
    const bool reflow = caption != m_caption || items.size() != m_items.size();
    m_items = std::move(items);
    m_caption = std::move(caption);
    if (reflow)
        relayout();
    update();
}

void UtilizationHeader::setFontPx(qreal values, qreal caption)
{
    if (values == m_fontPx && caption == m_captionPx)
        return;
    m_fontPx = values;
    m_captionPx = caption;
    relayout();
    update();
}

void UtilizationHeader::setCornerWidget(QWidget* widget)
{
    m_corner = widget;
    if (widget)
        widget->setParent(this);
    relayout();
}

void UtilizationHeader::setCompact(bool compact)
{
    if (compact == m_compact)
        return;
    m_compact = compact;
    relayout();
    update();
}

QSize UtilizationHeader::cornerSize() const
{
    return m_corner && !m_corner->isHidden() ? m_corner->sizeHint() : QSize();
}

void UtilizationHeader::relayout()
{
    const Layout l = layoutFor(width());
    const int height = static_cast<int>(std::ceil(l.valuesHeight + l.captionHeight));
    if (height != minimumHeight() || height != maximumHeight())
        setFixedHeight(height);
    setToolTip(m_caption);
    if (m_corner) {
        const QSize corner = cornerSize();
        const int x = std::max(0, width() - corner.width() - kCornerGap);
        const int y = m_compact ? static_cast<int>((l.valuesHeight - corner.height()) / 2)
                                : static_cast<int>(l.valuesHeight + (l.captionHeight - corner.height()) / 2);
        m_corner->setGeometry(x, y, std::min(corner.width(), width()), corner.height());
    }
}

void UtilizationHeader::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    relayout();
}

QString UtilizationHeader::text() const
{
    QStringList parts;
    for (const Item& item : m_items)
        parts << item.text;
    return parts.join(QStringLiteral("  "));
}

qreal UtilizationHeader::itemsWidth(qreal px) const
{
    const QFontMetricsF fm(pixelFont(px, true));
    qreal width = px * kMargin;
    for (const Item& item : m_items) {
        if (item.line.style() != Qt::NoPen)
            width += px * (kSwatch + kGap);
        width += std::max(fm.horizontalAdvance(item.text), fm.horizontalAdvance(item.widest)) + px * kAfter;
    }
    return width;
}

// The values shrink (down to a readable minimum) until they all fit on their line, rather than
// losing the last one; the caption wraps beside the corner widget.
UtilizationHeader::Layout UtilizationHeader::layoutFor(qreal width, bool compact) const
{
    Layout l{m_fontPx, 0, {}, 0};
    const QSize corner = cornerSize();
    const qreal cornerWidth = corner.isValid() ? corner.width() + 2 * kCornerGap : 0;
    const qreal room = compact ? width - cornerWidth : width;
    const qreal needed = itemsWidth(m_fontPx);
    if (needed > room && needed > 0)
        l.px = std::max(std::min(kMinValuesPx, m_fontPx), m_fontPx * room / needed);
    l.valuesHeight = std::ceil(l.px * kLine);
    if (compact) {
        if (corner.isValid())
            l.valuesHeight = std::max(l.valuesHeight, corner.height() + 2.0 * kCornerGap);
        return l;
    }
    const QFont small = pixelFont(m_captionPx, false);
    l.caption = wrapped(m_caption, small, width - m_fontPx * kMargin - cornerWidth, kCaptionLines);
    const qreal lines = l.caption.size() * QFontMetricsF(small).lineSpacing();
    l.captionHeight = std::ceil(std::max(lines, corner.isValid() ? corner.height() + 0.0 : 0.0)) +
                      (lines > 0 || corner.isValid() ? kCornerGap : 0);
    return l;
}

int UtilizationHeader::heightFor(int width, bool compact) const
{
    const Layout l = layoutFor(width, compact);
    return static_cast<int>(std::ceil(l.valuesHeight + l.captionHeight));
}

QSize UtilizationHeader::sizeHint() const
{
    const int w = width() > 0 ? width() : static_cast<int>(m_fontPx * 16);
    return {static_cast<int>(m_fontPx * 16), heightFor(w)};
}

QSize UtilizationHeader::minimumSizeHint() const
{
    return {static_cast<int>(m_fontPx * 6), sizeHint().height()};
}

void UtilizationHeader::paintTo(QPainter& painter, const QRectF& rect) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect, Qt::white);
    const Layout l = layoutFor(rect.width());
    const qreal px = l.px;
    const QFont font = pixelFont(px, true);
    const QFontMetricsF fm(font);
    const QRectF values(rect.left(), rect.top(), rect.width(), l.valuesHeight);
    const qreal mid = values.center().y();
    qreal x = rect.left() + px * kMargin;
    for (const Item& item : m_items) {
        if (item.line.style() != Qt::NoPen) {
            QPen pen = item.line;
            pen.setWidthF(std::max<qreal>(pen.widthF(), px * 0.18));
            pen.setCapStyle(Qt::FlatCap);
            if (pen.style() != Qt::SolidLine)
                pen.setDashPattern({1.6, 0.8}); // two whole dashes fit the swatch
            painter.setPen(pen);
            painter.drawLine(QPointF(x, mid), QPointF(x + px * kSwatch, mid));
            x += px * (kSwatch + kGap);
        }
        painter.setFont(font);
        painter.setPen(QColor(0x11, 0x11, 0x11));
        const qreal w = fm.horizontalAdvance(item.text);
        painter.drawText(
            QRectF(x, values.top(), w + 1, values.height()), Qt::AlignVCenter | Qt::AlignLeft, item.text);
        x += std::max(w, fm.horizontalAdvance(item.widest)) + px * kAfter;
    }
    if (!l.caption.isEmpty()) {
        const QFont small = pixelFont(m_captionPx, false);
        const QFontMetricsF sfm(small);
        painter.setFont(small);
        painter.setPen(QColor(0x44, 0x48, 0x4E));
        const qreal block = l.caption.size() * sfm.lineSpacing();
        qreal y = values.bottom() + (l.captionHeight - block) / 2;
        for (const QString& line : l.caption) {
            painter.drawText(QPointF(rect.left() + m_fontPx * kMargin, y + sfm.ascent()), line);
            y += sfm.lineSpacing();
        }
    }
    painter.restore();
}

void UtilizationHeader::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    paintTo(painter, QRectF(rect()));
}

} // namespace procscope::ui
