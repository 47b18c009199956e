#include "core/io/workload_json.h"

#include "core/model/ostep_program.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>
#include <limits>
#include <map>
#include <type_traits>
#include <vector>

namespace procscope {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;
using Keys = std::vector<std::string_view>;

// The first problem found; thrown to the top of the reader, which turns it into a LoadError.
struct Failure {
    std::string path;
    std::string message;
    std::string ownerPath = {}; // see LoadError
    std::string ownerName = {};
};

[[noreturn]] void fail(std::string path, std::string message)
{
    throw Failure{std::move(path), std::move(message)};
}

const Keys kTopKeys{"format", "version", "name", "description", "lesson", "machine", "policy", "seed",
    "compat", "tickLimit", "ioLength", "processes", "generator"};
const Keys kLessonKeys{"chapter", "questions"};
const Keys kMachineKeys{
    "cpus", "contextSwitch", "io", "switchOnIo", "ioDoneRunsImmediately", "ioIssueCost", "ioDoneCost"};
const Keys kIoKeys{"model", "devices"};
const Keys kCompatKeys{"cyclicPidPick", "lazyRetire", "dispatchOnlyAtSliceEnd"};
const Keys kProcessKeys{"pid", "name", "arrival", "priority", "nice", "tickets", "program"};
const Keys kGeneratorKeys{"seed", "count", "maxArrival", "minBurst", "maxBurst", "bursts", "ioPercent",
    "ioLength", "openEnded", "period"};
const Keys kOperations{"cpu", "io", "fork", "exec", "wait", "exit"};

constexpr Tick kDefaultIoLength = 5;     // process-run's -L
constexpr Tick kDefaultMlfqQuantum = 10; // mlfq.py's -q
constexpr int kDefaultMlfqAllotment = 1; // mlfq.py's -a
constexpr std::int64_t kMaxGeneratedCount = 100'000;

std::string joined(const Keys& names)
{
    std::string s;
    for (std::string_view n : names)
        s += (s.empty() ? "" : ", ") + std::string(n);
    return s;
}

std::string policyNames()
{
    Keys names;
    for (int i = 0; i < kPolicyCount; ++i)
        names.push_back(policyName(static_cast<PolicyKind>(i)));
    return joined(names);
}

std::size_t editDistance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                              std::tolower(static_cast<unsigned char>(b[j - 1]));
            const std::size_t next = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
            diagonal = row[j];
            row[j] = next;
        }
    }
    return row[b.size()];
}

// ` (did you mean "quantum"?)` for a near miss, or nothing.
std::string suggestion(std::string_view key, const Keys& allowed)
{
    std::string_view best;
    std::size_t bestDistance = std::max<std::size_t>(2, key.size() / 4) + 1;
    for (std::string_view candidate : allowed) {
        const std::size_t d = editDistance(key, candidate);
        if (d < bestDistance) {
            best = candidate;
            bestDistance = d;
        }
    }
    return best.empty() ? std::string() : " (did you mean \"" + std::string(best) + "\"?)";
}

bool contains(const Keys& keys, std::string_view key)
{
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

std::string inQuotes(std::string_view s)
{
    return describeJsonValue(json(std::string(s)));
}

std::string expectedInteger(std::int64_t min, std::int64_t max)
{
    if (max >= kMaxOpTicks) {
        if (min == 0)
            return "a non-negative integer";
        if (min == 1)
            return "a positive integer";
    }
    return "an integer from " + std::to_string(min) + " to " + std::to_string(max);
}

std::int64_t integer(const json& v, const std::string& path, std::int64_t min, std::int64_t max)
{
    std::int64_t value = 0;
    if (v.is_number_unsigned()) {
        const auto u = v.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(max))
            fail(path,
                "expected " + expectedInteger(min, max) + ", got " + describeJsonValue(v) +
                    (max >= kMaxOpTicks ? " (the largest allowed is " + std::to_string(max) + ")" : ""));
        value = static_cast<std::int64_t>(u);
    } else if (v.is_number_integer()) {
        value = v.get<std::int64_t>();
    } else {
        fail(path, "expected " + expectedInteger(min, max) + ", got " + describeJsonValue(v));
    }
    if (value < min)
        fail(path, "expected " + expectedInteger(min, max) + ", got " + std::to_string(value));
    if (value > max)
        fail(path, "expected " + expectedInteger(min, max) + ", got " + std::to_string(value) +
                       " (the largest allowed is " + std::to_string(max) + ")");
    return value;
}

