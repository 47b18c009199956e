// The main window only composes: the views of ui/ around one PlaybackController and ViewState,
// the menus, and the document that is open.
#pragma once

#include "ui/document/background_job.h"
#include "ui/document/document_loader.h"
#include "ui/playback/playback_controller.h"
#include "ui/playback/view_state.h"

#include <QMainWindow>

#include <functional>
#include <memory>
#include <string>

class QDockWidget;
class QMenu;

namespace procscope::ui {
class CpuPlotView;
class EventLogPanel;
class LessonPanel;
class QuizSession;
class ProcessControlPanel;
class ProcessTreeView;
class WorkloadEditor;
class GanttView;
class ProcessTablePanel;
class ReadyQueuePanel;
class StateDiagramView;
} // namespace procscope::ui

namespace procscope {

class PresentationMode;
class TraceTextView;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    bool openFile(const QString& path);
    bool openOstep(const QString& script, const QStringList& args);
    // Errors go to a dialog, or (quiet, for --screenshot and tests) only to lastError() and stderr.
    void setQuiet(bool quiet) { m_quiet = quiet; }
    QString lastError() const { return m_lastError; }

    ui::PlaybackController* playback() { return &m_playback; }
    ui::ViewState* viewState() { return &m_viewState; }
    ui::Document* document() const { return m_document.get(); }
    ui::GanttView* gantt() const { return m_gantt; }
    ui::WorkloadEditor* editor() const { return m_editor; }
    ui::QuizSession* quiz() const { return m_quiz.get(); }
    PresentationMode* presentation() const { return m_presentation; }

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createViews();
    void createMenus();
    void createShortcuts();
    void createPresentationMode();
    // keepEditor: the document came from the workload editor, whose edits stay as they are.
    ui::Loaded runInBackground(const QString& label, ui::BackgroundJob::Work work);
    bool adopt(ui::Loaded loaded, const QString& recentEntry, bool keepEditor = false);
    void runEditedWorkload(const Workload& workload);
    void fillCompareMenu();
    void showError(const QString& title, const QString& text);
    void addRecent(const QString& entry);
    void rebuildRecentMenu();
    void chooseFileToOpen();
    void saveWorkloadAs();
    void saveTraceAs();
    void exportView(QWidget* view, const QString& what);
    void exportText(
        const QString& filter, const QString& suffix, const std::function<std::string(const Trace&)>& write);
    void showWarnings(const QString& title, const QString& text);
    void setupSimulation();
    void runOstepDialog();

    ui::PlaybackController m_playback;
    ui::ViewState m_viewState;
    std::unique_ptr<ui::Document> m_document;
    ui::GanttView* m_gantt = nullptr;
    ui::StateDiagramView* m_diagram = nullptr;
    ui::CpuPlotView* m_cpuPlot = nullptr;
    ui::ProcessTablePanel* m_processes = nullptr;
    ui::ReadyQueuePanel* m_queues = nullptr;
    ui::EventLogPanel* m_events = nullptr;
    TraceTextView* m_text = nullptr;
    ui::LessonPanel* m_lesson = nullptr;
    ui::ProcessTreeView* m_tree = nullptr;
    ui::ProcessControlPanel* m_control = nullptr;
    ui::WorkloadEditor* m_editor = nullptr;
    QMenu* m_compareMenu = nullptr;
    std::unique_ptr<ui::QuizSession> m_quiz; // destroyed before the playback and view state it holds
    PresentationMode* m_presentation = nullptr;
    QDockWidget* m_lessonDock = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QString m_lastError;
    QString m_ostepScript;
    QStringList m_ostepArgs;
    bool m_quiet = false;
    bool m_futureBeforePresenting = true;
};

} // namespace procscope
