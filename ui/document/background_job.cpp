#include "ui/document/background_job.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QProgressDialog>
#include <QThread>
#include <QTimer>

namespace procscope::ui {

BackgroundJob::BackgroundJob(QString label, Work work, QObject* parent)
    : QObject(parent)
    , m_label(std::move(label))
    , m_work(std::move(work))
{ }

BackgroundJob::~BackgroundJob()
{
    if (m_thread) {
        m_control.cancel();
        m_thread->wait();
        delete m_thread;
    }
}

void BackgroundJob::start()
{
    QThread* gui = thread();
    m_thread = QThread::create([this, gui] {
        m_result = m_work(m_control);
        // Objects made on the worker belong to it; hand the document over before the thread ends.
        if (m_result.document)
            m_result.document->moveToThread(gui);
    });
    // Emitted on the worker, delivered to this object on the GUI thread.
    connect(m_thread, &QThread::finished, this, [this] {
        m_finished = true;
        Q_EMIT finished();
    });
    m_thread->start();
}

Loaded runWithProgress(QWidget* parent, const QString& label, BackgroundJob::Work work, int delayMs)
{
    BackgroundJob job(label, std::move(work));
    QEventLoop loop;
    QObject::connect(&job, &BackgroundJob::finished, &loop, &QEventLoop::quit);

    QProgressDialog* dialog = nullptr;
    QTimer poll;
    poll.setInterval(50);
    QObject::connect(&poll, &QTimer::timeout, &job, [&] {
        if (!dialog)
            return;
        if (job.stage() == JobControl::Stage::Indexing)
            dialog->setLabelText(label + QLatin1Char('\n') +
                                 QCoreApplication::translate("BackgroundJob", "Preparing the views…"));
        const double f = job.fraction();
        if (f < 0) {
            dialog->setRange(0, 0); // busy indicator until the size is known
        } else {
            dialog->setRange(0, 1000);
            dialog->setValue(static_cast<int>(f * 1000));
        }
    });
    QTimer show;
    show.setSingleShot(true);
    if (parent) {
        QObject::connect(&show, &QTimer::timeout, &job, [&] {
            dialog = new QProgressDialog(
                label, QCoreApplication::translate("BackgroundJob", "Cancel"), 0, 1000, parent);
            dialog->setWindowModality(Qt::WindowModal);
            dialog->setMinimumDuration(0);
            dialog->setAutoReset(false);
            dialog->setAutoClose(false);
            QObject::connect(dialog, &QProgressDialog::canceled, &job, &BackgroundJob::cancel);
            dialog->show();
            poll.start();
        });
        show.start(delayMs);
    }

    job.start();
    if (!job.isFinished())
        loop.exec();
    poll.stop();
    delete dialog;
    Loaded result = job.takeResult();
    if (job.isCancelled()) {
        result.document.reset();
        result.error.clear();
    }
    return result;
}

} // namespace procscope::ui
