#include "ui/quiz/quiz_panel.h"

#include <QApplication>
#include <QBoxLayout>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>

#include <algorithm>
#include <cmath>

namespace procscope::ui {

namespace {

const QColor kRight(0x1B, 0x5E, 0x20);
const QColor kWrong(0xB7, 0x1C, 0x1C);

// The states a student can pick; Unknown exists only in imported traces.
constexpr std::array<ProcessState, 7> kChoices{ProcessState::New, ProcessState::Ready, ProcessState::Running,
    ProcessState::Blocked, ProcessState::Suspended, ProcessState::Zombie, ProcessState::Terminated};

constexpr int kMaxColumns = 4;
constexpr qreal kReadablePoints = 13.0; // the smallest type a lecture hall reads

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

bool isReturn(const QKeyEvent* e)
{
    return (e->key() == Qt::Key_Return || e->key() == Qt::Key_Enter) &&
           (e->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
}

bool isNextKey(const QKeyEvent* e)
{
    return e->key() == Qt::Key_N && e->modifiers() == Qt::NoModifier;
}

} // namespace

QuizPanel::QuizPanel(Quiz* quiz, QWidget* parent)
    : QWidget(parent)
    , m_quiz(quiz)
{
    // The panel's own font follows the application's (presentation mode enlarges it); the content
    // is in type a lecture hall reads, computed from it on every change.
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_content = new QWidget(this);
    outer->addWidget(m_content);
    auto* layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setSpacing(6);

    // The score and the kind of question ("Ask about" gives way when narrow).
    auto* header = new QHBoxLayout;
    m_score = new QLabel(m_content);
    m_score->setTextFormat(Qt::RichText);
    m_score->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Preferred); // always whole
    header->addWidget(m_score);
    auto* askAbout = new QLabel(tr("Ask &about"), m_content);
    askAbout->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    askAbout->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    askAbout->installEventFilter(this); // shown only whole
    m_askAbout = askAbout;
    header->addWidget(askAbout, 1);
    m_mode = new QComboBox(m_content);
    m_mode->addItems({tr("Everything in turn"), questionKindTitle(QuestionKind::NextState),
        questionKindTitle(QuestionKind::NextRunning), questionKindTitle(QuestionKind::FinalMetric)});
    m_mode->setToolTip(tr("Which questions the quiz asks; the next question follows the choice"));
    m_mode->installEventFilter(this);
    askAbout->setBuddy(m_mode);
    header->addWidget(m_mode);
    layout->addLayout(header);

