#include "app/gui/main_window.h"

#include "core/io/trace_json_writer.h"
#include "core/io/workload_json.h"
#include "core/trace/trace_table.h"
#include "ui/cpuplot/cpu_plot_view.h"
#include "ui/diagram/state_diagram_view.h"
#include "ui/dialogs/ostep_dialog.h"
#include "ui/dialogs/simulation_setup_dialog.h"
#include "ui/gantt/gantt_view.h"
#include "ui/panels/event_log_panel.h"
#include "ui/panels/process_table_panel.h"
#include "ui/panels/ready_queue_panel.h"
#include "ui/playback/playback_bar.h"
#include "ui/trace_text_view.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSaveFile>
#include <QSettings>
#include <QShortcut>
#include <QStatusBar>
#include <QToolBar>

#include <cstdio>

namespace procscope {

namespace {

constexpr int kMaxRecent = 10;
const QString kOstepPrefix = QStringLiteral("ostep:");

QDockWidget* dock(
    QMainWindow* window, const QString& title, const QString& name, QWidget* content, Qt::DockWidgetArea area)
{
    auto* d = new QDockWidget(title, window);
    d->setObjectName(name); // for saveState()
    d->setWidget(content);
    window->addDockWidget(area, d);
    return d;
}

// Saves atomically: the old file stays whole until the new one is complete.
bool saveText(const QString& path, const std::string& text, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    file.write(text.data(), static_cast<qint64>(text.size()));
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("ProcScope"));
    setAcceptDrops(true);
    setDockNestingEnabled(true);
    createViews();
    createMenus();
    createShortcuts();
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    rebuildRecentMenu();
}

MainWindow::~MainWindow()
{
    m_playback.setDocument(nullptr);
}

void MainWindow::createViews()
{
    m_gantt = new ui::GanttView(&m_playback, &m_viewState, this);
    setCentralWidget(m_gantt);
    m_diagram = new ui::StateDiagramView(&m_playback, &m_viewState, this);
    m_cpuPlot = new ui::CpuPlotView(&m_playback, &m_viewState, this);
    m_processes = new ui::ProcessTablePanel(&m_playback, &m_viewState, this);
    m_queues = new ui::ReadyQueuePanel(&m_playback, &m_viewState, this);
    m_events = new ui::EventLogPanel(&m_playback, this);
    m_text = new TraceTextView(QString(), this);

    auto* diagramDock =
        dock(this, tr("State diagram"), QStringLiteral("diagram"), m_diagram, Qt::RightDockWidgetArea);
    auto* cpuDock =
        dock(this, tr("CPU utilization"), QStringLiteral("cpu"), m_cpuPlot, Qt::RightDockWidgetArea);
    auto* processDock =
        dock(this, tr("Processes"), QStringLiteral("processes"), m_processes, Qt::BottomDockWidgetArea);
    auto* queueDock = dock(this, tr("Queues"), QStringLiteral("queues"), m_queues, Qt::BottomDockWidgetArea);
    auto* eventDock = dock(this, tr("Events"), QStringLiteral("events"), m_events, Qt::BottomDockWidgetArea);
    auto* textDock = dock(this, tr("Text"), QStringLiteral("text"), m_text, Qt::BottomDockWidgetArea);
    splitDockWidget(diagramDock, cpuDock, Qt::Vertical);
    tabifyDockWidget(eventDock, textDock);
    eventDock->raise();
    resizeDocks({diagramDock}, {520}, Qt::Horizontal);
    resizeDocks({processDock, queueDock, eventDock}, {260, 260, 260}, Qt::Vertical);

    auto* transport = new QToolBar(tr("Playback"), this);
    transport->setObjectName(QStringLiteral("playback"));
    transport->addWidget(new ui::PlaybackBar(&m_playback, transport));
    addToolBar(Qt::TopToolBarArea, transport);
    statusBar()->showMessage(tr("Open a workload or a trace, or run an OSTEP homework simulator."));
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open…"), this, &MainWindow::chooseFileToOpen);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    file->addSeparator();
    file->addAction(tr("Save &workload as…"), this, &MainWindow::saveWorkloadAs)
        ->setShortcut(QKeySequence::SaveAs);
    file->addAction(tr("Save &trace as…"), this, &MainWindow::saveTraceAs);
    file->addSeparator();
    file->addAction(
        tr("Export &Gantt chart (PNG, SVG, PDF)…"), this, [this] { exportView(m_gantt, tr("Gantt chart")); });
    file->addAction(tr("Export state &diagram (PNG, SVG, PDF)…"), this,
        [this] { exportView(m_diagram, tr("state diagram")); });
    file->addSeparator();
    file->addAction(tr("&Quit"), this, &QWidget::close)->setShortcut(QKeySequence::Quit);

    QMenu* simulation = menuBar()->addMenu(tr("&Simulation"));
    simulation->addAction(tr("&Setup and re-run…"), this, &MainWindow::setupSimulation)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    simulation->addAction(tr("&OSTEP homework simulator…"), this, &MainWindow::runOstepDialog)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    QAction* lifecycle = m_viewMenu->addAction(tr("Full &lifecycle in the state diagram"));
    lifecycle->setCheckable(true);
    connect(lifecycle, &QAction::toggled, m_diagram, &ui::StateDiagramView::setFullLifecycle);
    QAction* fit = m_viewMenu->addAction(tr("&Fit the Gantt chart"), m_gantt, &ui::GanttView::fit);
    fit->setShortcut(QKeySequence(Qt::Key_0));
    m_viewMenu->addSeparator();
    for (QDockWidget* d : findChildren<QDockWidget*>())
        m_viewMenu->addAction(d->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard"), this, [this] {
        QMessageBox::information(this, tr("Keyboard"),
            tr("Space: play / pause\nLeft / Right: one tick back / forward\n"
               "Shift+Left / Shift+Right: previous / next event\nHome / End: start / end\n"
               "Mouse wheel on the Gantt chart: zoom; drag: pan; 0: fit"));
    });
    help->addAction(tr("&About ProcScope"), this, [this] {
        QMessageBox::about(this, tr("About ProcScope"),
            tr("ProcScope shows processes moving through their states, for teaching with "
               "Operating Systems: Three Easy Pieces and for replaying traces."));
    });
}

