#include "ui/cpuplot/utilization_header.h"

#include <QFontMetricsF>
#include <QPainter>

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

} // namespace

UtilizationHeader::UtilizationHeader(QWidget* parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void UtilizationHeader::setItems(std::vector<Item> items, QString caption)
{
    m_items = std::move(items);
    m_caption = std::move(caption);
    update();
}

void UtilizationHeader::setFontPx(qreal px)
{
    if (px == m_fontPx)
        return;
    m_fontPx = px;
    updateGeometry();
    update();
}

QString UtilizationHeader::text() const
{
    QStringList parts;
    for (const Item& item : m_items)
        parts << item.text;
    return parts.join(QStringLiteral("  "));
}

QSize UtilizationHeader::sizeHint() const
{
    return {static_cast<int>(m_fontPx * 16), static_cast<int>(std::ceil(m_fontPx * 1.8))};
}

qreal UtilizationHeader::fitFactor(qreal width) const
{
    // Width of the items at the full size, as laid out by paintTo(); it scales with the type.
    const QFontMetricsF fm(pixelFont(m_fontPx, true));
    qreal needed = m_fontPx * 0.8;
    for (const Item& item : m_items)
        needed += m_fontPx * (1.1 + 0.35 + 1.2) + fm.horizontalAdvance(item.text);
    return needed > width ? width / needed : 1.0;
}

void UtilizationHeader::paintTo(QPainter& painter, const QRectF& rect) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect, Qt::white);
    // The values must all show in a narrow dock too: the type shrinks (down to a readable
    // minimum) until every item fits, rather than cutting the last one off.
    const qreal px = std::max<qreal>(std::min<qreal>(12, m_fontPx), m_fontPx * fitFactor(rect.width()));
    const QFont font = pixelFont(px, true);
    const QFontMetricsF fm(font);
    const qreal swatch = px * 1.1;
    const qreal gap = px * 0.35;
    qreal x = rect.left() + px * 0.4;
    const qreal mid = rect.center().y();
    for (const Item& item : m_items) {
        QPen pen = item.line;
        pen.setWidthF(std::max<qreal>(pen.widthF(), px * 0.18));
        pen.setCapStyle(Qt::FlatCap);
        if (pen.style() != Qt::SolidLine)
            pen.setDashPattern({1.6, 0.8}); // two whole dashes fit the swatch
        painter.setPen(pen);
        painter.drawLine(QPointF(x, mid), QPointF(x + swatch, mid));
        x += swatch + gap;
        painter.setFont(font);
        painter.setPen(QColor(0x11, 0x11, 0x11));
        const qreal w = fm.horizontalAdvance(item.text);
        painter.drawText(
            QRectF(x, rect.top(), w + 1, rect.height()), Qt::AlignVCenter | Qt::AlignLeft, item.text);
        x += w + px * 1.2;
    }
    if (!m_caption.isEmpty()) {
        const QFont small = pixelFont(px * 0.5, false);
        painter.setFont(small);
        painter.setPen(QColor(0x55, 0x5A, 0x60));
        const QRectF room(x, rect.top(), rect.right() - x - px * 0.4, rect.height());
        if (room.width() > px * 3)
            painter.drawText(room, Qt::AlignVCenter | Qt::AlignRight,
                QFontMetricsF(small).elidedText(m_caption, Qt::ElideLeft, room.width()));
    }
    painter.restore();
}

void UtilizationHeader::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    paintTo(painter, QRectF(rect()));
}

} // namespace procscope::ui
