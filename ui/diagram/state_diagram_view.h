// The live state diagram: OSTEP Figure 4.2's states as nodes (and the lifecycle states the trace
// has), the textbook's transitions as arrows that count how often they fired, and every process as
// a token in its state's node at the cursor. A step lights the arrows that just fired and moves
// the tokens along the arrows they took (back along them when stepping back); a seek over several
// events, or playback too fast to follow, just places the tokens.
#pragma once

#include "ui/diagram/diagram_layout.h"
#include "ui/diagram/diagram_painter.h"
#include "ui/diagram/token_flight.h"
#include "ui/diagram/transition.h"
#include "ui/style/state_colors.h"

#include <QVariantAnimation>
#include <QWidget>

#include <bitset>
#include <vector>

namespace procscope::ui {

class PlaybackController;
class ViewState;

class StateDiagramView : public QWidget {
    Q_OBJECT

public:
    StateDiagramView(PlaybackController* playback, ViewState* viewState, QWidget* parent = nullptr);
    ~StateDiagramView() override;

    // All seven states whatever the trace holds; by default (false) Figure 4.2's three and those
    // of New, Suspended, Zombie and Terminated that the trace has.
    void setFullLifecycle(bool full);
    bool fullLifecycle() const { return m_full; }
    // Figure 4.2's words on the arrows ("Scheduled", "I/O: initiate"; the default) or the
    // detailed ones ("dispatch", "wait for I/O or event").
    void setArrowWording(ArrowWording wording);
    ArrowWording arrowWording() const { return m_wording; }
    // The states that have a node.
    StateSet shownStates() const { return m_layout.states(); }
    void setColorScheme(Palette palette);
    Palette colorScheme() const { return m_palette; }

    // PNG (or any image format Qt writes), SVG or PDF, chosen by the file's suffix.
    bool exportTo(const QString& path);

    // Where a process's token rests at the cursor (its end point while it moves); empty when the
    // process has no token in this view (not created yet, in a state the view leaves out, or
    // among a full node's "+N more").
    QRectF tokenRect(ProcIndex process) const;
    QRectF nodeRect(ProcessState state) const;
    // The transitions that brought the processes into the frame at the cursor.
    std::vector<Transition> litTransitions() const;
    // How often t fired from the start up to and including the cursor.
    std::int64_t firedCount(Transition t) const { return m_counts[static_cast<std::size_t>(t)]; }
    // Tokens of a state hidden behind "+N more".
    int overflow(ProcessState state) const { return m_overflow[static_cast<std::size_t>(state)]; }
    bool isAnimating() const { return m_animation.state() == QAbstractAnimation::Running; }
    // Where a token is at `progress` (0 to 1) of the step being animated; where it rests when it
    // is not moving.
    QRectF tokenRectAt(ProcIndex process, qreal progress) const;
    // How long a step's move lasts when nothing hurries it.
    static constexpr int kStepMilliseconds = 300;
    const DiagramLayout& diagramLayout() const { return m_layout; }
    Tick shownTick() const { return m_tick; } // the cursor the tokens stand at

    QSize sizeHint() const override { return {960, 540}; }
    QSize minimumSizeHint() const override { return {360, 200}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void onTraceChanged();
    void onTickChanged(Tick now, Tick previous);
    void relayout();
    // The states that get a node: all seven, or the core three and the lifecycle the trace has.
    StateSet wantedStates() const;
    // Reads the frame at the cursor and puts every token in its slot.
    void placeTokens();
    void startAnimation(const std::vector<Firing>& fired, const std::vector<QRectF>& before, bool backwards);
    const TokenFlight* flightOf(ProcIndex process) const;
    DiagramScene scene(bool atRest) const;
    QRectF currentRect(ProcIndex process) const;
    ProcIndex tokenAt(QPointF pos) const;
    const Trace* trace() const;

    PlaybackController* m_playback;
    ViewState* m_viewState;
    bool m_full = false;
    ArrowWording m_wording = ArrowWording::Book;
    Palette m_palette = Palette::Standard;
    StateSet m_held; // the states the trace has, at a tick the cursor can reach
    DiagramLayout m_layout;
    std::bitset<kTransitionCount> m_rare; // transitions present anywhere in the trace

    Tick m_tick = 0;
    TransitionTally m_tally;
    TransitionCounts m_counts{};
    std::bitset<kTransitionCount> m_lit;

    // Per process: its state at the cursor (Unknown before it exists) and its resting slot.
    std::vector<ProcessState> m_state;
    std::vector<QRectF> m_rest;
    std::vector<qreal> m_fontPx;
    std::array<int, kStateCount> m_population{};
    std::array<int, kStateCount> m_overflow{};
    std::vector<DiagramScene::Placeholder> m_placeholders;

    // The tokens moving in the step being animated.
    std::vector<TokenFlight> m_flights;
    QVariantAnimation m_animation;
};

} // namespace procscope::ui
