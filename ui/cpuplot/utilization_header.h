// The strip above the CPU plot: the values at the cursor in large type on a line of their own
// ("CPU 50 %  I/O 1  Ready 3"), each after a sample of its line, so the strip is also the legend;
// below, a caption in ordinary type saying what the values are (wrapped, at most three lines),
// and at its right a corner widget (the plot's averaging choice); or, compact, all on one line. Painted by
// hand so that export draws exactly the same thing (without the corner widget).
#pragma once

#include <QColor>
#include <QPen>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <vector>

namespace procscope::ui {

class UtilizationHeader : public QWidget {
public:
    struct Item {
        QString text;
        QPen line;      // the plotted line's pen, drawn as a swatch before the text (NoPen: none)
        QString widest; // the widest text this item takes ("CPU 100 %"), so the layout holds still
    };

    explicit UtilizationHeader(QWidget* parent = nullptr);

    void setItems(std::vector<Item> items, QString caption);
    // The values' type and the caption's, in pixels.
    void setFontPx(qreal values, qreal caption);
    // A widget shown at the right of the caption (the header becomes its parent).
    void setCornerWidget(QWidget* widget);
    // Compact: one line, the corner widget beside the values and the caption only as a tooltip,
    // for a panel too short to give the caption lines of its own.
    void setCompact(bool compact);
    bool compact() const { return m_compact; }
    // Lays the strip out again: its height for its width, the corner widget's place. Called on
    // its own when the items, type or size change; call it when the corner widget's size changes.
    void relayout();

    // The items' texts, two spaces apart: "CPU 50 %  I/O 1  Ready 3".
    QString text() const;
    QString caption() const { return m_caption; }
    qreal fontPx() const { return m_fontPx; }
    qreal captionPx() const { return m_captionPx; }
    // The values' type after shrinking to fit the width.
    qreal shownFontPx() const { return layoutFor(width()).px; }
    // The height the strip needs at this width, compact or not.
    int heightFor(int width) const { return heightFor(width, m_compact); }
    int heightFor(int width, bool compact) const;
    void paintTo(QPainter& painter, const QRectF& rect) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override; // narrow: the values shrink to fit

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Layout {
        qreal px;            // the values' type, shrunk to fit the width
        qreal valuesHeight;  // their line
        QStringList caption; // the caption's lines
        qreal captionHeight; // their block, at least the corner widget's height
    };
    Layout layoutFor(qreal width) const { return layoutFor(width, m_compact); }
    Layout layoutFor(qreal width, bool compact) const;
    qreal itemsWidth(qreal px) const;
    QSize cornerSize() const;

    std::vector<Item> m_items;
    QString m_caption;
    qreal m_fontPx = 28;
    qreal m_captionPx = 13;
    QPointer<QWidget> m_corner;
    bool m_compact = false;
};

} // namespace procscope::ui
