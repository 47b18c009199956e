#include "ui/panels/panel_style.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QFontMetrics>
#include <QHeaderView>
#include <QTableView>

#include <algorithm>

namespace procscope::ui {

void useReadableFont(QWidget* widget)
{
    QFont font = widget->font();
    const qreal base = QApplication::font().pointSizeF();
    font.setPointSizeF(std::max<qreal>(13.0, base > 0 ? base * 1.2 : 13.0));
    widget->setFont(font);
}

void useNeutralSelection(QWidget* widget)
{
    QPalette palette = widget->palette();
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
        palette.setColor(group, QPalette::Highlight, QColor(0x48, 0x48, 0x48));
        palette.setColor(group, QPalette::HighlightedText, Qt::white);
    }
    widget->setPalette(palette);
}

void fitRowsToFont(QAbstractItemView* view)
{
    useNeutralSelection(view);
    const int text = QFontMetrics(view->font()).height();
    view->setIconSize(QSize(text * 3 / 4, text * 3 / 4));
    if (auto* table = qobject_cast<QTableView*>(view)) {
        table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        table->verticalHeader()->setDefaultSectionSize(text + text / 2);
    }
}

} // namespace procscope::ui
