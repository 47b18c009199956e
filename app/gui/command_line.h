// The GUI's command line, parsed by hand because everything after --ostep SCRIPT belongs to the
// script (its options look like ours).
#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

namespace procscope {

struct CommandLine {
    QString file;
    QString ostepScript;
    QStringList ostepArgs;
    QString screenshot;
    long long at = -1; // tick for --screenshot; -1: the end
    QSize size{1600, 900};
    bool help = false;
    bool presentation = false;
    QString error;
};

CommandLine parseCommandLine(const QStringList& args);
QString commandLineUsage();

} // namespace procscope
