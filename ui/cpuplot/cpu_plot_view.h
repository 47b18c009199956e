// CPU utilization over time: the share of CPU time busy (all CPUs, and each CPU thin), the I/O
// utilization (dashed) and the ready-queue length (right axis). The data for the whole trace is
// computed once per trace (utilization_lines.h) and shared with the plot; the plot then grows to
// the cursor, and the values at the cursor stand in large type above it.
#pragma once

#include "ui/cpuplot/utilization_series.h"
#include "ui/style/state_colors.h"

#include <QWidget>

#include <memory>
#include <vector>

class QCustomPlot;
class QCPItemStraightLine;

namespace procscope::ui {

class CursorGraph;
struct UtilizationLines;
class PlaybackController;
class UtilizationHeader;
class ViewState;

class CpuPlotView : public QWidget {
    Q_OBJECT

public:
    CpuPlotView(PlaybackController* playback, ViewState* viewState, QWidget* parent = nullptr);
    ~CpuPlotView() override;

    // PNG (or any image format Qt writes), SVG or PDF, chosen by the file's suffix.
    bool exportTo(const QString& path);

    // The sliding window of the plotted utilization, in ticks; 0 (the default) picks one from
    // the trace's length.
    void setWindow(Tick ticks);
    Tick window() const; // the one in use
    void setColorScheme(Palette palette);
    // At most this many samples over the whole trace (longer traces get several ticks a sample).
    void setMaxSamples(std::size_t samples);
    std::size_t maxSamples() const { return m_maxSamples; }

    // "CPU 87%  I/O 40%  Ready 3": the values at the cursor, as the header shows them.
    QString headerText() const;
    const UtilizationSeries& series() const;
    // Samples drawn: those that start at or before the cursor.
    int shownSamples() const { return m_shown; }
    Tick shownTick() const { return m_tick; } // the cursor the plot grows to
    QCustomPlot* plot() const { return m_plot; }

    QSize sizeHint() const override { return {960, 420}; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void onTraceChanged();
    void onTickChanged(Tick now);
    void onVisibleRangeChanged();
    void rebuildGraphs();
    void applyStyle();
    void fitAxes();
    void updateHeader();
    const Trace* trace() const;

    PlaybackController* m_playback;
    ViewState* m_viewState;
    UtilizationHeader* m_header;
    QCustomPlot* m_plot;
    QCPItemStraightLine* m_cursorLine = nullptr;
    CursorGraph* m_cpu = nullptr;
    CursorGraph* m_io = nullptr;
    CursorGraph* m_ready = nullptr;
    std::vector<CursorGraph*> m_perCpu;

    std::shared_ptr<const UtilizationLines> m_lines; // never null
    std::size_t m_maxSamples = UtilizationSeries::kDefaultMaxSamples;
    Tick m_window = 0;
    Tick m_tick = 0;
    int m_shown = 0;
    Palette m_palette = Palette::Standard;
    bool m_settingRange = false;
    QString m_yLabel, m_y2Label; // the value axes' titles, shown when they fit
    double m_readyPeak = 2;      // the ready axis reaches at least this far
};

} // namespace procscope::ui
