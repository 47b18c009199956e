// EventLogView, the event log's table for 10M-event traces, driven offscreen with a model whose row
// count is set at will: a 50M-row model shows and scrolls with no per-row cost (the test would take
// seconds and GBs otherwise), scrollTo() puts a row where each hint says, the mouse and the keys
// move the current row and emit clicked/activated, what is painted follows the model's roles, and
// model resets and inserted or removed rows keep the current row and the scroll range consistent.
#include "ui/panels/event_log_view.h"

#include <QAbstractTableModel>
#include <QApplication>
#include <QHeaderView>
#include <QHelpEvent>
#include <QImage>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>
#include <QWheelEvent>

#include <cstdlib>

using namespace procscope::ui;
using Hint = QAbstractItemView::ScrollHint;

namespace {

// Rows x 3 columns with text "r<row>c<col>"; every fourth row (2, 6, ...) has a background colour,
// column 1 a colour swatch, every cell a tool tip. Counts data() calls.
class RowsModel : public QAbstractTableModel {
public:
    static constexpr int kColumns = 3;
    static QColor background() { return {0x20, 0xA0, 0x40}; }
    static QColor swatch() { return {0x20, 0x50, 0xE0}; }

    explicit RowsModel(int rows)
        : m_rows(rows)
    { }
    void reset(int rows)
    {
        beginResetModel();
        m_rows = rows;
        endResetModel();
    }
    void insert(int first, int count)
    {
        beginInsertRows({}, first, first + count - 1);
        m_rows += count;
        endInsertRows();
    }
    void remove(int first, int count)
    {
        beginRemoveRows({}, first, first + count - 1);
        m_rows -= count;
        endRemoveRows();
    }
    void changed(int first, int last) { Q_EMIT dataChanged(index(first, 0), index(last, kColumns - 1)); }

    int rowCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : m_rows; }
    int columnCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : kColumns; }
    QVariant data(const QModelIndex& index, int role) const override
    {
        ++dataCalls;
        if (!index.isValid())
            return {};
        switch (role) {
        case Qt::DisplayRole:
            return QStringLiteral("r%1c%2").arg(index.row()).arg(index.column());
        case Qt::ToolTipRole:
            return QStringLiteral("tip r%1c%2").arg(index.row()).arg(index.column());
        case Qt::BackgroundRole:
            return index.row() % 4 == 2 ? QVariant(background()) : QVariant();
        case Qt::DecorationRole:
            return index.column() == 1 ? QVariant(swatch()) : QVariant();
        default:
            return {};
        }
    }
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
            return QStringLiteral("Column %1").arg(section);
        return QAbstractTableModel::headerData(section, orientation, role);
    }

    mutable qint64 dataCalls = 0;

private:
    int m_rows;
};

bool showView(EventLogView& view, RowsModel& model, QSize size = {420, 300})
{
    view.setModel(&model);
    view.resize(size);
    view.show();
    return QTest::qWaitForWindowExposed(&view);
}

// Fully inside the viewport, not just touching it.
bool rowWhollyVisible(const EventLogView& view, const QModelIndex& index)
{
    const QRect rect = view.visualRect(index);
    return !rect.isEmpty() && rect.top() >= 0 && rect.bottom() < view.viewport()->height();
}

} // namespace

class TestEventLogView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fiftyMillionRows();
    void rowHeightFollowsTheFont();
    void scrollHints();
    void mouseAndKeys();
    void paintsTheRoles();
    void modelChanges();
    void repaintsOnlyVisibleChanges();
};

