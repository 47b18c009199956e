#include "ui/panels/lesson_panel.h"

#include "core/io/ostep_lesson.h"
#include "ui/panels/panel_style.h"

#include <QTextBrowser>
#include <QVBoxLayout>

namespace procscope::ui {

LessonPanel::LessonPanel(QWidget* parent)
    : QWidget(parent)
    , m_browser(new QTextBrowser(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);
    m_browser->setOpenExternalLinks(true);
    useReadableFont(m_browser);
}

QString LessonPanel::chapterHeading(const QString& chapter)
{
    if (const auto c = parseOstepChapter(chapter.toStdString()))
        return tr("OSTEP ch. %1: %2").arg(c->number).arg(QString::fromStdString(c->title));
    return tr("OSTEP: %1").arg(chapter);
}

QString LessonPanel::toHtml(const LessonText& lesson)
{
    QString html;
    if (!lesson.chapter.isEmpty())
        html += QStringLiteral("<p style='color:#555'>%1</p>")
                    .arg(chapterHeading(lesson.chapter).toHtmlEscaped());
    if (!lesson.title.isEmpty())
        html += QStringLiteral("<h2>%1</h2>").arg(lesson.title.toHtmlEscaped());
    if (!lesson.description.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(lesson.description.toHtmlEscaped());
    if (!lesson.questions.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3><ol>").arg(tr("Questions"));
        for (const QString& q : lesson.questions)
            html += QStringLiteral("<li style='margin-bottom:6px'>%1</li>").arg(q.toHtmlEscaped());
        html += QStringLiteral("</ol>");
    }
    return html;
}

void LessonPanel::setLesson(const LessonText& lesson)
{
    m_lesson = lesson;
    m_browser->setHtml(toHtml(lesson));
}

} // namespace procscope::ui
