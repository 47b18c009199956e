#include "ui/panels/event_log_view.h"

#include <QAbstractItemModel>
#include <QHeaderView>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QToolTip>

#include <algorithm>
#include <utility>

namespace procscope::ui {

EventLogView::EventLogView(QWidget* parent)
    : QAbstractScrollArea(parent)
    , m_header(new QHeaderView(Qt::Horizontal, this))
    , m_defaultDelegate(new QStyledItemDelegate(this))
    , m_delegate(m_defaultDelegate)
{
    setFocusPolicy(Qt::StrongFocus);
    // Not clickable (the default for a standalone header): a click must not touch every row.
    m_header->setStretchLastSection(true);
    m_header->setSectionResizeMode(QHeaderView::Interactive);
    auto columnsMoved = [this] {
        updateScrollBars();
        viewport()->update();
    };
    connect(m_header, &QHeaderView::sectionResized, this, columnsMoved);
    connect(m_header, &QHeaderView::sectionMoved, this, columnsMoved);
    connect(m_header, &QHeaderView::sectionCountChanged, this, [this] {
        if (m_currentColumn >= m_header->count())
            m_currentColumn = 0;
        updateScrollBars();
        viewport()->update();
    });
    connect(m_header, &QHeaderView::geometriesChanged, this, &EventLogView::updateGeometries);
    updateGeometries();
}

// QWidget's destructor hides the children, and the header reports its new geometry: by then this
// view is only a QWidget, so nothing of it may be called back.
EventLogView::~EventLogView()
{
    m_header->disconnect(this);
    if (m_model)
        m_model->disconnect(this);
}

void EventLogView::setModel(QAbstractItemModel* model)
{
    if (model == m_model)
        return;
    for (const QMetaObject::Connection& connection : std::as_const(m_modelConnections))
        disconnect(connection);
    m_modelConnections.clear();
    m_model = model;
    m_header->setModel(model);
    m_pressedRow = m_pressedColumn = -1;
    if (model) {
        using M = QAbstractItemModel;
        using V = EventLogView;
        m_modelConnections << connect(model, &M::modelReset, this, &V::rowsChanged)
                           << connect(model, &M::layoutChanged, this, &V::rowsChanged)
                           << connect(model, &M::rowsInserted, this, &V::rowsInserted)
                           << connect(model, &M::rowsRemoved, this, &V::rowsRemoved)
                           << connect(model, &M::dataChanged, this, &V::dataChanged)
                           << connect(model, &QObject::destroyed, this, &V::rowsChanged);
    }
    setCurrent(-1, 0);
    verticalScrollBar()->setValue(0);
    updateGeometries();
    viewport()->update();
}

void EventLogView::setItemDelegate(QAbstractItemDelegate* delegate)
{
    m_delegate = delegate ? delegate : m_defaultDelegate;
    viewport()->update();
}

QAbstractItemDelegate* EventLogView::itemDelegate() const
{
    return m_delegate ? m_delegate.data() : m_defaultDelegate;
}

void EventLogView::setRowHeight(int height)
{
    m_rowHeight = std::max(0, height);
    updateScrollBars();
    viewport()->update();
}

int EventLogView::rowHeight() const
{
    if (m_rowHeight > 0)
        return m_rowHeight;
    const int text = fontMetrics().height();
    return std::max(1, text + text / 2);
}

void EventLogView::setIconSize(QSize size)
{
    m_iconSize = size;
    viewport()->update();
}

QSize EventLogView::iconSize() const
{
    if (m_iconSize.isValid())
        return m_iconSize;
    const int side = fontMetrics().height() * 3 / 4;
    return {side, side};
}

void EventLogView::setTextElideMode(Qt::TextElideMode mode)
{
    m_elideMode = mode;
    viewport()->update();
}

int EventLogView::rowCount() const
{
    return m_model ? m_model->rowCount() : 0;
}

int EventLogView::topRow() const
{
    return verticalScrollBar()->value();
}

int EventLogView::pageRows() const
{
    return std::max(1, viewport()->height() / rowHeight());
}

int EventLogView::rowAt(int y) const
{
    if (y < 0 || y >= viewport()->height())
        return -1;
    const qint64 row = qint64(topRow()) + y / rowHeight();
    return row < rowCount() ? int(row) : -1;
}

QModelIndex EventLogView::indexAt(const QPoint& pos) const
{
    const int row = rowAt(pos.y());
    const int column = m_header->logicalIndexAt(pos.x());
    if (row < 0 || column < 0)
        return {};
    return m_model->index(row, column);
}

QRect EventLogView::visualRect(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != m_model || m_header->isSectionHidden(index.column()))
        return {};
    const int row = index.row();
    const int height = rowHeight();
    const int top = topRow();
    const int onScreen = (viewport()->height() + height - 1) / height; // the last one may be cut
    if (row < top || row - top >= onScreen || row >= rowCount())
        return {};
    return QRect(m_header->sectionViewportPosition(index.column()), (row - top) * height,
        m_header->sectionSize(index.column()), height);
}