void MainWindow::createShortcuts()
{
    const auto bind = [this](QKeySequence keys, auto slot) {
        auto* s = new QShortcut(keys, this);
        connect(s, &QShortcut::activated, &m_playback, slot);
    };
    bind(QKeySequence(Qt::Key_Space), &ui::PlaybackController::togglePlay);
    bind(QKeySequence(Qt::Key_Right), &ui::PlaybackController::stepForward);
    bind(QKeySequence(Qt::Key_Left), &ui::PlaybackController::stepBack);
    bind(QKeySequence(Qt::SHIFT | Qt::Key_Right), &ui::PlaybackController::nextEvent);
    bind(QKeySequence(Qt::SHIFT | Qt::Key_Left), &ui::PlaybackController::previousEvent);
    bind(QKeySequence(Qt::Key_Home), &ui::PlaybackController::toStart);
    bind(QKeySequence(Qt::Key_End), &ui::PlaybackController::toEnd);
}

bool MainWindow::openFile(const QString& path)
{
    ui::Loaded loaded = ui::loadFile(path);
    if (!loaded.document) {
        showError(tr("Cannot open %1").arg(QFileInfo(path).fileName()), loaded.error);
        return false;
    }
    m_ostepScript.clear();
    return adopt(std::move(loaded), QFileInfo(path).absoluteFilePath());
}

bool MainWindow::openOstep(const QString& script, const QStringList& args)
{
    ui::Loaded loaded = ui::loadOstep(script, args);
    if (!loaded.document) {
        showError(tr("Cannot run %1.py").arg(script), loaded.error);
        return false;
    }
    m_ostepScript = script;
    m_ostepArgs = args;
    return adopt(std::move(loaded), kOstepPrefix + script + QLatin1Char(' ') + args.join(QLatin1Char(' ')));
}

