// Predict, then reveal: OSTEP's "-c" made interactive. The trace is known up to the cursor and
// hidden beyond it; a student predicts what happens at the next event (the state of every process,
// or who is on each CPU) or a metric of the finished run, then the quiz reveals the answer with the
// reason from the trace, in the textbook's words, and keeps the score. A teacher can run it in a
// lecture ("hands up: who runs at tick 12?"); a student checks homework answers one step at a time.
#pragma once

#include "core/metrics/metrics.h"
#include "core/trace/trace.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>
#include <vector>

namespace procscope::ui {

enum class QuestionKind { NextState, NextRunning, FinalMetric };
inline constexpr int kQuestionKindCount = 3;
QString questionKindTitle(QuestionKind kind); // "What happens next", "Who runs next", "A metric at the end"

// The metrics a FinalMetric question asks about; the per-process ones name a process.
enum class QuizMetric { AvgTurnaround, AvgResponse, AvgWaiting, Turnaround, Response, Waiting };

struct QuizQuestion {
    QuestionKind kind = QuestionKind::NextState;
    Tick from = 0; // the cursor: everything up to this tick is known
    Tick at = 0;   // the tick predicted (the next event); FinalMetric: the end of the run
    QString text;
    // NextState: the processes asked about (every one not yet terminated at `at`), with their
    // state at `from` (nullopt: not created yet).
    std::vector<ProcIndex> processes;
    std::vector<std::optional<ProcessState>> current;
    // NextRunning: who is on each CPU at `from` (a process index, or -1 for idle).
    std::vector<ProcIndex> currentCpus;
    // FinalMetric.
    QuizMetric metric = QuizMetric::AvgTurnaround;
    ProcIndex process = -1;
};

// What the student answered: the field of the question's kind.
struct QuizAnswer {
    std::vector<ProcessState> states; // NextState: one per question.processes
    std::vector<ProcIndex> cpus;      // NextRunning: one per CPU, -1 for idle
    double number = 0;                // FinalMetric; within 0.05 counts as right
};

struct QuizFeedback {
    bool correct = false;
    std::vector<bool> itemCorrect; // per process / CPU; one entry for a number
    QStringList rightAnswer;       // "A: Running", "CPU 0: B", "110.0"
    QStringList reasons;           // why, from the trace
};

struct QuizSummary {
    int asked = 0;
    int correct = 0;
    std::array<int, kQuestionKindCount> askedByKind{};
    std::array<int, kQuestionKindCount> correctByKind{};
    bool operator==(const QuizSummary&) const = default;
};

class Quiz : public QObject {
    Q_OBJECT

public:
    // The trace must outlive the quiz; when it changes (a command replaced its future, an
    // open-ended run grew), call traceChanged().
    explicit Quiz(const Trace& trace, Tick start = 0, QObject* parent = nullptr);

    const Trace& trace() const { return *m_trace; }
    // The last revealed tick, from 0 to the trace's end (the final boundary, as the playback's
    // last tick): the cursor of the views following the quiz, and the limit they are held at.
    Tick position() const { return m_position; }
    // Ticks at or after this are hidden: the exclusive end of what views may draw, the same as
    // ViewState::shownEnd with the future hidden and the cursor at position().
    Tick revealedUntil() const;

    // Whether a question of this kind can be asked now: a next event exists (NextState,
    // NextRunning), or the run finished with at least one finished process (FinalMetric).
    bool canAsk(QuestionKind kind) const;
    // Asks a new question at the current position (replacing an unrevealed one, which is not
    // counted). Returns false when the kind cannot be asked.
    bool ask(QuestionKind kind);
    bool hasQuestion() const { return m_question.has_value(); }
    const QuizQuestion& question() const { return *m_question; }
    bool isRevealed() const { return m_revealed; }
    // The right answer to the current question.
    QuizAnswer correctAnswer() const;

    // Scores the answer, counts it, and reveals: a NextState or NextRunning question moves the
    // position to its tick. Revealing the same question again only returns its feedback.
    QuizFeedback reveal(const QuizAnswer& answer);
    const QuizFeedback& lastFeedback() const { return m_feedback; }
    const QuizSummary& summary() const { return m_summary; }

    // Moves to the next event without a question (not counted); false at the end.
    bool skipToNextEvent();
    // Starts again at `start` with a fresh score.
    void restart(Tick start = 0);
    // The trace changed under the quiz: the metrics are computed again, the position stays in the
    // trace, and an unrevealed question is asked again (its answer may be different now).
    void traceChanged();

    // The words the quiz uses for a process and a CPU occupant: its name, "idle".
    QString processName(ProcIndex process) const;

Q_SIGNALS:
    void questionChanged();
    void revealed(const procscope::ui::QuizFeedback& feedback);
    void positionChanged(procscope::Tick position);
    void revealedUntilChanged(procscope::Tick revealedUntil);
    void summaryChanged();

private:
    std::optional<Tick> nextEvent() const;
    ProcIndex occupant(int cpu, Tick t) const;
    QStringList reasonsAt(Tick t) const;
    QString withNames(const QString& text) const;
    void metricAnswer(QuizMetric metric, ProcIndex p, double& value, QString& reason) const;
    void moveTo(Tick t);

    const Trace* m_trace;
    Metrics m_metrics;
    Tick m_position = 0;
    std::optional<QuizQuestion> m_question;
    bool m_revealed = false;
    QuizFeedback m_feedback;
    QuizSummary m_summary;
    int m_metricTurn = 0; // rotates the metric and the process asked about
};

} // namespace procscope::ui
