// Predict-then-reveal as a mode of a main window: while it runs, every view shows the open
// document only up to what the quiz has revealed (the future hidden, the cursor held there), and
// a full-width panel above the charts asks what happens next. Ending it gives the views back as
// they were.
#pragma once

#include "ui/style/state_colors.h"

#include <QObject>
#include <QPointer>

#include <vector>

class QDockWidget;
class QMainWindow;

namespace procscope::ui {

class Document;
class PlaybackController;
class Quiz;
class QuizPanel;
class ViewState;

class QuizSession : public QObject {
    Q_OBJECT

public:
    // The window hosts the panel; the playback and view state are the ones its views follow.
    QuizSession(QMainWindow* window, PlaybackController* playback, ViewState* viewState);
    ~QuizSession() override;

    bool isActive() const { return m_quiz != nullptr; }
    Quiz* quiz() const { return m_quiz; }
    QuizPanel* panel() const { return m_panel; }
    QDockWidget* dock() const { return m_dock; }
    // The state colours of the answer boxes, as in the views (presentation mode switches them).
    void setStatePalette(Palette palette);

public Q_SLOTS:
    // Starts a quiz on the playback's document at its cursor (a running one starts again); false
    // without a document.
    bool start();
    // Ends the quiz: the future is shown as before and the cursor is free again.
    void stop();
    void setActive(bool active);
    // Presentation mode hides the detail panels itself and brings them back when it ends: panels
    // the quiz hid to make room come back then, not in the middle of a presentation.
    void setPresenting(bool presenting);

Q_SIGNALS:
    void activeChanged(bool active);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void follow();
    void traceChanged();
    void keepFutureHidden(bool show);
    void giveBackPanels();

    QMainWindow* m_window;
    PlaybackController* m_playback;
    ViewState* m_viewState;
    Document* m_document = nullptr; // the document the quiz asks about
    Quiz* m_quiz = nullptr;         // owned by the panel
    QuizPanel* m_panel = nullptr;   // owned by the dock
    QPointer<QDockWidget> m_dock;
    std::vector<QPointer<QDockWidget>> m_lent; // panels hidden to make room, to be shown again
    Palette m_palette = Palette::Standard;
    bool m_shownFuture = true;
    bool m_presenting = false; // the views' setting before the quiz, restored after it
};

} // namespace procscope::ui
