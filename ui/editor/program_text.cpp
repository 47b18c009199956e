#include "ui/editor/program_text.h"

#include "core/io/workload_json.h"
#include "core/model/ostep_program.h"

#include <nlohmann/json.hpp>

namespace procscope::ui {

namespace {

// A JSON document holding one process with `program` on `machine`, for the workload reader.
nlohmann::json wrapper(const nlohmann::json& program, const MachineSpec& machine)
{
    nlohmann::json devices = nlohmann::json::array();
    for (const std::string& d : machine.devices)
        devices.push_back(d);
    nlohmann::json process = nlohmann::json::object();
    process["pid"] = 0;
    process["program"] = program;
    nlohmann::json doc = nlohmann::json::object();
    doc["format"] = std::string(kWorkloadFormat);
    doc["version"] = kWorkloadVersion;
    doc["ioLength"] = kEditorIoLength;
    doc["machine"] = nlohmann::json{{"io", {{"devices", devices}}}};
    doc["processes"] = nlohmann::json::array({process});
    return doc;
}

// "$.processes[0].program[1].cpu: expected ..." reads "[1].cpu: expected ..." in a program cell.
QString programMessage(const LoadError& error)
{
    static const std::string prefix = "$.processes[0].program";
    std::string where = error.jsonPath;
    if (where.starts_with(prefix))
        where = "operation " + where.substr(prefix.size());
    else if (where.starts_with("$"))
        where.clear();
    if (error.line > 0)
        where = "column " + std::to_string(error.column);
    return QString::fromStdString(where.empty() ? error.message : where + ": " + error.message);
}

} // namespace

ProgramText parseProgramText(const QString& text, const MachineSpec& machine)
{
    const std::string utf8 = text.trimmed().toStdString();
    if (!utf8.starts_with('[')) {
        std::string error;
        auto program = parseOstepProgram(utf8, kEditorIoLength, &error);
        if (!program)
            return {std::nullopt, QString::fromStdString(error)};
        if (auto problem = findProgramProblem(*program, machine.devices.size()))
            return {std::nullopt, QString::fromStdString(problem->where + ": " + problem->message)};
        return {std::move(program), {}};
    }
    nlohmann::json parsed;
    if (auto error = parseJsonText(utf8, {}, parsed))
        return {std::nullopt, programMessage(*error)};
    Workload w;
    if (auto error = workloadFromJson(wrapper(parsed, machine), {}, "$", w))
        return {std::nullopt, programMessage(*error)};
    return {std::move(w.processes.front().program), {}};
}

QString formatProgramText(const Program& program, const MachineSpec& machine)
{
    if (auto compact = formatOstepProgram(program))
        return QString::fromStdString(*compact);
    Workload w;
    w.machine = machine;
    ProcessSpec p;
    p.pid = 0;
    p.program = program;
    w.processes.push_back(std::move(p));
    const auto json = workloadToJson(w);
    return QString::fromStdString(json["processes"][0]["program"].dump());
}

} // namespace procscope::ui
