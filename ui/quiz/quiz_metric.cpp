// The answers to the quiz's metric questions, with the arithmetic that gives them, so a student
// sees where the number comes from: "turnaround = completion - arrival: A 3-0 = 3, B 7-0 = 7;
// average (3 + 7) / 2 = 5.0".
#include "ui/quiz/quiz.h"

#include <algorithm>

namespace procscope::ui {

namespace {

QString averageText(double v)
{
    return QString::number(v, 'f', 1);
}

} // namespace

void Quiz::metricAnswer(QuizMetric metric, ProcIndex p, double& value, QString& reason) const
{
    QStringList parts;
    QStringList values;
    for (const ProcessMetrics& pm : m_metrics.processes) {
        if (pm.finish < 0)
            continue;
        const QString who = processName(pm.index);
        switch (metric) {
        case QuizMetric::AvgTurnaround:
            parts << QStringLiteral("%1 %2\u2212%3 = %4")
                         .arg(who)
                         .arg(pm.finish)
                         .arg(pm.arrival)
                         .arg(pm.turnaround);
            values << QString::number(pm.turnaround);
            break;
        case QuizMetric::AvgResponse:
            parts << QStringLiteral("%1 %2\u2212%3 = %4")
                         .arg(who)
                         .arg(pm.firstRun)
                         .arg(pm.arrival)
                         .arg(std::max<Tick>(0, pm.response));
            values << QString::number(std::max<Tick>(0, pm.response));
            break;
        case QuizMetric::AvgWaiting:
            parts << QStringLiteral("%1 %2").arg(who).arg(pm.waiting);
            values << QString::number(pm.waiting);
            break;
        default:
            break;
        }
    }
    const QString n = QString::number(m_metrics.finished);
    switch (metric) {
    case QuizMetric::AvgTurnaround:
        value = m_metrics.avgTurnaround;
        reason = QStringLiteral("turnaround = completion \u2212 arrival: ") +
                 parts.join(QStringLiteral(", ")) +
                 QStringLiteral("; average (%1) / %2 = %3")
                     .arg(values.join(QStringLiteral(" + ")), n, averageText(value));
        return;
    case QuizMetric::AvgResponse:
        value = m_metrics.avgResponse;
        reason = QStringLiteral("response = first run \u2212 arrival: ") + parts.join(QStringLiteral(", ")) +
                 QStringLiteral("; average (%1) / %2 = %3")
                     .arg(values.join(QStringLiteral(" + ")), n, averageText(value));
        return;
    case QuizMetric::AvgWaiting:
        value = m_metrics.avgWaiting;
        reason = QStringLiteral("time spent Ready: ") + parts.join(QStringLiteral(", ")) +
                 QStringLiteral("; average (%1) / %2 = %3")
                     .arg(values.join(QStringLiteral(" + ")), n, averageText(value));
        return;
    default:
        break;
    }
    const ProcessMetrics& pm = m_metrics.processes[static_cast<std::size_t>(p)];
    const QString who = processName(p);
    if (metric == QuizMetric::Turnaround) {
        value = static_cast<double>(pm.turnaround);
        reason = QStringLiteral("%1 arrived at %2 and finished at %3: turnaround %3 \u2212 %2 = %4")
                     .arg(who)
                     .arg(pm.arrival)
                     .arg(pm.finish)
                     .arg(pm.turnaround);
    } else if (metric == QuizMetric::Response) {
        value = static_cast<double>(pm.response);
        reason = QStringLiteral("%1 arrived at %2 and first ran at %3: response %3 \u2212 %2 = %4")
                     .arg(who)
                     .arg(pm.arrival)
                     .arg(pm.firstRun)
                     .arg(pm.response);
    } else {
        value = static_cast<double>(pm.waiting);
        reason = QStringLiteral("%1 spent %2 ticks Ready between arriving at %3 and finishing at %4")
                     .arg(who)
                     .arg(pm.waiting)
                     .arg(pm.arrival)
                     .arg(pm.finish);
    }
}

} // namespace procscope::ui
