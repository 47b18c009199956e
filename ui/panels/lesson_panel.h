// The lesson that is open: its title, the OSTEP chapter, what it shows, and the questions to ask
// the class, numbered, in type that reads from the back of a lecture hall.
#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>

class QTextBrowser;

namespace procscope::ui {

struct LessonText {
    QString title;
    QString chapter;
    QString description;
    QStringList questions;

    bool isEmpty() const { return title.isEmpty() && description.isEmpty() && questions.isEmpty(); }
};

class LessonPanel : public QWidget {
    Q_OBJECT

public:
    explicit LessonPanel(QWidget* parent = nullptr);

    void setLesson(const LessonText& lesson);
    const LessonText& lesson() const { return m_lesson; }
    QTextBrowser* browser() const { return m_browser; }
    // "OSTEP ch. 4: The Abstraction: The Process", from either way a lesson names its chapter.
    static QString chapterHeading(const QString& chapter);
    // The lesson as HTML (what the browser shows).
    static QString toHtml(const LessonText& lesson);

private:
    LessonText m_lesson;
    QTextBrowser* m_browser;
};

} // namespace procscope::ui
