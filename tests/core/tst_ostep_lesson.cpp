// The chapter a lesson names, read in both ways the bundled lessons write it, and every bundled
// lesson's chapter against the book's numbers and titles.
#include "core/io/ostep_lesson.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using procscope::OstepChapter;
using procscope::parseOstepChapter;

Q_DECLARE_METATYPE(std::optional<OstepChapter>)

class TestOstepLesson : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parseChapter_data();
    void parseChapter();
    void bundledLessonsNameTheBooksChapters_data();
    void bundledLessonsNameTheBooksChapters();
};

void TestOstepLesson::parseChapter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<std::optional<OstepChapter>>("expected");
    const auto ch = [](int n, const char* title) { return std::optional(OstepChapter{n, title}); };
    const std::optional<OstepChapter> none;
    QTest::newRow("homework lesson") << QStringLiteral("The Abstraction: The Process (ch. 4)")
                                     << ch(4, "The Abstraction: The Process");
    QTest::newRow("workload lesson") << QStringLiteral("7 Scheduling: Introduction")
                                     << ch(7, "Scheduling: Introduction");
    QTest::newRow("two digits") << QStringLiteral("Scheduling: Proportional Share (ch. 19)")
                                << ch(19, "Scheduling: Proportional Share");
    QTest::newRow("spaces around") << QStringLiteral("  8   Scheduling: The Multi-Level Feedback Queue  ")
                                   << ch(8, "Scheduling: The Multi-Level Feedback Queue");
    QTest::newRow("space inside the parentheses")
        << QStringLiteral("Interlude: Process API (ch.  5 )") << ch(5, "Interlude: Process API");
    QTest::newRow("empty") << QString() << none;
    QTest::newRow("no number") << QStringLiteral("Scheduling: Introduction") << none;
    QTest::newRow("number only") << QStringLiteral("7") << none;
    QTest::newRow("number without title") << QStringLiteral("(ch. 7)") << none;
    QTest::newRow("chapter 0") << QStringLiteral("0 Preface") << none;
    QTest::newRow("chapter 100") << QStringLiteral("Appendix (ch. 100)") << none;
    QTest::newRow("negative") << QStringLiteral("-4 The Abstraction") << none;
    QTest::newRow("not a number") << QStringLiteral("Intro (ch. four)") << none;
    QTest::newRow("huge") << QStringLiteral("99999999999999999999 Title") << none;
    QTest::newRow("digits then letters") << QStringLiteral("4a The Abstraction") << none;
}

void TestOstepLesson::parseChapter()
{
    QFETCH(QString, text);
    QFETCH(std::optional<OstepChapter>, expected);
    const auto got = parseOstepChapter(text.toStdString());
    QCOMPARE(got.has_value(), expected.has_value());
    if (got) {
        QCOMPARE(got->number, expected->number);
        QCOMPARE(QString::fromStdString(got->title), QString::fromStdString(expected->title));
    }
}

void TestOstepLesson::bundledLessonsNameTheBooksChapters_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("chapter");
    const QDir traces(QStringLiteral(PROCSCOPE_TEST_DATA "/../../traces"));
    for (const char* folder : {"ostep", "lessons"}) {
        const QDir dir(traces.filePath(QLatin1String(folder)));
        const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        QVERIFY2(!files.isEmpty(), qPrintable(dir.path()));
        for (const QString& name : files) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
            const QString chapter = o.contains(QStringLiteral("chapter"))
                                        ? o.value(QStringLiteral("chapter")).toString()
                                        : o.value(QStringLiteral("lesson"))
                                              .toObject()
                                              .value(QStringLiteral("chapter"))
                                              .toString();
            QTest::newRow(qPrintable(QStringLiteral("%1/%2").arg(QLatin1String(folder), name)))
                << dir.filePath(name) << chapter;
        }
    }
}

// OSTEP's chapters (version 1.10) that the bundled lessons teach.
void TestOstepLesson::bundledLessonsNameTheBooksChapters()
{
    QFETCH(QString, chapter);
    const std::map<int, std::string> book{{4, "The Abstraction: The Process"}, {5, "Interlude: Process API"},
        {6, "Mechanism: Limited Direct Execution"}, {7, "Scheduling: Introduction"},
        {8, "Scheduling: The Multi-Level Feedback Queue"}, {9, "Scheduling: Proportional Share"},
        {10, "Multiprocessor Scheduling (Advanced)"}};
    const auto got = parseOstepChapter(chapter.toStdString());
    QVERIFY2(got.has_value(), qPrintable(chapter));
    QVERIFY2(book.count(got->number), qPrintable(chapter));
    QCOMPARE(QString::fromStdString(got->title), QString::fromStdString(book.at(got->number)));
}

QTEST_GUILESS_MAIN(TestOstepLesson)
#include "tst_ostep_lesson.moc"