int intValue(const json& v, const std::string& path, int min, int max)
{
    return static_cast<int>(integer(v, path, min, max));
}

Tick ticks(const json& v, const std::string& path, Tick min, Tick max = kMaxOpTicks)
{
    return integer(v, path, min, max);
}

bool boolean(const json& v, const std::string& path)
{
    if (!v.is_boolean())
        fail(path, "expected true or false, got " + describeJsonValue(v));
    return v.get<bool>();
}

std::string text(const json& v, const std::string& path)
{
    if (!v.is_string())
        fail(path, "expected a string, got " + describeJsonValue(v));
    return v.get<std::string>();
}

// An object being read: knows its path, rejects unknown keys, reads optional members.
class Object {
public:
    Object(const json& value, std::string path, std::string_view what = "an object")
        : m_value(value)
        , m_path(std::move(path))
    {
        if (!value.is_object())
            fail(m_path, "expected " + std::string(what) + ", got " + describeJsonValue(value));
    }

    // `context` follows "unknown key "x"" in the message, as in " in a cpu operation".
    void allowOnly(const Keys& allowed, std::string_view context = {}) const
    {
        for (const auto& [key, value] : m_value.items()) {
            if (!contains(allowed, key))
                fail(pathOf(key), "unknown key " + inQuotes(key) + std::string(context) +
                                      suggestion(key, allowed) + "; allowed keys: " + joined(allowed));
        }
    }

    const json* find(std::string_view key) const
    {
        const auto it = m_value.find(key);
        return it == m_value.end() ? nullptr : &*it;
    }

    const json& required(std::string_view key, std::string_view expected) const
    {
        const json* v = find(key);
        if (!v)
            fail(m_path, "missing key " + inQuotes(key) + "; expected " + std::string(expected));
        return *v;
    }

    std::string pathOf(std::string_view key) const { return jsonPathKey(m_path, key); }
    const std::string& path() const { return m_path; }

    void read(std::string_view key, Tick& out, Tick min, Tick max = kMaxOpTicks) const
    {
        if (const json* v = find(key))
            out = ticks(*v, pathOf(key), min, max);
    }
    void read(std::string_view key, int& out, int min, int max) const
    {
        if (const json* v = find(key))
            out = intValue(*v, pathOf(key), min, max);
    }
    void read(std::string_view key, bool& out) const
    {
        if (const json* v = find(key))
            out = boolean(*v, pathOf(key));
    }
    void read(std::string_view key, std::string& out) const
    {
        if (const json* v = find(key))
            out = text(*v, pathOf(key));
    }

private:
    const json& m_value;
    std::string m_path;
};

// What a program needs from the rest of the document.
struct ProgramContext {
    const std::vector<std::string>& devices;
    Tick ioLength = kDefaultIoLength;
};

Program readProgram(const json& v, const std::string& path, const ProgramContext& context);

