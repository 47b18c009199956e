#include "core/trace/names.h"

#include <array>

namespace procscope {

namespace {

constexpr std::array<std::string_view, 17> kReasons{"None", "OnlyCandidate", "FIFO", "CyclicPick", "SJF",
    "STCF", "RoundRobin", "SliceRenewed", "Priority", "MLFQ", "MLFQBoost", "Lottery", "Stride", "CFS",
    "IoImmediate", "HeldCpu", "Imported"};
static_assert(kReasons.size() == static_cast<std::size_t>(Reason::Imported) + 1);

template <typename E, typename F>
std::optional<E> lookup(std::string_view name, int count, F&& nameOf)
{
    for (int i = 0; i < count; ++i)
        if (nameOf(static_cast<E>(i)) == name)
            return static_cast<E>(i);
    return std::nullopt;
}

} // namespace

std::string_view reasonName(Reason r)
{
    const auto i = static_cast<std::size_t>(r);
    return i < kReasons.size() ? kReasons[i] : std::string_view("?");
}

std::optional<Reason> reasonFromName(std::string_view name)
{
    return lookup<Reason>(name, static_cast<int>(kReasons.size()), reasonName);
}

std::optional<ProcessState> stateFromName(std::string_view name)
{
    return lookup<ProcessState>(name, kStateCount, stateName);
}

std::optional<Cause> causeFromName(std::string_view name)
{
    return lookup<Cause>(name, static_cast<int>(Cause::Boosted) + 1, causeName);
}

} // namespace procscope
