// The strip above the CPU plot with the values at the cursor in large type ("CPU 87%  I/O 40%
// Ready 3"), each after a sample of its line, so the strip is also the legend. Painted by hand so
// that export draws exactly the same thing.
#pragma once

#include <QColor>
#include <QPen>
#include <QString>
#include <QWidget>

#include <vector>

namespace procscope::ui {

class UtilizationHeader : public QWidget {
public:
    struct Item {
        QString text;
        QPen line; // the plotted line's pen, drawn as a swatch before the text
    };

    explicit UtilizationHeader(QWidget* parent = nullptr);

    void setItems(std::vector<Item> items, QString caption);
    void setFontPx(qreal px);
    // The items' texts, two spaces apart: "CPU 87%  I/O 40%  Ready 3".
    QString text() const;
    QString caption() const { return m_caption; }
    void paintTo(QPainter& painter, const QRectF& rect) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    // 1, or less when the items at m_fontPx are wider than `width`.
    qreal fitFactor(qreal width) const;

    std::vector<Item> m_items;
    QString m_caption;
    qreal m_fontPx = 28;
};

} // namespace procscope::ui
