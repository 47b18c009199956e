#include "app/gui/lessons_menu.h"

#include "core/io/ostep_lesson.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>

#include <map>
#include <variant>

namespace procscope {

namespace {

// The title a workload lesson gives itself, with its chapter: "The convoy effect — ch. 7".
QString workloadLessonTitle(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > 1024 * 1024)
        return {};
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    const QString title = o.value(QStringLiteral("name")).toString();
    const auto chapter = parseOstepChapter(o.value(QStringLiteral("lesson"))
                                               .toObject()
                                               .value(QStringLiteral("chapter"))
                                               .toString()
                                               .toStdString());
    return chapter && !title.isEmpty() ? QObject::tr("%1 — ch. %2").arg(title).arg(chapter->number) : title;
}

QStringList jsonFiles(const QDir& dir)
{
    return dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
}

void addNoneFound(QMenu* menu, const QString& folder)
{
    menu->addAction(QObject::tr("(none found in %1)").arg(QDir::toNativeSeparators(folder)))
        ->setEnabled(false);
}

void addWorkloadLessons(QMenu* menu, const QString& folder, const std::function<void(const QString&)>& open)
{
    const QDir dir(folder);
    const QStringList files = jsonFiles(dir);
    for (const QString& name : files) {
        const QString path = dir.filePath(name);
        QString title = workloadLessonTitle(path);
        if (title.isEmpty())
            title = QFileInfo(name).completeBaseName();
        menu->addAction(title, menu, [open, path] { open(path); })->setData(path); // the file it opens
    }
    if (files.isEmpty())
        addNoneFound(menu, folder);
}

QString chapterTitle(const LessonChapter& chapter)
{
    return chapter.number > 0 ? QObject::tr("Ch. %1 — %2").arg(chapter.number).arg(chapter.title)
                              : chapter.title;
}

} // namespace

QList<LessonChapter> ostepLessonChapters(const QString& folder)
{
    const QDir dir(folder);
    std::map<int, LessonChapter> chapters; // by number: the book's order
    for (const QString& name : jsonFiles(dir)) {
        const QString path = dir.filePath(name);
        const auto read = readOstepLesson(path.toStdString());
        const auto* lesson = std::get_if<OstepLesson>(&read);
        const auto chapter = lesson ? parseOstepChapter(lesson->chapter) : std::nullopt;
        LessonChapter& group = chapters[chapter ? chapter->number : 0];
        if (chapter) {
            group.number = chapter->number;
            group.title = QString::fromStdString(chapter->title);
        } else {
            group.title = QObject::tr("Other");
        }
        const QString label = lesson && !lesson->title.empty() ? QString::fromStdString(lesson->title)
                                                               : QFileInfo(name).completeBaseName();
        group.lessons.append({label, path});
    }
    QList<LessonChapter> result;
    for (auto& [number, chapter] : chapters)
        if (number > 0)
            result.append(std::move(chapter));
    if (const auto other = chapters.find(0); other != chapters.end())
        result.append(std::move(other->second));
    return result;
}

void fillLessonsMenu(QMenu* menu, const QString& tracesDir, const std::function<void(const QString&)>& open)
{
    menu->clear();
    addWorkloadLessons(menu, tracesDir + QStringLiteral("/lessons"), open);
    menu->addSeparator();
    QMenu* ostep = menu->addMenu(QObject::tr("OSTEP &homework questions"));
    const QString folder = tracesDir + QStringLiteral("/ostep");
    const QList<LessonChapter> chapters = ostepLessonChapters(folder);
    for (const LessonChapter& chapter : chapters) {
        QMenu* sub = ostep->addMenu(chapterTitle(chapter));
        for (const LessonEntry& lesson : chapter.lessons)
            sub->addAction(lesson.label, sub, [open, path = lesson.path] { open(path); })
                ->setData(lesson.path);
    }
    if (chapters.isEmpty())
        addNoneFound(ostep, folder);
}

} // namespace procscope
