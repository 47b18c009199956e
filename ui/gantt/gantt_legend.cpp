#include "ui/gantt/gantt_legend.h"

namespace procscope::ui {

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
    painter->setPen(QPen(QColor(0x60, 0x60, 0x60), 1));
    painter->setBrush(m_colour);
    painter->drawRect(swatch);
    painter->setFont(mFont);
    painter->setPen(mTextColor);
    const QRect textRect(swatch.right() + mParentLegend->iconTextPadding(), inner.top(),
        inner.right() - swatch.right() - mParentLegend->iconTextPadding() + 1, inner.height());
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter, m_text);
}

void fillStateLegend(QCPLegend* legend, Palette palette, bool withUnknown)
{
    legend->clearItems();
    const ProcessState states[] = {ProcessState::New, ProcessState::Ready, ProcessState::Running,
        ProcessState::Blocked, ProcessState::Suspended, ProcessState::Zombie};
    for (const ProcessState s : states)
        legend->addItem(new SwatchLegendItem(legend, stateColor(s, palette), stateLabel(s)));
    if (withUnknown)
        legend->addItem(new SwatchLegendItem(
            legend, stateColor(ProcessState::Unknown, palette), stateLabel(ProcessState::Unknown)));
    legend->addItem(new SwatchLegendItem(legend, cpuSwitchColor(palette), QStringLiteral("Context switch")));
}

} // namespace procscope::ui
