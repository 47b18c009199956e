#include "core/model/generator.h"

#include <string>

namespace procscope {

std::vector<ProcessSpec> generateBatch(
    const GeneratorSpec& spec, ostep::PyRandom& rng, Tick start, Pid firstPid)
{
    std::vector<ProcessSpec> out;
    out.reserve(static_cast<std::size_t>(std::max(0, spec.count)));
    for (int i = 0; i < spec.count; ++i) {
        ProcessSpec p;
        p.pid = firstPid + i;
        p.name = "P" + std::to_string(p.pid);
        p.arrival = start + (spec.maxArrival > 0 ? rng.randint(0, spec.maxArrival) : 0);
        for (int b = 0; b < std::max(1, spec.bursts); ++b) {
            p.program.push_back(Op::cpu(rng.randint(spec.minBurst, std::max(spec.minBurst, spec.maxBurst))));
            if (b + 1 < spec.bursts && rng.random() * 100.0 < spec.ioPercent)
                p.program.push_back(Op::io(spec.ioLength));
        }
        out.push_back(std::move(p));
    }
    return out;
}

} // namespace procscope
