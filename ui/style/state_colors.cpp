#include "ui/style/state_colors.h"

namespace procscope::ui {

QColor stateColor(ProcessState state, Palette palette)
{
    if (palette == Palette::HighContrast) {
        // Okabe-Ito, distinguishable with every common colour-vision deficiency.
        switch (state) {
        case ProcessState::Running:
            return QColor(0x00, 0x9E, 0x73); // bluish green
        case ProcessState::Ready:
            return QColor(0xE6, 0x9F, 0x00); // orange
        case ProcessState::Blocked:
            return QColor(0x00, 0x72, 0xB2); // blue
        case ProcessState::New:
            return QColor(0x56, 0xB4, 0xE9); // sky blue
        case ProcessState::Suspended:
            return QColor(0xCC, 0x79, 0xA7); // reddish purple
        case ProcessState::Zombie:
            return QColor(0xD5, 0x5E, 0x00); // vermillion
        case ProcessState::Terminated:
            return QColor(0x30, 0x30, 0x30);
        case ProcessState::Unknown:
            return QColor(0xCC, 0xCC, 0xCC); // pale, and far from the greys of the CPU lanes
        }
    }
    switch (state) {
    case ProcessState::Running:
        return QColor(0x2E, 0xA0, 0x43); // green: making progress
    case ProcessState::Ready:
        return QColor(0xF2, 0xB7, 0x05); // amber: could run, waiting for a CPU
    case ProcessState::Blocked:
        return QColor(0x3B, 0x6E, 0xC9); // blue: waiting for I/O or an event
    case ProcessState::New:
        return QColor(0x9A, 0xC8, 0xEB);
    case ProcessState::Suspended:
        return QColor(0x9B, 0x59, 0xB6);
    case ProcessState::Zombie:
        return QColor(0xC0, 0x39, 0x2B);
    case ProcessState::Terminated:
        return QColor(0x7F, 0x8C, 0x8D);
    case ProcessState::Unknown:
        return QColor(0xD0, 0xD0, 0xD0);
    }
    return Qt::gray;
}

// Near black: darker than either grey a process has on a CPU lane.
QColor cpuSwitchColor(Palette palette)
{
    return palette == Palette::HighContrast ? QColor(0x00, 0x00, 0x00) : QColor(0x22, 0x22, 0x22);
}

QColor cpuIdleColor(Palette)
{
    return QColor(0, 0, 0, 0);
}

QColor stateTextColor(ProcessState state, Palette palette)
{
    const QColor c = stateColor(state, palette);
    return c.lightnessF() > 0.55 ? Qt::black : Qt::white;
}

QString stateLabel(ProcessState state)
{
    return QString::fromUtf8(stateName(state).data(), static_cast<qsizetype>(stateName(state).size()));
}

} // namespace procscope::ui
