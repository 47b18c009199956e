#include "ui/playback/view_state.h"

#include <algorithm>

namespace procscope::ui {

void ViewState::setSelectedProcess(ProcIndex process)
{
    if (process == m_selected)
        return;
    m_selected = process;
    Q_EMIT selectedProcessChanged(process);
}

void ViewState::setVisibleRange(Tick from, Tick to)
{
    if (from == m_from && to == m_to)
        return;
    m_from = from;
    m_to = to;
    Q_EMIT visibleRangeChanged(from, to);
}

void ViewState::setShowFuture(bool show)
{
    if (show == m_showFuture)
        return;
    m_showFuture = show;
    Q_EMIT showFutureChanged(show);
}

Tick ViewState::shownEnd(const Trace& trace, Tick cursor) const
{
    return m_showFuture ? trace.end() : std::min(trace.end(), cursor + 1);
}

} // namespace procscope::ui