void TestEventLogView::fiftyMillionRows()
{
    // A view with per-row storage (QTableView's vertical header) takes seconds and GBs here.
    const int rows = 50'000'000;
    const int last = rows - 1;
    RowsModel model(rows);
    EventLogView view;
    QVERIFY(showView(view, model));
    model.dataCalls = 0;
    const QImage image = view.viewport()->grab().toImage();
    QVERIFY(!image.isNull());
    // Only the rows on screen are asked for their data (a few roles per cell).
    const int onScreen = view.viewport()->height() / view.rowHeight() + 1;
    QVERIFY(model.dataCalls > 0);
    QVERIFY2(model.dataCalls <= qint64(onScreen) * RowsModel::kColumns * 16,
        qPrintable(QString::number(model.dataCalls)));

    QCOMPARE(view.rowAt(0), 0);
    QCOMPARE(view.topRow(), 0);
    QVERIFY(view.visualRect(model.index(last, 0)).isEmpty());
    QCOMPARE(view.verticalScrollBar()->maximum(), rows - view.pageRows());
    view.scrollToBottom();
    const QRect rect = view.visualRect(model.index(last, 0));
    QVERIFY(rowWhollyVisible(view, model.index(last, 0)));
    QCOMPARE(view.rowAt(rect.center().y()), last);
    QCOMPARE(view.indexAt(rect.center()), model.index(last, 0));
    QVERIFY(view.visualRect(model.index(0, 0)).isEmpty());
    model.dataCalls = 0;
    view.viewport()->grab();
    QVERIFY(model.dataCalls > 0);
    QVERIFY2(model.dataCalls <= qint64(onScreen) * RowsModel::kColumns * 16,
        qPrintable(QString::number(model.dataCalls)));
    // The reset that froze QTableView: the range follows, the top row is clamped.
    model.reset(rows - 10'000'000);
    QCOMPARE(view.verticalScrollBar()->maximum(), rows - 10'000'000 - view.pageRows());
    QCOMPARE(view.topRow(), view.verticalScrollBar()->maximum());
}

void TestEventLogView::rowHeightFollowsTheFont()
{
    RowsModel model(100);
    EventLogView view;
    QVERIFY(showView(view, model));
    auto fromFont = [&view] {
        const int text = view.fontMetrics().height();
        return text + text / 2; // as fitRowsToFont() for a QTableView
    };
    QCOMPARE(view.rowHeight(), fromFont());
    const int before = view.rowHeight();
    QFont big = view.font();
    big.setPointSizeF(big.pointSizeF() * 2);
    view.setFont(big);
    QCOMPARE(view.rowHeight(), fromFont());
    QVERIFY(view.rowHeight() > before);
    QCOMPARE(view.pageRows(), view.viewport()->height() / view.rowHeight());
    view.setRowHeight(40);
    QCOMPARE(view.rowHeight(), 40);
    QCOMPARE(view.rowAt(45), 1);
    QCOMPARE(view.visualRect(model.index(2, 0)).top(), 80);
    QCOMPARE(view.pageRows(), view.viewport()->height() / 40);
    QCOMPARE(view.verticalScrollBar()->pageStep(), view.pageRows());
    view.setRowHeight(0);
    QCOMPARE(view.rowHeight(), fromFont());
}

void TestEventLogView::scrollHints()
{
    RowsModel model(1000);
    EventLogView view;
    QVERIFY(showView(view, model));
    const int height = view.rowHeight();
    const int page = view.pageRows();
    const int viewportHeight = view.viewport()->height();
    QVERIFY(page >= 4);
    const QModelIndex target = model.index(500, 1);

    view.scrollTo(target, Hint::PositionAtTop);
    QCOMPARE(view.topRow(), 500);
    QCOMPARE(view.visualRect(target).top(), 0);

    view.scrollTo(target, Hint::PositionAtBottom);
    QVERIFY(rowWhollyVisible(view, target));
    QVERIFY(view.visualRect(target).bottom() + height >= viewportHeight); // the last whole row
    QCOMPARE(view.topRow(), 500 - page + 1);

    view.scrollTo(target, Hint::PositionAtCenter);
    QVERIFY2(std::abs(view.visualRect(target).center().y() - viewportHeight / 2) <= height,
        qPrintable(QString::number(view.visualRect(target).center().y())));

    // EnsureVisible leaves a visible row where it is, and brings others in at the nearest edge.
    const int top = view.topRow();
    view.scrollTo(model.index(top + 1, 0));
    QCOMPARE(view.topRow(), top);
    view.scrollTo(model.index(top + page - 1, 0));
    QCOMPARE(view.topRow(), top);
    view.scrollTo(model.index(800, 0));
    QCOMPARE(view.topRow(), 800 - page + 1);
    QVERIFY(rowWhollyVisible(view, model.index(800, 0)));
    view.scrollTo(model.index(100, 0));
    QCOMPARE(view.topRow(), 100);

    // At the ends the top row is clamped: no blank space after the last row.
    view.scrollTo(model.index(999, 0), Hint::PositionAtTop);
    QCOMPARE(view.topRow(), 1000 - page);
    QVERIFY(rowWhollyVisible(view, model.index(999, 0)));
    view.scrollTo(model.index(1, 0), Hint::PositionAtBottom);
    QCOMPARE(view.topRow(), 0);
    view.scrollToBottom();
    QCOMPARE(view.topRow(), 1000 - page);
    view.scrollToTop();
    QCOMPARE(view.topRow(), 0);

    // Columns wider than the viewport: the horizontal scroll bar moves the header and the cells.
    QCOMPARE(view.horizontalScrollBar()->maximum(), 0);
    view.horizontalHeader()->resizeSection(0, 3 * view.viewport()->width());
    QVERIFY(view.horizontalScrollBar()->maximum() > 0);
    QTRY_COMPARE(
        view.horizontalScrollBar()->maximum(), view.horizontalHeader()->length() - view.viewport()->width());
    const QModelIndex cell = model.index(0, 1);
    const int x = view.visualRect(cell).left();
    view.horizontalScrollBar()->setValue(50);
    QCOMPARE(view.horizontalHeader()->offset(), 50);
    QCOMPARE(view.visualRect(cell).left(), x - 50);
    QCOMPARE(view.indexAt(view.visualRect(cell).center()), cell);
}

