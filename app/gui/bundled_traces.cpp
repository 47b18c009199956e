#include "app/gui/bundled_traces.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace procscope {

QString bundledTracesDir()
{
    const QString installed = QCoreApplication::applicationDirPath() + QStringLiteral("/../share/procscope");
    if (QFileInfo::exists(installed + QStringLiteral("/demo.json")))
        return installed;
    return QStringLiteral(PROCSCOPE_SOURCE_DIR "/traces");
}

QString defaultDemoPath()
{
    return bundledTracesDir() + QStringLiteral("/demo.json");
}

} // namespace procscope
