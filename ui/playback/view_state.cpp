#include "ui/playback/view_state.h"

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

} // namespace procscope::ui
