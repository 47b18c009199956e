#include "ui/panels/panel_style.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QEvent>
#include <QFontMetrics>
#include <QHeaderView>
#include <QPointer>
#include <QTableView>

#include <algorithm>
#include <vector>

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
// 1.5 times larger): an explicitly set font would otherwise keep its old size. Qt sends that
// change to top-level windows only, so one filter on the application re-applies every panel's.
class ReadableFonts : public QObject {
public:
    static ReadableFonts& instance()
    {
        static auto* fonts = new ReadableFonts(QCoreApplication::instance());
        return *fonts;
    }
    void add(QWidget* widget) { m_widgets.push_back(widget); }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::ApplicationFontChange && QApplication::font() != m_applied) {
            m_applied = QApplication::font();
            std::erase_if(m_widgets, [](const QPointer<QWidget>& w) { return w.isNull(); });
            for (const QPointer<QWidget>& w : m_widgets)
                applyReadableFont(w);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    explicit ReadableFonts(QObject* parent)
        : QObject(parent)
        , m_applied(QApplication::font())
    {
        parent->installEventFilter(this);
    }
    std::vector<QPointer<QWidget>> m_widgets;
    QFont m_applied;
};

} // namespace

void useReadableFont(QWidget* widget)
{
    applyReadableFont(widget);
    ReadableFonts::instance().add(widget);
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
