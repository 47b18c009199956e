// What every view of a document shares besides the cursor: the selected process and the visible
// time range (hotspot's FilterAndZoomStack plays this part). Views follow it and write to it.
#pragma once

#include "core/trace/trace.h"

#include <QObject>

namespace procscope::ui {

class ViewState : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    ProcIndex selectedProcess() const { return m_selected; } // -1: none
    Tick visibleFrom() const { return m_from; }
    Tick visibleTo() const { return m_to; } // exclusive; from == to means "fit the whole trace"
    // Whether the views draw the whole schedule or only the past up to the cursor, so a teacher
    // can ask "what happens next?" (View ▸ Show the future; the quiz turns it off while it runs).
    bool showFuture() const { return m_showFuture; }
    // The end (exclusive) of the time the views may draw with the cursor at `cursor`: the whole
    // trace, or with the future hidden everything up to and including the cursor's tick.
    Tick shownEnd(const Trace& trace, Tick cursor) const;

public Q_SLOTS:
    void setSelectedProcess(procscope::ProcIndex process);
    void setVisibleRange(procscope::Tick from, procscope::Tick to);
    void setShowFuture(bool show);

Q_SIGNALS:
    void selectedProcessChanged(procscope::ProcIndex process);
    void visibleRangeChanged(procscope::Tick from, procscope::Tick to);
    void showFutureChanged(bool show);

private:
    ProcIndex m_selected = -1;
    Tick m_from = 0;
    Tick m_to = 0;
    bool m_showFuture = true;
};

} // namespace procscope::ui
