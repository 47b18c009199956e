// procscope: the desktop application.
//   procscope [FILE]                                open a workload (the default demo without one)
//   procscope --ostep SCRIPT ARGS...               run an OSTEP homework simulator and show the run
//   procscope --screenshot OUT.png [--at TICK] [--size WxH] [FILE | --ostep ...]
//                                                  render the main window without a display and exit
//   procscope --help | --version                   print, without a display
#include "app/gui/bundled_traces.h"
#include "app/gui/command_line.h"
#include "app/gui/main_window.h"
#include "app/gui/presentation_mode.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QTimer>

#include <cstdio>

int main(int argc, char** argv)
{
    // The command line is read before Qt starts: --help, --version and a wrong option need no
    // platform plugin, and --screenshot chooses its platform before QApplication loads one.
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    const procscope::CommandLine cl = procscope::parseCommandLine(args);
    switch (procscope::startupFor(cl, [](const char* name) { return qEnvironmentVariable(name); })) {
    case procscope::Startup::PrintAndExit:
        if (!cl.error.isEmpty()) {
            std::fprintf(
                stderr, "procscope: %s\n%s", qPrintable(cl.error), qPrintable(procscope::commandLineUsage()));
            return 2;
        }
        std::fputs(qPrintable(cl.help ? procscope::commandLineUsage() : procscope::versionText()), stdout);
        return 0;
    case procscope::Startup::NoDisplay:
        std::fputs(qPrintable(procscope::noDisplayMessage()), stderr);
        return 1;
    case procscope::Startup::Headless:
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        break;
    case procscope::Startup::Window:
        break;
    }

    // Qt sees only the program's name: what follows --ostep SCRIPT belongs to the script, and Qt
    // would take options such as -style or -reverse out of it.
    int qtArgc = 1;
    QApplication app(qtArgc, argv);
    QApplication::setApplicationName(QStringLiteral("ProcScope"));
    QApplication::setApplicationVersion(QStringLiteral(PROCSCOPE_VERSION));
    QApplication::setOrganizationName(QStringLiteral("ProcScope"));
    QApplication::setApplicationDisplayName(QStringLiteral("ProcScope"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/procscope.svg")));

    procscope::MainWindow window;
    const bool screenshot = !cl.screenshot.isEmpty();
    window.setQuiet(screenshot);
    if (screenshot)
        window.resize(cl.size);
    if (cl.presentation)
        window.presentation()->setOn(true);
    bool opened = false;
    if (!cl.ostepScript.isEmpty())
        opened = window.openOstep(cl.ostepScript, cl.ostepArgs);
    else
        opened = window.openFile(cl.file.isEmpty() ? procscope::defaultDemoPath() : cl.file);

    if (screenshot) {
        if (!opened)
            return 1;
        window.setAttribute(Qt::WA_DontShowOnScreen);
        window.show();
        window.playback()->seek(cl.at >= 0 ? cl.at : window.playback()->lastTick());
        // Let layouts, queued replots and animations settle before grabbing.
        for (int i = 0; i < 5; ++i) {
            QCoreApplication::processEvents();
            QTimer::singleShot(0, [] {});
        }
        QEventLoop settle;
        QTimer::singleShot(400, &settle, &QEventLoop::quit);
        settle.exec();
        if (!window.grab().save(cl.screenshot)) {
            std::fprintf(stderr, "procscope: cannot write %s\n", qPrintable(cl.screenshot));
            return 1;
        }
        return 0;
    }
    window.show();
    return QApplication::exec();
}
