#include "app/gui/main_window.h"

#include "app/gui/bundled_traces.h"
#include "app/gui/keyboard_help.h"
#include "app/gui/lessons_menu.h"
#include "app/gui/presentation_mode.h"

#include "core/io/chrome_trace_writer.h"
#include "core/io/csv_export.h"
#include "core/io/trace_json_writer.h"
#include "core/io/workload_json.h"
#include "core/trace/trace_table.h"
#include "ui/compare/comparison.h"
#include "ui/compare/comparison_dialog.h"
#include "ui/compare/comparison_view.h"
#include "ui/compare/comparison_window.h"
#include "ui/control/process_control_panel.h"
#include "ui/cpuplot/cpu_plot_view.h"
#include "ui/diagram/state_diagram_view.h"
#include "ui/dialogs/ostep_dialog.h"
#include "ui/dialogs/simulation_setup_dialog.h"
#include "ui/document/background_job.h"
#include "ui/editor/workload_editor.h"
#include "ui/gantt/gantt_view.h"
#include "ui/panels/document_caption.h"
#include "ui/panels/event_log_panel.h"
#include "ui/panels/lesson_panel.h"
#include "ui/panels/process_table_panel.h"
#include "ui/panels/ready_queue_panel.h"
#include "ui/playback/playback_bar.h"
#include "ui/prepare_views.h"
#include "ui/quiz/quiz_session.h"
#include "ui/style/time_text.h"
#include "ui/trace_text_view.h"
#include "ui/tree/process_tree_view.h"

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
#include <QScrollArea>
#include <QSettings>
#include <QShortcut>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

#include <cstdio>
#include <utility>

