#include "core/sim/command.h"

namespace procscope {

std::string_view commandName(Command::Kind k)
{
    switch (k) {
    case Command::Kind::Create:
        return "create";
    case Command::Kind::Kill:
        return "kill";
    case Command::Kind::Suspend:
        return "suspend";
    case Command::Kind::Resume:
        return "resume";
    case Command::Kind::SetPolicy:
        return "set-policy";
    }
    return "?";
}

} // namespace procscope