void EventLogView::scrollTo(const QModelIndex& index, QAbstractItemView::ScrollHint hint)
{
    if (!index.isValid() || index.model() != m_model)
        return;
    const int row = index.row();
    const int page = pageRows();
    int top = topRow();
    switch (hint) {
    case QAbstractItemView::EnsureVisible:
        if (row < top)
            top = row;
        else if (row - top >= page)
            top = row - page + 1;
        break;
    case QAbstractItemView::PositionAtTop:
        top = row;
        break;
    case QAbstractItemView::PositionAtBottom:
        top = row - page + 1;
        break;
    case QAbstractItemView::PositionAtCenter:
        top = row - (viewport()->height() - rowHeight()) / (2 * rowHeight());
        break;
    }
    verticalScrollBar()->setValue(top); // clamped to the range
    // Horizontally, like QTableView: bring the column into view.
    if (m_header->isSectionHidden(index.column()))
        return;
    const int left = m_header->sectionPosition(index.column());
    const int right = left + m_header->sectionSize(index.column());
    QScrollBar* bar = horizontalScrollBar();
    if (left < bar->value())
        bar->setValue(left);
    else if (right > bar->value() + viewport()->width())
        bar->setValue(std::min(left, right - viewport()->width()));
}

void EventLogView::scrollToTop()
{
    verticalScrollBar()->setValue(0);
}

void EventLogView::scrollToBottom()
{
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

QModelIndex EventLogView::currentIndex() const
{
    return m_model && m_currentRow >= 0 ? m_model->index(m_currentRow, m_currentColumn) : QModelIndex();
}

void EventLogView::setCurrentIndex(const QModelIndex& index)
{
    if (index.isValid() && index.model() == m_model)
        setCurrent(index.row(), index.column());
    else
        setCurrent(-1, 0);
}

void EventLogView::setCurrent(int row, int column)
{
    if (row == m_currentRow && column == m_currentColumn)
        return;
    const bool rowChanged = row != m_currentRow;
    m_currentRow = row;
    m_currentColumn = column;
    if (rowChanged) {
        viewport()->update();
        Q_EMIT currentChanged(row);
    }
}

void EventLogView::rowsChanged()
{
    const int rows = rowCount();
    if (m_currentRow >= rows)
        setCurrent(rows - 1, rows > 0 ? m_currentColumn : 0);
    if (m_pressedRow >= rows)
        m_pressedRow = m_pressedColumn = -1;
    updateScrollBars(); // clamps the top row
    viewport()->update();
}

void EventLogView::rowsInserted(const QModelIndex& parent, int first, int last)
{
    // The current row keeps its item: it moves down with the rows inserted above it.
    if (!parent.isValid() && m_currentRow >= first)
        setCurrent(m_currentRow + (last - first + 1), m_currentColumn);
    rowsChanged();
}

void EventLogView::rowsRemoved(const QModelIndex& parent, int first, int last)
{
    if (!parent.isValid() && m_currentRow > last)
        setCurrent(m_currentRow - (last - first + 1), m_currentColumn);
    else if (!parent.isValid() && m_currentRow >= first)
        setCurrent(first, m_currentColumn); // the row after the removed ones (rowsChanged() clamps it)
    rowsChanged();
}

void EventLogView::dataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight)
{
    // Emitted on every tick for the rows at the cursor: repaint only what is on screen.
    const int height = rowHeight();
    const int top = topRow();
    const int bottom = top + (viewport()->height() + height - 1) / height - 1;
    const int first = std::max(topLeft.isValid() ? topLeft.row() : 0, top);
    const int last = std::min(bottomRight.isValid() ? bottomRight.row() : bottom, bottom);
    if (first <= last)
        viewport()->update(0, (first - top) * height, viewport()->width(), (last - first + 1) * height);
}

