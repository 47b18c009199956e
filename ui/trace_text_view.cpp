#include "ui/trace_text_view.h"

#include <QFontDatabase>

namespace procscope {

TraceTextView::TraceTextView(const QString& text, QWidget* parent)
    : QPlainTextEdit(text, parent)
{
    setReadOnly(true);
    // Trace lines are columns: wrapping or a proportional font would misalign them.
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
}

} // namespace procscope
