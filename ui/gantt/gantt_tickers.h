// Axis tickers of the Gantt chart: time in whole ticks (or in a unit of nanoseconds), and one
// label per row, thinned out when rows are too thin for every label to fit.
#pragma once

#include "ui/gantt/gantt_text.h"
#include "ui/gantt/row_viewport.h"

#include <qcustomplot.h>

#include <functional>

namespace procscope::ui {

class TimeTicker : public QCPAxisTicker {
public:
    // Ticks: whole numbers only. Nanoseconds: numbers in `scale`'s unit.
    void setUnit(TimeUnit unit, UnitScale scale = {});

protected:
    double getTickStep(const QCPRange& range) override;
    int getSubTickCount(double tickStep) override;
    QString getTickLabel(double tick, const QLocale& locale, QChar formatChar, int precision) override;

private:
    TimeUnit m_unit = TimeUnit::Tick;
    UnitScale m_scale;
    double m_step = 1;
};

// A tick in the middle of every row on screen, labelled label(row); every stride-th row only where
// rows are thinner than a line of text. Coordinates are RowViewport's: pixels from the top of the
// chart area.
class RowTicker : public QCPAxisTicker {
public:
    void setRows(const RowViewport* viewport, std::function<QString(int)> label);
    void setLineHeight(double pixels) { m_lineHeight = pixels; }
    // Every how many process rows (or CPU lanes) a label is written.
    int processStride() const;
    int laneStride() const;

protected:
    double getTickStep(const QCPRange& range) override;
    int getSubTickCount(double tickStep) override;
    QString getTickLabel(double tick, const QLocale& locale, QChar formatChar, int precision) override;
    QVector<double> createTickVector(double tickStep, const QCPRange& range) override;

private:
    const RowViewport* m_viewport = nullptr;
    std::function<QString(int)> m_label;
    double m_lineHeight = 16;
};

} // namespace procscope::ui
