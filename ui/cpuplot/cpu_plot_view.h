// CPU utilization over time, one value axis per plot area: above, the share of the CPUs busy (%);
// below, processes doing I/O (dashed) and in the ready queue, counted. By default each value is
// exactly what is true during its tick, drawn as steps; a combo box switches to a trailing average
// whose window is written next to the values. The data for the whole trace is computed once per
// trace (utilization_lines.h) and shared with the plot; the values at the cursor stand in large
// type above it, and with the future hidden (ViewState) nothing is drawn past the cursor's tick.
#pragma once

#include "ui/cpuplot/utilization_series.h"
#include "ui/style/state_colors.h"

#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QCustomPlot;
class QCPAxis;
class QCPAxisRect;
class QCPItemStraightLine;
class QCPRange;

namespace procscope::ui {

class CursorGraph;
struct UtilizationLines;
class PlaybackController;
class PlotTimeTicker;
class UtilizationHeader;
class ViewState;

class CpuPlotView : public QWidget {
    Q_OBJECT

public:
    CpuPlotView(PlaybackController* playback, ViewState* viewState, QWidget* parent = nullptr);
    ~CpuPlotView() override;

    // PNG (or any image format Qt writes), SVG or PDF, chosen by the file's suffix.
    bool exportTo(const QString& path);

    // 0 or 1 (the default): the exact value of each tick. More: the trailing average over that
    // many ticks (whole samples), offered in the combo box too.
    void setWindow(Tick ticks);
    Tick window() const; // the one in use; 0 for exact
    void setColorScheme(Palette palette);
    // At most this many samples over the whole trace (longer traces get several ticks a sample).
    void setMaxSamples(std::size_t samples);
    std::size_t maxSamples() const { return m_maxSamples; }

    // "CPU 50 %  I/O 1  Ready 3": the values at the cursor, as the header shows them; averaged,
    // followed by "(average of 10 ticks)".
    QString headerText() const;
    QString captionText() const;
    const UtilizationSeries& series() const;
    // Where drawing stops: the trace's end, or with the future hidden the end of the cursor's tick.
    Tick shownEnd() const { return m_shownEnd; }
    Tick shownTick() const { return m_tick; } // the cursor the plot grows to
    QCustomPlot* plot() const { return m_plot; }
    QCPAxisRect* cpuRect() const { return m_cpuRect; }
    QCPAxisRect* countRect() const { return m_countRect; }
    CursorGraph* cpuGraph() const { return m_cpu; }
    CursorGraph* cpuAreaGraph() const { return m_cpuArea; }
    CursorGraph* ioGraph() const { return m_io; }
    CursorGraph* readyGraph() const { return m_ready; }
    QComboBox* averagingBox() const { return m_averaging; }
    UtilizationHeader* header() const { return m_header; }

    QSize sizeHint() const override { return {960, 420}; }

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void onTraceChanged();
    void onTickChanged(Tick now);
    void onVisibleRangeChanged();
    void onUserRange(QCPAxis* moved, const QCPRange& range);
    void rebuildGraphs();
    void fillAveragingBox();
    void applyStyle();
    bool fitAxes(); // whether anything changed
    void updateTimeLabel();
    void updateHeader();
    const Trace* trace() const;

    PlaybackController* m_playback;
    ViewState* m_viewState;
    UtilizationHeader* m_header;
    QComboBox* m_averaging;
    QCustomPlot* m_plot;
    QCPAxisRect* m_cpuRect = nullptr;   // busy %, on top
    QCPAxisRect* m_countRect = nullptr; // processes, with the time axis
    QSharedPointer<PlotTimeTicker> m_timeTicker;
    std::vector<QCPItemStraightLine*> m_cursorLines; // one per axis rect
    CursorGraph* m_cpuArea = nullptr;                // the area under the CPU line, under the grid
    CursorGraph* m_cpu = nullptr;
    CursorGraph* m_io = nullptr;
    CursorGraph* m_ready = nullptr;
    std::vector<CursorGraph*> m_perCpu;

    std::shared_ptr<const UtilizationLines> m_lines; // never null
    std::size_t m_maxSamples = UtilizationSeries::kDefaultMaxSamples;
    Tick m_window = 0;
    Tick m_tick = 0;
    Tick m_shownEnd = 0;
    Palette m_palette = Palette::Standard;
    bool m_settingRange = false;
    double m_countPeak = 2; // the count axis reaches at least this far
    double m_tickPx = 12;   // tick labels' type, for the minimum sizes
};

} // namespace procscope::ui