    // The question, then its answers or, once revealed, what happened and why, in the panel's
    // whole width, scrolling; the wheel anywhere over them scrolls.
    m_scroll = new QScrollArea(m_content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setFocusPolicy(Qt::NoFocus);
    auto* body = new QWidget;
    auto* bodyLayout = new QVBoxLayout(body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    m_question = new QLabel(body);
    m_question->setWordWrap(true);
    m_question->setTextFormat(Qt::PlainText);
    bodyLayout->addWidget(m_question);
    m_answers = new QWidget(body);
    m_answerGrid = new QGridLayout(m_answers);
    m_answerGrid->setContentsMargins(0, 0, 0, 0);
    m_answerGrid->setHorizontalSpacing(10);
    bodyLayout->addWidget(m_answers);
    m_feedback = new QLabel(body);
    m_feedback->setWordWrap(true);
    m_feedback->setTextFormat(Qt::RichText);
    m_feedback->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_feedback->hide(); // until a reveal
    bodyLayout->addWidget(m_feedback);
    bodyLayout->addStretch(1);
    m_scroll->setWidget(body);
    m_scroll->viewport()->installEventFilter(this);
    layout->addWidget(m_scroll, 1);

    // Always on screen, whatever the height.
    auto* buttons = new QHBoxLayout;
    m_reveal = new QPushButton(tr("Reveal"), m_content);
    m_reveal->setToolTip(tr("Show what really happens, and score the prediction (Return)"));
    m_next = new QPushButton(tr("Next question"), m_content);
    m_next->setToolTip(tr("Ask the next question (Return or N once revealed)"));
    m_end = new QPushButton(tr("End quiz"), m_content);
    m_end->setToolTip(tr("Show the whole trace again (Ctrl+P)"));
    for (QPushButton* b : {m_reveal, m_next, m_end})
        b->setAutoDefault(true); // Return presses the focused button, as in a dialog
    m_keys = new QLabel(m_content);
    m_keys->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_keys->installEventFilter(this); // its text follows its width
    m_keys->setForegroundRole(QPalette::PlaceholderText);
    buttons->addWidget(m_reveal);
    buttons->addWidget(m_next);
    buttons->addWidget(m_keys, 1);
    buttons->addWidget(m_end);
    layout->addLayout(buttons);

    connect(m_reveal, &QPushButton::clicked, this, &QuizPanel::reveal);
    connect(m_next, &QPushButton::clicked, this, &QuizPanel::nextQuestion);
    connect(m_end, &QPushButton::clicked, this, &QuizPanel::endRequested);
    connect(m_mode, &QComboBox::activated, this, [this] { nextQuestion(); });
    connect(m_quiz, &Quiz::questionChanged, this, &QuizPanel::showQuestion);
    connect(m_quiz, &Quiz::summaryChanged, this, &QuizPanel::updateScore);
    connect(m_quiz, &Quiz::revealed, this, &QuizPanel::showFeedback);

    applyFonts();
    updateScore();
    if (m_quiz->hasQuestion())
        showQuestion();
    else
        nextQuestion();
}

// Type a lecture hall reads, following the application font (presentation mode enlarges it).
void QuizPanel::applyFonts()
{
    // The panels' readable size (ui/panels/panel_style.h), computed here on every change of the
    // panel's font, which follows the application's.
    QFont base = font();
    const qreal application = QApplication::font().pointSizeF();
    base.setPointSizeF(
        std::max<qreal>(kReadablePoints, application > 0 ? application * 1.2 : kReadablePoints));
    m_content->setFont(base);
    QFont questionFont = base;
    questionFont.setBold(true);
    questionFont.setPointSizeF(base.pointSizeF() * 1.15);
    m_question->setFont(questionFont);
    QFont buttonFont = base;
    buttonFont.setBold(true);
    m_reveal->setFont(buttonFont);
    m_next->setFont(buttonFont);
    const int size = QFontMetrics(base).height() * 3 / 4;
    for (QComboBox* box : m_choices)
        box->setIconSize(QSize(size, size));
    fitToWidth();
}

void QuizPanel::setMode(Mode mode)
{
    m_mode->setCurrentIndex(static_cast<int>(mode));
}

QuizPanel::Mode QuizPanel::mode() const
{
    return static_cast<Mode>(m_mode->currentIndex());
}

void QuizPanel::setStatePalette(Palette palette)
{
    if (palette == m_palette)
        return;
    m_palette = palette;
    const int size = m_content->fontMetrics().height() * 3 / 4;
    for (QComboBox* box : m_choices)
        for (int i = 0; i < box->count(); ++i) {
            const int data = box->itemData(i).toInt();
            const bool isState = m_quiz->hasQuestion() && m_quiz->question().kind == QuestionKind::NextState;
            const QColor colour = isState    ? stateColor(static_cast<ProcessState>(data), m_palette)
                                  : data < 0 ? cpuIdleColor(m_palette)
                                             : stateColor(ProcessState::Running, m_palette);
            box->setItemIcon(i, swatch(colour, size));
        }
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

std::vector<QWidget*> QuizPanel::answerInputs() const
{
    std::vector<QWidget*> inputs;
    for (const auto& [label, input] : m_pairs)
        inputs.push_back(input);
    return inputs;
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
        const bool hadFocus = isAncestorOf(QApplication::focusWidget());
        clearAnswers(); // the last answer's feedback stays
        m_question->setText(m_quiz->canAsk(QuestionKind::NextState)
                                ? tr("No question of this kind can be asked here.")
                                : tr("The run is over at tick %1. Choose \u201c%2\u201d to keep going.")
                                      .arg(m_quiz->trace().end())
                                      .arg(questionKindTitle(QuestionKind::FinalMetric)));
        m_question->show();
        m_reveal->setEnabled(false);
        m_next->setEnabled(m_quiz->canAsk(QuestionKind::FinalMetric));
        updateTabOrder();
        if (hadFocus)
            focusAnswer();
    }
}

void QuizPanel::focusAnswer()
{
    const std::vector<QWidget*> inputs = answerInputs();
    if (!inputs.empty() && inputs.front()->isEnabled()) {
        inputs.front()->setFocus(Qt::OtherFocusReason);
        if (m_number)
            m_number->selectAll(); // typing replaces the number
    } else if (m_next->isEnabled())
        m_next->setFocus(Qt::OtherFocusReason);
    else if (m_reveal->isEnabled())
        m_reveal->setFocus(Qt::OtherFocusReason);
    else
        m_mode->setFocus(Qt::OtherFocusReason);
}

void QuizPanel::clearAnswers()
{
    while (QLayoutItem* item = m_answerGrid->takeAt(0))
        delete item;
    for (auto& [label, input] : m_pairs) {
        delete label;
        delete input;
    }
    m_pairs.clear();
    m_choices.clear();
    m_number = nullptr;
}

// Label and box pairs fill the rows: as many to a row as the width holds, so a dozen processes
// stay on a projected screen and a narrow dock still shows whole boxes.
void QuizPanel::placeAnswers()
{
    while (QLayoutItem* item = m_answerGrid->takeAt(0))
        delete item;
    for (int c = 0; c <= 2 * kMaxColumns; ++c)
        m_answerGrid->setColumnStretch(c, 0);
    for (std::size_t i = 0; i < m_pairs.size(); ++i) {
        const int row = static_cast<int>(i) / m_columns;
        const int column = (static_cast<int>(i) % m_columns) * 2;
        m_answerGrid->addWidget(m_pairs[i].first, row, column, Qt::AlignRight);
        m_answerGrid->addWidget(m_pairs[i].second, row, column + 1);
    }
    m_answerGrid->setColumnStretch(2 * m_columns, 1);
}

void QuizPanel::fitToWidth()
{
    const int width = m_scroll->viewport()->width();
    int pairWidth = 1;
    for (const auto& [label, input] : m_pairs)
        pairWidth = std::max(pairWidth, label->sizeHint().width() + input->sizeHint().width() + 20);
    const int columns = std::clamp(width / pairWidth, 1, kMaxColumns);
    if (columns != m_columns) {
        m_columns = columns;
        placeAnswers();
    }
}

// The keys the panel answers to, as much of it as fits beside the buttons, and "Ask about" if it
// fits: never a cut word.
void QuizPanel::fitHints()
{
    const QStringList hints{tr("Return: reveal, then next \u00b7 N: next \u00b7 Ctrl+P: end"),
        tr("Return \u00b7 N: next \u00b7 Ctrl+P: end"), tr("Return \u00b7 N \u00b7 Ctrl+P")};
    QString shown;
    for (const QString& hint : hints)
        if (m_keys->fontMetrics().horizontalAdvance(hint) <= m_keys->contentsRect().width()) {
            shown = hint;
            break;
        }
    if (m_keys->text() != shown)
        m_keys->setText(shown);
    const QString ask = tr("Ask &about");
    const bool fits = m_askAbout->fontMetrics().horizontalAdvance(QStringLiteral("Ask about")) <=
                      m_askAbout->contentsRect().width();
    m_askAbout->setText(fits ? ask : QString());
}

int QuizPanel::preferredHeight(int width) const
{
    const int body =
        m_scroll->widget()->heightForWidth(width - m_scroll->verticalScrollBar()->sizeHint().width());
    const int rest = m_content->layout()->totalSizeHint().height() - m_scroll->sizeHint().height();
    return rest + std::max(body, m_scroll->minimumSizeHint().height());
}

void QuizPanel::updateTabOrder()
{
    QWidget* previous = nullptr;
    for (QWidget* w : answerInputs()) {
        if (previous)
            setTabOrder(previous, w);
        previous = w;
    }
    for (QWidget* w : {static_cast<QWidget*>(m_reveal), static_cast<QWidget*>(m_next),
             static_cast<QWidget*>(m_end), static_cast<QWidget*>(m_mode)}) {
        if (previous)
            setTabOrder(previous, w);
        previous = w;
    }
}

QComboBox* QuizPanel::stateBox(const std::optional<ProcessState>& current)
{
    auto* box = new QComboBox(m_answers);
    const int size = m_content->fontMetrics().height() * 3 / 4;
    box->setIconSize(QSize(size, size));
    for (const ProcessState s : kChoices)
        box->addItem(swatch(stateColor(s, m_palette), size), stateLabel(s), static_cast<int>(s));
    box->setCurrentIndex(box->findData(static_cast<int>(current.value_or(ProcessState::New))));
    return box;
}

QComboBox* QuizPanel::cpuBox(ProcIndex current)
{
    auto* box = new QComboBox(m_answers);
    const int size = m_content->fontMetrics().height() * 3 / 4;
    box->setIconSize(QSize(size, size));
    box->addItem(swatch(cpuIdleColor(m_palette), size), tr("idle"), -1);
    for (ProcIndex p = 0; p < static_cast<ProcIndex>(m_quiz->trace().processCount()); ++p)
        box->addItem(swatch(stateColor(ProcessState::Running, m_palette), size), m_quiz->processName(p), p);
    box->setCurrentIndex(std::max(0, box->findData(current < 0 ? -1 : current)));
    return box;
}

void QuizPanel::showQuestion()
{
    const bool hadFocus = isAncestorOf(QApplication::focusWidget());
    clearAnswers();
    m_feedback->hide();
    m_feedback->clear();
    m_question->show();
    m_answers->show();
    if (!m_quiz->hasQuestion()) {
        m_question->setText(
            tr("Now: tick %1. Ask a question with \u201cNext question\u201d.").arg(m_quiz->position()));
        m_reveal->setEnabled(false);
        m_next->setEnabled(true);
        updateTabOrder();
        if (hadFocus)
            focusAnswer();
        return;
    }
    const QuizQuestion& q = m_quiz->question();
    m_question->setText(q.text);
    const auto add = [this](const QString& label, QWidget* input) {
        auto* text = new QLabel(label, m_answers);
        text->setBuddy(input);
        input->installEventFilter(this); // the wheel scrolls the panel, never changes an answer
        m_pairs.emplace_back(text, input);
    };
    if (q.kind == QuestionKind::NextState) {
        for (std::size_t i = 0; i < q.processes.size(); ++i) {
            QComboBox* box = stateBox(q.current[i]);
            box->setToolTip(
                tr("now: %1").arg(q.current[i] ? stateLabel(*q.current[i]) : tr("not created yet")));
            m_choices.push_back(box);
            add(m_quiz->processName(q.processes[i]), box);
        }
    } else if (q.kind == QuestionKind::NextRunning) {
        for (std::size_t c = 0; c < q.currentCpus.size(); ++c) {
            QComboBox* box = cpuBox(q.currentCpus[c]);
            m_choices.push_back(box);
            add(tr("CPU %1").arg(c), box);
        }
    } else {
        m_number = new QDoubleSpinBox(m_answers);
        m_number->setRange(0, 1e9);
        m_number->setDecimals(1);
        m_number->setSuffix(q.metric == QuizMetric::AvgTurnaround || q.metric == QuizMetric::AvgResponse ||
                                    q.metric == QuizMetric::AvgWaiting
                                ? tr(" ticks (one decimal)")
                                : tr(" ticks"));
        add(tr("Answer"), m_number);
    }
    m_columns = 0; // placed anew for this question's boxes
    fitToWidth();
    for (auto& [label, input] : m_pairs) {
        label->show(); // the panel may be on screen already: new children are shown explicitly
        input->show();
    }
    m_reveal->setEnabled(true);
    m_next->setEnabled(false);
    updateTabOrder();
    m_scroll->ensureVisible(0, 0);
    if (hadFocus)
        focusAnswer();
}

// What happened replaces the question and its boxes (it repeats the tick, and what was said
// where it was wrong): the verdict with each right answer, then why, in the panel's whole width.
void QuizPanel::showFeedback(const QuizFeedback& f)
{
    const QuizAnswer given = currentAnswer();
    const QuizQuestion& q = m_quiz->question();
    QStringList items;
    for (int i = 0; i < f.rightAnswer.size(); ++i) {
        const bool ok =
            i < static_cast<int>(f.itemCorrect.size()) && f.itemCorrect[static_cast<std::size_t>(i)];
        QString line = f.rightAnswer[i];
        if (!ok && i < static_cast<int>(m_choices.size()))
            line += tr(" (you said %1)").arg(m_choices[static_cast<std::size_t>(i)]->currentText());
        else if (!ok && m_number)
            line += tr(" (you said %1)").arg(QString::number(given.number, 'f', 1));
        // One answer never breaks across lines; the answers flow across the width.
        items << QStringLiteral("<span style='white-space:nowrap'>%1 %2</span>")
                     .arg(mark(ok), line.toHtmlEscaped());
    }
    const QString verdict = f.correct ? tr("\u2714 Correct!") : tr("\u2718 Not quite.");
    const QString when = q.kind == QuestionKind::FinalMetric ? QString() : tr("At tick %1:").arg(q.at);
    QString html = QStringLiteral("<p><b style='color:%1'>%2</b> %3 %4</p>")
                       .arg((f.correct ? kRight : kWrong).name(), verdict, when,
                           items.join(QStringLiteral(" &nbsp;&nbsp; ")));
    QStringList reasons;
    for (const QString& reason : f.reasons)
        reasons << reason.toHtmlEscaped();
    html += QStringLiteral("<table cellspacing='0' cellpadding='0'><tr><td valign='top'><b>%1</b>&nbsp;</td>"
                           "<td>%2</td></tr></table>")
                .arg(tr("Why:"), reasons.join(QStringLiteral("<br>")));
    const bool hadFocus = isAncestorOf(QApplication::focusWidget()) || !QApplication::focusWidget();
    m_question->hide();
    m_answers->hide();
    m_feedback->setText(html);
    m_feedback->show();
    m_scroll->verticalScrollBar()->setValue(0);
    m_reveal->setEnabled(false);
    m_next->setEnabled(true);
    if (hadFocus)
        m_next->setFocus(Qt::OtherFocusReason);
}

void QuizPanel::updateScore()
{
    const QuizSummary& s = m_quiz->summary();
    const int percent = s.asked > 0 ? static_cast<int>(std::lround(100.0 * s.correct / s.asked)) : 0;
    QStringList kinds;
    const std::array<QString, 3> names{tr("what happens next"), tr("who runs next"), tr("metrics")};
    for (std::size_t k = 0; k < names.size(); ++k)
        kinds << QStringLiteral("%1 %2/%3").arg(names[k]).arg(s.correctByKind[k]).arg(s.askedByKind[k]);
    m_score->setText(tr("<b>Score %1 / %2</b> (%3 %)").arg(s.correct).arg(s.asked).arg(percent));
    m_score->setToolTip(kinds.join(QLatin1Char('\n')));
}

void QuizPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFonts();
}

bool QuizPanel::event(QEvent* event)
{
    // The window's keys (Space plays, ...) give way to the panel's while it has the keyboard:
    // Space presses the focused button or opens the focused box, Return reveals.
    if (event->type() == QEvent::ShortcutOverride) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->modifiers() == Qt::NoModifier && key->key() == Qt::Key_Space) {
            event->accept();
            return true;
        }
        if (isReturn(key) || (isNextKey(key) && m_next->isEnabled())) {
            event->accept();
            return true;
        }
    }
    return QWidget::event(event);
}

void QuizPanel::keyPressEvent(QKeyEvent* event)
{
    if (isReturn(event)) {
        if (m_reveal->isEnabled())
            reveal();
        else if (m_next->isEnabled())
            nextQuestion();
        event->accept();
        return;
    }
    if (isNextKey(event) && m_next->isEnabled()) {
        nextQuestion();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void QuizPanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitToWidth();
}

bool QuizPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_keys || watched == m_askAbout) {
        if (event->type() == QEvent::Resize || event->type() == QEvent::FontChange)
            fitHints();
        return QWidget::eventFilter(watched, event);
    }
    if (watched == m_scroll->viewport()) {
        if (event->type() == QEvent::Resize)
            fitToWidth(); // the answers per row follow the visible width
        return QWidget::eventFilter(watched, event);
    }
    // An answer box or the "Ask about" box: left unhandled, the wheel goes on to the scroll area.
    if (event->type() == QEvent::Wheel) {
        event->ignore();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace procscope::ui
