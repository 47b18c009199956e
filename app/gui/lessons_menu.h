// The Lessons menu: the ready scenarios of traces/lessons (processes, the process API,
// scheduling) and the OSTEP homework questions of traces/ostep, grouped by the book's chapters.
#pragma once

#include <QList>
#include <QString>

#include <functional>

class QMenu;

namespace procscope {

struct LessonEntry {
    QString label;
    QString path;
};

// The lessons of one chapter, "Ch. 4 — The Abstraction: The Process".
struct LessonChapter {
    int number = 0; // 0: lessons that name no chapter, listed last
    QString title;
    QList<LessonEntry> lessons;
};

// The OSTEP homework lessons of `folder`, one group per chapter in book order, each group's
// lessons in file-name order (the order of the book's questions).
QList<LessonChapter> ostepLessonChapters(const QString& folder);

// Fills `menu` from `tracesDir`; choosing an entry calls `open` with the file's path.
void fillLessonsMenu(QMenu* menu, const QString& tracesDir, const std::function<void(const QString&)>& open);

} // namespace procscope
