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

public Q_SLOTS:
    void setSelectedProcess(procscope::ProcIndex process);
    void setVisibleRange(procscope::Tick from, procscope::Tick to);

Q_SIGNALS:
    void selectedProcessChanged(procscope::ProcIndex process);
    void visibleRangeChanged(procscope::Tick from, procscope::Tick to);

private:
    ProcIndex m_selected = -1;
    Tick m_from = 0;
    Tick m_to = 0;
};

} // namespace procscope::ui
