// The quiz on screen: the question, one answer box per process (its state, coloured as in the
// Gantt chart) or per CPU (who runs), or a number; Reveal; the right answer with the reason from
// the trace; and the running score. Large type, so a lecture hall can play along.
#pragma once

#include "ui/quiz/quiz.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QPushButton;

namespace procscope::ui {

class QuizPanel : public QWidget {
    Q_OBJECT

public:
    // What the "Ask about" box offers: every kind in turn, or one kind.
    enum class Mode { Mixed, States, Running, Metrics };

    // The quiz must outlive the panel. The panel asks its first question at once.
    explicit QuizPanel(Quiz* quiz, QWidget* parent = nullptr);

    Quiz* quiz() const { return m_quiz; }
    void setMode(Mode mode);
    Mode mode() const;

    // The answer boxes of the current question, for tests and tools.
    QComboBox* stateChoice(int i) const;                     // NextState: per question().processes
    QComboBox* cpuChoice(int cpu) const;                     // NextRunning: per CPU
    QDoubleSpinBox* numberInput() const { return m_number; } // FinalMetric
    QPushButton* revealButton() const { return m_reveal; }
    QPushButton* nextButton() const { return m_next; }
    QLabel* questionLabel() const { return m_question; }
    QLabel* feedbackLabel() const { return m_feedback; }
    QLabel* scoreLabel() const { return m_score; }
    // What the boxes say now.
    QuizAnswer currentAnswer() const;

public Q_SLOTS:
    // Reveals and scores what the boxes say.
    void reveal();
    // Asks the next question of the mode (Mixed: the next kind that can be asked).
    void nextQuestion();

private:
    void showQuestion();
    void showFeedback(const QuizFeedback& feedback);
    void updateScore();
    void clearAnswers();
    QComboBox* stateBox(const std::optional<ProcessState>& current);
    QComboBox* cpuBox(ProcIndex current);

    Quiz* m_quiz;
    QComboBox* m_mode = nullptr;
    QLabel* m_question = nullptr;
    QWidget* m_answers = nullptr;
    QGridLayout* m_answerGrid = nullptr;
    std::vector<QComboBox*> m_choices;
    QDoubleSpinBox* m_number = nullptr;
    QPushButton* m_reveal = nullptr;
    QPushButton* m_next = nullptr;
    QLabel* m_feedback = nullptr;
    QLabel* m_score = nullptr;
    int m_turn = 0; // Mixed: which kind comes next
};

} // namespace procscope::ui
