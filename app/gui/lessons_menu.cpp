#include "app/gui/lessons_menu.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>

namespace procscope {

namespace {

// The title a lesson file gives itself ("name" of a workload, "title" of an OSTEP lesson).
QString titleOf(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > 1024 * 1024)
        return {};
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    QString title = o.value(QStringLiteral("name")).toString();
    if (title.isEmpty())
        title = o.value(QStringLiteral("title")).toString();
    const QString chapter =
        o.value(QStringLiteral("lesson")).toObject().value(QStringLiteral("chapter")).toString();
    return chapter.isEmpty() || title.isEmpty()
               ? title
               : QStringLiteral("%1 — ch. %2").arg(title, chapter.section(QLatin1Char(' '), 0, 0));
}

void addFolder(QMenu* menu, const QString& folder, const std::function<void(const QString&)>& open)
{
    const QDir dir(folder);
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString& name : files) {
        const QString path = dir.filePath(name);
        QString title = titleOf(path);
        if (title.isEmpty())
            title = QFileInfo(name).completeBaseName();
        menu->addAction(title, menu, [open, path] { open(path); });
    }
    if (files.isEmpty())
        menu->addAction(QObject::tr("(none found in %1)").arg(QDir::toNativeSeparators(folder)))
            ->setEnabled(false);
}

} // namespace

void fillLessonsMenu(QMenu* menu, const QString& tracesDir, const std::function<void(const QString&)>& open)
{
    menu->clear();
    addFolder(menu, tracesDir + QStringLiteral("/lessons"), open);
    menu->addSeparator();
    QMenu* ostep = menu->addMenu(QObject::tr("OSTEP &homework questions"));
    addFolder(ostep, tracesDir + QStringLiteral("/ostep"), open);
}

} // namespace procscope
