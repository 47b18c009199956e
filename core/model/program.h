// A process's program: the operations of the textbook's process API.
#pragma once

#include "core/model/types.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace procscope {

struct Op;
using Program = std::vector<Op>;

struct Op {
    enum class Kind : std::uint8_t { Cpu, Io, Fork, Exec, Wait, Exit };
    Kind kind = Kind::Cpu;
    Tick ticks = 0;                       // Cpu: burst length; Io: device time
    int device = 0;                       // Io: index into Machine::devices
    std::shared_ptr<const Program> child; // Fork: the child's program; Exec: the new program
    std::string childName;                // Fork: name of the child (empty: parent name + "'")
    Pid waitFor = kNoPid;                 // Wait: a given child, or kNoPid for any child
    int exitCode = 0;                     // Exit

    static Op cpu(Tick n) { return Op{Kind::Cpu, n, 0, nullptr, {}, kNoPid, 0}; }
    static Op io(Tick n, int device = 0) { return Op{Kind::Io, n, device, nullptr, {}, kNoPid, 0}; }
    static Op fork(Program p, std::string name = {})
    {
        return Op{
            Kind::Fork, 0, 0, std::make_shared<const Program>(std::move(p)), std::move(name), kNoPid, 0};
    }
    static Op exec(Program p)
    {
        return Op{Kind::Exec, 0, 0, std::make_shared<const Program>(std::move(p)), {}, kNoPid, 0};
    }
    static Op wait(Pid pid = kNoPid) { return Op{Kind::Wait, 0, 0, nullptr, {}, pid, 0}; }
    static Op exit(int code = 0) { return Op{Kind::Exit, 0, 0, nullptr, {}, kNoPid, code}; }
};

std::string_view opKindName(Op::Kind k);

// Total CPU ticks of a program's CPU bursts (not counting forks' children).
Tick totalCpu(const Program& program);

// Deep equality: the programs of a fork or an exec are compared by value, not by pointer.
bool operator==(const Op& a, const Op& b);

// A structural mistake in a program: a negative length, a device out of range, a wait with no
// child to wait for, operations after an exec or an exit (they never run), an exit code outside
// 0..255. `where` locates the operation relative to the program, in the workload JSON's notation:
// "[2]", "[1].fork[0]".
struct ProgramProblem {
    std::string where;
    std::string message;
};
std::optional<ProgramProblem> findProgramProblem(const Program& program, std::size_t deviceCount);

} // namespace procscope
