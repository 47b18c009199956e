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
    // The longest of them (a sort of every event): it looks at the cancel flag as it goes, and a
    // cancelled build is not kept.
    if (!indexes.find<std::vector<EventRef>>({})) {
        auto events = buildEventIndex(trace, [control] { return !control || !control->cancelled(); });
        if (!next(1))
            return;
        indexes.get<std::vector<EventRef>>({}, [&] { return std::move(events); });
    }
    const std::size_t samples = UtilizationSeries::kDefaultMaxSamples;
    indexes.get<UtilizationLines>(
        utilizationLinesKey(samples, 0), [&] { return buildUtilizationLines(trace, samples, 0); });
    if (!next(2))
        return;
    indexes.get<ProcessTimes>({}, [&] { return ProcessTimes(trace); });
    if (!next(3))
        return;
    indexes.get<FiringCheckpoints>({}, [&] { return FiringCheckpoints(trace); });
    next(4);
}

} // namespace procscope::ui