namespace procscope {

namespace {

constexpr int kMaxRecent = 10;
const QString kOstepPrefix = QStringLiteral("ostep:");

// A panel with many controls (the editor, process control) scrolls rather than forcing its
// minimum size on the dock area, so the charts keep their room.
QWidget* scrolling(QWidget* content)
{
    auto* area = new QScrollArea;
    area->setWidget(content);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    return area;
}

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

// The per-tick table of the Text panel (one column per process, one row per tick), for the
// small runs of the classroom; a big trace would make megabytes of text nobody reads.
QString tickTableText(const Trace& trace)
{
    constexpr std::size_t kMaxProcesses = 40;
    constexpr Tick kMaxTicks = 2000;
    if (trace.processCount() > kMaxProcesses)
        return QCoreApplication::translate("MainWindow",
            "The per-tick table is shown for up to %1 processes; this trace has %2.\n"
            "procscope-cli simulate WORKLOAD.json prints it for any workload, and "
            "procscope-cli convert FILE --to csv -o - writes every interval of any trace.")
            .arg(kMaxProcesses)
            .arg(trace.processCount());
    return QString::fromStdString(traceTable(trace, 0, std::min<Tick>(trace.end(), kMaxTicks)));
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
    createPresentationMode();
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    rebuildRecentMenu();
}

MainWindow::~MainWindow()
{
    // Docks are deleted after this destructor has run: none may call back into the window.
    for (QDockWidget* d : findChildren<QDockWidget*>())
        disconnect(d, &QObject::destroyed, this, nullptr);
    m_playback.setDocument(nullptr);
}

void MainWindow::createViews()
{
    // The Gantt chart under a line that names the policy and the machine it shows.
    auto* centre = new QWidget(this);
    auto* centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    centreLayout->addWidget(new ui::DocumentCaption(&m_playback, centre));
    m_gantt = new ui::GanttView(&m_playback, &m_viewState, centre);
    centreLayout->addWidget(m_gantt, 1);
    setCentralWidget(centre);
    m_diagram = new ui::StateDiagramView(&m_playback, &m_viewState, this);
    m_cpuPlot = new ui::CpuPlotView(&m_playback, &m_viewState, this);
    m_processes = new ui::ProcessTablePanel(&m_playback, &m_viewState, this);
    m_queues = new ui::ReadyQueuePanel(&m_playback, &m_viewState, this);
    m_events = new ui::EventLogPanel(&m_playback, &m_viewState, this);
    m_text = new TraceTextView(QString(), this);
    // The Text panel follows the cursor, and hides what has not happened yet when the views do.
    connect(&m_playback, &ui::PlaybackController::tickChanged, m_text, &TraceTextView::setCursorTick);
    connect(&m_viewState, &ui::ViewState::showFutureChanged, m_text, &TraceTextView::setShowFuture);
    m_text->setShowFuture(m_viewState.showFuture());

    auto* diagramDock =
        dock(this, tr("State diagram"), QStringLiteral("diagram"), m_diagram, Qt::RightDockWidgetArea);
    auto* cpuDock =
        dock(this, tr("CPU utilization"), QStringLiteral("cpu"), m_cpuPlot, Qt::RightDockWidgetArea);
    auto* processDock =
        dock(this, tr("Processes"), QStringLiteral("processes"), m_processes, Qt::BottomDockWidgetArea);
    auto* queueDock = dock(this, tr("Queues"), QStringLiteral("queues"), m_queues, Qt::BottomDockWidgetArea);
    auto* eventDock = dock(this, tr("Events"), QStringLiteral("events"), m_events, Qt::BottomDockWidgetArea);
    auto* textDock = dock(this, tr("Text"), QStringLiteral("text"), m_text, Qt::BottomDockWidgetArea);
    m_tree = new ui::ProcessTreeView(&m_playback, &m_viewState, this);
    m_control = new ui::ProcessControlPanel(&m_playback, &m_viewState, this);
    m_editor = new ui::WorkloadEditor(this);
    auto* treeDock = dock(this, tr("Process tree"), QStringLiteral("tree"), m_tree, Qt::BottomDockWidgetArea);
    auto* controlDock = dock(this, tr("Process control"), QStringLiteral("control"), scrolling(m_control),
        Qt::BottomDockWidgetArea);
    auto* editorDock = dock(
        this, tr("Workload editor"), QStringLiteral("editor"), scrolling(m_editor), Qt::BottomDockWidgetArea);
    m_lesson = new ui::LessonPanel(this);
    m_lessonDock = dock(this, tr("Lesson"), QStringLiteral("lesson"), m_lesson, Qt::BottomDockWidgetArea);
    splitDockWidget(diagramDock, cpuDock, Qt::Vertical);
    tabifyDockWidget(eventDock, textDock);
    tabifyDockWidget(eventDock, m_lessonDock);
    tabifyDockWidget(eventDock, editorDock);
    tabifyDockWidget(queueDock, treeDock);
    tabifyDockWidget(processDock, controlDock);
    processDock->raise();
    queueDock->raise();
    eventDock->raise();
    // The editor runs what it holds as a new simulation; live commands mark the workload changed.
    connect(m_editor, &ui::WorkloadEditor::runRequested, this, &MainWindow::runEditedWorkload);
    connect(m_editor, &ui::WorkloadEditor::runRefused, this,
        [this](const QString& problem) { showError(tr("Cannot run the workload"), problem); });
    connect(m_control, &ui::ProcessControlPanel::commandApplied, this, [this](const Command& c) {
        statusBar()->showMessage(tr("%1 at tick %2: the future was simulated again")
                                     .arg(QString::fromUtf8(commandName(c.kind).data(),
                                         static_cast<qsizetype>(commandName(c.kind).size())))
                                     .arg(c.at),
            5000);
    });
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
    file->addAction(tr("Export trace for &Perfetto (Chrome JSON)…"), this, [this] {
        exportText(tr("Chrome trace JSON (*.json)"), QStringLiteral(".chrome.json"),
            [](const Trace& t) { return writeChromeTrace(t); });
    });
    file->addAction(tr("Export &intervals as CSV…"), this, [this] {
        exportText(
            tr("CSV (*.csv)"), QStringLiteral(".csv"), [](const Trace& t) { return writeIntervalsCsv(t); });
    });
    file->addAction(tr("Export &metrics as CSV…"), this, [this] {
        exportText(tr("CSV (*.csv)"), QStringLiteral(".metrics.csv"),
            [](const Trace& t) { return writeMetricsCsv(t); });
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), this, &QWidget::close)->setShortcut(QKeySequence::Quit);

    QMenu* simulation = menuBar()->addMenu(tr("&Simulation"));
    simulation->addAction(tr("&Setup and re-run…"), this, &MainWindow::setupSimulation)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    simulation->addAction(tr("&OSTEP homework simulator…"), this, &MainWindow::runOstepDialog)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    simulation->addSeparator();
    m_compareMenu = simulation->addMenu(tr("&Compare policies side by side"));
    fillCompareMenu(); // its Ctrl+Shift+C works before the menu was ever opened
    connect(m_compareMenu, &QMenu::aboutToShow, this, &MainWindow::fillCompareMenu);
    // Predict, then reveal: Ctrl+P starts and ends it, also with the menu bar hidden (presentation).
    m_quiz = std::make_unique<ui::QuizSession>(this, &m_playback, &m_viewState);
    QAction* quiz = simulation->addAction(tr("&Predict, then reveal"));
    quiz->setCheckable(true);
    quiz->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    addAction(quiz);
    connect(quiz, &QAction::triggered, m_quiz.get(), &ui::QuizSession::setActive);
    connect(m_quiz.get(), &ui::QuizSession::activeChanged, quiz, &QAction::setChecked);

    QMenu* lessons = menuBar()->addMenu(tr("&Lessons"));
    fillLessonsMenu(lessons, bundledTracesDir(), [this](const QString& path) { openFile(path); });

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    // The diagram shows the lifecycle states a trace has on its own; this shows all seven always.
    QAction* lifecycle = m_viewMenu->addAction(tr("All seven states in the state &diagram"));
    lifecycle->setCheckable(true);
    connect(lifecycle, &QAction::toggled, m_diagram, &ui::StateDiagramView::setFullLifecycle);
    QAction* wording = m_viewMenu->addAction(tr("Detailed &arrow labels in the state diagram"));
    wording->setCheckable(true);
    connect(wording, &QAction::toggled, m_diagram, [this](bool detailed) {
        m_diagram->setArrowWording(detailed ? ui::ArrowWording::Detailed : ui::ArrowWording::Book);
    });
    QAction* fit = m_viewMenu->addAction(tr("&Fit the Gantt chart"), m_gantt, &ui::GanttView::fit);
    fit->setShortcut(QKeySequence(Qt::Key_0));
    // Off, every view stops at the cursor, so a class can be asked "what happens next?".
    QAction* future = m_viewMenu->addAction(tr("Show the &future"));
    future->setObjectName(QStringLiteral("showFuture"));
    future->setCheckable(true);
    future->setChecked(m_viewState.showFuture());
    future->setShortcut(QKeySequence(Qt::Key_F));
    addAction(future); // works while presentation mode hides the menu bar
    connect(future, &QAction::toggled, &m_viewState, &ui::ViewState::setShowFuture);
    connect(&m_viewState, &ui::ViewState::showFutureChanged, future, &QAction::setChecked);
    m_viewMenu->addSeparator();
    for (QDockWidget* d : findChildren<QDockWidget*>())
        m_viewMenu->addAction(d->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    // Built from the window's actions and shortcuts each time it opens, so it lists every key.
    help->addAction(tr("&Keyboard and mouse"), this, [this] { showKeyboardHelp(this); })
        ->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&About ProcScope"), this, [this] {
        QMessageBox::about(this, tr("About ProcScope"),
            tr("ProcScope shows processes moving through their states, for teaching with "
               "Operating Systems: Three Easy Pieces and for replaying traces."));
    });
}

void MainWindow::createPresentationMode()
{
    m_presentation = new PresentationMode(this);
    m_presentation->addPaletteTarget([this](ui::Palette p) {
        m_gantt->setColorScheme(p);
        m_diagram->setColorScheme(p);
        m_cpuPlot->setColorScheme(p);
        m_processes->setStatePalette(p);
        m_queues->setStatePalette(p);
        m_events->setStatePalette(p);
        m_tree->setStatePalette(p);
        m_quiz->setStatePalette(p);
    });
    m_presentation->addEmphasisTarget([this](bool on) { m_gantt->setCursorWidth(on ? 4 : 2); });
    connect(m_presentation, &PresentationMode::toggled, m_quiz.get(), &ui::QuizSession::setPresenting);
    for (const char* name : {"processes", "queues", "events", "text", "tree", "control", "editor"})
        if (auto* d = findChild<QDockWidget*>(QLatin1String(name)))
            m_presentation->hideWhilePresenting(d);
    QAction* toggle = m_viewMenu->addAction(tr("&Presentation mode"));
    toggle->setCheckable(true);
    toggle->setShortcut(QKeySequence(Qt::Key_F5));
    toggle->setShortcutContext(Qt::ApplicationShortcut);
    addAction(toggle); // keeps F5 working while the menu bar is hidden
    connect(toggle, &QAction::toggled, m_presentation, &PresentationMode::setOn);
    connect(m_presentation, &PresentationMode::toggled, toggle, &QAction::setChecked);
    // A projected lecture asks "what happens next?": presenting hides the future until asked.
    connect(m_presentation, &PresentationMode::toggled, this, [this](bool on) {
        if (on) {
            m_futureBeforePresenting = m_viewState.showFuture();
            m_viewState.setShowFuture(false);
        } else {
            m_viewState.setShowFuture(m_futureBeforePresenting);
        }
    });
    auto* leave = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    leave->setWhatsThis(tr("Leave presentation mode"));
    connect(leave, &QShortcut::activated, m_presentation, [this] { m_presentation->setOn(false); });
}

void MainWindow::createShortcuts()
{
    // whatsThis says what a shortcut does in Help ▸ Keyboard.
    const auto bind = [this](QKeySequence keys, auto slot, const QString& what) {
        auto* s = new QShortcut(keys, this);
        s->setWhatsThis(what);
        connect(s, &QShortcut::activated, &m_playback, slot);
    };
    bind(QKeySequence(Qt::Key_Space), &ui::PlaybackController::togglePlay, tr("Play / pause"));
    bind(QKeySequence(Qt::Key_Right), &ui::PlaybackController::stepForward, tr("One tick forward"));
    bind(QKeySequence(Qt::Key_Left), &ui::PlaybackController::stepBack, tr("One tick back"));
    bind(QKeySequence(Qt::SHIFT | Qt::Key_Right), &ui::PlaybackController::nextEvent, tr("Next event"));
    bind(
        QKeySequence(Qt::SHIFT | Qt::Key_Left), &ui::PlaybackController::previousEvent, tr("Previous event"));
    bind(QKeySequence(Qt::Key_Home), &ui::PlaybackController::toStart, tr("Go to the start (tick 0)"));
    bind(QKeySequence(Qt::Key_End), &ui::PlaybackController::toEnd,
        tr("Go to the end, where every process shows its final state"));
}

// The document is made and indexed for the views on a worker; the window keeps answering.
ui::Loaded MainWindow::runInBackground(const QString& label, ui::BackgroundJob::Work work)
{
    return ui::runWithProgress(
        m_quiet ? nullptr : this, label, [work = std::move(work)](ui::JobControl& control) {
            ui::Loaded loaded = work(control);
            if (loaded.document && !control.cancelled())
                ui::prepareViews(*loaded.document, &control);
            return loaded;
        });
}

bool MainWindow::openFile(const QString& path)
{
    if (!m_quiet && !m_editor->maybeSave(this))
        return false; // the user keeps editing
    const QString name = QFileInfo(path).fileName();
    ui::Loaded loaded = runInBackground(tr("Opening %1…").arg(name),
        [path](ui::JobControl& control) { return ui::loadFile(path, &control); });
    if (!loaded.document) {
        if (loaded.error.isEmpty())
            statusBar()->showMessage(
                tr("Opening %1 was cancelled; the previous document stays open.").arg(name));
        else
            showError(tr("Cannot open %1").arg(name), loaded.error);
        return false;
    }
    m_ostepScript.clear();
    return adopt(std::move(loaded), QFileInfo(path).absoluteFilePath());
}

bool MainWindow::openOstep(const QString& script, const QStringList& args)
{
    ui::Loaded loaded = runInBackground(tr("Running %1.py…").arg(script),
        [script, args](ui::JobControl& control) { return ui::loadOstep(script, args, &control); });
    if (!loaded.document) {
        if (!loaded.error.isEmpty())
            showError(tr("Cannot run %1.py").arg(script), loaded.error);
        return false;
    }
    m_ostepScript = script;
    m_ostepArgs = args;
    return adopt(std::move(loaded), kOstepPrefix + script + QLatin1Char(' ') + args.join(QLatin1Char(' ')));
}

// The new document replaces the old one only once it loaded: on error the previous stays open.
bool MainWindow::adopt(ui::Loaded loaded, const QString& recentEntry, bool keepEditor)
{
    m_quiz->stop(); // the quiz asks about the document being replaced
    m_viewState.setSelectedProcess(-1);
    m_playback.setDocument(loaded.document.get());
    ui::Document::dispose(std::exchange(m_document, std::move(loaded.document)));
    m_text->setText(loaded.ostepText.isEmpty() ? tickTableText(m_document->trace()) : loaded.ostepText);
    m_text->setCursorTick(m_playback.tick());
    // A re-run under another policy must not keep the old policy's name in the title.
    const Workload* workload = m_document->workload();
    const QString shown = workload
                              ? tr("%1 (%2)").arg(m_document->title(),
                                    QString::fromStdString(std::string(policyName(workload->policy.kind))))
                              : m_document->title();
    setWindowTitle(tr("%1 — ProcScope").arg(shown));
    const Trace& t = m_document->trace();
    const bool limited = m_document->simulator() && m_document->simulator()->hitTickLimit();
    const auto count = [](std::size_t n, const QString& one, const QString& many) {
        return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
    };
    statusBar()->showMessage(
        QStringLiteral("%1: %2, %3, %4%5")
            .arg(shown, count(t.processCount(), tr("process"), tr("processes")),
                count(std::size_t(t.cpuCount()), tr("CPU"), tr("CPUs")), ui::TimeText(t).span(t.end()),
                limited ? tr(" — stopped at the tick limit") : QString()));
    if (workload && !keepEditor)
        m_editor->setWorkload(*workload, m_document->path());
    m_lesson->setLesson(loaded.lesson);
    if (!loaded.lesson.isEmpty()) {
        m_lessonDock->show();
        m_lessonDock->raise();
    } else {
        m_lessonDock->hide(); // an empty panel takes no room from the charts
    }
    if (!loaded.warnings.isEmpty())
        showWarnings(m_document->title(), loaded.warnings);
    if (!recentEntry.isEmpty())
        addRecent(recentEntry);
    return true;
}

void MainWindow::showWarnings(const QString& title, const QString& text)
{
    std::fprintf(stderr, "%s: warning: %s\n", qPrintable(title), qPrintable(text));
    if (m_quiet)
        return;
    QMessageBox box(QMessageBox::Warning, tr("Loaded with warnings"),
        tr("%1 was loaded, but some of it could not be read. The details say what was skipped.").arg(title),
        QMessageBox::Ok, this);
    box.setDetailedText(text);
    box.exec();
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
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a workload or a trace"), QString(),
        tr("Workloads and traces (*.json *.txt *.trace *.dat);;JSON: ProcScope or Chrome (*.json);;"
           "Linux scheduler text: trace-cmd report, perf script (*.txt *.trace *.dat);;All files (*)"));
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
        this, tr("Save workload"), m_editor->path(), tr("ProcScope workloads (*.json)"));
    if (path.isEmpty())
        return;
    // The editor holds the workload as the user edited it (the open document's, plus any edits).
    if (!m_editor->save(path))
        showError(tr("Cannot save %1").arg(path), m_editor->errorString());
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

