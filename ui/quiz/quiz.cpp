#include "ui/quiz/quiz.h"

#include "core/trace/cursor.h"
#include "ui/models/decision_text.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace procscope::ui {

namespace {

constexpr double kNumberTolerance = 0.05; // an answer to one decimal place counts

QString stateText(ProcessState s)
{
    const std::string_view name = stateName(s);
    return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

QString averageText(double v)
{
    return QString::number(v, 'f', 1);
}

bool perProcess(QuizMetric metric)
{
    return metric == QuizMetric::Turnaround || metric == QuizMetric::Response ||
           metric == QuizMetric::Waiting;
}

} // namespace

QString questionKindTitle(QuestionKind kind)
{
    switch (kind) {
    case QuestionKind::NextState:
        return QStringLiteral("What happens next");
    case QuestionKind::NextRunning:
        return QStringLiteral("Who runs next");
    case QuestionKind::FinalMetric:
        return QStringLiteral("A metric at the end");
    }
    return {};
}

Quiz::Quiz(const Trace& trace, Tick start, QObject* parent)
    : QObject(parent)
    , m_trace(&trace)
    , m_metrics(computeMetrics(trace))
    , m_position(std::clamp<Tick>(start, 0, std::max<Tick>(0, trace.end())))
{ }

Tick Quiz::revealedUntil() const
{
    return std::min(m_position + 1, m_trace->end());
}

QString Quiz::processName(ProcIndex process) const
{
    if (process < 0 || static_cast<std::size_t>(process) >= m_trace->processCount())
        return QStringLiteral("idle");
    return QString::fromStdString(m_trace->info(process).name);
}

// The next tick where something changes, the final boundary included: the exits and reaps at
// the trace's end are the last thing a student can predict.
std::optional<Tick> Quiz::nextEvent() const
{
    if (const std::optional<Tick> next = nextEventAfter(*m_trace, m_position))
        return next;
    const Tick end = m_trace->end();
    if (m_position >= end)
        return std::nullopt;
    for (ProcIndex p = 0; p < static_cast<ProcIndex>(m_trace->processCount()); ++p)
        if (m_trace->track(p).nextChangeAfter(m_position) == end)
            return end;
    for (int c = 0; c < m_trace->cpuCount(); ++c) {
        const CpuTrack& track = m_trace->cpu(c);
        const std::size_t i = track.indexAt(m_position);
        const std::size_t next = i == CpuTrack::npos ? 0 : i + 1;
        if (next < track.size() && track.at(next) == end)
            return end;
    }
    return std::nullopt;
}

bool Quiz::canAsk(QuestionKind kind) const
{
    if (kind == QuestionKind::FinalMetric)
        return m_trace->finished() && m_metrics.finished > 0;
    return nextEvent().has_value();
}

// What a CPU is given to at t: a context switch counts as the process it switches to.
ProcIndex Quiz::occupant(int cpu, Tick t) const
{
    const CpuTrack& track = m_trace->cpu(cpu);
    const std::size_t i = track.indexAt(t);
    if (i == CpuTrack::npos)
        return -1;
    const ProcIndex p = track.proc(i);
    if (p >= 0)
        return p;
    return p == kCpuSwitch ? decisionProcess(*m_trace, cpu, i) : -1;
}

bool Quiz::ask(QuestionKind kind)
{
    if (!canAsk(kind))
        return false;
    QuizQuestion q;
    q.kind = kind;
    q.from = m_position;
    const QString now = QStringLiteral("Now: tick %1. ").arg(m_position);
    if (kind == QuestionKind::NextState) {
        q.at = *nextEvent();
        for (ProcIndex p = 0; p < static_cast<ProcIndex>(m_trace->processCount()); ++p) {
            const ProcessTrack& track = m_trace->track(p);
            if (track.empty() || track.at(0) > q.at)
                continue;
            const std::optional<ProcessState> state = track.stateAt(m_position);
            if (state == ProcessState::Terminated)
                continue;
            q.processes.push_back(p);
            q.current.push_back(state);
        }
        q.text =
            now + QStringLiteral("Something changes at tick %1. What state is each process in at tick %1?")
                      .arg(q.at);
    } else if (kind == QuestionKind::NextRunning) {
        q.at = *nextEvent();
        for (int c = 0; c < m_trace->cpuCount(); ++c)
            q.currentCpus.push_back(occupant(c, m_position));
        q.text =
            now + (m_trace->cpuCount() == 1
                          ? QStringLiteral("The next event is at tick %1. Which process runs then?")
                          : QStringLiteral("The next event is at tick %1. Which process runs on each CPU "
                                           "then?"))
                      .arg(q.at);
    } else {
        q.at = m_trace->end();
        std::vector<ProcIndex> finished;
        for (const ProcessMetrics& pm : m_metrics.processes)
            if (pm.finish >= 0 && pm.response >= 0)
                finished.push_back(pm.index);
        constexpr std::array<QuizMetric, 6> order{QuizMetric::AvgTurnaround, QuizMetric::Response,
            QuizMetric::AvgResponse, QuizMetric::Turnaround, QuizMetric::AvgWaiting, QuizMetric::Waiting};
        q.metric = order[static_cast<std::size_t>(m_metricTurn) % order.size()];
        if (perProcess(q.metric) && finished.empty())
            q.metric = QuizMetric::AvgTurnaround;
        if (perProcess(q.metric))
            q.process = finished[static_cast<std::size_t>(m_metricTurn / 2) % finished.size()];
        ++m_metricTurn;
        const QString who = processName(q.process);
        switch (q.metric) {
        case QuizMetric::AvgTurnaround:
            q.text = QStringLiteral("When the run is over: what is the average turnaround time?");
            break;
        case QuizMetric::AvgResponse:
            q.text = QStringLiteral("When the run is over: what is the average response time?");
            break;
        case QuizMetric::AvgWaiting:
            q.text = QStringLiteral("When the run is over: what is the average waiting time?");
            break;
        case QuizMetric::Turnaround:
            q.text = QStringLiteral("When the run is over: what is %1's turnaround time?").arg(who);
            break;
        case QuizMetric::Response:
            q.text = QStringLiteral("What is %1's response time?").arg(who);
            break;
        case QuizMetric::Waiting:
            q.text =
                QStringLiteral("When the run is over: how long has %1 waited in the ready queue?").arg(who);
            break;
        }
    }
    m_question = std::move(q);
    m_revealed = false;
    m_feedback = {};
    Q_EMIT questionChanged();
    return true;
}

// The decision texts name processes by pid ("P1"), as OSTEP's scripts do; the quiz's boxes and
// the Gantt rows use the workload's names ("B"), so the reasons do too.
QString Quiz::withNames(const QString& text) const
{
    static const QRegularExpression pid(QStringLiteral("\\bP(\\d+)\\b"));
    QString result;
    qsizetype last = 0;
    for (const QRegularExpressionMatch& m : pid.globalMatch(text)) {
        const std::optional<ProcIndex> p = m_trace->indexOf(m.captured(1).toInt());
        result += text.mid(last, m.capturedStart() - last);
        result += p ? processName(*p) : m.captured();
        last = m.capturedEnd();
    }
    return result + text.mid(last);
}

// Every state change and scheduling decision at tick t, in the textbook's words.
QStringList Quiz::reasonsAt(Tick t) const
{
    QStringList reasons;
    for (ProcIndex p = 0; p < static_cast<ProcIndex>(m_trace->processCount()); ++p) {
        const ProcessTrack& track = m_trace->track(p);
        std::size_t i = track.indexAt(t);
        if (i == ProcessTrack::npos || track.at(i) != t)
            continue;
        while (i > 0 && track.at(i - 1) == t)
            --i;
        QStringList changes;
        for (; i < track.size() && track.at(i) == t; ++i)
            changes << QString::fromStdString(describeChange(*m_trace, p, i));
        reasons << processName(p) + QStringLiteral(": ") + withNames(changes.join(QStringLiteral("; then ")));
    }
    for (int c = 0; c < m_trace->cpuCount(); ++c) {
        const CpuTrack& track = m_trace->cpu(c);
        std::size_t i = track.indexAt(t);
        if (i == CpuTrack::npos || track.at(i) != t)
            continue;
        while (i > 0 && track.at(i - 1) == t)
            --i;
        for (; i < track.size() && track.at(i) == t; ++i)
            if (const std::string why = describeDecision(*m_trace, c, i); !why.empty())
                reasons << QStringLiteral("CPU %1: ").arg(c) + withNames(QString::fromStdString(why));
    }
    for (const SystemEvent& e : m_trace->events())
        if (e.at == t && !e.text.empty())
            reasons << QString::fromStdString(e.text);
    return reasons;
}

QuizAnswer Quiz::correctAnswer() const
{
    QuizAnswer a;
    if (!m_question)
        return a;
    const QuizQuestion& q = *m_question;
    if (q.kind == QuestionKind::NextState) {
        for (const ProcIndex p : q.processes)
            a.states.push_back(m_trace->track(p).stateAt(q.at).value_or(ProcessState::New));
    } else if (q.kind == QuestionKind::NextRunning) {
        for (int c = 0; c < m_trace->cpuCount(); ++c)
            a.cpus.push_back(occupant(c, q.at));
    } else {
        QString reason;
        metricAnswer(q.metric, q.process, a.number, reason);
    }
    return a;
}

QuizFeedback Quiz::reveal(const QuizAnswer& answer)
{
    if (!m_question || m_revealed)
        return m_feedback;
    const QuizQuestion& q = *m_question;
    const QuizAnswer right = correctAnswer();
    QuizFeedback f;
    if (q.kind == QuestionKind::NextState) {
        for (std::size_t i = 0; i < q.processes.size(); ++i) {
            const bool ok = i < answer.states.size() && answer.states[i] == right.states[i];
            f.itemCorrect.push_back(ok);
            f.rightAnswer << processName(q.processes[i]) + QStringLiteral(": ") + stateText(right.states[i]);
        }
        f.reasons = reasonsAt(q.at);
    } else if (q.kind == QuestionKind::NextRunning) {
        for (std::size_t c = 0; c < right.cpus.size(); ++c) {
            const bool ok =
                c < answer.cpus.size() && (answer.cpus[c] < 0 ? -1 : answer.cpus[c]) == right.cpus[c];
            f.itemCorrect.push_back(ok);
            f.rightAnswer << QStringLiteral("CPU %1: %2").arg(c).arg(processName(right.cpus[c]));
        }
        f.reasons = reasonsAt(q.at);
    } else {
        double value = 0;
        QString reason;
        metricAnswer(q.metric, q.process, value, reason);
        f.itemCorrect.push_back(
            std::isfinite(answer.number) && std::abs(answer.number - value) <= kNumberTolerance + 1e-9);
        f.rightAnswer << (perProcess(q.metric) ? QString::number(std::llround(value)) : averageText(value));
        f.reasons << reason;
    }
    f.correct = std::all_of(f.itemCorrect.begin(), f.itemCorrect.end(), [](bool ok) { return ok; });
    if (f.reasons.isEmpty())
        f.reasons << QStringLiteral(
            "nothing the processes can see changes: the scheduler only does bookkeeping");

    const auto kind = static_cast<std::size_t>(q.kind);
    ++m_summary.asked;
    ++m_summary.askedByKind[kind];
    if (f.correct) {
        ++m_summary.correct;
        ++m_summary.correctByKind[kind];
    }
    m_revealed = true;
    m_feedback = f;
    const Tick to = q.kind == QuestionKind::FinalMetric ? m_position : q.at;
    Q_EMIT revealed(m_feedback);
    Q_EMIT summaryChanged();
    moveTo(to);
    return m_feedback;
}

bool Quiz::skipToNextEvent()
{
    const std::optional<Tick> next = nextEvent();
    if (!next)
        return false;
    m_question.reset();
    m_revealed = false;
    m_feedback = {};
    Q_EMIT questionChanged();
    moveTo(*next);
    return true;
}

void Quiz::restart(Tick start)
{
    m_question.reset();
    m_revealed = false;
    m_feedback = {};
    m_summary = {};
    m_metricTurn = 0;
    Q_EMIT questionChanged();
    Q_EMIT summaryChanged();
    moveTo(std::clamp<Tick>(start, 0, std::max<Tick>(0, m_trace->end())));
}

void Quiz::traceChanged()
{
    m_metrics = computeMetrics(*m_trace);
    moveTo(std::clamp<Tick>(m_position, 0, std::max<Tick>(0, m_trace->end())));
    if (m_question && !m_revealed && m_question->kind == QuestionKind::FinalMetric)
        --m_metricTurn; // the same metric is asked again, with its new answer
    if (m_question && !m_revealed && !ask(m_question->kind)) {
        m_question.reset();
        Q_EMIT questionChanged();
    }
}

void Quiz::moveTo(Tick t)
{
    if (t == m_position)
        return;
    m_position = t;
    Q_EMIT positionChanged(m_position);
    Q_EMIT revealedUntilChanged(revealedUntil());
}

} // namespace procscope::ui
