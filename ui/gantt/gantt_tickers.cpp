#include "ui/gantt/gantt_tickers.h"

#include <algorithm>
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
    // Enough decimals to tell neighbouring ticks apart (2.5 ms steps: "2.5", "5", "7.5"), in fixed
    // notation, without trailing zeros.
    const double value = tick / m_scale.nanoseconds;
    const double step = m_step / m_scale.nanoseconds;
    int decimals = step >= 1 ? 0 : std::min(9, static_cast<int>(std::ceil(-std::log10(step) - 1e-9)));
    while (decimals < 9 &&
           std::abs(std::round(step * std::pow(10.0, decimals)) - step * std::pow(10.0, decimals)) > 1e-6)
        ++decimals;
    QString text = QString::number(value, 'f', decimals);
    if (text.contains(QLatin1Char('.'))) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
    }
    return text == QStringLiteral("-0") ? QStringLiteral("0") : text;
}

void RowTicker::setRows(const RowViewport* viewport, std::function<QString(int)> label)
{
    m_viewport = viewport;
    m_label = std::move(label);
}

namespace {

int strideFor(double lineHeight, double rowHeight)
{
    if (!(rowHeight > 0))
        return 1;
    return std::max(1, static_cast<int>(std::ceil(lineHeight / rowHeight - 1e-9)));
}

} // namespace

int RowTicker::processStride() const
{
    return m_viewport ? strideFor(m_lineHeight, m_viewport->rowHeight()) : 1;
}

int RowTicker::laneStride() const
{
    return m_viewport ? strideFor(m_lineHeight, m_viewport->laneHeight()) : 1;
}

double RowTicker::getTickStep(const QCPRange&)
{
    return 1;
}

int RowTicker::getSubTickCount(double)
{
    return 0;
}

QString RowTicker::getTickLabel(double tick, const QLocale&, QChar, int)
{
    const int row = m_viewport ? m_viewport->rowAt(tick) : -1;
    return m_label && row >= 0 ? m_label(row) : QString();
}

QVector<double> RowTicker::createTickVector(double, const QCPRange&)
{
    QVector<double> ticks;
    if (!m_viewport)
        return ticks;
    const RowViewport& v = *m_viewport;
    const int stride = processStride();
    const double lanesTop = v.lanesTop();
    for (int r = v.firstProcessRow() / stride * stride; r <= v.lastProcessRow(); r += stride) {
        const double middle = (v.rowTop(r) + v.rowBottom(r)) / 2;
        if (middle >= 0 && middle < lanesTop)
            ticks.append(middle);
    }
    const int lanes = laneStride();
    for (int c = 0; c < v.lanes(); c += lanes)
        ticks.append((v.rowTop(v.processRows() + c) + v.rowBottom(v.processRows() + c)) / 2);
    return ticks;
}

} // namespace procscope::ui