void TestEventLogView::mouseAndKeys()
{
    RowsModel model(1000);
    EventLogView view;
    QVERIFY(showView(view, model));
    QVERIFY(QTest::qWaitForWindowActive(&view));
    QSignalSpy clicked(&view, &EventLogView::clicked);
    QSignalSpy activated(&view, &EventLogView::activated);
    QSignalSpy current(&view, &EventLogView::currentChanged);
    const int page = view.pageRows();

    const QModelIndex cell = model.index(3, 2);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.visualRect(cell).center());
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked.first().first().value<QModelIndex>(), cell);
    QCOMPARE(view.currentIndex(), cell);
    QCOMPARE(current.size(), 1);
    QCOMPARE(current.first().first().toInt(), 3);
    QVERIFY(view.hasFocus());
    // Pressed on one cell, released on another: no click (but the pressed row is current).
    QTest::mousePress(view.viewport(), Qt::LeftButton, {}, view.visualRect(model.index(1, 0)).center());
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, view.visualRect(model.index(2, 0)).center());
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(view.currentIndex().row(), 1);
    view.setCurrentIndex(cell);

    auto key = [&view](Qt::Key k, Qt::KeyboardModifiers modifiers = {}) {
        QTest::keyClick(&view, k, modifiers);
        return view.currentIndex().row();
    };
    QCOMPARE(key(Qt::Key_Down), 4);
    QCOMPARE(view.currentIndex().column(), 2); // the column clicked is kept
    QCOMPARE(key(Qt::Key_Up), 3);
    QCOMPARE(key(Qt::Key_PageDown), 3 + page);
    QVERIFY(rowWhollyVisible(view, view.currentIndex()));
    for (int i = 0; i < 5; ++i)
        key(Qt::Key_PageDown);
    QCOMPARE(view.currentIndex().row(), 3 + 6 * page);
    QVERIFY(rowWhollyVisible(view, view.currentIndex()));
    QVERIFY(view.topRow() > 0);
    QCOMPARE(key(Qt::Key_End), 999);
    QVERIFY(rowWhollyVisible(view, view.currentIndex()));
    QCOMPARE(key(Qt::Key_Down), 999);
    QCOMPARE(key(Qt::Key_PageUp), 999 - page);
    QVERIFY(rowWhollyVisible(view, view.currentIndex()));
    QCOMPARE(key(Qt::Key_Home), 0);
    QCOMPARE(view.topRow(), 0);
    QCOMPARE(key(Qt::Key_Up), 0);
    QCOMPARE(key(Qt::Key_End, Qt::ControlModifier), 999);
    QCOMPARE(view.topRow(), 1000 - page);
    QCOMPARE(key(Qt::Key_Home, Qt::ControlModifier), 0);
    QCOMPARE(view.topRow(), 0);

    key(Qt::Key_Down);
    QCOMPARE(activated.size(), 0);
    key(Qt::Key_Return);
    key(Qt::Key_Enter);
    QCOMPARE(activated.size(), 2);
    QCOMPARE(activated.at(0).first().value<QModelIndex>(), model.index(1, 2));
    QCOMPARE(activated.at(1).first().value<QModelIndex>(), model.index(1, 2));
    // A double click activates the cell (QTest sends the second click's press as the double click).
    const QModelIndex other = model.index(5, 0);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.visualRect(other).center());
    QCOMPARE(activated.size(), 2);
    QTest::mouseDClick(view.viewport(), Qt::LeftButton, {}, view.visualRect(other).center());
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, view.visualRect(other).center());
    QCOMPARE(activated.size(), 3);
    QCOMPARE(activated.last().first().value<QModelIndex>(), other);
    QCOMPARE(view.currentIndex(), other);

    // A wheel notch scrolls three rows.
    const QPoint at = view.viewport()->rect().center();
    QWheelEvent wheel(at, view.viewport()->mapToGlobal(at), {}, {0, -120}, Qt::NoButton, Qt::NoModifier,
        Qt::NoScrollPhase, false);
    QApplication::sendEvent(view.viewport(), &wheel);
    QCOMPARE(view.topRow(), 3);
}

