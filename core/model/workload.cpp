#include "core/model/workload.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <map>
#include <set>

namespace procscope {

namespace {

constexpr std::array<std::string_view, kPolicyCount> kPolicyNames{
    "FIFO", "SJF", "STCF", "RR", "Priority", "MLFQ", "Lottery", "Stride", "CFS"};

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}

std::string str(Tick t)
{
    return std::to_string(t);
}

std::string checkMachine(const MachineSpec& m)
{
    if (m.cpus < 1 || m.cpus > 64)
        return "machine.cpus: " + std::to_string(m.cpus) + " is outside 1..64";
    if (m.contextSwitch < 0)
        return "machine.contextSwitch: negative cost " + str(m.contextSwitch);
    if (m.ioIssueCost < 0)
        return "machine.ioIssueCost: negative cost " + str(m.ioIssueCost);
    if (m.ioDoneCost < 0)
        return "machine.ioDoneCost: negative cost " + str(m.ioDoneCost);
    if (m.devices.empty())
        return "machine.io.devices: the machine needs at least one I/O device";
    std::set<std::string> seen;
    for (std::size_t i = 0; i < m.devices.size(); ++i) {
        if (m.devices[i].empty())
            return "machine.io.devices[" + std::to_string(i) + "]: a device needs a name";
        if (!seen.insert(m.devices[i]).second)
            return "machine.io.devices[" + std::to_string(i) + "]: duplicate device \"" + m.devices[i] + "\"";
    }
    return {};
}

std::string checkPolicy(const PolicySpec& p)
{
    if (p.quantum <= 0)
        return "policy.quantum: the time slice must be positive, got " + str(p.quantum);
    if (p.agingInterval < 0)
        return "policy.agingInterval: negative interval " + str(p.agingInterval);
    if (p.mlfqQuanta.empty())
        return "policy.quanta: MLFQ needs at least one queue";
    if (p.mlfqQuanta.size() != p.mlfqAllotments.size())
        return "policy.allotments: MLFQ has " + std::to_string(p.mlfqQuanta.size()) + " quanta but " +
               std::to_string(p.mlfqAllotments.size()) + " allotments; give one of each per queue";
    for (std::size_t i = 0; i < p.mlfqQuanta.size(); ++i) {
        if (p.mlfqQuanta[i] <= 0)
            return "policy.quanta[" + std::to_string(i) + "]: the time slice must be positive, got " +
                   str(p.mlfqQuanta[i]);
        if (p.mlfqAllotments[i] <= 0)
            return "policy.allotments[" + std::to_string(i) + "]: the allotment must be positive, got " +
                   std::to_string(p.mlfqAllotments[i]);
    }
    if (p.boostPeriod < 0)
        return "policy.boostPeriod: negative period " + str(p.boostPeriod);
    if (p.strideBig <= 0)
        return "policy.strideBig: must be positive, got " + std::to_string(p.strideBig);
    if (p.targetLatency <= 0)
        return "policy.targetLatency: must be positive, got " + str(p.targetLatency);
    if (p.minGranularity <= 0)
        return "policy.minGranularity: must be positive, got " + str(p.minGranularity);
    return {};
}

std::string checkGenerator(const GeneratorSpec& g)
{
    if (g.count < 1)
        return "generator.count: must be at least 1, got " + std::to_string(g.count);
    if (g.maxArrival < 0)
        return "generator.maxArrival: negative arrival " + str(g.maxArrival);
    if (g.minBurst < 1)
        return "generator.minBurst: must be at least 1, got " + str(g.minBurst);
    if (g.maxBurst < g.minBurst)
        return "generator.maxBurst: " + str(g.maxBurst) + " is less than minBurst " + str(g.minBurst);
    if (g.bursts < 1)
        return "generator.bursts: must be at least 1, got " + std::to_string(g.bursts);
    if (g.ioPercent < 0 || g.ioPercent > 100)
        return "generator.ioPercent: " + std::to_string(g.ioPercent) + " is outside 0..100";
    if (g.ioLength < 0)
        return "generator.ioLength: negative length " + str(g.ioLength);
    if (g.period < 1)
        return "generator.period: must be at least 1, got " + str(g.period);
    return {};
}

std::string processLabel(std::size_t index, const ProcessSpec& p)
{
    std::string label = "processes[" + std::to_string(index) + "]";
    if (!p.name.empty())
        label += " (\"" + p.name + "\")";
    return label;
}

std::string checkProcesses(const Workload& w)
{
    std::map<Pid, std::size_t> pids;
    for (std::size_t i = 0; i < w.processes.size(); ++i) {
        const ProcessSpec& p = w.processes[i];
        const std::string label = processLabel(i, p);
        if (p.pid != kNoPid) {
            if (p.pid < 0)
                return label + ".pid: " + std::to_string(p.pid) + " is negative";
            if (p.pid > kMaxPid)
                return label + ".pid: " + std::to_string(p.pid) + " is above the largest pid, " +
                       std::to_string(kMaxPid);
            auto [it, inserted] = pids.emplace(p.pid, i);
            if (!inserted)
                return label + ".pid: duplicate pid " + std::to_string(p.pid) + " (also processes[" +
                       std::to_string(it->second) + "])";
        }
        if (p.arrival < 0)
            return label + ".arrival: negative arrival " + str(p.arrival);
        if (p.nice < -20 || p.nice > 19)
            return label + ".nice: " + std::to_string(p.nice) + " is outside -20..19";
        if (p.tickets < 1)
            return label + ".tickets: must be at least 1, got " + std::to_string(p.tickets);
        if (auto problem = findProgramProblem(p.program, w.machine.devices.size()))
            return label + ".program" + problem->where + ": " + problem->message;
    }
    return {};
}

} // namespace

