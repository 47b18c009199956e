// Axis tickers of the Gantt chart: time in whole ticks (or in a unit of nanoseconds), and one
// label per row, thinned out when rows are too thin for every label to fit.
#pragma once

#include "ui/gantt/gantt_text.h"

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

// A tick in the middle of every `stride`-th row r, at r + 0.5, labelled label(r).
class RowTicker : public QCPAxisTicker {
public:
    void setLabels(std::function<QString(int)> label, int rowCount);
    void setStride(int stride) { m_stride = std::max(1, stride); }
    int stride() const { return m_stride; }

protected:
    double getTickStep(const QCPRange& range) override;
    int getSubTickCount(double tickStep) override;
    QString getTickLabel(double tick, const QLocale& locale, QChar formatChar, int precision) override;
    QVector<double> createTickVector(double tickStep, const QCPRange& range) override;

private:
    std::function<QString(int)> m_label;
    int m_rowCount = 0;
    int m_stride = 1;
};

} // namespace procscope::ui
