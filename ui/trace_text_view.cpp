#include "ui/trace_text_view.h"

#include <QEvent>
#include <QFontDatabase>
#include <QLabel>
#include <QTextBlock>

namespace procscope {

TraceTextView::TraceTextView(const QString& text, QWidget* parent)
    : QPlainTextEdit(parent)
    , m_note(new QLabel(this))
{
    setReadOnly(true);
    // Trace lines are columns: wrapping or a proportional font would misalign them.
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_note->setWordWrap(true);
    m_note->setMargin(4);
    m_note->setAutoFillBackground(true);
    m_note->setBackgroundRole(QPalette::Window);
    setText(text);
}

void TraceTextView::setText(const QString& text)
{
    m_hiddenFrom = -1; // a new document shows every block
    setPlainText(text);
    m_timeline = ui::parseTextTimeline(text);
    refresh();
}

void TraceTextView::setCursorTick(Tick tick)
{
    if (tick == m_tick)
        return;
    m_tick = tick;
    refresh();
}

void TraceTextView::setShowFuture(bool show)
{
    if (show == m_showFuture)
        return;
    m_showFuture = show;
    refresh();
}

std::optional<std::pair<int, int>> TraceTextView::highlightedLines() const
{
    const auto span = m_timeline.spanAt(m_tick);
    if (!span)
        return std::nullopt;
    return std::pair{span->firstLine, span->lastLine};
}

QString TraceTextView::noteText() const
{
    using Kind = ui::TextTimeline::Kind;
    QString how;
    switch (m_timeline.kind) {
    case Kind::None:
        return {};
    case Kind::TickTable:
        how = tr("One row per tick.");
        break;
    case Kind::ProcessRun:
        how = tr("process-run.py counts time from 1: its row “Time 1” is tick 0.");
        break;
    case Kind::TimeStamped:
        how = tr("“[ time N ]” is tick N.");
        break;
    case Kind::Lottery:
        how = tr("Each “Random … -> Run” block is one quantum of %n tick(s), the first at tick 0.", nullptr,
            int(std::min<Tick>(m_timeline.quantum, 1'000'000'000)));
        break;
    }
    const auto span = m_timeline.spanAt(m_tick);
    if (!span) {
        const bool ended = !m_timeline.spans.isEmpty() && m_tick >= m_timeline.spans.last().to;
        return how + QLatin1Char(' ') +
               (ended ? tr("Tick %1: the run has ended.").arg(m_tick)
                      : tr("Tick %1 has no line.").arg(m_tick));
    }
    if (m_timeline.kind == Kind::ProcessRun)
        return how + QLatin1Char(' ') +
               tr("Highlighted: tick %1, the row “Time %2”.").arg(m_tick).arg(m_tick + 1);
    return how + QLatin1Char(' ') + tr("Highlighted: tick %1.").arg(m_tick);
}

void TraceTextView::refresh()
{
    hideFutureFrom(m_showFuture ? -1 : m_timeline.futureFrom(m_tick));

    QList<QTextEdit::ExtraSelection> selections;
    const auto lines = highlightedLines();
    if (lines) {
        // A neutral band: in ProcScope a colour means a process state, and this is none.
        QColor band = palette().color(QPalette::Text);
        band.setAlphaF(0.14f);
        for (int line = lines->first; line <= lines->second; ++line) {
            QTextEdit::ExtraSelection s;
            s.cursor = QTextCursor(document()->findBlockByNumber(line));
            s.format.setBackground(band);
            s.format.setFontWeight(QFont::Bold);
            s.format.setProperty(QTextFormat::FullWidthSelection, true);
            selections.append(s);
        }
    }
    setExtraSelections(selections);

    const QString note = noteText();
    m_note->setVisible(!note.isEmpty());
    if (note != m_note->text()) {
        m_note->setText(note);
        layoutNote();
    }

    if (lines) {
        // Scrolled only when the lines are at the edge or out of sight, so that reading along does
        // not jump; a line of what comes before and after stays in view.
        const QTextBlock first = document()->findBlockByNumber(lines->first);
        const QTextBlock last = document()->findBlockByNumber(lines->second);
        const QRectF top = blockBoundingGeometry(first).translated(contentOffset());
        const QRectF bottom = blockBoundingGeometry(last).translated(contentOffset());
        const double line = top.height();
        if (top.top() - line < 0 || bottom.bottom() + line > viewport()->height()) {
            QTextCursor cursor(first);
            setTextCursor(cursor);
            centerCursor();
        }
    }
}

void TraceTextView::hideFutureFrom(int line)
{
    const int blocks = document()->blockCount();
    const int from = line < 0 || line >= blocks ? blocks : line;
    const int was = m_hiddenFrom < 0 ? blocks : m_hiddenFrom;
    m_hiddenFrom = from < blocks ? from : -1;
    if (from == was)
        return;
    // Only the blocks between the old and the new boundary change.
    const int lo = std::min(from, was), hi = std::max(from, was);
    QTextBlock block = document()->findBlockByNumber(lo);
    const int start = block.position();
    int end = start;
    for (int i = lo; i < hi && block.isValid(); ++i, block = block.next()) {
        block.setVisible(i < from);
        end = block.position() + block.length();
    }
    document()->markContentsDirty(start, end - start);
    viewport()->update();
}

void TraceTextView::layoutNote()
{
    const QRect area = contentsRect();
    const int height = m_note->isVisibleTo(this) ? m_note->heightForWidth(area.width()) : 0;
    setViewportMargins(0, height, 0, 0);
    m_note->setGeometry(area.left(), area.top(), area.width(), height);
}

void TraceTextView::resizeEvent(QResizeEvent* event)
{
    QPlainTextEdit::resizeEvent(event);
    layoutNote();
}

void TraceTextView::changeEvent(QEvent* event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange) {
        layoutNote();
        refresh();
    }
}

} // namespace procscope
