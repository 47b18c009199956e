// The Gantt chart's one plottable: draws the visible rows of a Trace — process states and CPU
// occupancy — straight from the trace store, folding sub-pixel intervals (see pixel_runs.h), so a
// frame costs what the pixels cost, not what the trace holds. Keys are ticks, values are rows
// (row r spans [r, r + 1); the value axis is reversed so row 0 is on top).
#pragma once

#include "ui/gantt/gantt_hit.h"
#include "ui/gantt/gantt_rows.h"
#include "ui/gantt/pixel_runs.h"
#include "ui/style/state_colors.h"

#include <qcustomplot.h>

#include <array>
#include <optional>
#include <vector>

namespace procscope::ui {

// The colour of a process on a CPU lane: its pid's colour, the same as in the state diagram.
QColor laneColor(const Trace& trace, ProcIndex p);

class GanttPlottable : public QCPAbstractPlottable {
    Q_OBJECT

public:
    GanttPlottable(QCPAxis* keyAxis, QCPAxis* valueAxis);

    // Both must outlive the plottable or be replaced first; nullptr draws nothing.
    void setTrace(const Trace* trace, const GanttRows* rows);
    void setColorScheme(Palette palette);
    void setSelectedProcess(ProcIndex p) { m_selected = p; }
    ProcIndex selectedProcess() const { return m_selected; }
    void setLabelFont(const QFont& font);

    // The interval under a pixel of the plot, in O(log n): a binary search in that row's track.
    // Nothing on a process row before it exists or once it has terminated.
    std::optional<GanttHit> hitAt(const QPointF& pixel) const;

    // Width of the strip left of the chart where each process row shows its CPU-lane colour.
    int chipWidth() const;

    // What the last draw did: records visited and rectangles filled.
    std::size_t lastVisited() const { return m_visited; }
    std::size_t lastPrimitives() const { return m_primitives; }

    double selectTest(const QPointF& pos, bool onlySelectable, QVariant* details = nullptr) const override;
    QCPRange getKeyRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
    QCPRange getValueRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
        const QCPRange& inKeyRange = QCPRange()) const override;

protected:
    QRect clipRect() const override; // the chart and the chip strip
    void draw(QCPPainter* painter) override;
    void drawLegendIcon(QCPPainter* painter, const QRectF& rect) const override;

private:
    struct RowBox {
        int row;
        int top; // pixels, of the whole row
        int bottom;
    };
    void drawRowBackground(QCPPainter* painter, const QRect& area, const RowBox& box);
    void drawChip(QCPPainter* painter, const QRect& area, const RowBox& box);
    void drawProcessRow(
        QCPPainter* painter, const QRect& area, const PixelMap& map, int top, int bottom, ProcIndex p);
    void drawCpuRow(
        QCPPainter* painter, const QRect& area, const PixelMap& map, int top, int bottom, int cpu);
    template <typename ColourOf>
    void paintRuns(QCPPainter* painter, const QRect& area, int top, int bottom, ColourOf colourOf);
    void drawNames(QCPPainter* painter, const QRect& area, int top, int bottom);
    int nameWidth(ProcIndex p) const;
    QColor laneRgb(ProcIndex p) const;

    const Trace* m_trace = nullptr;
    const GanttRows* m_rows = nullptr;
    Palette m_palette = Palette::Standard;
    std::array<QColor, kStateCount> m_stateColors;
    QColor m_switchColor;
    ProcIndex m_selected = -1;
    QFont m_labelFont;
    QFontMetrics m_metrics{QFont()};       // of m_labelFont: font lookups are dear, once per font
    bool m_fontSet = false;                // on the painter, during one draw
    std::vector<QRgb> m_laneColors;        // per process
    mutable std::vector<int> m_nameWidths; // per process, -1 until measured
    RunFolder m_folder;
    QImage m_strip; // one pixel row of a chart row, for raster painting
    std::size_t m_visited = 0;
    std::size_t m_primitives = 0;
};

} // namespace procscope::ui
