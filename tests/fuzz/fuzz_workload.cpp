// Fuzz target: the workload reader, and the simulation of what it accepts (bounded by the
// workload's own tick limit, capped here so one input cannot take seconds).
#include "core/io/workload_json.h"
#include "core/sim/simulator.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto result = procscope::readWorkloadFromString(text, "fuzz.json");
    if (auto* workload = std::get_if<procscope::Workload>(&result)) {
        if (workload->processes.size() > 64)
            return 0;
        procscope::Simulator simulator(*workload);
        simulator.advanceTo(std::min<procscope::Tick>(workload->tickLimit, 5000));
    }
    return 0;
}
