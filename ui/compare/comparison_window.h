// Opening "policies side by side" as a window of its own: the variants are simulated on a worker
// thread with a progress dialog and Cancel (the window that asked keeps answering, and keeps its
// document whatever happens), then the comparison opens sized to the screen.
#pragma once

#include "core/model/workload.h"
#include "ui/compare/comparison.h"
#include "ui/style/state_colors.h"

#include <QString>

#include <vector>

class QWidget;

namespace procscope::ui {

class ComparisonView;

struct ComparisonRequest {
    Workload workload;
    std::vector<ComparisonVariant> variants;
    QString title; // the window's title
    Palette palette = Palette::Standard;
};

// `owner` is the window the comparison belongs to (closed with it) and over which the progress
// dialog appears after `delayMs`; `showProgress` false shows none (tests, --screenshot). Returns
// the new window, deleted when closed, or null when the user cancelled.
ComparisonView* openComparisonWindow(
    QWidget* owner, ComparisonRequest request, bool showProgress = true, int delayMs = 300);

} // namespace procscope::ui
