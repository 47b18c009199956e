// The legend strip above the Gantt chart: what each colour and pattern on the chart means, for the
// states the trace has (a projector's small chart has no room for the others). It lives inside the
// plot's layout, so exported images carry it too.
#pragma once

#include "ui/gantt/legend_contents.h"
#include "ui/style/state_colors.h"

#include <qcustomplot.h>

#include <optional>

namespace procscope::ui {

// One swatch and its words: a state's colour and pattern, or a plain colour.
class SwatchLegendItem : public QCPAbstractLegendItem {
public:
    SwatchLegendItem(QCPLegend* legend, ProcessState state, Palette palette, int cell);
    SwatchLegendItem(QCPLegend* legend, QColor colour, QString text);
    QString text() const { return m_text; }
    QColor colour() const { return m_colour; }
    std::optional<ProcessState> state() const { return m_state; }

protected:
    void draw(QCPPainter* painter) override;
    QSize minimumOuterSizeHint() const override;

private:
    QColor m_colour;
    QString m_text;
    std::optional<ProcessState> m_state;
    Palette m_palette = Palette::Standard;
    int m_cell = 8;
};

// Fills `legend` with the states `contents` has (Ready, Running and Blocked when it has none) in
// their colours and patterns (cells of `cell` pixels, as on the chart), in the lifecycle's order,
// and the context switch when there is one.
void fillStateLegend(QCPLegend* legend, Palette palette, int cell, const LegendContents& contents);

} // namespace procscope::ui
