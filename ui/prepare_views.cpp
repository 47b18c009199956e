#include "ui/prepare_views.h"

#include "ui/cpuplot/utilization_lines.h"
#include "ui/diagram/transition.h"
#include "ui/document/document.h"
#include "ui/document/job_control.h"
#include "ui/models/event_index.h"
#include "ui/models/process_times.h"

namespace procscope::ui {

void prepareViews(const Document& document, JobControl* control)
{
    const Trace& trace = document.trace();
    TraceIndexes& indexes = document.indexes();
    const auto next = [&](std::uint64_t step) { return !control || control->report(step, 4); };
    if (control)
        control->setStage(JobControl::Stage::Indexing);
    if (!next(0))
        return;
    // The longest of them (a sort of every event) looks at the cancel flag as it goes.
    if (!eventIndexOf(indexes, trace, [control] { return !control || !control->cancelled(); }) || !next(1))
        return;
    utilizationLinesOf(indexes, trace, UtilizationSeries::kDefaultMaxSamples, 0);
    if (!next(2))
        return;
    processTimesOf(indexes, trace);
    if (!next(3))
        return;
    firingCheckpointsOf(indexes, trace);
    next(4);
}

} // namespace procscope::ui
