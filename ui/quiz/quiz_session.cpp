#include "ui/quiz/quiz_session.h"

#include "ui/document/document.h"
#include "ui/playback/playback_controller.h"
#include "ui/playback/view_state.h"
#include "ui/quiz/quiz.h"
#include "ui/quiz/quiz_panel.h"

#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>

#include <algorithm>
#include <utility>

namespace procscope::ui {

namespace {

// The window's height the panel takes at first: room for a question and the reasons of its
// answer, at most enough to leave the charts most of the screen.
constexpr double kShare = 0.36;
constexpr double kMaxShare = 0.45;

} // namespace

QuizSession::QuizSession(QMainWindow* window, PlaybackController* playback, ViewState* viewState)
    : m_window(window)
    , m_playback(playback)
    , m_viewState(viewState)
{ }

QuizSession::~QuizSession()
{
    stop();
}

void QuizSession::setStatePalette(Palette palette)
{
    m_palette = palette;
    if (m_panel)
        m_panel->setStatePalette(palette);
}

void QuizSession::setActive(bool active)
{
    if (active)
        start();
    else
        stop();
}

bool QuizSession::start()
{
    Document* document = m_playback->document();
    if (!document) {
        Q_EMIT activeChanged(isActive());
        return false;
    }
    stop();
    m_playback->pause();
    m_document = document;
    m_shownFuture = m_viewState->showFuture();

    auto* quiz = new Quiz(document->trace(), m_playback->tick());
    m_panel = new QuizPanel(quiz);
    m_panel->setStatePalette(m_palette);
    quiz->setParent(m_panel); // the panel uses the quiz until it is deleted
    m_quiz = quiz;
    m_dock = new QDockWidget(tr("Predict, then reveal"), m_window);
    m_dock->setObjectName(QStringLiteral("quiz")); // for saveState()
    m_dock->setWidget(m_panel);
    m_dock->installEventFilter(this);
    // Above the charts and across the whole window: the top area owns the top corners. A window
    // with no height to spare (1280x720 with every panel open) lends the quiz the room of the
    // detail panels below the charts until it ends.
    if (!m_presenting)
        giveBackPanels(); // owed by an earlier quiz: on screen again, or lent again below
    if (m_window->minimumSizeHint().height() + m_dock->minimumSizeHint().height() > m_window->height()) {
        for (QDockWidget* dock : m_window->findChildren<QDockWidget*>())
            if (dock != m_dock && dock->isVisible() && !dock->isFloating() &&
                m_window->dockWidgetArea(dock) == Qt::BottomDockWidgetArea) {
                dock->hide();
                m_lent.push_back(dock);
            }
    }
    m_window->addDockWidget(Qt::TopDockWidgetArea, m_dock);

    m_viewState->setShowFuture(false);
    connect(m_viewState, &ViewState::showFutureChanged, this, &QuizSession::keepFutureHidden);
    follow();
    connect(m_quiz, &Quiz::positionChanged, this, &QuizSession::follow);
    connect(m_panel, &QuizPanel::endRequested, this, &QuizSession::stop);
    connect(m_playback, &PlaybackController::traceChanged, this, &QuizSession::traceChanged);

    m_dock->show();
    // Tall enough for the whole question and its answers (and the dock's title), and for the
    // reasons a reveal gives, up to a share of the window.
    const int title = m_dock->minimumSizeHint().height() - m_panel->minimumSizeHint().height();
    const int wanted = std::max(
        title + m_panel->preferredHeight(m_window->width()), static_cast<int>(m_window->height() * kShare));
    const int height = std::max(m_dock->minimumSizeHint().height(),
        std::min(wanted, static_cast<int>(m_window->height() * kMaxShare)));
    m_window->resizeDocks({m_dock}, {height}, Qt::Vertical);
    m_panel->focusAnswer();
    Q_EMIT activeChanged(true);
    return true;
}

void QuizSession::stop()
{
    if (!m_quiz)
        return;
    disconnect(m_playback, nullptr, this, nullptr);
    disconnect(m_viewState, nullptr, this, nullptr);
    m_quiz = nullptr;
    m_panel = nullptr;
    m_document = nullptr;
    if (QDockWidget* dock = m_dock.data()) {
        dock->removeEventFilter(this);
        m_window->removeDockWidget(dock);
        dock->deleteLater(); // stop() may run inside one of the panel's own handlers
        m_dock = nullptr;
    }
    if (!m_presenting)
        giveBackPanels();
    m_playback->setLimit(std::nullopt);
    m_viewState->setShowFuture(m_shownFuture);
    Q_EMIT activeChanged(false);
}

void QuizSession::setPresenting(bool presenting)
{
    m_presenting = presenting;
    if (!presenting && !isActive())
        giveBackPanels();
}

void QuizSession::giveBackPanels()
{
    for (const QPointer<QDockWidget>& dock : std::exchange(m_lent, {}))
        if (dock)
            dock->show();
}

// The views' cursor is the quiz's position, and may not pass it.
void QuizSession::follow()
{
    m_playback->setLimit(m_quiz->position());
    m_playback->seek(m_quiz->position());
}

// Showing the future while the quiz runs would give its answers away: a request to show it (the
// View menu's toggle, leaving presentation mode) is kept for when the quiz ends.
void QuizSession::keepFutureHidden(bool show)
{
    if (!show)
        return;
    m_shownFuture = true;
    m_viewState->setShowFuture(false);
}

void QuizSession::traceChanged()
{
    if (m_playback->document() != m_document) {
        stop(); // another document: the quiz asked about one that is gone
        return;
    }
    m_quiz->traceChanged(); // a command changed the future, or an open-ended run grew
    follow();
}

// Closing the panel (its title bar's button) ends the quiz.
bool QuizSession::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_dock && event->type() == QEvent::Close)
        stop();
    return QObject::eventFilter(watched, event);
}

} // namespace procscope::ui
