// The CPU plot's time axis (the Gantt chart has its own, gantt_tickers.h): whole ticks for simulated traces;
// nanoseconds in one human unit (ms, µs, ...) chosen from the visible span, "2.5" under "time (ms)", never
// "5000000" or "5e+06".
#pragma once

#include "ui/style/custom_plot.h"

#include <QString>

namespace procscope::ui {

class PlotTimeTicker : public QCPAxisTicker {
public:
    // Nanoseconds (an imported trace) or ticks.
    void setNanoseconds(bool ns) { m_ns = ns; }
    bool nanoseconds() const { return m_ns; }
    // The unit the labels use for a visible span: "ticks", or "ms", "µs", ... for nanoseconds.
    QString unitFor(double span) const;
    // Writes the unit after one tick label near the right ("40 ticks", "4 ms"), for an axis
    // without a title.
    void setUnitInLabels(bool on) { m_unitInLabels = on; }
    bool unitInLabels() const { return m_unitInLabels; }

protected:
    double getTickStep(const QCPRange& range) override;
    QString getTickLabel(double tick, const QLocale& locale, QChar formatChar, int precision) override;
    QVector<QString> createLabelVector(
        const QVector<double>& ticks, const QLocale& locale, QChar formatChar, int precision) override;

private:
    bool m_ns = false;
    double m_scale = 1; // nanoseconds a label unit, for the last range
    int m_decimals = 0; // enough to tell two ticks apart
    QString m_unit;     // for the last range
    QCPRange m_range;   // the last range
    bool m_unitInLabels = false;
};

} // namespace procscope::ui
