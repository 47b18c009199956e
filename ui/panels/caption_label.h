// A few lines of plain text that change on every step of playback: the event log's "what happened
// at the cursor". A word-wrapped QLabel lays its text out as a rich-text document and makes the
// whole panel lay itself out again on every change (a tenth of a playback frame); this label only
// repaints. Each line of the text is one line on screen, elided to the width (the tooltip has it
// all), at most maximumLines() of them. The height only grows, to the most lines it has needed,
// so the table above it does not jump up and down while the cursor moves; shrinkToFit() fits it
// to its text again (the cursor has come to rest, a new trace).
#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>

namespace procscope::ui {

class CaptionLabel : public QWidget {
    Q_OBJECT

public:
    explicit CaptionLabel(QWidget* parent = nullptr);

    QString text() const { return m_text; }
    void setText(const QString& text);
    void shrinkToFit();
    // Lines beyond it are counted on the last one ("… and 3 more").
    void setMaximumLines(int lines);
    int maximumLines() const { return m_maxLines; }
    // Lines of the current text on screen, the count of the others included.
    int shownLines() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    static constexpr int kMargin = 6;
    int heightFor(int lines) const;
    void grow();

    QString m_text;
    QStringList m_lines;
    int m_maxLines = 8;
    int m_height = 0; // the tallest the text has needed
};

} // namespace procscope::ui
