// A table view for flat models with millions of rows: the event log of a 10M-event trace.
//
// QTableView keeps a vertical QHeaderView even when it is hidden, and every model reset makes that
// header allocate one section per row: with 10M rows, ~270 ms frozen on the GUI thread and ~80 MB.
// This view has uniform row heights and no per-row state at all, so a reset costs O(columns) and a
// paint O(visible rows x columns): the top row is the vertical scroll bar's value (in rows), a row's
// position is arithmetic, and only the horizontal header (one section per column) is a QHeaderView.
//
// It shows any flat QAbstractItemModel (rows x columns, no tree). Cells are painted by the item
// delegate (QStyledItemDelegate unless set) with the options QTableView would give it, so the
// display, decoration, background, foreground, alignment and tool-tip roles look as in a QTableView.
// One row is current (single-row selection, painted selected); the API follows QAbstractItemView's
// names: setModel(), currentIndex(), scrollTo(), visualRect(), clicked(), activated().
#pragma once

#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QModelIndex>
#include <QPointer>

class QAbstractItemDelegate;
class QHeaderView;
class QStyleOptionViewItem;

namespace procscope::ui {

class EventLogView : public QAbstractScrollArea {
    Q_OBJECT

public:
    explicit EventLogView(QWidget* parent = nullptr);
    ~EventLogView() override;

    void setModel(QAbstractItemModel* model);
    QAbstractItemModel* model() const { return m_model; }
    // Above the viewport; its sections give the columns' widths and positions.
    QHeaderView* horizontalHeader() const { return m_header; }
    // Paints the cells; a QStyledItemDelegate owned by the view unless set (the view does not own it).
    void setItemDelegate(QAbstractItemDelegate* delegate);
    QAbstractItemDelegate* itemDelegate() const;

    // The height of every row. 0 (the default) follows the font as fitRowsToFont() does for a
    // QTableView: one and a half lines of text.
    void setRowHeight(int height);
    int rowHeight() const;
    // The size of decorations (colour swatches). Invalid (the default) follows the font: 3/4 of a line.
    void setIconSize(QSize size);
    QSize iconSize() const;
    void setTextElideMode(Qt::TextElideMode mode);
    Qt::TextElideMode textElideMode() const { return m_elideMode; }

    // The row at viewport y; -1 outside the rows.
    int rowAt(int y) const;
    // The cell at a viewport position; invalid outside the cells.
    QModelIndex indexAt(const QPoint& pos) const;
    // The cell's rectangle in viewport coordinates; empty when its row is not on screen.
    QRect visualRect(const QModelIndex& index) const;
    void scrollTo(
        const QModelIndex& index, QAbstractItemView::ScrollHint hint = QAbstractItemView::EnsureVisible);
    void scrollToTop();
    void scrollToBottom();
    // The first row on screen (0 when there are no rows).
    int topRow() const;
    // How many rows fit entirely in the viewport (at least 1): the vertical scroll bar's page.
    int pageRows() const;

    // The current row, in the column last clicked; invalid when there is none.
    QModelIndex currentIndex() const;
    // Makes the index's row current (an invalid index clears it); does not scroll.
    void setCurrentIndex(const QModelIndex& index);

Q_SIGNALS:
    // A left-button press and release on the same cell.
    void clicked(const QModelIndex& index);
    // A double click on a cell, or Enter/Return on the current row.
    void activated(const QModelIndex& index);
    // The current row changed (-1: none).
    void currentChanged(int row);

protected:
    // Like QAbstractItemView::initViewItemOption(): the options shared by every cell.
    virtual void initViewItemOption(QStyleOptionViewItem* option) const;

    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    bool viewportEvent(QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    int rowCount() const;
    // Puts the header above the viewport and updates the scroll bars.
    void updateGeometries();
    void updateScrollBars();
    void setCurrent(int row, int column);
    // After a reset, a layout change or rows inserted/removed: the range, the current row, a repaint.
    void rowsChanged();
    void rowsInserted(const QModelIndex& parent, int first, int last);
    void rowsRemoved(const QModelIndex& parent, int first, int last);
    void dataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight);

    QPointer<QAbstractItemModel> m_model;
    QList<QMetaObject::Connection> m_modelConnections;
    QHeaderView* m_header;
    QAbstractItemDelegate* m_defaultDelegate;
    QPointer<QAbstractItemDelegate> m_delegate;
    int m_rowHeight = 0;
    QSize m_iconSize;
    Qt::TextElideMode m_elideMode = Qt::ElideRight;
    int m_currentRow = -1;
    int m_currentColumn = 0;
    int m_pressedRow = -1;
    int m_pressedColumn = -1;
    bool m_inGeometryUpdate = false;
};

} // namespace procscope::ui
