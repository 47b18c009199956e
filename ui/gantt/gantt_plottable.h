// The Gantt chart's one plottable: draws the visible rows of a Trace — process states and CPU
// occupancy — straight from the trace store, folding sub-pixel intervals (see pixel_runs.h), so a
// frame costs what the pixels cost, not what the trace holds. Keys are ticks; where each row is on
// screen comes from a RowViewport (process rows scroll, CPU lanes stay pinned below them).
//
// Colour means a state and nothing else: a process row shows its states in their colours and
// patterns; a CPU lane shows who runs in neutral greys with the process's label written on it.
// With the future hidden, nothing is drawn at or after the shown end.
#pragma once

#include "ui/gantt/gantt_hit.h"
#include "ui/gantt/gantt_rows.h"
#include "ui/gantt/pixel_runs.h"
#include "ui/gantt/row_viewport.h"
#include "ui/style/process_label.h"
#include "ui/style/state_colors.h"

#include <qcustomplot.h>

#include <array>
#include <limits>
#include <optional>
#include <vector>

namespace procscope::ui {

class GanttPlottable : public QCPAbstractPlottable {
    Q_OBJECT

public:
    GanttPlottable(QCPAxis* keyAxis, QCPAxis* valueAxis);

    // All three must outlive the plottable or be replaced first; nullptr draws nothing.
    void setTrace(const Trace* trace, const GanttRows* rows, const RowViewport* viewport);
    void setLabels(const ProcessLabels* labels) { m_labels = labels; }
    void setColorScheme(Palette palette);
    void setSelectedProcess(ProcIndex p) { m_selected = p; }
    ProcIndex selectedProcess() const { return m_selected; }
    void setLabelFont(const QFont& font);
    // Nothing is drawn or hit at or after this time (the future, when it is hidden).
    void setShownEnd(Tick end) { m_shownEnd = end; }
    Tick shownEnd() const { return m_shownEnd; }

    // The interval under a pixel of the plot, in O(log n): a binary search in that row's track.
    // Nothing on a process row before it exists or once it has terminated, nothing at or after the
    // shown end.
    std::optional<GanttHit> hitAt(const QPointF& pixel) const;

    // Width of the strip left of the chart where the selected row's marker is drawn.
    int markerWidth() const;
    // The side of a pattern's cell, in pixels: it grows with the type.
    int patternCell() const { return m_cell; }

    // What the last draw did: records visited and rectangles filled.
    std::size_t lastVisited() const { return m_visited; }
    std::size_t lastPrimitives() const { return m_primitives; }

    double selectTest(const QPointF& pos, bool onlySelectable, QVariant* details = nullptr) const override;
    QCPRange getKeyRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
    QCPRange getValueRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
        const QCPRange& inKeyRange = QCPRange()) const override;

protected:
    QRect clipRect() const override; // the chart and the marker strip
    void draw(QCPPainter* painter) override;
    void drawLegendIcon(QCPPainter* painter, const QRectF& rect) const override;

private:
    struct RowBox {
        int row;
        int top; // pixels, of the whole row
        int bottom;
    };
    // How a run's key is filled: a colour, and on a process row the state's pattern.
    struct Fill {
        QRgb colour = 0;
        const QImage* tile = nullptr; // null: solid
        int state = -1;               // the ProcessState of a patterned fill
    };
    void drawRowBackground(QCPPainter* painter, const QRect& area, const RowBox& box);
    void drawSelection(QCPPainter* painter, const QRect& area, const RowBox& box);
    void drawProcessRow(
        QCPPainter* painter, const QRect& area, const PixelMap& map, int top, int bottom, ProcIndex p);
    void drawCpuRow(QCPPainter* painter, const QRect& area, const PixelMap& map, int top, int bottom, int cpu,
        int rowHeight);
    template <typename FillOf>
    void paintRuns(QCPPainter* painter, const QRect& area, int top, int bottom, FillOf fillOf);
    void separateProcesses(QCPPainter* painter, const QRect& area, int top, int bottom);
    void drawNames(QCPPainter* painter, const QRect& area, int top, int bottom, int rowHeight);
    int nameWidth(ProcIndex p) const;
    QString labelOf(ProcIndex p) const;
    Fill laneFill(int key) const;
    Tick drawEnd() const;

    const Trace* m_trace = nullptr;
    const GanttRows* m_rows = nullptr;
    const RowViewport* m_viewport = nullptr;
    const ProcessLabels* m_labels = nullptr;
    Palette m_palette = Palette::Standard;
    std::array<QRgb, kStateCount> m_stateColors{};
    std::array<QImage, kStateCount> m_tiles; // null where the state is solid
    QRgb m_switchColor = 0;
    int m_cell = 8;
    ProcIndex m_selected = -1;
    Tick m_shownEnd = std::numeric_limits<Tick>::max();
    QFont m_labelFont;
    QFontMetrics m_metrics{QFont()};       // of m_labelFont: font lookups are dear, once per font
    bool m_fontSet = false;                // on the painter, during one draw
    mutable std::vector<int> m_nameWidths; // per process, -1 until measured
    RunFolder m_folder;
    QImage m_strip; // a chart row, for raster painting
    std::size_t m_visited = 0;
    std::size_t m_primitives = 0;
};

} // namespace procscope::ui
