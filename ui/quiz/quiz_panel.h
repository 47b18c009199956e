// The quiz on screen, a full-width panel: the question, one answer box per process (its state)
// or per CPU (who runs), or a number; Reveal; the right answer with the reason from the trace; the
// running score. Large type that follows presentation mode; readable when docked small (the
// question wraps, the answers scroll, the buttons stay); the wheel scrolls and never changes an
// answer; the keyboard alone plays it (Tab, Return reveals, then Return or N asks the next).
#pragma once

#include "ui/quiz/quiz.h"
#include "ui/style/state_colors.h"

#include <QWidget>

#include <utility>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QScrollArea;

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
    // The state colours of the answer boxes, as in the Gantt chart.
    void setStatePalette(Palette palette);

    // The answer boxes of the current question, for tests and tools.
    QComboBox* stateChoice(int i) const;                     // NextState: per question().processes
    QComboBox* cpuChoice(int cpu) const;                     // NextRunning: per CPU
    QDoubleSpinBox* numberInput() const { return m_number; } // FinalMetric
    QPushButton* revealButton() const { return m_reveal; }
    QPushButton* nextButton() const { return m_next; }
    QPushButton* endButton() const { return m_end; }
    QComboBox* modeChoice() const { return m_mode; }
    QLabel* questionLabel() const { return m_question; }
    QLabel* feedbackLabel() const { return m_feedback; }
    QLabel* scoreLabel() const { return m_score; }
    QScrollArea* scrollArea() const { return m_scroll; }
    // The answer controls in Tab order (boxes or the number), then nothing else.
    std::vector<QWidget*> answerInputs() const;
    // How many answers share a row now (more on a wide panel).
    int answerColumns() const { return m_columns; }
    // What the boxes say now.
    QuizAnswer currentAnswer() const;
    // The height that shows all of it at this width: the whole question and every answer.
    int preferredHeight(int width) const;

public Q_SLOTS:
    // Reveals and scores what the boxes say.
    void reveal();
    // Asks the next question of the mode (Mixed: the next kind that can be asked).
    void nextQuestion();
    // Gives the keyboard to the first answer (or to Next once revealed).
    void focusAnswer();

Q_SIGNALS:
    // The End quiz button.
    void endRequested();

protected:
    void changeEvent(QEvent* event) override;
    bool event(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void applyFonts();
    void showQuestion();
    void showFeedback(const QuizFeedback& feedback);
    void updateScore();
    void clearAnswers();
    void placeAnswers();
    void updateTabOrder();
    void fitToWidth();
    void fitHints();
    QComboBox* stateBox(const std::optional<ProcessState>& current);
    QComboBox* cpuBox(ProcIndex current);

    Quiz* m_quiz;
    Palette m_palette = Palette::Standard;
    QWidget* m_content = nullptr; // everything, in the readable type
    QLabel* m_score = nullptr;
    QLabel* m_askAbout = nullptr;
    QComboBox* m_mode = nullptr;
    QScrollArea* m_scroll = nullptr;
    QLabel* m_question = nullptr;
    QWidget* m_answers = nullptr;
    QGridLayout* m_answerGrid = nullptr;
    std::vector<std::pair<QLabel*, QWidget*>> m_pairs; // the label and the input of each answer
    std::vector<QComboBox*> m_choices;
    QDoubleSpinBox* m_number = nullptr;
    QLabel* m_feedback = nullptr;
    QPushButton* m_reveal = nullptr;
    QPushButton* m_next = nullptr;
    QPushButton* m_end = nullptr;
    QLabel* m_keys = nullptr;
    int m_columns = 1;
    int m_turn = 0; // Mixed: which kind comes next
};

} // namespace procscope::ui