Op readOperation(const json& v, const std::string& path, const ProgramContext& context)
{
    const Object o(v, path, "an operation such as {\"cpu\": 3}");
    std::string_view kind;
    for (const auto& [key, value] : v.items()) {
        if (!contains(kOperations, key))
            continue;
        if (!kind.empty())
            fail(path, "an operation has exactly one of " + joined(kOperations) + "; this one has both " +
                           inQuotes(kind) + " and " + inQuotes(key));
        kind = *std::find(kOperations.begin(), kOperations.end(), key);
    }
    if (kind.empty()) {
        if (v.empty())
            fail(path, "an empty operation; expected one of " + joined(kOperations));
        std::string key =
            v.items().begin().key(); // report the key that is not a fork's name or an io's device
        for (const auto& [k, value] : v.items()) {
            if (k != "name" && k != "device") {
                key = k;
                break;
            }
        }
        fail(o.pathOf(key), "unknown operation " + inQuotes(key) + suggestion(key, kOperations) +
                                "; expected one of " + joined(kOperations));
    }
    const std::string where = o.pathOf(kind);
    const json& arg = v.at(std::string(kind));
    if (kind == "cpu") {
        o.allowOnly({"cpu"}, " in a cpu operation");
        return Op::cpu(ticks(arg, where, 1));
    }
    if (kind == "io") {
        o.allowOnly({"io", "device"}, " in an io operation");
        Op op = Op::io(ticks(arg, where, 0));
        if (const json* device = o.find("device")) {
            const std::string name = text(*device, o.pathOf("device"));
            const auto it = std::find(context.devices.begin(), context.devices.end(), name);
            if (it == context.devices.end()) {
                Keys names(context.devices.begin(), context.devices.end());
                fail(o.pathOf("device"), "unknown device " + inQuotes(name) +
                                             "; the machine's devices are: " + joined(names) +
                                             " (see machine.io.devices)");
            }
            op.device = static_cast<int>(it - context.devices.begin());
        }
        return op;
    }
    if (kind == "fork") {
        o.allowOnly({"fork", "name"}, " in a fork operation");
        std::string name;
        o.read("name", name);
        return Op::fork(readProgram(arg, where, context), std::move(name));
    }
    if (kind == "exec") {
        o.allowOnly({"exec"}, " in an exec operation");
        return Op::exec(readProgram(arg, where, context));
    }
    if (kind == "wait") {
        o.allowOnly({"wait"}, " in a wait operation");
        if (arg.is_string() && arg.get<std::string>() == "any")
            return Op::wait();
        if (!arg.is_number_integer())
            fail(where, "expected \"any\" or the pid of a child, got " + describeJsonValue(arg));
        return Op::wait(static_cast<Pid>(integer(arg, where, 0, std::numeric_limits<Pid>::max())));
    }
    o.allowOnly({"exit"}, " in an exit operation");
    return Op::exit(intValue(arg, where, 0, 255));
}

Program readProgram(const json& v, const std::string& path, const ProgramContext& context)
{
    if (v.is_string()) {
        std::string error;
        auto program = parseOstepProgram(v.get<std::string>(), context.ioLength, &error);
        if (!program)
            fail(path, error);
        return std::move(*program);
    }
    if (!v.is_array())
        fail(
            path, "expected a program: an array of operations or a compact string such as \"c7,i,c1\", got " +
                      describeJsonValue(v));
    Program program;
    program.reserve(v.size());
    for (std::size_t i = 0; i < v.size(); ++i)
        program.push_back(readOperation(v[i], jsonPathIndex(path, i), context));
    return program;
}

MachineSpec readMachine(const json& v, const std::string& path)
{
    const Object o(v, path);
    o.allowOnly(kMachineKeys);
    MachineSpec m;
    o.read("cpus", m.cpus, 1, 64);
    o.read("contextSwitch", m.contextSwitch, 0);
    o.read("switchOnIo", m.switchOnIo);
    o.read("ioDoneRunsImmediately", m.ioDoneRunsImmediately);
    o.read("ioIssueCost", m.ioIssueCost, 0);
    o.read("ioDoneCost", m.ioDoneCost, 0);
    if (const json* io = o.find("io")) {
        const Object i(*io, o.pathOf("io"));
        i.allowOnly(kIoKeys);
        if (const json* model = i.find("model")) {
            const std::string name = text(*model, i.pathOf("model"));
            if (name == "parallel")
                m.ioModel = IoModel::Parallel;
            else if (name == "fifo")
                m.ioModel = IoModel::FifoDevice;
            else
                fail(
                    i.pathOf("model"), "expected \"parallel\" or \"fifo\", got " + describeJsonValue(*model));
        }
        if (const json* devices = i.find("devices")) {
            const std::string at = i.pathOf("devices");
            if (!devices->is_array() || devices->empty())
                fail(at, "expected a non-empty array of device names, got " + describeJsonValue(*devices));
            m.devices.clear();
            for (std::size_t k = 0; k < devices->size(); ++k) {
                const std::string name = text((*devices)[k], jsonPathIndex(at, k));
                if (name.empty())
                    fail(jsonPathIndex(at, k), "a device needs a name");
                if (std::find(m.devices.begin(), m.devices.end(), name) != m.devices.end())
                    fail(jsonPathIndex(at, k), "duplicate device " + inQuotes(name));
                m.devices.push_back(name);
            }
        }
    }
    return m;
}

