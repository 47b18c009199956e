#include "ui/document/document_loader.h"

#include "core/io/json_error.h"
#include "core/io/ostep_lesson.h"
#include "core/io/trace_file.h"
#include "core/io/workload_json.h"
#include "core/ostep/ostep_run.h"

#include <QFileInfo>

namespace procscope::ui {

namespace {

std::function<bool(std::uint64_t, std::uint64_t)> progressOf(JobControl* control)
{
    if (!control)
        return {};
    return [control](std::uint64_t done, std::uint64_t total) { return control->report(done, total); };
}

Loaded failed(const LoadError& error)
{
    Loaded result;
    if (!error.cancelled)
        result.error = QString::fromStdString(error.toString());
    return result;
}

Loaded lesson(const std::string& text, const QString& path, JobControl* control)
{
    auto read = readOstepLessonFromString(text, path.toStdString());
    if (auto* error = std::get_if<LoadError>(&read))
        return failed(*error);
    const auto& l = std::get<OstepLesson>(read);
    QStringList args;
    for (const auto& a : l.args)
        args << QString::fromStdString(a);
    Loaded result = loadOstep(QString::fromStdString(l.script), args, control);
    if (result.document) {
        result.ostepText = QStringLiteral("%1\n%2\n\n%3\n\n")
                               .arg(QString::fromStdString(l.chapter), QString::fromStdString(l.title),
                                   QString::fromStdString(l.question)) +
                           result.ostepText;
        result.lesson = LessonText{QString::fromStdString(l.title), QString::fromStdString(l.chapter),
            QStringLiteral("%1.py %2").arg(QString::fromStdString(l.script), args.join(QLatin1Char(' '))),
            {QString::fromStdString(l.question)}};
        result.document->setPath(path);
    }
    return result;
}

Loaded workload(const std::string& text, const QString& path, JobControl* control)
{
    auto read = readWorkloadFromString(text, path.toStdString());
    if (auto* error = std::get_if<LoadError>(&read))
        return failed(*error);
    Workload w = std::get<Workload>(std::move(read));
    const QString title = w.name.empty() ? QFileInfo(path).fileName() : QString::fromStdString(w.name);
    LessonText lessonText;
    if (w.lesson) {
        lessonText.title = title;
        lessonText.chapter = QString::fromStdString(w.lesson->chapter);
        lessonText.description = QString::fromStdString(w.description);
        for (const auto& q : w.lesson->questions)
            lessonText.questions << QString::fromStdString(q);
    }
    Loaded result = simulateWorkload(std::move(w), title, control);
    result.lesson = std::move(lessonText);
    if (result.document)
        result.document->setPath(path);
    return result;
}

Loaded trace(const std::string& text, const QString& path, JobControl* control)
{
    TraceLoadOptions options;
    options.progress = progressOf(control);
    auto read = loadTraceText(text, path.toStdString(), options);
    if (auto* error = std::get_if<LoadError>(&read))
        return failed(*error);
    auto& loaded = std::get<LoadedTrace>(read);
    Loaded result;
    QStringList warnings;
    for (const auto& w : loaded.warnings)
        warnings << QString::fromStdString(w);
    result.warnings = warnings.join(QLatin1Char('\n'));
    const QString title =
        QStringLiteral("%1 (%2)").arg(QFileInfo(path).fileName(), QString::fromStdString(loaded.format));
    result.document = std::make_unique<Document>(std::move(loaded.trace), title, path);
    return result;
}

} // namespace

Loaded loadFile(const QString& path, JobControl* control)
{
    std::string text;
    if (auto error = readTextFile(path.toStdString(), text, kMaxTraceFileBytes, progressOf(control)))
        return failed(*error);
    if (control && control->cancelled())
        return {};
    // Recognised from the first bytes: a 400 MB trace is never parsed twice.
    const TraceFileFormat format = detectTraceFileFormat(text);
    if (format == TraceFileFormat::OstepLesson)
        return lesson(text, path, control);
    if (format == TraceFileFormat::Workload)
        return workload(text, path, control);
    return trace(text, path, control);
}

Loaded simulateWorkload(Workload w, const QString& title, JobControl* control)
{
    Loaded result;
    result.document = std::make_unique<Document>(std::move(w), title);
    if (!result.document->simulateAll(progressOf(control)))
        return {}; // cancelled
    const Simulator* sim = result.document->simulator();
    if (sim->hitTickLimit())
        result.warnings = QStringLiteral("The simulation stopped at the tick limit (%1) before every process "
                                         "finished; raise \"tickLimit\" in the workload to run further.")
                              .arg(sim->workload().tickLimit);
    return result;
}

Loaded loadOstep(const QString& script, const QStringList& args, JobControl* control)
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
    if (!result.document->simulateAll(progressOf(control)))
        return {};
    return result;
}

} // namespace procscope::ui
