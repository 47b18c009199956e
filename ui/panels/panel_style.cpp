#include "ui/panels/panel_style.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QEvent>
#include <QFontMetrics>
#include <QHeaderView>
#include <QTableView>

#include <algorithm>

namespace procscope::ui {

namespace {

void applyReadableFont(QWidget* widget)
{
    QFont font = widget->font();
    const qreal base = QApplication::font().pointSizeF();
    font.setPointSizeF(std::max<qreal>(13.0, base > 0 ? base * 1.2 : 13.0));
    widget->setFont(font);
}

// Applies the readable size again when the application font changes (presentation mode makes it
// 1.5 times larger): an explicitly set font would otherwise keep its old size.
class ReadableFont : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::ApplicationFontChange)
            applyReadableFont(static_cast<QWidget*>(watched));
        return false;
    }
};

} // namespace

void useReadableFont(QWidget* widget)
{
    applyReadableFont(widget);
    widget->installEventFilter(new ReadableFont(widget));
}

void fitRowsToFont(QAbstractItemView* view)
{
    const int text = QFontMetrics(view->font()).height();
    view->setIconSize(QSize(text * 3 / 4, text * 3 / 4));
    if (auto* table = qobject_cast<QTableView*>(view)) {
        table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        table->verticalHeader()->setDefaultSectionSize(text + text / 2);
    }
}

} // namespace procscope::ui