template <typename T>
std::vector<T> readLevels(const json& v, const std::string& path, std::string_view what)
{
    if (!v.is_array() || v.empty())
        fail(path, "expected a non-empty array of " + std::string(what) +
                       ", one per queue from the top queue down, got " + describeJsonValue(v));
    std::vector<T> levels;
    for (std::size_t i = 0; i < v.size(); ++i)
        levels.push_back(static_cast<T>(integer(v[i], jsonPathIndex(path, i), 1,
            std::is_same_v<T, int> ? std::numeric_limits<int>::max() : kMaxOpTicks)));
    return levels;
}

PolicySpec readPolicy(const json& v, const std::string& path)
{
    const Object o(v, path);
    const std::string name =
        text(o.required("name", "the policy's name: " + policyNames()), o.pathOf("name"));
    const auto kind = policyFromName(name);
    if (!kind)
        fail(o.pathOf("name"), "unknown policy " + inQuotes(name) + "; expected one of " + policyNames());

    Keys allowed{"name"};
    const Keys parameters = policyParameters(*kind);
    allowed.insert(allowed.end(), parameters.begin(), parameters.end());
    for (const auto& [key, value] : v.items()) {
        if (contains(allowed, key))
            continue;
        Keys owners; // the policies that do have this parameter
        for (int k = 0; k < kPolicyCount; ++k) {
            if (contains(policyParameters(static_cast<PolicyKind>(k)), key))
                owners.push_back(policyName(static_cast<PolicyKind>(k)));
        }
        const std::string policy(policyName(*kind));
        if (owners.empty())
            fail(o.pathOf(key), "unknown key " + inQuotes(key) + " for policy " + policy +
                                    suggestion(key, allowed) + "; allowed keys: " + joined(allowed));
        fail(o.pathOf(key), "policy " + policy + " has no parameter " + inQuotes(key) + " (" + key +
                                " is a parameter of " + joined(owners) +
                                "); allowed keys: " + joined(allowed));
    }

    PolicySpec p;
    p.kind = *kind;
    o.read("quantum", p.quantum, 1);
    o.read("preemptive", p.preemptive);
    o.read("agingInterval", p.agingInterval, 0);
    o.read("boostPeriod", p.boostPeriod, 0);
    o.read("stayOnIo", p.stayOnIo);
    o.read("ioBump", p.ioBump);
    if (const json* big = o.find("strideBig"))
        p.strideBig = integer(*big, o.pathOf("strideBig"), 1, kMaxOpTicks);
    o.read("targetLatency", p.targetLatency, 1);
    o.read("minGranularity", p.minGranularity, 1);

    const json* quanta = o.find("quanta");
    const json* allotments = o.find("allotments");
    if (quanta)
        p.mlfqQuanta = readLevels<Tick>(*quanta, o.pathOf("quanta"), "time slices");
    if (allotments)
        p.mlfqAllotments = readLevels<int>(*allotments, o.pathOf("allotments"), "allotments");
    if (quanta && !allotments)
        p.mlfqAllotments.assign(p.mlfqQuanta.size(), kDefaultMlfqAllotment);
    if (allotments && !quanta)
        p.mlfqQuanta.assign(p.mlfqAllotments.size(), kDefaultMlfqQuantum);
    if (p.mlfqQuanta.size() != p.mlfqAllotments.size())
        fail(o.pathOf("allotments"), "MLFQ has " + std::to_string(p.mlfqQuanta.size()) + " quanta but " +
                                         std::to_string(p.mlfqAllotments.size()) +
                                         " allotments; give one of each per queue");
    return p;
}

CompatOptions readCompat(const json& v, const std::string& path)
{
    const Object o(v, path);
    o.allowOnly(kCompatKeys);
    CompatOptions c;
    o.read("cyclicPidPick", c.cyclicPidPick);
    o.read("lazyRetire", c.lazyRetire);
    o.read("dispatchOnlyAtSliceEnd", c.dispatchOnlyAtSliceEnd);
    return c;
}

// A 64-bit random seed: any integer from 0 to 2^64 - 1.
std::uint64_t seedValue(const json& v, const std::string& path)
{
    if (!v.is_number_unsigned())
        fail(path,
            "expected a non-negative integer (at most 18446744073709551615), got " + describeJsonValue(v));
    return v.get<std::uint64_t>();
}

