#include "ui/diagram/diagram_painter.h"

#include <QFontMetricsF>
#include <QLineF>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace procscope::ui {

namespace {

// Grey for an arrow that did not just fire; near-black, twice as thick, for one that did: the
// emphasis reads on any projector without borrowing a colour that means a state.
const QColor kArrowColor(0x70, 0x75, 0x7B);
const QColor kLitColor(0x11, 0x11, 0x11);
// Tokens are neutral: a process is its pid and name, never a hue (every hue here means a state).
// The selected one has a thick black outline, a colour no state uses.
const QColor kTokenFill(0xFA, 0xFA, 0xFA);
const QColor kTokenOutline(0x3A, 0x3A, 0x3A);
const QColor kTokenText(0x11, 0x11, 0x11);
const QColor kSelectedOutline(0x00, 0x00, 0x00);

// Black or white, whichever contrasts more with the fill (WCAG relative luminance): white on the
// amber of Ready would read at 1.8:1 from the back row, black reads at 11:1.
QColor readableOn(const QColor& fill)
{
    auto linear = [](qreal c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    const qreal l =
        0.2126 * linear(fill.redF()) + 0.7152 * linear(fill.greenF()) + 0.0722 * linear(fill.blueF());
    return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? QColor(0x11, 0x11, 0x11) : QColor(Qt::white);
}

QFont pixelFont(qreal px, bool bold)
{
    QFont f;
    f.setPixelSize(std::max(1, static_cast<int>(std::lround(px))));
    f.setBold(bold);
    return f;
}

QString fromView(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

void paintArrowHead(QPainter& painter, QPointF tip, QPointF from, qreal size, const QColor& color)
{
    QPointF d = tip - from;
    const qreal len = std::hypot(d.x(), d.y());
    if (len <= 0)
        return;
    d /= len;
    const QPointF n(-d.y(), d.x());
    const QPointF base = tip - d * size;
    QPainterPath head(tip);
    head.lineTo(base + n * size * 0.5);
    head.lineTo(base - n * size * 0.5);
    head.closeSubpath();
    painter.fillPath(head, color);
}

void paintArrow(QPainter& painter, const DiagramLayout& layout, const DiagramArrow& arrow, bool lit)
{
    const qreal width = layout.lineWidth() * (lit ? 2.2 : 1.0);
    const QColor color = lit ? kLitColor : kArrowColor;
    QPen pen(color, width, Qt::SolidLine, Qt::FlatCap, Qt::RoundJoin);
    if (arrow.stubStart || arrow.stubEnd)
        pen.setStyle(Qt::DashLine); // to or from a state this view leaves out
    const qreal head = std::max<qreal>(9, layout.lineWidth() * (lit ? 6.5 : 5.0));
    // Stop the line at the head's base so its end does not show through the tip.
    QPointF from = arrow.c2;
    if (QLineF(from, arrow.end).length() < 1)
        from = arrow.start;
    QLineF last(arrow.end, from);
    last.setLength(head * 0.8);
    QPainterPath path(arrow.start);
    path.cubicTo(arrow.c1, arrow.c2, last.p2());
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(path);
    paintArrowHead(painter, arrow.end, from, head, color);
}

void paintArrowLabel(QPainter& painter, const DiagramLayout& layout, const DiagramArrow& arrow,
    const QString& name, const QString& count, bool lit)
{
    const QFont font = pixelFont(layout.arrowFontPx(), lit);
    const QFontMetricsF fm(font);
    const QStringList lines = arrowLabelLines(name, count, fm, std::max<qreal>(arrow.labelWidth, 10));
    qreal textWidth = 0;
    for (const QString& line : lines)
        textWidth = std::max(textWidth, fm.horizontalAdvance(line));
    const qreal lineHeight = fm.height();
    const qreal pad = layout.arrowFontPx() * 0.3;
    const QSizeF box(textWidth + 2 * pad, static_cast<qreal>(lines.size()) * lineHeight + pad);
    // Put the box beside the curve on the label's side: its centre goes out by the box's extent in
    // that direction.
    const QPointF side = arrow.labelSide;
    const qreal reach = std::abs(side.x()) * box.width() / 2 + std::abs(side.y()) * box.height() / 2 + pad;
    const QPointF centre = arrow.labelAnchor + side * reach;
    QRectF r(centre.x() - box.width() / 2, centre.y() - box.height() / 2, box.width(), box.height());
    // Keep it on the canvas.
    const QSizeF canvas = layout.size();
    r.moveLeft(std::clamp(r.left(), 1.0, std::max(1.0, canvas.width() - r.width() - 1)));
    r.moveTop(std::clamp(r.top(), 1.0, std::max(1.0, canvas.height() - r.height() - 1)));
    painter.setPen(lit ? QPen(kLitColor, 1) : QPen(QColor(0xC8, 0xCC, 0xD0), 1));
    painter.setBrush(lit ? kLitColor : QColor(255, 255, 255, 235));
    painter.drawRoundedRect(r, pad * 1.5, pad * 1.5);
    painter.setFont(font);
    painter.setPen(lit ? Qt::white : QColor(0x20, 0x22, 0x25));
    // One line at a time and never clipped: no line, the count least of all, can fall out of the box.
    qreal y = r.top() + pad / 2;
    for (const QString& line : lines) {
        painter.drawText(
            QRectF(r.left(), y, r.width(), lineHeight), Qt::AlignCenter | Qt::TextDontClip, line);
        y += lineHeight;
    }
}

void paintNode(
    QPainter& painter, const DiagramLayout& layout, const DiagramNode& node, int population, Palette palette)
{
    const QColor fill = stateColor(node.state, palette);
    const qreal radius = std::min(node.rect.width(), node.rect.height()) * 0.08;
    painter.setPen(QPen(fill.darker(150), layout.lineWidth()));
    painter.setBrush(fill);
    painter.drawRoundedRect(node.rect, radius, radius);
    painter.setPen(readableOn(fill));
    const QString text = QStringLiteral("%1 (%2)").arg(stateLabel(node.state)).arg(population);
    // A name too wide for a narrow node gets smaller type before it loses letters.
    const qreal room = node.header.width() - node.fontPx * 0.5;
    QFont font = pixelFont(node.fontPx, true);
    const qreal wide = QFontMetricsF(font).horizontalAdvance(text);
    if (wide > room && room > 0)
        font = pixelFont(std::max(node.fontPx * 0.65, node.fontPx * room / wide), true);
    painter.setFont(font);
    painter.drawText(
        node.header, Qt::AlignCenter, QFontMetricsF(font).elidedText(text, Qt::ElideRight, room));
}

void paintPlaceholder(QPainter& painter, const DiagramScene::Placeholder& p, const QColor& onColor)
{
    const qreal radius = p.rect.height() / 2;
    if (p.dashed) {
        QColor c = onColor;
        c.setAlphaF(0.7);
        painter.setPen(QPen(c, std::max<qreal>(1, p.fontPx * 0.1), Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(p.rect, radius, radius);
        painter.setPen(c);
        painter.setFont(pixelFont(p.fontPx, false));
    } else {
        painter.setPen(QPen(QColor(0x33, 0x33, 0x33), std::max<qreal>(1, p.fontPx * 0.08)));
        painter.setBrush(QColor(255, 255, 255, 220));
        painter.drawRoundedRect(p.rect, radius, radius);
        painter.setPen(QColor(0x11, 0x11, 0x11));
        painter.setFont(pixelFont(p.fontPx, true));
    }
    const bool fits = QFontMetricsF(painter.font()).horizontalAdvance(p.text) <= p.rect.width() - radius;
    painter.drawText(p.rect, Qt::AlignCenter, fits || p.shortText.isEmpty() ? p.text : p.shortText);
}

} // namespace

QString arrowName(const DiagramArrow& arrow, ArrowWording wording)
{
    if (arrow.transitions.empty())
        return {};
    return fromView(transitionName(transitionInfo(arrow.transitions.front()), wording));
}

QString arrowCount(const DiagramArrow& arrow, const TransitionCounts& counts)
{
    std::int64_t total = 0;
    for (Transition t : arrow.transitions)
        total += counts[static_cast<std::size_t>(t)];
    return QString(QChar(0x00D7)) + QString::number(total);
}

QString arrowLabel(const DiagramArrow& arrow, const TransitionCounts& counts, ArrowWording wording)
{
    return arrowName(arrow, wording) + QLatin1Char(' ') + arrowCount(arrow, counts);
}

QStringList arrowLabelLines(
    const QString& name, const QString& count, const QFontMetricsF& metrics, qreal width)
{
    QStringList lines;
    QString line;
    auto add = [&](const QString& word) {
        const QString joined = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
        if (!line.isEmpty() && metrics.horizontalAdvance(joined) > width) {
            lines << line;
            line = word;
        } else {
            line = joined;
        }
    };
    for (const QString& word : name.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        add(word);
    if (!count.isEmpty())
        add(count);
    if (!line.isEmpty())
        lines << line;
    return lines;
}

void paintToken(QPainter& painter, const DiagramScene::Token& token, const Trace& trace)
{
    const QRectF r = token.rect;
    if (r.isEmpty())
        return;
    const ProcessInfo& info = trace.info(token.process);
    painter.save();
    painter.setOpacity(token.opacity);
    const qreal h = r.height();
    const QString pid = QString::number(info.pid);
    const QFont pidFont = pixelFont(token.fontPx, true);
    const qreal pidWidth = QFontMetricsF(pidFont).horizontalAdvance(pid);
    const qreal inset = std::max<qreal>(2, h * 0.25);
    // The name goes beside the pid when a few of its letters fit; else the token is a disc with
    // the pid alone.
    const bool nameFits = r.width() >= pidWidth + 2 * inset + token.fontPx * 2.5;
    const QRectF body = nameFits ? r : QRectF(r.center().x() - h / 2, r.top(), h, h);
    const qreal border = token.selected ? std::max<qreal>(3, h * 0.14) : std::max<qreal>(1, h * 0.05);
    painter.setPen(QPen(token.selected ? kSelectedOutline : kTokenOutline, border));
    painter.setBrush(kTokenFill);
    painter.drawRoundedRect(body.adjusted(border / 2, border / 2, -border / 2, -border / 2), h / 2, h / 2);
    painter.setPen(kTokenText);
    if (!nameFits) {
        const qreal fit = std::min<qreal>(1, (h - 2 * border) / std::max<qreal>(1, pidWidth));
        painter.setFont(pixelFont(token.fontPx * std::max<qreal>(0.6, fit), true));
        painter.drawText(body, Qt::AlignCenter, pid);
        painter.restore();
        return;
    }
    painter.setFont(pidFont);
    const QRectF pidRect(body.left() + inset, body.top(), pidWidth, h);
    painter.drawText(pidRect, Qt::AlignVCenter | Qt::AlignLeft, pid);
    // A hairline between the pid and the name.
    const qreal gap = token.fontPx * 0.35;
    const qreal lineX = pidRect.right() + gap;
    painter.setPen(QPen(kTokenOutline, std::max<qreal>(1, h * 0.03)));
    painter.drawLine(QPointF(lineX, body.top() + h * 0.22), QPointF(lineX, body.bottom() - h * 0.22));
    const QFont nameFont = pixelFont(token.fontPx, token.selected);
    painter.setFont(nameFont);
    painter.setPen(kTokenText);
    const QRectF text(lineX + gap, body.top(), body.right() - inset - lineX - gap, h);
    painter.drawText(text, Qt::AlignVCenter | Qt::AlignLeft,
        QFontMetricsF(nameFont).elidedText(QString::fromStdString(info.name), Qt::ElideRight, text.width()));
    painter.restore();
}

void paintDiagram(QPainter& painter, const DiagramScene& scene)
{
    if (!scene.layout)
        return;
    const DiagramLayout& layout = *scene.layout;
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.fillRect(QRectF(QPointF(0, 0), layout.size()), Qt::white);

    auto isLit = [&](const DiagramArrow& a) {
        return std::any_of(a.transitions.begin(), a.transitions.end(),
            [&](Transition t) { return scene.lit.test(static_cast<std::size_t>(t)); });
    };
    // Quiet arrows first, so a lit one is never crossed over by a grey one.
    for (int pass = 0; pass < 2; ++pass)
        for (const DiagramArrow& a : layout.arrows())
            if (isLit(a) == (pass == 1))
                paintArrow(painter, layout, a, pass == 1);
    for (const DiagramNode& n : layout.nodes())
        paintNode(painter, layout, n, scene.population[static_cast<std::size_t>(n.state)], scene.palette);
    for (int pass = 0; pass < 2; ++pass)
        for (const DiagramArrow& a : layout.arrows())
            if (isLit(a) == (pass == 1))
                paintArrowLabel(
                    painter, layout, a, arrowName(a, scene.wording), arrowCount(a, scene.counts), pass == 1);
    for (const DiagramScene::Placeholder& p : scene.placeholders) {
        QColor on = Qt::black;
        for (const DiagramNode& n : layout.nodes())
            if (n.rect.contains(p.rect.center()))
                on = readableOn(stateColor(n.state, scene.palette));
        paintPlaceholder(painter, p, on);
    }
    if (scene.trace) {
        for (const DiagramScene::Token& t : scene.tokens)
            paintToken(painter, t, *scene.trace);
        for (const DiagramScene::Token& t : scene.moving)
            paintToken(painter, t, *scene.trace);
    }
    if (!scene.note.isEmpty()) {
        painter.setFont(pixelFont(layout.arrowFontPx() * 0.85, false));
        painter.setPen(QColor(0x55, 0x5A, 0x60));
        const qreal m = layout.arrowFontPx() * 0.5;
        painter.drawText(QRectF(QPointF(m, m), layout.size() - QSizeF(2 * m, m)),
            Qt::AlignRight | Qt::AlignBottom, scene.note);
    }
}

} // namespace procscope::ui
