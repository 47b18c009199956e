// One random user action of the monkey test, as a line of text that can be logged, read back and
// replayed: a verb, whole numbers, and a free text after " | " ("key 3 | Ctrl+R", "click 0 512 80
// 1 0", "menu 7 | File/Export Gantt chart (PNG, SVG, PDF)").
#pragma once

#include <QKeySequence>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>

namespace procscope::test {

struct MonkeyAction {
    QString verb;
    QList<int> numbers;
    QString text;

    int number(int i, int otherwise = 0) const { return i < numbers.size() ? numbers[i] : otherwise; }

    QString toString() const
    {
        QStringList words{verb};
        for (int n : numbers)
            words << QString::number(n);
        QString line = words.join(QLatin1Char(' '));
        if (!text.isEmpty())
            line += QStringLiteral(" | ") + text;
        return line;
    }

    static MonkeyAction parse(const QString& line)
    {
        MonkeyAction a;
        const qsizetype bar = line.indexOf(QStringLiteral(" | "));
        a.text = bar < 0 ? QString() : line.mid(bar + 3);
        const QStringList words =
            (bar < 0 ? line : line.left(bar)).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.isEmpty())
            return a;
        a.verb = words.first();
        for (qsizetype i = 1; i < words.size(); ++i)
            a.numbers << words[i].toInt();
        return a;
    }
};

// The keys a person presses: the playback and window shortcuts, the Gantt chart's keys, and the
// keys that move focus, confirm, cancel, undo and delete.
inline const std::array<const char*, 27> kMonkeyKeys{"Space", "Right", "Left", "Shift+Right", "Shift+Left",
    "Home", "End", "0", "F5", "Esc", "+", "-", "Up", "Down", "PgUp", "PgDown", "Tab", "Return", "Ctrl+Z",
    "Ctrl+Shift+Z", "Ctrl+R", "Ctrl+H", "Ctrl+P", "Del", "Ctrl+O", "Ctrl+Shift+S", "Ctrl+Q"};

} // namespace procscope::test
