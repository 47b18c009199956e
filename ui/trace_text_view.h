// A read-only, monospace text pane: the OSTEP script output of a homework run, or the per-tick
// table of a simulation, exactly as procscope-cli prints them.
#pragma once

#include <QPlainTextEdit>

namespace procscope {

class TraceTextView : public QPlainTextEdit {
    Q_OBJECT

public:
    explicit TraceTextView(const QString& text = {}, QWidget* parent = nullptr);
};

} // namespace procscope
