// Long work off the GUI thread: loading a big trace, simulating a long workload. The work runs on
// a worker thread and talks to the window only through a JobControl (progress counters and a
// cancel flag, both atomic); the window polls the progress and receives the result on the GUI
// thread, so a million-event load never freezes the lecture-hall projector.
#pragma once

#include "ui/document/document_loader.h"
#include "ui/document/job_control.h"

#include <QObject>
#include <QString>

#include <functional>

class QThread;

namespace procscope::ui {

class BackgroundJob : public QObject {
    Q_OBJECT

public:
    using Work = std::function<Loaded(JobControl&)>;

    BackgroundJob(QString label, Work work, QObject* parent = nullptr);
    // Cancels and waits for the worker: no thread outlives its job.
    ~BackgroundJob() override;

    QString label() const { return m_label; }
    void start();
    void cancel() { m_control.cancel(); }
    bool isCancelled() const { return m_control.cancelled(); }
    bool isFinished() const { return m_finished; }
    double fraction() const { return m_control.fraction(); }
    JobControl::Stage stage() const { return m_control.stage(); }
    // The result, once finished() has been emitted. A Document in it lives on the GUI thread.
    Loaded takeResult() { return std::move(m_result); }

Q_SIGNALS:
    void finished();

private:
    QString m_label;
    Work m_work;
    JobControl m_control;
    QThread* m_thread = nullptr;
    Loaded m_result;
    bool m_finished = false;
};

// Runs `work` in the background and waits for it with a local event loop, so the window keeps
// painting and answering. After `delayMs` a window-modal progress dialog with a Cancel button
// appears over `parent` (none when parent is null: tests, --screenshot). A cancelled job returns
// a Loaded with no document and an empty error.
Loaded runWithProgress(QWidget* parent, const QString& label, BackgroundJob::Work work, int delayMs = 300);

} // namespace procscope::ui