GeneratorSpec readGenerator(const json& v, const std::string& path)
{
    const Object o(v, path);
    o.allowOnly(kGeneratorKeys);
    GeneratorSpec g;
    if (const json* seed = o.find("seed"))
        g.seed = seedValue(*seed, o.pathOf("seed"));
    o.read("count", g.count, 1, static_cast<int>(kMaxGeneratedCount));
    o.read("maxArrival", g.maxArrival, 0);
    o.read("minBurst", g.minBurst, 1);
    o.read("maxBurst", g.maxBurst, 1);
    if (g.maxBurst < g.minBurst)
        fail(o.pathOf(o.find("maxBurst") ? "maxBurst" : "minBurst"),
            "maxBurst " + std::to_string(g.maxBurst) + " is less than minBurst " +
                std::to_string(g.minBurst));
    o.read("bursts", g.bursts, 1, 10'000);
    o.read("ioPercent", g.ioPercent, 0, 100);
    o.read("ioLength", g.ioLength, 0);
    o.read("openEnded", g.openEnded);
    o.read("period", g.period, 1);
    return g;
}

ProcessSpec readProcess(const json& v, const std::string& path, const ProgramContext& context)
{
    const Object o(v, path);
    o.allowOnly(kProcessKeys);
    ProcessSpec p;
    if (const json* pid = o.find("pid"))
        p.pid = static_cast<Pid>(integer(*pid, o.pathOf("pid"), 0, std::numeric_limits<Pid>::max()));
    o.read("name", p.name);
    o.read("arrival", p.arrival, 0);
    o.read("priority", p.priority, std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
    o.read("nice", p.nice, -20, 19);
    o.read("tickets", p.tickets, 1, std::numeric_limits<int>::max());
    const std::string at = o.pathOf("program");
    p.program = readProgram(
        o.required("program", "the process's program, e.g. \"c7,i,c1\" or [{\"cpu\": 7}]"), at, context);
    if (auto problem = findProgramProblem(p.program, context.devices.size()))
        fail(at + problem->where, problem->message);
    return p;
}

// The name a process goes by in the views, read from its JSON even when the rest is wrong: its
// "name", or "P<pid>" as the simulator names an unnamed process; empty when it has neither.
std::string processName(const json& v)
{
    if (!v.is_object())
        return {};
    constexpr std::size_t kMaxBytes = 40;
    if (const auto name = v.find("name"); name != v.end() && name->is_string() && !name->empty()) {
        std::string s = name->get<std::string>();
        if (s.size() > kMaxBytes) {
            std::size_t cut = kMaxBytes;
            while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
                --cut; // not inside a UTF-8 character
            s = s.substr(0, cut) + "…";
        }
        return s;
    }
    if (const auto pid = v.find("pid"); pid != v.end() && pid->is_number_integer() &&
                                        pid->get<std::int64_t>() >= 0 &&
                                        pid->get<std::int64_t>() <= std::numeric_limits<Pid>::max())
        return "P" + std::to_string(pid->get<std::int64_t>());
    return {};
}

std::vector<ProcessSpec> readProcesses(const json& v, const std::string& path, const ProgramContext& context)
{
    if (!v.is_array())
        fail(path, "expected an array of processes, got " + describeJsonValue(v));
    std::vector<ProcessSpec> processes;
    std::map<Pid, std::size_t> seen;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const std::string at = jsonPathIndex(path, i);
        // A problem inside a process also names the process: "$.processes[1] (shell).program[2]".
        try {
            processes.push_back(readProcess(v[i], at, context));
            const Pid pid = processes.back().pid;
            if (pid == kNoPid)
                continue;
            if (const auto [it, inserted] = seen.emplace(pid, i); !inserted)
                fail(jsonPathKey(at, "pid"), "duplicate pid " + std::to_string(pid) + " (also " +
                                                 jsonPathKey(jsonPathIndex(path, it->second), "pid") + ")");
        } catch (Failure& f) {
            if (f.ownerName.empty() && f.path.starts_with(at)) {
                f.ownerPath = at;
                f.ownerName = processName(v[i]);
            }
            throw;
        }
    }
    return processes;
}

void checkFormat(const Object& root)
{
    const json* format = root.find("format");
    if (!format) {
        const std::string hint =
            root.find("traceEvents") ? " (this looks like a Chrome trace: open it as a trace)" : "";
        fail(root.path(),
            "missing key \"format\"; a workload file starts with \"format\": \"procscope-workload\", "
            "\"version\": 1" +
                hint);
    }
    const std::string name = text(*format, root.pathOf("format"));
    if (name == "procscope-trace")
        fail(root.pathOf("format"), "this is a ProcScope trace, not a workload: open it as a trace");
    if (name != kWorkloadFormat)
        fail(root.pathOf("format"), "expected \"procscope-workload\", got " + describeJsonValue(*format));
    const json& version = root.required("version", "the format version, 1");
    const std::int64_t number = integer(version, root.pathOf("version"), 1, std::numeric_limits<int>::max());
    if (number > kWorkloadVersion)
        fail(root.pathOf("version"), "version " + std::to_string(number) +
                                         " is newer than this ProcScope reads (" +
                                         std::to_string(kWorkloadVersion) + "); update ProcScope to open it");
}

LessonSpec readLesson(const json& v, const std::string& path)
{
    const Object o(v, path, "an object with \"chapter\" and \"questions\"");
    o.allowOnly(kLessonKeys, " in a lesson");
    LessonSpec lesson;
    o.read("chapter", lesson.chapter);
    if (const json* questions = o.find("questions")) {
        const std::string at = o.pathOf("questions");
        if (!questions->is_array())
            fail(at, "expected an array of questions (strings), got " + describeJsonValue(*questions));
        for (std::size_t i = 0; i < questions->size(); ++i)
            lesson.questions.push_back(text((*questions)[i], jsonPathIndex(at, i)));
    }
    return lesson;
}

Workload readRoot(const json& v, const std::string& path)
{
    const Object root(v, path, "a JSON object with \"format\": \"procscope-workload\"");
    checkFormat(root);
    root.allowOnly(kTopKeys);
    Workload w;
    root.read("name", w.name);
    root.read("description", w.description);
    if (const json* lesson = root.find("lesson"))
        w.lesson = readLesson(*lesson, root.pathOf("lesson"));
    root.read("tickLimit", w.tickLimit, 1, kForever);
    Tick ioLength = kDefaultIoLength;
    root.read("ioLength", ioLength, 0);
    if (const json* m = root.find("machine"))
        w.machine = readMachine(*m, root.pathOf("machine"));
    if (const json* p = root.find("policy"))
        w.policy = readPolicy(*p, root.pathOf("policy"));
    if (const json* seed = root.find("seed"))
        w.seed = seedValue(*seed, root.pathOf("seed"));
    if (const json* c = root.find("compat"))
        w.compat = readCompat(*c, root.pathOf("compat"));
    if (const json* g = root.find("generator"))
        w.generator = readGenerator(*g, root.pathOf("generator"));
    if (const json* processes = root.find("processes"))
        w.processes =
            readProcesses(*processes, root.pathOf("processes"), ProgramContext{w.machine.devices, ioLength});
    // Everything normalize() checks has been checked above with a precise path; this is a backstop.
    if (std::string problem = normalize(w); !problem.empty())
        fail(path, problem);
    return w;
}

} // namespace