void MainWindow::exportText(
    const QString& filter, const QString& suffix, const std::function<std::string(const Trace&)>& write)
{
    if (!m_document)
        return;
    QString proposed = QFileInfo(m_document->path()).completeBaseName();
    if (proposed.isEmpty())
        proposed = QStringLiteral("procscope");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export"), proposed + suffix, filter);
    if (path.isEmpty())
        return;
    QString error;
    if (!saveText(path, write(m_document->trace()), &error))
        showError(tr("Cannot save %1").arg(path), error);
    else
        statusBar()->showMessage(tr("Exported %1").arg(path), 5000);
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
    const QString title = m_document->title();
    const QString path = m_document->path();
    Workload workload = dialog.workload();
    ui::Loaded loaded =
        runInBackground(tr("Simulating %1…").arg(title), [workload, title](ui::JobControl& control) {
            return ui::simulateWorkload(workload, title, &control);
        });
    if (!loaded.document)
        return;
    loaded.document->setPath(path);
    loaded.document->setModified(true);
    adopt(std::move(loaded), path);
}

void MainWindow::runEditedWorkload(const Workload& workload)
{
    const QString title =
        workload.name.empty() ? tr("Edited workload") : QString::fromStdString(workload.name);
    ui::Loaded loaded =
        runInBackground(tr("Simulating %1…").arg(title), [workload, title](ui::JobControl& control) {
            return ui::simulateWorkload(workload, title, &control);
        });
    if (!loaded.document)
        return;
    loaded.document->setPath(m_editor->path());
    adopt(std::move(loaded), QString(), true);
}

