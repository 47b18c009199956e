// A QCPGraph that draws only its first n points: the plot holds the whole trace's data, set once,
// and grows to the cursor by changing n. Per-frame work is bounded by pixels, not by samples:
// - QCPGraph's adaptive sampling folds the points that share a pixel column into their min and max;
// - when many blocks of samples share a column, a coarse copy (the min and max of each block of
//   kBlock samples) is sampled instead of the full data, so 1,000,000 samples cost about 60,000;
// - a step line (lsStepLeft, each sample held until the next) stays made of horizontal and
//   vertical moves: the shown part ends with the last sample's step, at setShownEnd();
// - a calm line (within a pixel in every column) becomes one point a column, then only the points
//   that bend it by more than half a pixel;
// - the area under a dense line is filled one bar a pixel column, not as one zigzag polygon;
// - lines are stroked segment by segment (Qt fills a wide antialiased polyline as one outline
//   path, which is slow, and very slow once the line zigzags), and a line so dense and noisy that
//   it is a solid band on screen is drawn as that band, one bar a pixel column.
#pragma once

#include "ui/style/custom_plot.h"

#include <vector>

namespace procscope::ui {

// A line's samples as QCustomPlot holds them, with the coarse copy: the lowest and the highest
// sample of each block of kBlock samples, in their order. Plain data, built off the GUI thread
// for a big trace and shared with the graph without a copy.
struct CursorSamples {
    static constexpr int kBlock = 32;

    // From samples sorted by key.
    static CursorSamples make(const QVector<QCPGraphData>& samples);

    QSharedPointer<QCPGraphDataContainer> full = QSharedPointer<QCPGraphDataContainer>::create();
    QSharedPointer<QCPGraphDataContainer> coarse = QSharedPointer<QCPGraphDataContainer>::create();
    QVector<int> coarseEnd; // per block: coarse points up to and including it
};

class CursorGraph : public QCPGraph {
public:
    static constexpr int kBlock = CursorSamples::kBlock;

    CursorGraph(QCPAxis* keyAxis, QCPAxis* valueAxis)
        : QCPGraph(keyAxis, valueAxis)
    { }

    // Replaces the data (sorted by key) and builds the coarse copy.
    void setSamples(const QVector<QCPGraphData>& samples) { setSamples(CursorSamples::make(samples)); }
    // Shares samples built elsewhere.
    void setSamples(const CursorSamples& samples);
    // Draws the samples before `key` and holds the last one's step up to it: nothing is drawn at
    // or past it, so a view that hides the future stops exactly at the end of the cursor's tick.
    // NaN: every sample, each step up to the next sample.
    void setShownEnd(double key);
    double shownEnd() const { return m_shownEnd; }
    int shownCount() const { return m_shown; } // samples drawn

    // The pixel points the line is stroked through at the axes' current ranges (after the folding
    // below); empty when there is nothing to draw or the line is drawn as a band.
    QVector<QPointF> strokedPoints();

protected:
    void draw(QCPPainter* painter) override;
    void drawLinePlot(QCPPainter* painter, const QVector<QPointF>& lines) const override;

private:
    QVector<QPointF> linesUpTo(int shown);
    QVector<QPointF> shownLines();
    // Whether so dense and noisy a line is drawn as a band; otherwise the points to stroke.
    bool isBand(const QVector<QPointF>& lines) const;
    struct Columns {
        int first = 0;              // the first pixel column
        std::vector<double> lo, hi; // per column: the smallest and largest y (empty: none)
    };
    Columns columnsOf(const QVector<QPointF>& lines) const;
    QVector<QPointF> folded(const QVector<QPointF>& lines) const;
    static QVector<QPointF> calmMidline(const QVector<QPointF>& lines);
    static QVector<QPointF> simplified(const QVector<QPointF>& lines);
    void drawSegments(QCPPainter* painter, const QVector<QPointF>& lines) const;
    bool drawColumnFill(QCPPainter* painter, const QVector<QPointF>& lines) const;
    void drawBand(QCPPainter* painter, const QVector<QPointF>& lines) const;
    static void appendBar(QVector<QRect>& bars, int x, int top, int bottom);

    QSharedPointer<QCPGraphDataContainer> m_coarse;
    QVector<int> m_coarseEnd;
    int m_shown = 0;
    double m_shownEnd = qQNaN();
};

} // namespace procscope::ui
