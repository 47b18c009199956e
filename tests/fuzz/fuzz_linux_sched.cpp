// Fuzz target: the trace-cmd / perf script text importer.
#include "core/io/linux_sched_reader.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)procscope::detectLinuxSchedText(text);
    (void)procscope::readLinuxSchedText(text, "fuzz.txt");
    return 0;
}
