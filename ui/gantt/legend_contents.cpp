#include "ui/gantt/legend_contents.h"

namespace procscope::ui {

bool LegendContents::update(const Trace& trace)
{
    const auto states = m_states;
    const bool contextSwitch = m_switch;
    bool shrank = m_scanned.size() > trace.processCount() ||
                  m_cpuScanned.size() > static_cast<std::size_t>(trace.cpuCount());
    for (std::size_t p = 0; p < m_scanned.size() && !shrank; ++p)
        shrank = m_scanned[p] > trace.track(static_cast<ProcIndex>(p)).size();
    for (std::size_t c = 0; c < m_cpuScanned.size() && !shrank; ++c)
        shrank = m_cpuScanned[c] > trace.cpu(static_cast<int>(c)).size();
    if (shrank) // truncated (a command rewrote the future): read it all again
        clear();
    scan(trace);
    return states != m_states || contextSwitch != m_switch;
}

void LegendContents::clear()
{
    m_states.reset();
    m_switch = false;
    m_scanned.clear();
    m_cpuScanned.clear();
}

// Complete records (the next one has begun) are read once; the last one of each track again each
// time, as it may still grow from nothing.
void LegendContents::scan(const Trace& trace)
{
    m_scanned.resize(trace.processCount(), 0);
    for (std::size_t p = 0; p < trace.processCount(); ++p) {
        const ProcessTrack& track = trace.track(static_cast<ProcIndex>(p));
        std::size_t& i = m_scanned[p];
        for (; i + 1 < track.size(); ++i)
            if (track.at(i + 1) > track.at(i))
                m_states.set(static_cast<std::size_t>(track.state(i)));
        if (i < track.size() && trace.end() > track.at(i))
            m_states.set(static_cast<std::size_t>(track.state(i)));
    }
    m_states.reset(static_cast<std::size_t>(ProcessState::Terminated));
    m_cpuScanned.resize(static_cast<std::size_t>(trace.cpuCount()), 0);
    for (int c = 0; c < trace.cpuCount() && !m_switch; ++c) {
        const CpuTrack& track = trace.cpu(c);
        std::size_t& i = m_cpuScanned[static_cast<std::size_t>(c)];
        for (; i < track.size() && !m_switch; ++i)
            m_switch = track.proc(i) == kCpuSwitch;
    }
}

} // namespace procscope::ui
