// Policies side by side on one screen: the Gantt chart of every variant of a Comparison, stacked
// on one shared time axis with one shared cursor, above the metrics table with the best value of
// each metric marked. Stepping, playing, zooming or panning any chart moves them all, so a lecture
// can watch FIFO's convoy and SJF's short jobs unfold tick by tick in the same frame.
//
// The charts share the height: every row of every chart at one row height, as tall as the window
// allows and never shorter than the text needs; when they do not fit, the list of charts scrolls.
// The mouse wheel over a chart scrolls that list (Ctrl+wheel zooms the time axis, Shift+wheel or
// a horizontal wheel pans it), so the wheel is never swallowed by a chart.
//
// Keys (inside the view): Space play / pause, Left / Right one tick, Shift+Left / Shift+Right the
// previous / next event of any chart, Home / End, Up / Down / Page Up / Page Down scroll the
// charts, Ctrl+W closes. The view is meant to be its own window: the keys are widget shortcuts
// and would be ambiguous beside the main window's playback actions.
#pragma once

#include "core/trace/trace.h"
#include "ui/style/state_colors.h"

#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QScrollArea;
class QSlider;
class QKeyEvent;
class QToolButton;
class QWheelEvent;

namespace procscope::ui {

class Comparison;
class ComparisonModel;
class ComparisonTable;
class Document;
class GanttView;
class PlaybackController;
class ViewState;

class ComparisonView : public QWidget {
    Q_OBJECT

public:
    explicit ComparisonView(Comparison comparison, QWidget* parent = nullptr);
    ~ComparisonView() override;

    const Comparison& comparison() const { return *m_comparison; }
    // The shared cursor: seek it (or any chart's own controller) and every chart follows.
    PlaybackController* playback() const;

    int chartCount() const { return static_cast<int>(m_charts.size()); }
    GanttView* chart(int i) const { return m_charts[static_cast<std::size_t>(i)].view; }
    PlaybackController* chartPlayback(int i) const { return m_charts[static_cast<std::size_t>(i)].playback; }
    ViewState* chartViewState(int i) const { return m_charts[static_cast<std::size_t>(i)].state; }
    QLabel* chartTitle(int i) const { return m_charts[static_cast<std::size_t>(i)].title; }
    ComparisonModel* model() const { return m_model; }
    ComparisonTable* table() const { return m_table; }
    QScrollArea* chartList() const { return m_scroll; }

    void setColorScheme(Palette palette);

    // Fits the charts to the list's height. Done by itself (queued) after every resize and font
    // change; tests call it to have the layout at once.
    void layoutCharts();
    // The row height every chart uses, and the least at which a row label still reads.
    int rowHeight() const { return m_rowHeight; }
    int minimumRowHeight() const;

public Q_SLOTS:
    // The next / previous tick at which anything changes in any of the charts.
    void nextEvent();
    void previousEvent();

protected:
    bool event(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Chart {
        Document* document = nullptr;
        PlaybackController* playback = nullptr;
        ViewState* state = nullptr;
        GanttView* view = nullptr;
        QLabel* title = nullptr;
    };

    QWidget* makeTransport();
    QWidget* makeCharts();
    void connectCharts();
    void addShortcuts();
    void refreshTransport();
    void applyFonts();
    void shareLegendAndAxis();
    void scheduleLayout();
    bool wheelOnChart(GanttView* chart, QWheelEvent* event);
    bool keyOnChart(QKeyEvent* event);
    QString chartHeading(int i) const;

    std::unique_ptr<Comparison> m_comparison;
    std::vector<Chart> m_charts;
    ComparisonModel* m_model = nullptr;
    ComparisonTable* m_table = nullptr;
    QToolButton* m_play = nullptr;
    QLabel* m_tick = nullptr;
    QSlider* m_scrubber = nullptr;
    QScrollArea* m_scroll = nullptr;
    int m_rowHeight = 0;
    bool m_layoutPending = false;
};

} // namespace procscope::ui
