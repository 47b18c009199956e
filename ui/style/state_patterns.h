// A pattern per state, on top of its colour, so that states differ by more than hue: for
// colour-blind students, grey-scale projectors and print. The Gantt rows, the legend and the table
// swatches all paint a state through these functions.
#pragma once

#include "ui/style/state_colors.h"

#include <QIcon>
#include <QImage>

class QPainter;
class QRectF;
class QPointF;

namespace procscope::ui {

enum class StatePattern : std::uint8_t {
    Solid,
    Diagonal,     // "/" lines
    BackDiagonal, // "\" lines
    Crossed,      // "X": both diagonals
    Grid,         // "#": horizontal and vertical lines
    Dots,
    Horizontal,
    Vertical,
};

// Running is solid (the one state doing work), Ready diagonal, Blocked dotted, ...
StatePattern statePattern(ProcessState state);

// Whether pixel (x, y) is ink in a pattern that repeats every `cell` pixels (at least 4), the
// origin at (0, 0); any integers, negative ones too.
bool patternInk(StatePattern pattern, int x, int y, int cell);
// The pattern's cell for text of `lineHeight` pixels: the pattern grows with the type.
int patternCellFor(double lineHeight);

// The ink of a state's pattern: its colour darkened (light states) or lightened (dark ones), so
// the pattern reads on a projector and in grey scale.
QColor stateInkColor(ProcessState state, Palette palette = Palette::Standard);

// One cell x cell tile of a state's fill (its colour and the pattern's ink), opaque.
QImage stateTile(ProcessState state, Palette palette, int cell);

// Fills `rect` with a state's colour and pattern, the pattern anchored at `origin`. Raster devices
// get the tile, vector ones (SVG, PDF, print) lines and dots.
void paintStateFill(QPainter& painter, const QRectF& rect, ProcessState state, Palette palette, int cell,
    const QPointF& origin);

// A swatch for item views (Qt::DecorationRole): the state's fill in a thin dark frame, drawn at the
// size the view asks for.
QIcon stateIcon(ProcessState state, Palette palette = Palette::Standard);
// The context switch's swatch (solid, in cpuSwitchColor).
QIcon contextSwitchIcon(Palette palette = Palette::Standard);

} // namespace procscope::ui
