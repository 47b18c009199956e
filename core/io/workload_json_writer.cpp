// Writing the native workload format (docs/workload-format.md): stable key order, defaults left
// out, programs always as arrays, so that reading what was written gives the same workload.
#include "core/io/json_pretty.h"
#include "core/io/workload_json.h"

namespace procscope {

namespace {

using nlohmann::ordered_json;

ordered_json programToJson(const Program& program, const std::vector<std::string>& devices)
{
    ordered_json ops = ordered_json::array();
    for (const Op& op : program) {
        ordered_json o = ordered_json::object();
        switch (op.kind) {
        case Op::Kind::Cpu:
            o["cpu"] = op.ticks;
            break;
        case Op::Kind::Io:
            o["io"] = op.ticks;
            if (op.device > 0 && static_cast<std::size_t>(op.device) < devices.size())
                o["device"] = devices[static_cast<std::size_t>(op.device)];
            break;
        case Op::Kind::Fork:
            o["fork"] = op.child ? programToJson(*op.child, devices) : ordered_json::array();
            if (!op.childName.empty())
                o["name"] = op.childName;
            break;
        case Op::Kind::Exec:
            o["exec"] = op.child ? programToJson(*op.child, devices) : ordered_json::array();
            break;
        case Op::Kind::Wait:
            o["wait"] = op.waitFor == kNoPid ? ordered_json("any") : ordered_json(op.waitFor);
            break;
        case Op::Kind::Exit:
            o["exit"] = op.exitCode;
            break;
        }
        ops.push_back(std::move(o));
    }
    return ops;
}

ordered_json machineToJson(const MachineSpec& m)
{
    ordered_json j = ordered_json::object();
    j["cpus"] = m.cpus;
    j["contextSwitch"] = m.contextSwitch;
    j["io"]["model"] = m.ioModel == IoModel::FifoDevice ? "fifo" : "parallel";
    j["io"]["devices"] = m.devices;
    j["switchOnIo"] = m.switchOnIo;
    j["ioDoneRunsImmediately"] = m.ioDoneRunsImmediately;
    j["ioIssueCost"] = m.ioIssueCost;
    j["ioDoneCost"] = m.ioDoneCost;
    return j;
}

ordered_json policyToJson(const PolicySpec& p)
{
    ordered_json j = ordered_json::object();
    j["name"] = policyName(p.kind);
    for (std::string_view key : policyParameters(p.kind)) {
        const std::string k(key);
        if (key == "quantum")
            j[k] = p.quantum;
        else if (key == "preemptive")
            j[k] = p.preemptive;
        else if (key == "agingInterval")
            j[k] = p.agingInterval;
        else if (key == "quanta")
            j[k] = p.mlfqQuanta;
        else if (key == "allotments")
            j[k] = p.mlfqAllotments;
        else if (key == "boostPeriod")
            j[k] = p.boostPeriod;
        else if (key == "stayOnIo")
            j[k] = p.stayOnIo;
        else if (key == "ioBump")
            j[k] = p.ioBump;
        else if (key == "strideBig")
            j[k] = p.strideBig;
        else if (key == "targetLatency")
            j[k] = p.targetLatency;
        else if (key == "minGranularity")
            j[k] = p.minGranularity;
    }
    return j;
}

ordered_json processToJson(const ProcessSpec& p, const std::vector<std::string>& devices)
{
    const ProcessSpec defaults;
    ordered_json j = ordered_json::object();
    if (p.pid != kNoPid)
        j["pid"] = p.pid;
    if (!p.name.empty())
        j["name"] = p.name;
    j["arrival"] = p.arrival;
    if (p.priority != defaults.priority)
        j["priority"] = p.priority;
    if (p.nice != defaults.nice)
        j["nice"] = p.nice;
    if (p.tickets != defaults.tickets)
        j["tickets"] = p.tickets;
    j["program"] = programToJson(p.program, devices);
    return j;
}

ordered_json generatorToJson(const GeneratorSpec& g)
{
    ordered_json j = ordered_json::object();
    j["seed"] = g.seed;
    j["count"] = g.count;
    j["maxArrival"] = g.maxArrival;
    j["minBurst"] = g.minBurst;
    j["maxBurst"] = g.maxBurst;
    j["bursts"] = g.bursts;
    j["ioPercent"] = g.ioPercent;
    j["ioLength"] = g.ioLength;
    j["openEnded"] = g.openEnded;
    j["period"] = g.period;
    return j;
}

} // namespace

ordered_json workloadToJson(const Workload& w)
{
    ordered_json j = ordered_json::object();
    j["format"] = kWorkloadFormat;
    j["version"] = kWorkloadVersion;
    j["name"] = w.name;
    if (!w.description.empty())
        j["description"] = w.description;
    if (w.lesson) {
        j["lesson"]["chapter"] = w.lesson->chapter;
        j["lesson"]["questions"] = w.lesson->questions;
    }
    j["machine"] = machineToJson(w.machine);
    j["policy"] = policyToJson(w.policy);
    if (w.seed != 0)
        j["seed"] = w.seed;
    if (w.compat != CompatOptions{}) {
        j["compat"]["cyclicPidPick"] = w.compat.cyclicPidPick;
        j["compat"]["lazyRetire"] = w.compat.lazyRetire;
        j["compat"]["dispatchOnlyAtSliceEnd"] = w.compat.dispatchOnlyAtSliceEnd;
    }
    j["tickLimit"] = w.tickLimit;
    j["processes"] = ordered_json::array();
    for (const ProcessSpec& p : w.processes)
        j["processes"].push_back(processToJson(p, w.machine.devices));
    if (w.generator)
        j["generator"] = generatorToJson(*w.generator);
    return j;
}

std::string writeWorkload(const Workload& workload)
{
    return prettyJson(workloadToJson(workload));
}

} // namespace procscope
