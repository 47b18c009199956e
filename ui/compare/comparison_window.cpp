#include "ui/compare/comparison_window.h"

#include "ui/compare/comparison_view.h"
#include "ui/document/background_job.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QScreen>
#include <QWidget>

#include <algorithm>
#include <optional>

namespace procscope::ui {

ComparisonView* openComparisonWindow(
    QWidget* owner, ComparisonRequest request, bool showProgress, int delayMs)
{
    const auto count = static_cast<int>(request.variants.size());
    std::optional<Comparison> comparison;
    // runWithProgress() returns only once the worker has finished: `comparison` is safe to read.
    runWithProgress(
        showProgress ? owner : nullptr,
        QCoreApplication::translate("Comparison", "Simulating %1 policies side by side…").arg(count),
        [&](JobControl& control) {
            comparison = Comparison::simulate(request.workload, request.variants, &control);
            return Loaded{};
        },
        delayMs);
    if (!comparison)
        return nullptr;

    // A window of its own (its own cursor and keys), not a child of the owner: the owner's views
    // are found by type and must not meet these charts. It goes with the owner and never keeps
    // the application running by itself.
    auto* view = new ComparisonView(std::move(*comparison));
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->setAttribute(Qt::WA_QuitOnClose, false);
    if (owner)
        QObject::connect(owner, &QObject::destroyed, view, [view] { delete view; });
    if (!request.title.isEmpty())
        view->setWindowTitle(request.title);
    view->setColorScheme(request.palette);
    const QScreen* screen = owner ? owner->screen() : QGuiApplication::primaryScreen();
    const QSize room = screen ? screen->availableGeometry().size() : QSize(1280, 900);
    view->resize(std::min(1280, room.width()), std::min(900, room.height()));
    view->show();
    return view;
}

} // namespace procscope::ui
