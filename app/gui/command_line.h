// The GUI's command line, parsed by hand because everything after --ostep SCRIPT belongs to the
// script (its options look like ours).
#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

#include <functional>

namespace procscope {

struct CommandLine {
    QString file;
    QString ostepScript;
    QStringList ostepArgs;
    QString screenshot;
    long long at = -1; // tick for --screenshot; -1: the end
    QSize size{1600, 900};
    bool help = false;
    bool version = false;
    bool presentation = false;
    QString error;
};

CommandLine parseCommandLine(const QStringList& args);
QString commandLineUsage();
QString versionText(); // "procscope 0.1.0\n", the version of CMake's project()

// What main() must do before a QApplication exists, for a command line and an environment
// (read through `env`, e.g. qEnvironmentVariable).
enum class Startup {
    PrintAndExit, // --help, --version or an error: no window, no platform plugin
    Headless,     // --screenshot: the offscreen platform unless QT_QPA_PLATFORM chooses one
    Window,       // a display (or a platform chosen by QT_QPA_PLATFORM)
    NoDisplay,    // the GUI was asked for, but there is nowhere to show it
};
Startup startupFor(const CommandLine& cl, const std::function<QString(const char*)>& env);
// The one line that says there is no display, and what works without one.
QString noDisplayMessage();

} // namespace procscope
