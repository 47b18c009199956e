// The colours that mean a state, the same in every view and in the legend. Two palettes: the
// everyday one, and a high-contrast, colour-blind-safe one (Okabe-Ito) for projectors.
#pragma once

#include "core/model/types.h"

#include <QColor>
#include <QString>

namespace procscope::ui {

enum class Palette { Standard, HighContrast };

QColor stateColor(ProcessState state, Palette palette = Palette::Standard);
QColor cpuSwitchColor(Palette palette = Palette::Standard);
QColor cpuIdleColor(Palette palette = Palette::Standard);
// Text that reads on top of a state's colour.
QColor stateTextColor(ProcessState state, Palette palette = Palette::Standard);
QString stateLabel(ProcessState state);

} // namespace procscope::ui
