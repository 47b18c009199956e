// Opening things as Documents: a workload (simulated on load), a recorded trace in any format
// ProcScope reads (native, Chrome, trace-cmd, perf), an OSTEP lesson, or an OSTEP homework
// command line. Errors come back as text for a dialog (file, JSON path or line:column, what was
// expected); nothing throws. Each may run on a worker thread (see background_job.h): progress
// and cancel go through the JobControl, which may be null.
#pragma once

#include "core/model/workload.h"
#include "ui/document/document.h"
#include "ui/document/job_control.h"
#include "ui/panels/lesson_panel.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace procscope::ui {

struct Loaded {
    std::unique_ptr<Document> document; // null on error or cancel
    QString error;
    QString ostepText; // for OSTEP runs: exactly what the script prints
    QString warnings;  // what a tolerant importer skipped, one line each
    LessonText lesson; // a lesson's title, chapter, explanation and questions; empty otherwise
};

Loaded loadFile(const QString& path, JobControl* control = nullptr);
// script: process-run, scheduler, mlfq or lottery; args as the script takes them (-c is implied).
Loaded loadOstep(const QString& script, const QStringList& args, JobControl* control = nullptr);
// A workload simulated to its end (or its tick limit).
Loaded simulateWorkload(Workload workload, const QString& title, JobControl* control = nullptr);

} // namespace procscope::ui
