#include "ui/gantt/gantt_tickers.h"

#include <cmath>

namespace procscope::ui {

void TimeTicker::setUnit(TimeUnit unit, UnitScale scale)
{
    m_unit = unit;
    m_scale = std::move(scale);
}

double TimeTicker::getTickStep(const QCPRange& range)
{
    // Ticks and nanoseconds are whole numbers: no step below 1, and 2 rather than 2.5.
    m_step = std::max(1.0, QCPAxisTicker::getTickStep(range));
    if (m_step < 10 && m_step != std::floor(m_step))
        m_step = std::floor(m_step);
    return m_step;
}

int TimeTicker::getSubTickCount(double tickStep)
{
    return tickStep <= 1.0 ? 0 : QCPAxisTicker::getSubTickCount(tickStep);
}

QString TimeTicker::getTickLabel(double tick, const QLocale& locale, QChar, int)
{
    if (m_unit == TimeUnit::Tick)
        return locale.toString(static_cast<qlonglong>(std::llround(tick)));
    // Enough decimals to tell neighbouring ticks apart.
    const double value = tick / m_scale.nanoseconds;
    const double step = m_step / m_scale.nanoseconds;
    const int decimals = step >= 1 ? 0 : std::min(9, static_cast<int>(std::ceil(-std::log10(step) - 1e-9)));
    return QString::number(value, 'f', decimals);
}

void RowTicker::setLabels(std::function<QString(int)> label, int rowCount)
{
    m_label = std::move(label);
    m_rowCount = rowCount;
}

double RowTicker::getTickStep(const QCPRange&)
{
    return m_stride;
}

int RowTicker::getSubTickCount(double)
{
    return 0;
}

QString RowTicker::getTickLabel(double tick, const QLocale&, QChar, int)
{
    const auto row = static_cast<int>(std::floor(tick));
    return m_label && row >= 0 && row < m_rowCount ? m_label(row) : QString();
}

QVector<double> RowTicker::createTickVector(double, const QCPRange& range)
{
    QVector<double> ticks;
    const int first = std::max(0, static_cast<int>(std::floor(range.lower)) / m_stride * m_stride);
    const int last = std::min(m_rowCount - 1, static_cast<int>(std::ceil(range.upper)));
    for (int r = first; r <= last; r += m_stride)
        ticks.append(r + 0.5);
    return ticks;
}

} // namespace procscope::ui
