#include "ui/compare/comparison_table.h"

#include "ui/compare/comparison_model.h"
#include "ui/panels/panel_style.h"

#include <QApplication>
#include <QEvent>
#include <QHeaderView>
#include <QStyle>

#include <algorithm>

namespace procscope::ui {

ComparisonTable::ComparisonTable(ComparisonModel* model, QWidget* parent)
    : QTableView(parent)
    , m_model(model)
{
    setModel(model);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::NoFocus);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    horizontalHeader()->setDefaultAlignment(Qt::Alignment(Qt::AlignCenter | Qt::TextWordWrap));
    verticalHeader()->setDefaultAlignment(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap));
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setWordWrap(false); // a number never breaks over two lines
    applyFont();
}

// Variant names in bold, rows as tall as the type.
void ComparisonTable::applyFont()
{
    QFont bold = font();
    bold.setBold(true);
    verticalHeader()->setFont(bold);
    fitRowsToFont(this);
    fit();
}

void ComparisonTable::resizeEvent(QResizeEvent* event)
{
    fit(); // before the sections follow the new width: fit() works from the width alone
    QTableView::resizeEvent(event);
}

void ComparisonTable::changeEvent(QEvent* event)
{
    QTableView::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFont();
}

// Headings wrap to their column's width rather than squeezing the numbers: a metric's name and
// "(lower is better)" on two lines, or the name alone when that would take more; a long variant
// name ("MLFQ 3 queues, q=10, no boost") over two lines in a column of at most a quarter of the
// table. The table is then as tall as its rows: every variant's numbers in view, the charts get
// the rest.
void ComparisonTable::fit()
{
    QHeaderView* top = horizontalHeader();
    QHeaderView* side = verticalHeader();
    const int margin = 2 * style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, top) + 2;
    const auto lines = [](const QFont& font, int width, const QString& text) {
        const QFontMetrics metrics(font);
        const int height =
            metrics.boundingRect(QRect(0, 0, std::max(1, width), 100'000), Qt::TextWordWrap, text).height();
        return std::max(1, (height + metrics.lineSpacing() / 2) / metrics.lineSpacing());
    };
    // The numbers first: the names' column gets at most a quarter of the width, and only what the
    // widest number (in bold, with its star) leaves.
    QFont bold = font();
    bold.setBold(true);
    int numbers = 2 * frameWidth();
    for (int c = 0; c < m_model->columnCount(); ++c) {
        int widest = 0;
        for (int r = 0; r < m_model->rowCount(); ++r)
            widest = std::max(
                widest, QFontMetrics(bold).horizontalAdvance(m_model->index(r, c).data().toString()));
        numbers += widest + 2 * margin;
    }
    side->setMaximumWidth(std::max(side->minimumSectionSize(), std::min(width() / 4, width() - numbers)));
    // From the table's new width (the sections follow it only after this resize event).
    const int sideWidth = std::min(side->sizeHint().width(), side->maximumWidth());
    const int column =
        (width() - 2 * frameWidth() - sideWidth) / std::max(1, m_model->columnCount()) - margin;
    // Every heading in at most two lines, no word wider than its column: first without "(lower is
    // better)", then in smaller type, down to the application's.
    const auto fits = [&](const QFont& font) {
        for (int c = 0; c < m_model->columnCount(); ++c) {
            const QString heading = m_model->headerData(c, Qt::Horizontal).toString();
            const QRect r = QFontMetrics(font).boundingRect(
                QRect(0, 0, std::max(1, column), 100'000), Qt::TextWordWrap, heading);
            if (r.width() > column || lines(font, column, heading) > 2)
                return false;
        }
        return true;
    };
    QFont heading = font();
    m_model->setCompactHeaders(false);
    if (!fits(heading))
        m_model->setCompactHeaders(true);
    const qreal least = QApplication::font().pointSizeF();
    while (!fits(heading) && heading.pointSizeF() * 0.9 >= least)
        heading.setPointSizeF(heading.pointSizeF() * 0.9);
    top->setFont(heading);
    int headerLines = 1;
    for (int c = 0; c < m_model->columnCount(); ++c)
        headerLines =
            std::max(headerLines, lines(heading, column, m_model->headerData(c, Qt::Horizontal).toString()));
    const QFontMetrics text(font());
    top->setFixedHeight(headerLines * QFontMetrics(heading).lineSpacing() + text.height() / 2);
    int height = top->height() + 2 * frameWidth();
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const QString name = m_model->headerData(r, Qt::Vertical).toString();
        // Unclamped, the column is as wide as the longest name: every name on one line.
        const int n =
            side->sizeHint().width() > sideWidth ? lines(side->font(), sideWidth - margin, name) : 1;
        side->resizeSection(r, n * QFontMetrics(side->font()).lineSpacing() + text.height() / 2);
        height += side->sectionSize(r);
    }
    setFixedHeight(height);
}

} // namespace procscope::ui
