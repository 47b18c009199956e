// Opening things as Documents: a workload file, or an OSTEP homework command line. Errors come
// back as text for a dialog (file, JSON path or line:column, what was expected); nothing throws.
#pragma once

#include "ui/document/document.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace procscope::ui {

struct Loaded {
    std::unique_ptr<Document> document; // null on error
    QString error;
    QString ostepText; // for OSTEP runs: exactly what the script prints
};

Loaded loadFile(const QString& path);
// script: process-run, scheduler, mlfq or lottery; args as the script takes them (-c is implied).
Loaded loadOstep(const QString& script, const QStringList& args);

} // namespace procscope::ui
