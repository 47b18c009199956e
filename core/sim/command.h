// A change made to a running simulation at a tick: the textbook's process API applied live.
#pragma once

#include "core/model/workload.h"

namespace procscope {

struct Command {
    enum class Kind : std::uint8_t { Create, Kill, Suspend, Resume, SetPolicy };
    Tick at = 0;
    Kind kind = Kind::Create;
    Pid pid = kNoPid;    // Kill, Suspend, Resume
    ProcessSpec process; // Create (arrival is ignored: it arrives at `at`)
    PolicySpec policy;   // SetPolicy
};

std::string_view commandName(Command::Kind k);

} // namespace procscope
