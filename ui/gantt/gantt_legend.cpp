#include "ui/gantt/gantt_legend.h"

#include "ui/style/state_patterns.h"

namespace procscope::ui {

SwatchLegendItem::SwatchLegendItem(QCPLegend* legend, ProcessState state, Palette palette, int cell)
    : QCPAbstractLegendItem(legend)
    , m_colour(stateColor(state, palette))
    , m_text(stateLabel(state))
    , m_state(state)
    , m_palette(palette)
    , m_cell(cell)
{
    setSelectable(false);
}

SwatchLegendItem::SwatchLegendItem(QCPLegend* legend, QColor colour, QString text)
    : QCPAbstractLegendItem(legend)
    , m_colour(std::move(colour))
    , m_text(std::move(text))
{
    setSelectable(false);
}

QSize SwatchLegendItem::minimumOuterSizeHint() const
{
    const QFontMetrics metrics(mFont);
    const QSize icon = mParentLegend->iconSize();
    const int width = icon.width() + mParentLegend->iconTextPadding() + metrics.horizontalAdvance(m_text);
    const int height = std::max(icon.height(), metrics.height());
    return QSize(width + mMargins.left() + mMargins.right(), height + mMargins.top() + mMargins.bottom());
}

void SwatchLegendItem::draw(QCPPainter* painter)
{
    const QSize icon = mParentLegend->iconSize();
    const QRect inner = mRect;
    const QRect swatch(
        inner.left(), inner.top() + (inner.height() - icon.height()) / 2, icon.width(), icon.height());
    painter->setRenderHint(QPainter::Antialiasing, false);
    if (m_state)
        paintStateFill(*painter, swatch, *m_state, m_palette, m_cell, swatch.topLeft());
    else
        painter->fillRect(swatch, m_colour);
    painter->setPen(QPen(QColor(0x40, 0x40, 0x40), 1));
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(swatch);
    painter->setFont(mFont);
    painter->setPen(mTextColor);
    const QRect textRect(swatch.right() + mParentLegend->iconTextPadding(), inner.top(),
        inner.right() - swatch.right() - mParentLegend->iconTextPadding() + 1, inner.height());
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter, m_text);
}

void fillStateLegend(QCPLegend* legend, Palette palette, int cell, const LegendContents& contents)
{
    legend->clearItems();
    const ProcessState order[] = {ProcessState::New, ProcessState::Ready, ProcessState::Running,
        ProcessState::Blocked, ProcessState::Suspended, ProcessState::Zombie, ProcessState::Unknown};
    bool any = false;
    for (const ProcessState s : order)
        any = any || contents.has(s);
    for (const ProcessState s : order) {
        const bool core =
            s == ProcessState::Ready || s == ProcessState::Running || s == ProcessState::Blocked;
        if (any ? contents.has(s) : core)
            legend->addItem(new SwatchLegendItem(legend, s, palette, cell));
    }
    if (contents.hasContextSwitch())
        legend->addItem(
            new SwatchLegendItem(legend, cpuSwitchColor(palette), QStringLiteral("Context switch")));
}

} // namespace procscope::ui
