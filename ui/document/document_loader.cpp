#include "ui/document/document_loader.h"

#include "core/io/json_error.h"
#include "core/io/ostep_lesson.h"
#include "core/io/workload_json.h"
#include "core/ostep/ostep_run.h"

#include <QFileInfo>

namespace procscope::ui {

Loaded loadFile(const QString& path)
{
    Loaded result;
    std::string text;
    if (auto error = readTextFile(path.toStdString(), text)) {
        result.error = QString::fromStdString(error->toString());
        return result;
    }
    if (jsonFormatName(text) == kOstepLessonFormat) {
        auto lesson = readOstepLessonFromString(text, path.toStdString());
        if (auto* error = std::get_if<LoadError>(&lesson)) {
            result.error = QString::fromStdString(error->toString());
            return result;
        }
        const auto& l = std::get<OstepLesson>(lesson);
        QStringList args;
        for (const auto& a : l.args)
            args << QString::fromStdString(a);
        result = loadOstep(QString::fromStdString(l.script), args);
        if (result.document) {
            result.ostepText = QStringLiteral("%1\n%2\n\n%3\n\n")
                                   .arg(QString::fromStdString(l.chapter), QString::fromStdString(l.title),
                                       QString::fromStdString(l.question)) +
                               result.ostepText;
            result.document->setPath(path);
        }
        return result;
    }
    auto read = readWorkloadFromString(text, path.toStdString());
    if (auto* error = std::get_if<LoadError>(&read)) {
        result.error = QString::fromStdString(error->toString());
        return result;
    }
    Workload w = std::get<Workload>(std::move(read));
    const QString title = w.name.empty() ? QFileInfo(path).fileName() : QString::fromStdString(w.name);
    result.document = std::make_unique<Document>(std::move(w), title);
    result.document->setPath(path);
    result.document->simulateAll();
    return result;
}

Loaded loadOstep(const QString& script, const QStringList& args)
{
    Loaded result;
    std::vector<std::string> argv;
    for (const QString& a : args)
        if (a != QStringLiteral("-c"))
            argv.push_back(a.toStdString());
    argv.emplace_back("-c");
    auto run = ostep::runOstep(script.toStdString(), argv);
    if (run.exitCode != 0 || !run.workload) {
        const std::string why = !run.err.empty() ? run.err : run.out;
        result.error = QStringLiteral("%1.py %2: %3")
                           .arg(script, args.join(QLatin1Char(' ')), QString::fromStdString(why).trimmed());
        return result;
    }
    result.ostepText = QString::fromStdString(run.out);
    const QString title = QStringLiteral("%1.py %2").arg(script, args.join(QLatin1Char(' ')));
    result.document = std::make_unique<Document>(std::move(*run.workload), title, std::move(run.rng));
    result.document->simulateAll();
    return result;
}

} // namespace procscope::ui
