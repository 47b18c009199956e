#include "core/model/types.h"

namespace procscope {

std::string_view causeName(Cause c)
{
    switch (c) {
    case Cause::Created:
        return "Created";
    case Cause::Admitted:
        return "Admitted";
    case Cause::Dispatched:
        return "Dispatched";
    case Cause::Preempted:
        return "Preempted";
    case Cause::SliceExpired:
        return "SliceExpired";
    case Cause::IoStarted:
        return "IoStarted";
    case Cause::IoDone:
        return "IoDone";
    case Cause::WaitChild:
        return "WaitChild";
    case Cause::ChildExited:
        return "ChildExited";
    case Cause::Exited:
        return "Exited";
    case Cause::Killed:
        return "Killed";
    case Cause::Reaped:
        return "Reaped";
    case Cause::Suspended:
        return "Suspended";
    case Cause::Resumed:
        return "Resumed";
    case Cause::IoDoneImmediate:
        return "IoDoneImmediate";
    case Cause::Boosted:
        return "Boosted";
    }
    return "?";
}

} // namespace procscope
