#include "ui/cpuplot/utilization_text.h"

#include <QCoreApplication>
#include <QStringList>

#include <cmath>

namespace procscope::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("CpuPlotView", text);
}

QString percent(double share)
{
    return QStringLiteral("%1 %").arg(std::lround(100.0 * share));
}

} // namespace

QString ioName(IoMeaning meaning)
{
    return meaning == IoMeaning::Unknown ? tr("Waiting") : tr("I/O");
}

QString windowText(Tick window, TimeUnit unit)
{
    return formatDuration(window, unit);
}

QString averageText(Tick window, TimeUnit unit)
{
    return tr("(average of %1)").arg(windowText(window, unit));
}

QString averagingChoice(Tick window, TimeUnit unit)
{
    return window > 1 ? tr("Average of %1").arg(windowText(window, unit)) : tr("Exact");
}

ValueTexts exactTexts(const TickValues& values, IoMeaning meaning)
{
    return {tr("CPU %1").arg(percent(values.cpuShare())),
        QStringLiteral("%1 %2").arg(ioName(meaning)).arg(values.io), tr("Ready %1").arg(values.ready)};
}

ValueTexts averagedTexts(const UtilizationSeries& series, Tick window, std::size_t i)
{
    using Q = UtilizationSeries::Quantity;
    const auto count = [](double v) { return QString::number(v, 'f', 1); };
    return {tr("CPU %1").arg(percent(series.windowedAt(Q::Cpu, window, i))),
        QStringLiteral("%1 %2").arg(ioName(series.ioMeaning()), count(series.windowedAt(Q::Io, window, i))),
        tr("Ready %1").arg(count(series.windowedAt(Q::Ready, window, i)))};
}

QString captionText(const UtilizationSeries& series, Tick window, TimeUnit unit, bool exactSteps)
{
    const int cpus = series.cpuCount();
    QStringList parts;
    if (window > 1)
        parts << tr("Average of the last %1").arg(windowText(window, unit));
    else if (!exactSteps && series.bucketWidth() > 1)
        parts << tr("Mean of each %1").arg(windowText(series.bucketWidth(), unit));
    else
        parts << (unit == TimeUnit::Nanosecond ? tr("Exact at each instant") : tr("Exact at each tick"));
    if (cpus > 1)
        parts << (window > 1 ? tr("CPU: share of the %1 CPUs busy").arg(cpus)
                             : tr("CPU: busy CPUs of %1").arg(cpus));
    switch (series.ioMeaning()) {
    case IoMeaning::Device:
        parts << tr("I/O: processes waiting for a device");
        break;
    case IoMeaning::LinuxDeviceWait:
        parts << tr("I/O: tasks waiting for a device (D); sleeping (S) is not I/O");
        break;
    case IoMeaning::Unknown:
        parts << tr("Waiting: blocked processes (the trace does not say on what)");
        break;
    }
    return parts.join(QStringLiteral(". "));
}

} // namespace procscope::ui