std::string_view policyName(PolicyKind k)
{
    const auto i = static_cast<std::size_t>(k);
    return i < kPolicyNames.size() ? kPolicyNames[i] : std::string_view("?");
}

std::optional<PolicyKind> policyFromName(std::string_view name)
{
    for (std::size_t i = 0; i < kPolicyNames.size(); ++i) {
        if (equalsIgnoringCase(name, kPolicyNames[i]))
            return static_cast<PolicyKind>(i);
    }
    if (equalsIgnoringCase(name, "fcfs"))
        return PolicyKind::Fifo;
    if (equalsIgnoringCase(name, "round-robin") || equalsIgnoringCase(name, "roundrobin"))
        return PolicyKind::RoundRobin;
    return std::nullopt;
}

// The parameters each policy reads, after "name".
std::vector<std::string_view> policyParameters(PolicyKind kind)
{
    switch (kind) {
    case PolicyKind::Fifo:
    case PolicyKind::Sjf:
    case PolicyKind::Stcf:
        return {};
    case PolicyKind::RoundRobin:
    case PolicyKind::Lottery:
        return {"quantum"};
    case PolicyKind::Priority:
        return {"preemptive", "agingInterval"};
    case PolicyKind::Mlfq:
        return {"quanta", "allotments", "boostPeriod", "stayOnIo", "ioBump"};
    case PolicyKind::Stride:
        return {"quantum", "strideBig"};
    case PolicyKind::Cfs:
        return {"targetLatency", "minGranularity"};
    }
    return {};
}

std::string normalize(Workload& w)
{
    if (w.tickLimit <= 0)
        return "tickLimit: must be positive, got " + str(w.tickLimit);
    for (const std::string& problem : {checkMachine(w.machine), checkPolicy(w.policy), checkProcesses(w)}) {
        if (!problem.empty())
            return problem;
    }
    if (w.generator) {
        if (std::string problem = checkGenerator(*w.generator); !problem.empty())
            return problem;
    }

    std::int64_t next = 0; // 64 bits: the largest explicit pid may be the largest Pid
    for (const ProcessSpec& p : w.processes)
        next = std::max<std::int64_t>(next, p.pid == kNoPid ? 0 : std::int64_t(p.pid) + 1);
    const auto missing = std::count_if(
        w.processes.begin(), w.processes.end(), [](const ProcessSpec& p) { return p.pid == kNoPid; });
    if (missing > 0 && next + missing - 1 > kMaxPid)
        return "processes: no pids left above " + std::to_string(next - 1) + " for the processes without one";
    for (ProcessSpec& p : w.processes) {
        if (p.pid == kNoPid)
            p.pid = static_cast<Pid>(next++);
        if (p.name.empty())
            p.name = "P" + std::to_string(p.pid);
    }
    std::stable_sort(w.processes.begin(), w.processes.end(), [](const ProcessSpec& a, const ProcessSpec& b) {
        return a.arrival != b.arrival ? a.arrival < b.arrival : a.pid < b.pid;
    });
    return {};
}

} // namespace procscope
