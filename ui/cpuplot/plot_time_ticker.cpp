#include "ui/cpuplot/plot_time_ticker.h"

#include "ui/gantt/gantt_text.h"

#include <cmath>

namespace procscope::ui {

QString PlotTimeTicker::unitFor(double span) const
{
    return m_ns ? unitScaleFor(span).name : QStringLiteral("ticks");
}

// QCustomPlot's nice steps (1, 2, 2.5, 5 times a power of ten), but never under a tick, and whole
// below ten (2.5 ticks is not a time a trace holds).
double PlotTimeTicker::getTickStep(const QCPRange& range)
{
    double step = QCPAxisTicker::getTickStep(range);
    if (step < 10)
        step = std::max(1.0, std::floor(step));
    m_scale = m_ns ? unitScaleFor(range.size()).nanoseconds : 1;
    m_unit = unitFor(range.size());
    m_range = range;
    const double inUnit = step / m_scale;
    m_decimals = 0;
    while (m_decimals < 9) {
        const double scaled = inUnit * std::pow(10.0, m_decimals);
        if (std::abs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, scaled))
            break;
        ++m_decimals;
    }
    return step;
}

QString PlotTimeTicker::getTickLabel(double tick, const QLocale&, QChar, int)
{
    double value = tick / m_scale;
    if (std::abs(value) < 0.5 * std::pow(10.0, -m_decimals))
        value = 0; // no "-0"
    return QString::number(value, 'f', m_decimals);
}

QVector<QString> PlotTimeTicker::createLabelVector(
    const QVector<double>& ticks, const QLocale& locale, QChar formatChar, int precision)
{
    QVector<QString> labels = QCPAxisTicker::createLabelVector(ticks, locale, formatChar, precision);
    if (!m_unitInLabels)
        return labels;
    // The last tick inside the range, unless so near its right end that "40 ticks" would be cut
    // off by the edge; then the one before.
    qsizetype i = ticks.size() - 1;
    while (i >= 0 && ticks[i] > m_range.upper)
        --i;
    if (i > 0 && (m_range.upper - ticks[i]) < 0.08 * m_range.size())
        --i;
    if (i >= 0)
        labels[i] += QLatin1Char(' ') + m_unit;
    return labels;
}

} // namespace procscope::ui
