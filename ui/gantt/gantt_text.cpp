#include "ui/gantt/gantt_text.h"

#include "ui/models/decision_text.h"
#include "ui/style/state_colors.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace procscope::ui {

namespace {

QString fromStd(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

int decimalsFor(double unitNs, double resolutionNs)
{
    if (resolutionNs >= unitNs)
        return 0;
    return std::clamp(static_cast<int>(std::ceil(std::log10(unitNs / resolutionNs) - 1e-9)), 0, 9);
}

} // namespace

TimeUnit timeUnitOf(const Trace& trace)
{
    return trace.meta.timeUnit == "ns" ? TimeUnit::Nanosecond : TimeUnit::Tick;
}

UnitScale unitScaleFor(double magnitudeNs)
{
    const double m = std::abs(magnitudeNs);
    if (m >= 1e9)
        return {1e9, QStringLiteral("s")};
    if (m >= 1e6)
        return {1e6, QStringLiteral("ms")};
    if (m >= 1e3)
        return {1e3, QStringLiteral("µs")};
    return {1, QStringLiteral("ns")};
}

UnitScale unitScaleFor(const Trace& trace)
{
    if (timeUnitOf(trace) == TimeUnit::Tick)
        return {};
    return unitScaleFor(static_cast<double>(trace.end()));
}

namespace {

QString formatIn(Tick t, const UnitScale& scale, Tick resolution)
{
    const int decimals = decimalsFor(scale.nanoseconds, static_cast<double>(std::max<Tick>(1, resolution)));
    return QStringLiteral("%1 %2")
        .arg(static_cast<double>(t) / scale.nanoseconds, 0, 'f', decimals)
        .arg(scale.name);
}

// Three significant digits in fixed notation, without trailing zeros: "0.0042", "150", "1.5".
QString significant(double value)
{
    if (value == 0 || !std::isfinite(value))
        return QStringLiteral("0");
    const int magnitude = static_cast<int>(std::floor(std::log10(std::abs(value))));
    QString text = QString::number(value, 'f', std::clamp(2 - magnitude, 0, 9));
    if (text.contains(QLatin1Char('.'))) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
    }
    return text;
}

} // namespace

QString formatTime(Tick t, TimeUnit unit, Tick resolution)
{
    if (unit == TimeUnit::Tick)
        return QString::number(t);
    return formatIn(t, unitScaleFor(static_cast<double>(t)), resolution);
}

QString formatTime(Tick t, const Trace& trace, Tick resolution)
{
    if (timeUnitOf(trace) == TimeUnit::Tick)
        return QString::number(t);
    return formatIn(t, unitScaleFor(trace), resolution);
}

QString formatDuration(Tick d, TimeUnit unit)
{
    if (unit == TimeUnit::Tick)
        return d == 1 ? QStringLiteral("1 tick") : QStringLiteral("%1 ticks").arg(d);
    const UnitScale scale = unitScaleFor(static_cast<double>(d));
    return QStringLiteral("%1 %2").arg(significant(static_cast<double>(d) / scale.nanoseconds), scale.name);
}

QString formatDuration(Tick d, const Trace& trace)
{
    if (timeUnitOf(trace) == TimeUnit::Tick)
        return formatDuration(d, TimeUnit::Tick);
    const UnitScale scale = unitScaleFor(trace);
    return QStringLiteral("%1 %2").arg(significant(static_cast<double>(d) / scale.nanoseconds), scale.name);
}

QString causeText(Cause cause)
{
    switch (cause) {
    case Cause::Created:
        return QStringLiteral("created");
    case Cause::Admitted:
        return QStringLiteral("admitted");
    case Cause::Dispatched:
        return QStringLiteral("dispatched");
    case Cause::Preempted:
        return QStringLiteral("preempted");
    case Cause::SliceExpired:
        return QStringLiteral("slice expired");
    case Cause::IoStarted:
        return QStringLiteral("I/O started");
    case Cause::IoDone:
        return QStringLiteral("I/O done");
    case Cause::WaitChild:
        return QStringLiteral("waiting for a child");
    case Cause::ChildExited:
        return QStringLiteral("child exited");
    case Cause::Exited:
        return QStringLiteral("exited");
    case Cause::Killed:
        return QStringLiteral("killed");
    case Cause::Reaped:
        return QStringLiteral("reaped");
    case Cause::Suspended:
        return QStringLiteral("suspended");
    case Cause::Resumed:
        return QStringLiteral("resumed");
    case Cause::IoDoneImmediate:
        return QStringLiteral("I/O done, runs at once");
    case Cause::Boosted:
        return QStringLiteral("priority boost");
    }
    return fromStd(causeName(cause));
}

QString processTitle(const Trace& trace, ProcIndex p)
{
    if (p < 0 || static_cast<std::size_t>(p) >= trace.processCount())
        return {};
    return QStringLiteral("%1 (pid %2)")
        .arg(QString::fromStdString(trace.info(p).name))
        .arg(trace.info(p).pid);
}

QString hitToolTip(const Trace& trace, const GanttHit& hit)
{
    const Tick resolution = std::max<Tick>(1, (hit.to - hit.from) / 100);
    const QString span =
        QStringLiteral("%1–%2 (%3)")
            .arg(formatTime(hit.from, trace, resolution), formatTime(hit.to, trace, resolution),
                formatDuration(hit.to - hit.from, trace));
    if (hit.onCpuLane()) {
        const QString lane = QStringLiteral("CPU %1").arg(hit.cpu);
        if (hit.process == kCpuSwitch) {
            const std::string why = describeDecision(trace, hit.cpu, hit.record);
            return QStringLiteral("%1: context switch %2").arg(lane, span) +
                   (why.empty() ? QString() : QStringLiteral("\n%1").arg(QString::fromStdString(why)));
        }
        if (hit.process < 0)
            return QStringLiteral("%1: idle %2").arg(lane, span);
        QString text = QStringLiteral("%1: %2 %3").arg(lane, processTitle(trace, hit.process), span);
        // After a context switch, the decision is carried by the switch's record.
        std::string why = describeDecision(trace, hit.cpu, hit.record);
        if (why.empty() && hit.record > 0 && trace.cpu(hit.cpu).proc(hit.record - 1) == kCpuSwitch)
            why = describeDecision(trace, hit.cpu, hit.record - 1);
        if (!why.empty())
            text += QStringLiteral("\n%1").arg(QString::fromStdString(why));
        return text;
    }

    const ProcessTrack& track = trace.track(hit.process);
    const ProcessState state = track.state(hit.record);
    QString text = QStringLiteral("%1: %2 %3").arg(processTitle(trace, hit.process), stateLabel(state), span);
    const std::int32_t aux = track.aux(hit.record);
    if (state == ProcessState::Running && trace.cpuCount() > 1)
        text += QStringLiteral(" on CPU %1").arg(aux);
    if (state == ProcessState::Blocked) {
        if (aux < 0)
            text += QStringLiteral(" in wait()");
        else if (static_cast<std::size_t>(aux) < trace.meta.devices.size())
            text += QStringLiteral(" on %1").arg(
                QString::fromStdString(trace.meta.devices[static_cast<std::size_t>(aux)]));
    }
    if (trace.meta.mlfqLevels > 0 && (state == ProcessState::Ready || state == ProcessState::Running))
        text += QStringLiteral(" at queue %1").arg(track.level(hit.record));
    text += QStringLiteral(", cause: %1").arg(causeText(track.cause(hit.record)));
    return text;
}

} // namespace procscope::ui
