// Policies side by side on one screen: the Gantt chart of every variant of a Comparison, stacked
// on one shared time axis with one shared cursor, above the metrics table with the best value of
// each metric marked. Stepping, playing, zooming or panning any chart moves them all, so a lecture
// can watch FIFO's convoy and SJF's short jobs unfold tick by tick in the same frame.
//
// Keys (inside the view): Space play / pause, Left / Right one tick, Shift+Left / Shift+Right the
// previous / next event of any chart, Home / End. The view is meant to be its own window: the
// keys are widget shortcuts and would be ambiguous beside the main window's playback actions.
#pragma once

#include "core/trace/trace.h"
#include "ui/style/state_colors.h"

#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QSlider;
class QTableView;
class QToolButton;

namespace procscope::ui {

class Comparison;
class ComparisonModel;
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
    QTableView* table() const { return m_table; }

    void setColorScheme(Palette palette);

public Q_SLOTS:
    // The next / previous tick at which anything changes in any of the charts.
    void nextEvent();
    void previousEvent();

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
    void fitTableHeight();
    QString chartHeading(int i) const;

    std::unique_ptr<Comparison> m_comparison;
    std::vector<Chart> m_charts;
    ComparisonModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QToolButton* m_play = nullptr;
    QLabel* m_tick = nullptr;
    QSlider* m_scrubber = nullptr;
};

} // namespace procscope::ui
