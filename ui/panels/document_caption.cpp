#include "ui/panels/document_caption.h"

#include "core/model/policy_text.h"
#include "ui/document/document.h"
#include "ui/playback/playback_controller.h"
#include "ui/style/time_text.h"

namespace procscope::ui {

namespace {

QString qstr(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace

QString documentCaption(const Document& document)
{
    const QString separator = QStringLiteral(" · ");
    if (const Workload* w = document.workload())
        return qstr(describePolicy(w->policy)) + separator + qstr(describeMachine(w->machine));
    const Trace& trace = document.trace();
    QStringList parts;
    const QString source = qstr(trace.meta.source);
    parts << (source.isEmpty() ? DocumentCaption::tr("Recorded trace")
                               : DocumentCaption::tr("Recorded trace (%1)").arg(source));
    if (!trace.meta.policy.empty())
        parts << qstr(trace.meta.policy);
    parts << (trace.cpuCount() == 1 ? DocumentCaption::tr("1 CPU")
                                    : DocumentCaption::tr("%1 CPUs").arg(trace.cpuCount()));
    parts << TimeText(trace).span(trace.end());
    return parts.join(separator);
}

DocumentCaption::DocumentCaption(PlaybackController* controller, QWidget* parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("documentCaption"));
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setContentsMargins(6, 2, 6, 2);
    QFont bold; // only the weight: the size follows the window's font (presentation mode)
    bold.setBold(true);
    setFont(bold);
    connect(controller, &PlaybackController::traceChanged, this, [this, controller] { update(controller); });
    update(controller);
}

void DocumentCaption::update(const PlaybackController* controller)
{
    const Document* document = controller->document();
    setText(document ? documentCaption(*document) : QString());
    setToolTip(text());
}

} // namespace procscope::ui
