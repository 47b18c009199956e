// A read-only, monospace text pane: the OSTEP script output of a homework run, or the per-tick
// table of a simulation, exactly as procscope-cli prints them. It follows the cursor: the lines
// of the cursor's tick are highlighted and scrolled to, a note above says how the text counts
// time (process-run.py's "Time 1" is tick 0), and with the future hidden the later lines are too.
#pragma once

#include "ui/trace_text_timeline.h"

#include <QPlainTextEdit>

class QLabel;

namespace procscope {

class TraceTextView : public QPlainTextEdit {
    Q_OBJECT

public:
    explicit TraceTextView(const QString& text = {}, QWidget* parent = nullptr);

    // A new text: its timeline is read and the cursor's lines are shown again.
    void setText(const QString& text);
    const ui::TextTimeline& timeline() const { return m_timeline; }
    Tick cursorTick() const { return m_tick; }
    // The highlighted lines (0-based, inclusive), or nullopt when the cursor's tick has none.
    std::optional<std::pair<int, int>> highlightedLines() const;
    QLabel* note() const { return m_note; }

public Q_SLOTS:
    void setCursorTick(procscope::Tick tick);
    void setShowFuture(bool show);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    void hideFutureFrom(int line); // -1: nothing hidden
    void layoutNote();
    QString noteText() const;

    ui::TextTimeline m_timeline;
    QLabel* m_note;
    Tick m_tick = 0;
    bool m_showFuture = true;
    int m_hiddenFrom = -1;
};

} // namespace procscope
