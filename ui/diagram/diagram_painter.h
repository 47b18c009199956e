// Paints one moment of the state diagram: nodes filled with their state's colour, arrows with
// their names and counts, tokens. Knows nothing about time or animation; the view decides where
// every token is and hands this a finished scene (the same code paints the widget and exports).
#pragma once

#include "ui/diagram/diagram_layout.h"
#include "ui/style/state_colors.h"

#include <QColor>
#include <QFontMetricsF>
#include <QPainter>
#include <QString>
#include <QStringList>

#include <array>
#include <bitset>
#include <vector>

namespace procscope::ui {

struct DiagramScene {
    struct Token {
        ProcIndex process = 0;
        QRectF rect;
        qreal fontPx = 10;
        bool selected = false;
        qreal opacity = 1;
    };
    // An empty slot: an idle CPU in Running, or "+N more" when a node is full.
    struct Placeholder {
        QRectF rect;
        qreal fontPx = 10;
        QString text;
        bool dashed = true;
        QString shortText = {}; // when `text` is too wide for the slot: "+12" for "+12 more"
    };

    const DiagramLayout* layout = nullptr;
    const Trace* trace = nullptr;
    Palette palette = Palette::Standard;
    ArrowWording wording = ArrowWording::Book;
    TransitionCounts counts{};
    std::bitset<kTransitionCount> lit;
    std::array<int, kStateCount> population{}; // processes in each state
    std::vector<Token> tokens;                 // at rest
    std::vector<Token> moving;                 // in flight, painted last
    std::vector<Placeholder> placeholders;
    QString note; // bottom-right remark
};

void paintDiagram(QPainter& painter, const DiagramScene& scene);
void paintToken(QPainter& painter, const DiagramScene::Token& token, const Trace& trace);

// The text an arrow carries: "Scheduled ×12" (the sum when it stands for several transitions).
QString arrowName(const DiagramArrow& arrow, ArrowWording wording);
QString arrowCount(const DiagramArrow& arrow, const TransitionCounts& counts); // "×12"
QString arrowLabel(const DiagramArrow& arrow, const TransitionCounts& counts, ArrowWording wording);

// An arrow's label broken into lines no wider than `width` (a word wider than that keeps a line
// of its own). The count is never dropped nor split: it ends the last line when it fits there,
// else it takes a line of its own.
QStringList arrowLabelLines(
    const QString& name, const QString& count, const QFontMetricsF& metrics, qreal width);

} // namespace procscope::ui
