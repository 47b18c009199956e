#include "core/model/ostep_program.h"

#include <charconv>

namespace procscope {

namespace {

std::string_view trimmed(std::string_view s)
{
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    const auto last = s.find_last_not_of(" \t");
    return s.substr(first, last - first + 1);
}

// Digits only (no sign, no spaces), at most kMaxOpTicks.
std::optional<Tick> count(std::string_view digits)
{
    Tick value = 0;
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string_view::npos)
        return std::nullopt;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc() || end != digits.data() + digits.size() || value > kMaxOpTicks)
        return std::nullopt;
    return value;
}

bool fail(std::string* error, std::string message)
{
    if (error)
        *error = std::move(message);
    return false;
}

// Appends the operation `token` (the `number`-th, from 1) to `program`.
bool parseOp(std::string_view token, std::size_t number, Tick ioLength, Program& program, std::string* error)
{
    const std::string label = "operation " + std::to_string(number) + " \"" + std::string(token) + "\"";
    if (token.empty())
        return fail(error, "operation " + std::to_string(number) + " is empty (a stray comma?)");
    const std::string_view rest = token.substr(1);
    switch (token.front()) {
    case 'c': {
        if (rest.empty())
            return fail(error, label + ": c needs a number of CPU ticks, as in c7");
        const auto n = count(rest);
        if (!n)
            return fail(error,
                label + ": expected a number of CPU ticks (0.." + std::to_string(kMaxOpTicks) + ") after c");
        if (*n > 0)
            program.push_back(Op::cpu(*n));
        return true;
    }
    case 'i': {
        if (rest.empty()) {
            program.push_back(Op::io(ioLength));
            return true;
        }
        const auto n = count(rest);
        if (!n)
            return fail(error, label + ": expected nothing or an I/O length (0.." +
                                   std::to_string(kMaxOpTicks) + ") after i");
        program.push_back(Op::io(*n));
        return true;
    }
    default:
        return fail(error,
            label + ": unknown operation; expected cN (N CPU ticks), i (an I/O) or iN (an I/O of N ticks)");
    }
}

} // namespace

std::optional<Program> parseOstepProgram(std::string_view text, Tick ioLength, std::string* error)
{
    if (ioLength < 0 || ioLength > kMaxOpTicks) {
        fail(error,
            "the I/O length " + std::to_string(ioLength) + " is outside 0.." + std::to_string(kMaxOpTicks));
        return std::nullopt;
    }
    Program program;
    if (trimmed(text).empty())
        return program;
    std::size_t number = 1;
    while (true) {
        const auto comma = text.find(',');
        if (!parseOp(trimmed(text.substr(0, comma)), number, ioLength, program, error))
            return std::nullopt;
        if (comma == std::string_view::npos)
            return program;
        text.remove_prefix(comma + 1);
        ++number;
    }
}

std::optional<std::string> formatOstepProgram(const Program& program)
{
    std::string text;
    for (const Op& op : program) {
        if (!text.empty())
            text += ',';
        if (op.kind == Op::Kind::Cpu && op.ticks >= 1 && op.ticks <= kMaxOpTicks)
            text += 'c' + std::to_string(op.ticks);
        else if (op.kind == Op::Kind::Io && op.device == 0 && op.ticks >= 0 && op.ticks <= kMaxOpTicks)
            text += 'i' + std::to_string(op.ticks);
        else
            return std::nullopt;
    }
    return text;
}

} // namespace procscope