void TestEventLogView::paintsTheRoles()
{
    RowsModel model(100);
    EventLogView view;
    QVERIFY(showView(view, model, {500, 300}));
    view.setCurrentIndex(model.index(1, 0));
    const QImage image = view.viewport()->grab().toImage();
    // Away from the text: the right end of the last column.
    auto rightEnd = [&](int row) {
        const QRect rect = view.visualRect(model.index(row, RowsModel::kColumns - 1));
        return image.pixelColor(rect.right() - 4, rect.center().y());
    };
    QCOMPARE(rightEnd(2), RowsModel::background());
    QCOMPARE(rightEnd(6), RowsModel::background());
    QCOMPARE(rightEnd(3), view.palette().color(QPalette::Base));
    // The current row is painted selected.
    const QColor selected = rightEnd(1);
    QVERIFY2(selected == view.palette().color(QPalette::Active, QPalette::Highlight) ||
                 selected == view.palette().color(QPalette::Inactive, QPalette::Highlight),
        qPrintable(selected.name()));

    // The top row's text is drawn: dark pixels in its first cell.
    auto darkPixels = [&](const QRect& rect) {
        int dark = 0;
        for (int y = rect.top(); y <= rect.bottom(); ++y)
            for (int x = rect.left(); x <= rect.right(); ++x)
                dark += image.pixelColor(x, y).lightness() < 110;
        return dark;
    };
    QVERIFY(darkPixels(view.visualRect(model.index(0, 0))) >= 10);
    // ... and nothing is drawn past the last row (here: none past the rows on screen).
    RowsModel few(2);
    EventLogView short_;
    QVERIFY(showView(short_, few, {500, 300}));
    const QImage shortImage = short_.viewport()->grab().toImage();
    const QRect below(0, 2 * short_.rowHeight() + 1, shortImage.width(), short_.rowHeight());
    int dark = 0;
    for (int y = below.top(); y <= below.bottom(); ++y)
        for (int x = below.left(); x < below.right(); ++x)
            dark += shortImage.pixelColor(x, y).lightness() < 110;
    QCOMPARE(dark, 0);

    // The swatch of column 1 (Qt::DecorationRole) is at the left of its cell.
    const QRect swatchCell = view.visualRect(model.index(3, 1));
    bool sawSwatch = false;
    for (int x = swatchCell.left(); x < swatchCell.left() + view.iconSize().width() + 10; ++x)
        sawSwatch = sawSwatch || image.pixelColor(x, swatchCell.center().y()) == RowsModel::swatch();
    QVERIFY(sawSwatch);

    // Qt::ToolTipRole on QEvent::ToolTip.
    const QPoint pos = view.visualRect(model.index(4, 2)).center();
    QHelpEvent help(QEvent::ToolTip, pos, view.viewport()->mapToGlobal(pos));
    QApplication::sendEvent(view.viewport(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QCOMPARE(QToolTip::text(), QStringLiteral("tip r4c2"));
    QToolTip::hideText();
}

void TestEventLogView::modelChanges()
{
    RowsModel model(1000);
    EventLogView view;
    QVERIFY(showView(view, model));
    const int page = view.pageRows();
    view.scrollToBottom();
    view.setCurrentIndex(model.index(990, 1));
    QSignalSpy current(&view, &EventLogView::currentChanged);

    // A reset to fewer rows clamps the current row and the top row.
    model.reset(100);
    QCOMPARE(view.currentIndex(), model.index(99, 1));
    QCOMPARE(current.size(), 1);
    QCOMPARE(view.verticalScrollBar()->maximum(), 100 - page);
    QCOMPARE(view.topRow(), 100 - page);
    QVERIFY(rowWhollyVisible(view, model.index(99, 0)));
    QCOMPARE(view.rowAt(view.visualRect(model.index(99, 0)).center().y()), 99);

    // Fewer rows than fit: nothing below them, and no vertical scroll bar (the header follows).
    model.reset(3);
    QTRY_VERIFY(!view.verticalScrollBar()->isVisible());
    QTRY_VERIFY(!view.horizontalScrollBar()->isVisible());
    QCOMPARE(view.horizontalHeader()->width(), view.viewport()->width());
    QCOMPARE(view.topRow(), 0);
    QCOMPARE(view.verticalScrollBar()->maximum(), 0);
    QCOMPARE(view.currentIndex().row(), 2);
    QCOMPARE(view.rowAt(2 * view.rowHeight()), 2);
    QCOMPARE(view.rowAt(3 * view.rowHeight()), -1);

    // Rows appended: the range grows, the view stays where it is.
    model.insert(3, 500);
    QCOMPARE(view.verticalScrollBar()->maximum(), 503 - page);
    QCOMPARE(view.topRow(), 0);
    QCOMPARE(view.currentIndex().row(), 2);
    // (The header stretches its last section after its resize, so the horizontal scroll bar may
    // flash meanwhile, as in a QTableView.)
    QTRY_VERIFY(view.verticalScrollBar()->isVisible());
    QTRY_VERIFY(!view.horizontalScrollBar()->isVisible());
    QCOMPARE(view.horizontalHeader()->width(), view.viewport()->width());
    view.scrollToBottom();
    QVERIFY(rowWhollyVisible(view, model.index(502, 0)));
    // Rows inserted or removed above the current row: it follows its item.
    model.insert(0, 10);
    QCOMPARE(view.currentIndex().row(), 12);
    model.remove(0, 5);
    QCOMPARE(view.currentIndex().row(), 7);
    model.remove(5, 10); // the current row goes: the next one takes its place
    QCOMPARE(view.currentIndex().row(), 5);
    QCOMPARE(view.verticalScrollBar()->maximum(), 498 - page);

    // Empty: no current row, no rows.
    model.reset(0);
    QVERIFY(!view.currentIndex().isValid());
    QCOMPARE(current.last().first().toInt(), -1);
    QCOMPARE(view.rowAt(0), -1);
    QCOMPARE(view.topRow(), 0);
    QVERIFY(!view.indexAt({5, 5}).isValid());
    view.viewport()->grab(); // paints nothing, does not crash
}

void TestEventLogView::repaintsOnlyVisibleChanges()
{
    // dataChanged() comes on every tick for the rows at the cursor, mostly off screen.
    RowsModel model(10'000);
    EventLogView view;
    QVERIFY(showView(view, model));
    struct PaintCounter : QObject {
        int paints = 0;
        bool eventFilter(QObject*, QEvent* event) override
        {
            paints += event->type() == QEvent::Paint;
            return false;
        }
    } counter;
    view.viewport()->installEventFilter(&counter);
    QCoreApplication::processEvents();
    counter.paints = 0;
    model.changed(5000, 5010);
    QCoreApplication::processEvents();
    QCOMPARE(counter.paints, 0);
    model.changed(1, 2);
    QTRY_VERIFY(counter.paints > 0);
}

QTEST_MAIN(TestEventLogView)
#include "tst_event_log_view.moc"
