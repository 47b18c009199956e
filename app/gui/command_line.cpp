#include "app/gui/command_line.h"

#include <QRegularExpression>

namespace procscope {

QString commandLineUsage()
{
    return QStringLiteral(
        "Usage: procscope [FILE]\n"
        "       procscope --ostep SCRIPT [SCRIPT OPTIONS...]   (process-run, scheduler, mlfq, lottery)\n"
        "       procscope --screenshot OUT.png [--at TICK] [--size WxH] [FILE | --ostep SCRIPT ...]\n"
        "       procscope --help | --version\n"
        "       --presentation   start in presentation mode (F5 switches it in the window)\n"
        "--screenshot, --help and --version need no display; procscope-cli runs workloads and\n"
        "converts traces in a terminal.\n");
}

QString versionText()
{
    return QStringLiteral("procscope " PROCSCOPE_VERSION "\n");
}

Startup startupFor(const CommandLine& cl, const std::function<QString(const char*)>& env)
{
    if (!cl.error.isEmpty() || cl.help || cl.version)
        return Startup::PrintAndExit;
    if (!cl.screenshot.isEmpty())
        return Startup::Headless;
    if (!env("QT_QPA_PLATFORM").isEmpty())
        return Startup::Window;
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    // X11 and Wayland say where the display is; without either Qt would abort on its own.
    if (env("DISPLAY").isEmpty() && env("WAYLAND_DISPLAY").isEmpty())
        return Startup::NoDisplay;
#endif
    return Startup::Window;
}

QString noDisplayMessage()
{
    return QStringLiteral(
        "procscope: no display (neither DISPLAY nor WAYLAND_DISPLAY is set); without one, use procscope-cli "
        "(e.g. procscope-cli simulate FILE) or procscope --screenshot OUT.png FILE\n");
}

CommandLine parseCommandLine(const QStringList& args)
{
    CommandLine cl;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& a = args.at(i);
        auto value = [&]() -> QString {
            if (i + 1 >= args.size()) {
                cl.error = QStringLiteral("%1 needs a value").arg(a);
                return {};
            }
            return args.at(++i);
        };
        if (a == QStringLiteral("--help") || a == QStringLiteral("-h")) {
            cl.help = true;
        } else if (a == QStringLiteral("--version")) {
            cl.version = true;
        } else if (a == QStringLiteral("--ostep")) {
            cl.ostepScript = value();
            cl.ostepArgs = args.mid(i + 1);
            break;
        } else if (a == QStringLiteral("--presentation")) {
            cl.presentation = true;
        } else if (a == QStringLiteral("--screenshot")) {
            cl.screenshot = value();
        } else if (a == QStringLiteral("--at")) {
            bool ok = false;
            cl.at = value().toLongLong(&ok);
            if (!ok || cl.at < 0)
                cl.error = QStringLiteral("--at needs a tick (a whole number from 0)");
        } else if (a == QStringLiteral("--size")) {
            const auto m = QRegularExpression(QStringLiteral("^(\\d+)x(\\d+)$")).match(value());
            if (!m.hasMatch() || m.captured(1).toInt() < 320 || m.captured(2).toInt() < 240 ||
                m.captured(1).toInt() > 8000 || m.captured(2).toInt() > 8000)
                cl.error = QStringLiteral("--size needs WIDTHxHEIGHT, e.g. 1600x900");
            else
                cl.size = QSize(m.captured(1).toInt(), m.captured(2).toInt());
        } else if (a.startsWith(QLatin1Char('-'))) {
            cl.error = QStringLiteral("unknown option %1").arg(a);
        } else if (cl.file.isEmpty()) {
            cl.file = a;
        } else {
            cl.error = QStringLiteral("one file at a time, please");
        }
        if (!cl.error.isEmpty())
            break;
    }
    return cl;
}

} // namespace procscope
