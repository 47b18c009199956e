#include "core/model/program.h"

namespace procscope {

std::string_view opKindName(Op::Kind k)
{
    switch (k) {
    case Op::Kind::Cpu:
        return "cpu";
    case Op::Kind::Io:
        return "io";
    case Op::Kind::Fork:
        return "fork";
    case Op::Kind::Exec:
        return "exec";
    case Op::Kind::Wait:
        return "wait";
    case Op::Kind::Exit:
        return "exit";
    }
    return "?";
}

Tick totalCpu(const Program& program)
{
    Tick total = 0;
    for (const Op& op : program) {
        if (op.kind == Op::Kind::Cpu)
            total += op.ticks;
    }
    return total;
}

bool operator==(const Op& a, const Op& b)
{
    if (a.kind != b.kind || a.ticks != b.ticks || a.device != b.device || a.childName != b.childName ||
        a.waitFor != b.waitFor || a.exitCode != b.exitCode)
        return false;
    if (a.child == b.child)
        return true;
    if (!a.child || !b.child)
        return false;
    return *a.child == *b.child;
}

namespace {

// Walks a program as one process would run it; `children` counts forked, not yet reaped children.
// Exec keeps the children (they survive the new program image); a fork's child starts with none.
// Walks a program as one process runs it. `forks` counts the children forked so far and `waits` the
// waits so far: each wait consumes one child. Exec keeps the children (they survive the new program
// image); a fork's child starts with none.
std::optional<ProgramProblem> check(
    const Program& program, std::size_t deviceCount, int forks, int waits, const std::string& prefix)
{
    const Op* end = nullptr; // the exec or exit that ends this program
    for (std::size_t i = 0; i < program.size(); ++i) {
        const Op& op = program[i];
        const std::string where = prefix + "[" + std::to_string(i) + "]";
        if (end) {
            if (end->kind == Op::Kind::Exit)
                return ProgramProblem{where, "never runs: the exit before it ends the process"};
            return ProgramProblem{where, "never runs: the exec before it replaces the program, and an exec "
                                         "does not return"};
        }
        switch (op.kind) {
        case Op::Kind::Cpu:
            if (op.ticks < 0)
                return ProgramProblem{where, "negative CPU burst " + std::to_string(op.ticks)};
            break;
        case Op::Kind::Io:
            if (op.ticks < 0)
                return ProgramProblem{where, "negative I/O length " + std::to_string(op.ticks)};
            if (op.device < 0 || static_cast<std::size_t>(op.device) >= deviceCount)
                return ProgramProblem{where, "device " + std::to_string(op.device) +
                                                 " does not exist (the machine has " +
                                                 std::to_string(deviceCount) + ")"};
            break;
        case Op::Kind::Fork:
            if (!op.child)
                return ProgramProblem{where, "fork without a child program"};
            if (auto problem = check(*op.child, deviceCount, 0, 0, where + ".fork"))
                return problem;
            ++forks;
            break;
        case Op::Kind::Exec:
            if (!op.child)
                return ProgramProblem{where, "exec without a program"};
            if (auto problem = check(*op.child, deviceCount, forks, waits, where + ".exec"))
                return problem;
            end = &op;
            break;
        case Op::Kind::Wait:
            if (op.waitFor != kNoPid && op.waitFor < 0)
                return ProgramProblem{where, "wait for an invalid pid " + std::to_string(op.waitFor)};
            if (forks == 0)
                return ProgramProblem{where, "wait with no child to wait for: the process has not forked"};
            if (waits == forks)
                return ProgramProblem{
                    where, forks == 1 ? "wait with no child to wait for: the child forked before it "
                                        "is already waited for"
                                      : "wait with no child to wait for: all " + std::to_string(forks) +
                                            " children forked before it are already waited for"};
            ++waits;
            break;
        case Op::Kind::Exit:
            if (op.exitCode < 0 || op.exitCode > 255)
                return ProgramProblem{
                    where, "exit code " + std::to_string(op.exitCode) + " is outside 0..255"};
            end = &op;
            break;
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<ProgramProblem> findProgramProblem(const Program& program, std::size_t deviceCount)
{
    return check(program, deviceCount, 0, 0, "");
}

} // namespace procscope
