// The Gantt chart: one row per process, then one lane per CPU, over time. It follows the
// document's PlaybackController (the cursor line) and the shared ViewState (selected process,
// visible range), and writes both back when the user clicks, zooms or pans.
//
// Mouse and keys: wheel zooms about the mouse (Shift+wheel scrolls rows, Ctrl+wheel changes the
// row height); left-drag pans; right-drag or Shift+left-drag zooms to a band; click selects a
// process (on its row or a CPU lane segment); double-click moves the cursor there; + and - zoom,
// 0 fits, Up/Down/PageUp/PageDown scroll rows (Left/Right are left to the playback keys);
// hovering shows what an interval is and why. Playback that leaves the visible range pages along.
//
// Rows grow to fill the height (up to kMaxRowGrowth times the base height); the CPU lanes stay
// pinned below the process rows however many there are; with the future hidden (ViewState) the
// chart shows nothing at or after the cursor's tick.
#pragma once

#include "ui/gantt/gantt_rows.h"
#include "ui/gantt/legend_contents.h"
#include "ui/gantt/row_viewport.h"
#include "ui/gantt/time_axis.h"
#include "ui/style/process_label.h"
#include "ui/style/state_colors.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QCustomPlot;
class QCPItemRect;
class QCPItemStraightLine;
class QCPItemText;
class QCPLayer;
class QCPLayoutElement;
class QRubberBand;
class QScrollBar;

namespace procscope::ui {

class GanttInput;
class GanttPlottable;
class PlaybackController;
class RowTicker;
class TimeTicker;
class ViewState;

class GanttView : public QWidget {
    Q_OBJECT

public:
    // How much taller than the base height (1.9 lines of text) rows grow to fill the height.
    static constexpr double kMaxRowGrowth = 4.0;

    GanttView(PlaybackController* playback, ViewState* viewState, QWidget* parent = nullptr);
    ~GanttView() override;

    void setRowOrder(RowOrder order);
    RowOrder rowOrder() const { return m_rows.order(); }
    void setColorScheme(Palette palette);
    Palette colorScheme() const { return m_palette; }
    // Width of the cursor line in pixels (2 normally; thicker for a projector).
    void setCursorWidth(double pixels);

    // Shows the whole trace: all of its time, and all of its rows (thinner if need be).
    void fit();
    // PNG, SVG or PDF, by the file's suffix; the legend is part of the image, the blank below the
    // rows is not.
    bool exportTo(const QString& path);

    // Zooming and scrolling as the mouse and keys do them; x and y in plot() coordinates.
    void zoomAt(double x, double factor);
    void panBy(double dx);
    void setTimeRange(double from, double to);
    const TimeAxis& timeAxis() const { return m_axis; }
    void scrollRows(double rows);
    void setTopRow(double row);
    double topRow() const { return m_viewport.topRow(); }
    void setRowHeight(double pixels); // fixed; 0 returns to the automatic height
    double rowHeight() const { return m_viewport.rowHeight(); }
    double visibleRowCount() const { return m_viewport.visibleRowCount(); }
    Tick shownTick() const { return m_shownTick; } // where the cursor was last drawn

    // For tests, benchmarks and tools.
    QCustomPlot* plot() const { return m_plot; }
    GanttPlottable* plottable() const { return m_plottable; }
    const GanttRows& rows() const { return m_rows; }
    const RowViewport& viewport() const { return m_viewport; }
    // The end (exclusive) of the time drawn: the trace's end, or with the future hidden the tick
    // after the cursor.
    Tick shownEnd() const;
    // The middle of tick t on a process's row (or a CPU lane), in plot() coordinates. Scrolls the
    // row into view and brings the layout up to date first.
    QPoint pointFor(ProcIndex process, Tick t);
    QPoint pointForCpu(int cpu, Tick t);
    // The tooltip shown at a point of plot(); empty where there is nothing.
    QString toolTipAt(const QPoint& pos) const;
    // The row under a point of plot(), or -1; the tick under it (unclamped).
    int rowAt(const QPoint& pos) const;
    Tick tickAt(double x) const;
    // Lays the plot out and draws it now (tests and benchmarks; the view itself replots queued).
    void replotNow();

protected:
    void changeEvent(QEvent* event) override;

private:
    friend class GanttInput;

    void onTraceChanged();
    void onTickChanged(Tick tick);
    void updateShownEnd();
    void onSelectionChanged(ProcIndex process);
    void onVisibleRangeChanged(Tick from, Tick to);
    void onAfterLayout();

    void applyFonts();
    void updateRowLabels();
    void applyTimeRange(bool publish);
    void applyRows();
    void updateCursor();
    void updateScrollBar();
    void scrollToRow(int row);
    QPoint pointForRow(int row, Tick t);
    void queueReplot();
    bool fitLegend();
    bool exportSvg(const QString& path, const QSize& size);
    bool fitRowsTo(double available);
    double baseRowHeight() const;
    double autoRowHeight(double available) const;

    QPointer<PlaybackController> m_playback;
    QPointer<ViewState> m_viewState;
    QCustomPlot* m_plot = nullptr;
    GanttPlottable* m_plottable = nullptr;
    QScrollBar* m_scrollBar = nullptr;
    GanttInput* m_input = nullptr;
    QSharedPointer<TimeTicker> m_timeTicker;
    QSharedPointer<RowTicker> m_rowTicker;
    QCPLayer* m_cursorLayer = nullptr;
    QCPItemStraightLine* m_cursorLine = nullptr;
    QCPItemStraightLine* m_cursorHalo = nullptr;
    QCPItemRect* m_cursorBand = nullptr;
    QCPItemText* m_cursorLabel = nullptr;

    QCPLayoutElement* m_spacer = nullptr; // below the chart: the blank the rows do not fill

    enum class RowSizing { Auto, Fixed, FitAll };

    const Trace* m_trace = nullptr;
    GanttRows m_rows;
    RowViewport m_viewport;
    ProcessLabels m_labels;
    LegendContents m_legendContents;
    TimeAxis m_axis;
    Palette m_palette = Palette::Standard;
    RowSizing m_rowSizing = RowSizing::Auto;
    double m_fixedRowHeight = 0;
    int m_spacerHeight = 0;
    Tick m_shownTick = 0;
    int m_labelWidth = 0;
    int m_labelsForWidth = -1; // the plot's width the label column was fitted to
    bool m_publishing = false;
    bool m_inLayout = false;
};

} // namespace procscope::ui