void EventLogView::updateGeometries()
{
    if (m_inGeometryUpdate)
        return; // setViewportMargins() resizes the viewport, which comes back here
    m_inGeometryUpdate = true;
    const int height = m_header->isHidden() ? 0
                                            : std::clamp(m_header->sizeHint().height(),
                                                  m_header->minimumHeight(), m_header->maximumHeight());
    setViewportMargins(0, height, 0, 0);
    updateScrollBars(); // may show or hide a scroll bar, which resizes the viewport
    const QRect area = viewport()->geometry();
    m_header->setGeometry(area.left(), area.top() - height, area.width(), height);
    m_inGeometryUpdate = false;
}

void EventLogView::updateScrollBars()
{
    const int page = pageRows();
    QScrollBar* vertical = verticalScrollBar();
    vertical->setSingleStep(1); // rows: a wheel notch scrolls QApplication::wheelScrollLines() (3) rows
    vertical->setPageStep(page);
    vertical->setRange(0, std::max(0, rowCount() - page));
    const int width = viewport()->width();
    QScrollBar* horizontal = horizontalScrollBar();
    horizontal->setSingleStep(std::max(1, 2 * fontMetrics().horizontalAdvance(QLatin1Char('0'))));
    horizontal->setPageStep(width);
    horizontal->setRange(0, std::max(0, m_header->length() - width));
    m_header->setOffset(horizontal->value());
}

void EventLogView::initViewItemOption(QStyleOptionViewItem* option) const
{
    // As QAbstractItemView::initViewItemOption() and QTableView's override. The item delegate adds
    // the per-cell features (HasDisplay, HasDecoration, ...) from the model's data, as in QTableView;
    // here only WrapText is decided, and left out.
    option->initFrom(this);
    option->state &= ~(QStyle::State_MouseOver | QStyle::State_HasFocus);
    if (!hasFocus())
        option->state &= ~QStyle::State_Active;
    option->font = font();
    option->decorationSize = iconSize();
    option->decorationPosition = QStyleOptionViewItem::Left;
    option->decorationAlignment = Qt::AlignCenter;
    option->displayAlignment = Qt::AlignLeft | Qt::AlignVCenter;
    option->textElideMode = m_elideMode;
    option->features = QStyleOptionViewItem::None;
    option->showDecorationSelected = true;
    option->locale = locale();
    option->locale.setNumberOptions(QLocale::OmitGroupSeparator);
    option->rect = QRect();
    option->widget = this;
}

void EventLogView::paintEvent(QPaintEvent* event)
{
    QPainter painter(viewport());
    const int rows = rowCount();
    if (rows == 0 || m_header->count() == 0)
        return;
    QStyleOptionViewItem base;
    initViewItemOption(&base);
    const bool enabled = base.state & QStyle::State_Enabled;
    QAbstractItemDelegate* delegate = itemDelegate();
    const QRect dirty = event->rect();
    const int height = rowHeight();
    const int top = topRow();
    const int first = top + std::max(0, dirty.top()) / height;
    const int last = int(std::min<qint64>(rows - 1, qint64(top) + std::max(0, dirty.bottom()) / height));
    if (first > last)
        return; // below the last row
    const int left = -m_header->offset();
    const int right = m_header->length() - m_header->offset();
    const QPen grid(QColor::fromRgba(uint(style()->styleHint(QStyle::SH_Table_GridLineColor, &base, this))));

    for (int row = first; row <= last; ++row) {
        const int y = (row - top) * height;
        for (int visual = 0; visual < m_header->count(); ++visual) {
            const int column = m_header->logicalIndex(visual);
            const int x = m_header->sectionViewportPosition(column);
            const int width = m_header->sectionSize(column);
            if (m_header->isSectionHidden(column) || x + width <= dirty.left() || x > dirty.right())
                continue;
            const QModelIndex index = m_model->index(row, column);
            QStyleOptionViewItem option = base;
            option.rect = QRect(x, y, width - 1, height - 1); // the grid takes the last pixel
            if (row == m_currentRow)
                option.state |= QStyle::State_Selected;
            if (enabled) {
                const bool itemEnabled = m_model->flags(index) & Qt::ItemIsEnabled;
                if (!itemEnabled)
                    option.state &= ~QStyle::State_Enabled;
                option.palette.setCurrentColorGroup(itemEnabled ? QPalette::Normal : QPalette::Disabled);
            }
            delegate->paint(&painter, option, index);
        }
        // A grid like QTableView's: under each row and after each column.
        painter.setPen(grid);
        painter.drawLine(left, y + height - 1, right - 1, y + height - 1);
    }
    const int bottom = (last - top + 1) * height - 1;
    painter.setPen(grid);
    for (int visual = 0; visual < m_header->count(); ++visual) {
        const int column = m_header->logicalIndex(visual);
        if (m_header->isSectionHidden(column))
            continue;
        const int x = m_header->sectionViewportPosition(column) + m_header->sectionSize(column) - 1;
        painter.drawLine(x, (first - top) * height, x, bottom);
    }
}

