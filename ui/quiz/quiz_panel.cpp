#include "ui/quiz/quiz_panel.h"

#include "ui/panels/panel_style.h"
#include "ui/style/state_colors.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace procscope::ui {

namespace {

const QColor kRight(0x1B, 0x5E, 0x20);
const QColor kWrong(0xB7, 0x1C, 0x1C);

// The states a student can pick; Unknown exists only in imported traces.
constexpr std::array<ProcessState, 7> kChoices{ProcessState::New, ProcessState::Ready, ProcessState::Running,
    ProcessState::Blocked, ProcessState::Suspended, ProcessState::Zombie, ProcessState::Terminated};

QIcon swatch(const QColor& colour, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setPen(QPen(QColor(0x40, 0x40, 0x40), 1));
    painter.setBrush(colour);
    painter.drawRect(QRectF(0.5, 0.5, size - 1, size - 1));
    return QIcon(pixmap);
}

QString mark(bool ok)
{
    return ok ? QStringLiteral("<span style='color:%1'>\u2714</span>").arg(kRight.name())
              : QStringLiteral("<span style='color:%1'>\u2718</span>").arg(kWrong.name());
}

} // namespace

QuizPanel::QuizPanel(Quiz* quiz, QWidget* parent)
    : QWidget(parent)
    , m_quiz(quiz)
{
    useReadableFont(this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(8);

    auto* header = new QHBoxLayout;
    auto* title = new QLabel(tr("Predict, then reveal"), this);
    QFont big = font();
    big.setBold(true);
    big.setPointSizeF(font().pointSizeF() * 1.25);
    title->setFont(big);
    header->addWidget(title);
    header->addStretch(1);
    header->addWidget(new QLabel(tr("Ask about"), this));
    m_mode = new QComboBox(this);
    m_mode->addItems({tr("Everything in turn"), questionKindTitle(QuestionKind::NextState),
        questionKindTitle(QuestionKind::NextRunning), questionKindTitle(QuestionKind::FinalMetric)});
    m_mode->setToolTip(tr("Which questions the quiz asks; the next question follows the choice"));
    header->addWidget(m_mode);
    layout->addLayout(header);

    m_score = new QLabel(this);
    m_score->setTextFormat(Qt::RichText);
    layout->addWidget(m_score);

    m_question = new QLabel(this);
    m_question->setWordWrap(true);
    QFont questionFont = font();
    questionFont.setBold(true);
    questionFont.setPointSizeF(font().pointSizeF() * 1.1);
    m_question->setFont(questionFont);
    layout->addWidget(m_question);

    m_answers = new QWidget(this);
    m_answerGrid = new QGridLayout(m_answers);
    m_answerGrid->setContentsMargins(0, 0, 0, 0);
    m_answerGrid->setHorizontalSpacing(12);
    layout->addWidget(m_answers);

    auto* buttons = new QHBoxLayout;
    m_reveal = new QPushButton(tr("Reveal"), this);
    m_reveal->setToolTip(tr("Show what really happens, and score the prediction"));
    m_reveal->setDefault(true);
    m_next = new QPushButton(tr("Next question"), this);
    buttons->addWidget(m_reveal);
    buttons->addWidget(m_next);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    m_feedback = new QLabel(this);
    m_feedback->setWordWrap(true);
    m_feedback->setTextFormat(Qt::RichText);
    m_feedback->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(m_feedback, 1);

    connect(m_reveal, &QPushButton::clicked, this, &QuizPanel::reveal);
    connect(m_next, &QPushButton::clicked, this, &QuizPanel::nextQuestion);
    connect(m_mode, &QComboBox::activated, this, [this] { nextQuestion(); });
    connect(m_quiz, &Quiz::questionChanged, this, &QuizPanel::showQuestion);
    connect(m_quiz, &Quiz::summaryChanged, this, &QuizPanel::updateScore);
    connect(m_quiz, &Quiz::revealed, this, &QuizPanel::showFeedback);

    updateScore();
    if (m_quiz->hasQuestion())
        showQuestion();
    else
        nextQuestion();
}

void QuizPanel::setMode(Mode mode)
{
    m_mode->setCurrentIndex(static_cast<int>(mode));
}

QuizPanel::Mode QuizPanel::mode() const
{
    return static_cast<Mode>(m_mode->currentIndex());
}

QComboBox* QuizPanel::stateChoice(int i) const
{
    if (!m_quiz->hasQuestion() || m_quiz->question().kind != QuestionKind::NextState || i < 0 ||
        i >= static_cast<int>(m_choices.size()))
        return nullptr;
    return m_choices[static_cast<std::size_t>(i)];
}

QComboBox* QuizPanel::cpuChoice(int cpu) const
{
    if (!m_quiz->hasQuestion() || m_quiz->question().kind != QuestionKind::NextRunning || cpu < 0 ||
        cpu >= static_cast<int>(m_choices.size()))
        return nullptr;
    return m_choices[static_cast<std::size_t>(cpu)];
}

QuizAnswer QuizPanel::currentAnswer() const
{
    QuizAnswer answer;
    if (!m_quiz->hasQuestion())
        return answer;
    switch (m_quiz->question().kind) {
    case QuestionKind::NextState:
        for (const QComboBox* box : m_choices)
            answer.states.push_back(static_cast<ProcessState>(box->currentData().toInt()));
        break;
    case QuestionKind::NextRunning:
        for (const QComboBox* box : m_choices)
            answer.cpus.push_back(static_cast<ProcIndex>(box->currentData().toInt()));
        break;
    case QuestionKind::FinalMetric:
        answer.number = m_number ? m_number->value() : std::nan("");
        break;
    }
    return answer;
}

void QuizPanel::reveal()
{
    if (m_quiz->hasQuestion() && !m_quiz->isRevealed())
        m_quiz->reveal(currentAnswer());
}

void QuizPanel::nextQuestion()
{
    static constexpr std::array<QuestionKind, 3> kTurns{
        QuestionKind::NextState, QuestionKind::NextRunning, QuestionKind::FinalMetric};
    bool asked = false;
    if (mode() == Mode::Mixed) {
        // The metric question comes once the steps are over, or every third time.
        for (int tries = 0; tries < 3 && !asked; ++tries)
            asked = m_quiz->ask(kTurns[static_cast<std::size_t>(m_turn++ % 3)]);
    } else {
        asked = m_quiz->ask(kTurns[static_cast<std::size_t>(m_mode->currentIndex() - 1)]);
    }
    if (!asked) {
        clearAnswers();
        m_question->setText(m_quiz->canAsk(QuestionKind::NextState)
                                ? tr("No question of this kind can be asked here.")
                                : tr("The run is over at tick %1. Choose \u201c%2\u201d to keep going.")
                                      .arg(m_quiz->trace().end())
                                      .arg(questionKindTitle(QuestionKind::FinalMetric)));
        m_reveal->setEnabled(false);
        m_next->setEnabled(m_quiz->canAsk(QuestionKind::FinalMetric));
    }
}

void QuizPanel::clearAnswers()
{
    while (QLayoutItem* item = m_answerGrid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_choices.clear();
    m_number = nullptr;
}

QComboBox* QuizPanel::stateBox(const std::optional<ProcessState>& current)
{
    auto* box = new QComboBox(m_answers);
    const int size = fontMetrics().height() * 3 / 4;
    box->setIconSize(QSize(size, size));
    for (const ProcessState s : kChoices)
        box->addItem(swatch(stateColor(s), size), stateLabel(s), static_cast<int>(s));
    box->setCurrentIndex(box->findData(static_cast<int>(current.value_or(ProcessState::New))));
    return box;
}

QComboBox* QuizPanel::cpuBox(ProcIndex current)
{
    auto* box = new QComboBox(m_answers);
    const int size = fontMetrics().height() * 3 / 4;
    box->setIconSize(QSize(size, size));
    box->addItem(swatch(cpuIdleColor(), size), tr("idle"), -1);
    for (ProcIndex p = 0; p < static_cast<ProcIndex>(m_quiz->trace().processCount()); ++p)
        box->addItem(swatch(stateColor(ProcessState::Running), size), m_quiz->processName(p), p);
    box->setCurrentIndex(std::max(0, box->findData(current < 0 ? -1 : current)));
    return box;
}

void QuizPanel::showQuestion()
{
    clearAnswers();
    m_feedback->clear();
    if (!m_quiz->hasQuestion()) {
        m_question->setText(
            tr("Now: tick %1. Ask a question with \u201cNext question\u201d.").arg(m_quiz->position()));
        m_reveal->setEnabled(false);
        m_next->setEnabled(true);
        return;
    }
    const QuizQuestion& q = m_quiz->question();
    m_question->setText(q.text);
    // Two pairs of label and box a line keeps a dozen processes on a projected screen.
    const auto place = [this](int i, const QString& label, QWidget* input) {
        auto* text = new QLabel(label, m_answers);
        text->setBuddy(input);
        m_answerGrid->addWidget(text, i / 2, (i % 2) * 2, Qt::AlignRight);
        m_answerGrid->addWidget(input, i / 2, (i % 2) * 2 + 1);
        text->show(); // the panel is already on screen: new children are shown explicitly
        input->show();
    };
    if (q.kind == QuestionKind::NextState) {
        for (std::size_t i = 0; i < q.processes.size(); ++i) {
            QComboBox* box = stateBox(q.current[i]);
            box->setToolTip(
                tr("now: %1").arg(q.current[i] ? stateLabel(*q.current[i]) : tr("not created yet")));
            m_choices.push_back(box);
            place(static_cast<int>(i), m_quiz->processName(q.processes[i]), box);
        }
    } else if (q.kind == QuestionKind::NextRunning) {
        for (std::size_t c = 0; c < q.currentCpus.size(); ++c) {
            QComboBox* box = cpuBox(q.currentCpus[c]);
            m_choices.push_back(box);
            place(static_cast<int>(c), tr("CPU %1").arg(c), box);
        }
    } else {
        m_number = new QDoubleSpinBox(m_answers);
        m_number->setRange(0, 1e9);
        m_number->setDecimals(1);
        m_number->setSuffix(q.metric == QuizMetric::AvgTurnaround || q.metric == QuizMetric::AvgResponse ||
                                    q.metric == QuizMetric::AvgWaiting
                                ? tr(" ticks (one decimal)")
                                : tr(" ticks"));
        place(0, tr("Answer"), m_number);
    }
    m_answerGrid->setColumnStretch(4, 1);
    m_reveal->setEnabled(true);
    m_next->setEnabled(false);
    m_reveal->setFocus();
}

void QuizPanel::showFeedback(const QuizFeedback& f)
{
    for (QComboBox* box : m_choices)
        box->setEnabled(false);
    if (m_number)
        m_number->setEnabled(false);
    const QuizAnswer given = currentAnswer();
    QString html =
        f.correct ? QStringLiteral("<p style='color:%1'><b>\u2714 Correct!</b></p>").arg(kRight.name())
                  : QStringLiteral("<p style='color:%1'><b>\u2718 Not quite.</b></p>").arg(kWrong.name());
    html += QStringLiteral("<p>");
    for (int i = 0; i < f.rightAnswer.size(); ++i) {
        const bool ok =
            i < static_cast<int>(f.itemCorrect.size()) && f.itemCorrect[static_cast<std::size_t>(i)];
        QString line = f.rightAnswer[i].toHtmlEscaped();
        if (!ok && i < static_cast<int>(m_choices.size()))
            line += tr(" (you said %1)")
                        .arg(m_choices[static_cast<std::size_t>(i)]->currentText().toHtmlEscaped());
        else if (!ok && m_number)
            line += tr(" (you said %1)").arg(QString::number(given.number, 'f', 1));
        html += mark(ok) + QStringLiteral(" ") + line + QStringLiteral("<br>");
    }
    html += QStringLiteral("</p><p><b>Why:</b></p><ul style='margin-top:0'>");
    for (const QString& reason : f.reasons)
        html += QStringLiteral("<li>%1</li>").arg(reason.toHtmlEscaped());
    html += QStringLiteral("</ul>");
    m_feedback->setText(html);
    m_reveal->setEnabled(false);
    m_next->setEnabled(true);
    m_next->setFocus();
}

void QuizPanel::updateScore()
{
    const QuizSummary& s = m_quiz->summary();
    const int percent = s.asked > 0 ? static_cast<int>(std::lround(100.0 * s.correct / s.asked)) : 0;
    QStringList kinds;
    const std::array<QString, 3> names{tr("what happens next"), tr("who runs next"), tr("metrics")};
    for (std::size_t k = 0; k < names.size(); ++k)
        kinds << QStringLiteral("%1 %2/%3").arg(names[k]).arg(s.correctByKind[k]).arg(s.askedByKind[k]);
    m_score->setText(tr("<b>Score %1 / %2</b> (%3 %) &nbsp;\u00b7&nbsp; %4")
                         .arg(s.correct)
                         .arg(s.asked)
                         .arg(percent)
                         .arg(kinds.join(QStringLiteral(" \u00b7 "))));
}

} // namespace procscope::ui