// The policies chosen in a dialog (Ctrl+Shift+C, also in presentation mode, where the menu bar is
// hidden: the action is on the window too), or a standard comparison in one click. Each opens in
// a window of its own, simulated off the GUI thread; this window's document stays as it is.
void MainWindow::fillCompareMenu()
{
    const auto compare = [this](std::vector<ui::ComparisonVariant> variants, const QString& name) {
        if (!m_document || !m_document->workload())
            return;
        ui::ComparisonRequest request{*m_document->workload(), std::move(variants),
            tr("%1 — %2 — ProcScope").arg(name, m_document->title()), m_presentation->palette()};
        ui::ComparisonView* view = ui::openComparisonWindow(this, std::move(request), !m_quiet);
        if (!view) {
            statusBar()->showMessage(tr("The comparison was cancelled."), 5000);
            return;
        }
        view->setObjectName(QStringLiteral("comparison"));
        connect(m_presentation, &PresentationMode::toggled, view,
            [this, view] { view->setColorScheme(m_presentation->palette()); });
    };
    auto* choose = findChild<QAction*>(QStringLiteral("compareChoose"), Qt::FindDirectChildrenOnly);
    if (!choose) {
        choose = new QAction(tr("&Choose the policies to compare…"), this);
        choose->setObjectName(QStringLiteral("compareChoose"));
        choose->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
        addAction(choose);
        connect(choose, &QAction::triggered, this, [this, compare] {
            if (!m_document || !m_document->workload()) {
                showError(tr("Compare policies"),
                    tr("Open a workload first: a recorded trace has no policy to change."));
                return;
            }
            ui::ComparisonDialog dialog(*m_document->workload(), this);
            if (dialog.exec() != QDialog::Accepted)
                return;
            QStringList labels;
            for (const ui::ComparisonVariant& v : dialog.variants())
                labels << ui::variantLabel(v.policy);
            compare(dialog.variants(), labels.join(tr(" vs ")));
        });
    }
    m_compareMenu->clear(); // the presets go; the window keeps the action
    m_compareMenu->addAction(choose);
    m_compareMenu->addSeparator();
    if (!m_document || !m_document->workload()) {
        m_compareMenu->addAction(tr("(open a workload: a recorded trace has no policy to change)"))
            ->setEnabled(false);
        return;
    }
    for (ui::ComparisonPreset& preset : ui::standardComparisons(*m_document->workload()))
        m_compareMenu->addAction(
            preset.name, this, [compare, preset] { compare(preset.variants, preset.name); });
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
    if (!m_quiet && !m_editor->maybeSave(this)) {
        event->ignore();
        return;
    }
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