void EventLogView::resizeEvent(QResizeEvent* event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateGeometries();
}

void EventLogView::scrollContentsBy(int dx, int /*dy*/)
{
    if (dx != 0)
        m_header->setOffset(horizontalScrollBar()->value());
    viewport()->update();
}

bool EventLogView::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        // The delegate's helpEvent() wants a QAbstractItemView: show Qt::ToolTipRole here.
        const auto* help = static_cast<QHelpEvent*>(event);
        const QModelIndex index = indexAt(help->pos());
        const QString text = index.isValid() ? index.data(Qt::ToolTipRole).toString() : QString();
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, viewport(), visualRect(index));
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void EventLogView::changeEvent(QEvent* event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        updateGeometries(); // the row height and the header's height follow the font
        viewport()->update();
    }
}

void EventLogView::mousePressEvent(QMouseEvent* event)
{
    setFocus(Qt::MouseFocusReason);
    const QModelIndex index = indexAt(event->position().toPoint());
    m_pressedRow = index.isValid() ? index.row() : -1;
    m_pressedColumn = index.isValid() ? index.column() : -1;
    if (index.isValid() && (event->button() == Qt::LeftButton || event->button() == Qt::RightButton))
        setCurrent(index.row(), index.column());
    event->accept();
}

void EventLogView::mouseReleaseEvent(QMouseEvent* event)
{
    const QModelIndex index = indexAt(event->position().toPoint());
    const bool samePress =
        index.isValid() && index.row() == m_pressedRow && index.column() == m_pressedColumn;
    // The pressed cell is kept: a double click on it (which comes after this release) activates it.
    if (samePress && event->button() == Qt::LeftButton)
        Q_EMIT clicked(index);
    event->accept();
}

void EventLogView::mouseDoubleClickEvent(QMouseEvent* event)
{
    const QModelIndex index = indexAt(event->position().toPoint());
    if (!index.isValid() || index.row() != m_pressedRow || index.column() != m_pressedColumn) {
        mousePressEvent(event); // not the cell of the first click: a press there
        return;
    }
    if (event->button() == Qt::LeftButton)
        Q_EMIT activated(index);
    event->accept();
}

void EventLogView::keyPressEvent(QKeyEvent* event)
{
    const int rows = rowCount();
    if (rows == 0) {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    const int from = m_currentRow >= 0 ? m_currentRow : topRow();
    int row = from;
    switch (event->key()) {
    case Qt::Key_Up:
        row = m_currentRow >= 0 ? from - 1 : from;
        break;
    case Qt::Key_Down:
        row = m_currentRow >= 0 ? from + 1 : from;
        break;
    case Qt::Key_PageUp:
        row = from - pageRows();
        break;
    case Qt::Key_PageDown:
        row = int(std::min<qint64>(qint64(from) + pageRows(), rows - 1));
        break;
    case Qt::Key_Home: // with or without Ctrl
        row = 0;
        break;
    case Qt::Key_End:
        row = rows - 1;
        break;
    case Qt::Key_Enter:
    case Qt::Key_Return:
        if (const QModelIndex current = currentIndex(); current.isValid())
            Q_EMIT activated(current);
        event->accept();
        return;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    row = std::clamp(row, 0, rows - 1);
    setCurrent(row, m_currentColumn);
    scrollTo(m_model->index(row, m_currentColumn));
    event->accept();
}

} // namespace procscope::ui
