// The colours that mean no state: a process's identity on a CPU lane, the selection, the cursor.
// They are neutral greys, black and white, chosen far from every state colour of both palettes
// (issue 12 §6: a colour means a state, nothing else), and the same in both palettes.
#pragma once

#include "core/model/types.h"

#include <QColor>

namespace procscope::ui {

// A process on a CPU lane: one of two greys by its pid, so that two processes taking turns on a
// CPU differ; the name written on it says who it is.
QColor processShade(Pid pid);
// Black or white, whichever reads on `background`.
QColor textColorOn(const QColor& background);

// The selection is a frame (this colour outside, white inside), never a fill.
QColor selectionColor();
// The playback cursor's line and label (with a white halo so it reads on every state).
QColor cursorColor();

// Perceptual distance between two colours: CIE76 delta E in L*a*b* (D65). About 2.3 is the
// smallest difference people notice; below 10 two colours are easily confused at a glance.
double colorDistance(const QColor& a, const QColor& b);

} // namespace procscope::ui
