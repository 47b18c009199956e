// The work a new trace costs the views, done where the trace is made. Loading a ten-million-event
// file takes seconds on a worker thread; indexing it for the views (the event log's order, the
// CPU plot's lines, the process table's times, the state diagram's checkpoints) takes seconds more, and done
// on the GUI thread it would freeze the window after the progress dialog closed. prepareViews() builds those
// indexes into the document's TraceIndexes on the worker, with the views' default settings, before the window
// receives it.
#pragma once

namespace procscope::ui {

class Document;
class JobControl;

// Builds every index the views ask of a new document. Stops early (leaving the rest for the
// views to build) when the job is cancelled; the control may be null.
void prepareViews(const Document& document, JobControl* control);

} // namespace procscope::ui