// The new document replaces the old one only once it loaded: on error the previous stays open.
bool MainWindow::adopt(ui::Loaded loaded, const QString& recentEntry)
{
    m_viewState.setSelectedProcess(-1);
    m_playback.setDocument(loaded.document.get());
    m_document = std::move(loaded.document);
    m_text->setPlainText(loaded.ostepText.isEmpty() ? QString::fromStdString(traceTable(m_document->trace(),
                                                          0, std::min<Tick>(m_document->trace().end(), 5000)))
                                                    : loaded.ostepText);
    setWindowTitle(tr("%1 — ProcScope").arg(m_document->title()));
    const Trace& t = m_document->trace();
    statusBar()->showMessage(tr("%1: %2 processes, %3 CPUs, %4 %5s%6")
                                 .arg(m_document->title())
                                 .arg(t.processCount())
                                 .arg(t.cpuCount())
                                 .arg(t.end())
                                 .arg(QString::fromStdString(t.meta.timeUnit))
                                 .arg(m_document->simulator() && m_document->simulator()->hitTickLimit()
                                          ? tr(" — stopped at the tick limit")
                                          : QString()));
    addRecent(recentEntry);
    return true;
}

void MainWindow::showError(const QString& title, const QString& text)
{
    m_lastError = text;
    std::fprintf(stderr, "%s: %s\n", qPrintable(title), qPrintable(text));
    if (!m_quiet)
        QMessageBox::critical(this, title, text);
}

void MainWindow::addRecent(const QString& entry)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recent")).toStringList();
    recent.removeAll(entry);
    recent.prepend(entry);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(QStringLiteral("recent"), recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recent")).toStringList();
    for (const QString& entry : recent) {
        m_recentMenu->addAction(entry, this, [this, entry] {
            if (entry.startsWith(kOstepPrefix)) {
                QStringList words =
                    entry.mid(kOstepPrefix.size()).split(QLatin1Char(' '), Qt::SkipEmptyParts);
                const QString script = words.takeFirst();
                openOstep(script, words);
            } else {
                openFile(entry);
            }
        });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::chooseFileToOpen()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open a workload"), QString(), tr("ProcScope workloads (*.json);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::saveWorkloadAs()
{
    if (!m_document || !m_document->workload()) {
        showError(
            tr("Save workload"), tr("The open document is a recorded trace: it has no workload to save."));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save workload"), QString(), tr("ProcScope workloads (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveText(path, writeWorkload(*m_document->workload()), &error))
        showError(tr("Cannot save %1").arg(path), error);
    else
        m_document->setModified(false);
}

void MainWindow::saveTraceAs()
{
    if (!m_document)
        return;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save trace"), QString(), tr("ProcScope traces (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveText(path, writeTraceJson(m_document->trace()), &error))
        showError(tr("Cannot save %1").arg(path), error);
}

void MainWindow::exportView(QWidget* view, const QString& what)
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the %1").arg(what), QString(),
        tr("PNG image (*.png);;SVG drawing (*.svg);;PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    bool ok = false;
    if (auto* g = qobject_cast<ui::GanttView*>(view))
        ok = g->exportTo(path);
    else if (auto* d = qobject_cast<ui::StateDiagramView*>(view))
        ok = d->exportTo(path);
    if (!ok)
        showError(tr("Cannot export"), tr("Could not write %1.").arg(path));
}

void MainWindow::setupSimulation()
{
    if (!m_document || !m_document->workload()) {
        showError(
            tr("Simulation setup"), tr("Open a workload first: a recorded trace cannot be simulated again."));
        return;
    }
    ui::SimulationSetupDialog dialog(*m_document->workload(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto document = std::make_unique<ui::Document>(dialog.workload(), m_document->title());
    document->setPath(m_document->path());
    document->simulateAll();
    document->setModified(true);
    ui::Loaded loaded;
    loaded.document = std::move(document);
    adopt(std::move(loaded), m_document->path().isEmpty() ? QString() : m_document->path());
}

void MainWindow::runOstepDialog()
{
    ui::OstepDialog dialog(this);
    if (!m_ostepScript.isEmpty())
        dialog.setCommand(m_ostepScript, m_ostepArgs);
    if (dialog.exec() == QDialog::Accepted)
        openOstep(dialog.script(), dialog.arguments());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_document && m_document->isModified() && !m_quiet) {
        const auto answer = QMessageBox::question(this, tr("Unsaved workload"),
            tr("The workload was changed and not saved. Save it before quitting?"),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
        if (answer == QMessageBox::Cancel) {
            event->ignore();
            return;
        }
        if (answer == QMessageBox::Save) {
            saveWorkloadAs();
            if (m_document->isModified()) {
                event->ignore();
                return;
            }
        }
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const auto urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile())
        openFile(urls.first().toLocalFile());
}

} // namespace procscope