std::optional<LoadError> workloadFromJson(
    const json& document, const std::string& fileName, const std::string& jsonPath, Workload& out)
{
    try {
        out = readRoot(document, jsonPath);
        return std::nullopt;
    } catch (const Failure& f) {
        LoadError error{fileName, f.path, 0, 0, f.message};
        if (!f.ownerName.empty()) {
            error.ownerPath = f.ownerPath;
            error.ownerName = f.ownerName;
        }
        return error;
    } catch (const std::bad_alloc&) {
        return LoadError{fileName, jsonPath, 0, 0, "out of memory while reading the workload"};
    } catch (const std::exception& e) {
        return LoadError{fileName, jsonPath, 0, 0, std::string("cannot read the workload: ") + e.what()};
    }
}

std::variant<Workload, LoadError> readWorkloadFromString(std::string_view text, std::string fileName)
{
    json document;
    if (auto error = parseJsonText(text, fileName, document))
        return std::move(*error);
    Workload w;
    if (auto error = workloadFromJson(document, fileName, "$", w))
        return std::move(*error);
    return w;
}

std::variant<Workload, LoadError> readWorkload(const std::string& path)
{
    std::string content;
    if (auto error = readTextFile(path, content))
        return std::move(*error);
    return readWorkloadFromString(content, path);
}

} // namespace procscope
