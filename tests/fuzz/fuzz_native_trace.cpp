// Fuzz target: the native trace reader (procscope-trace JSON).
#include "core/io/trace_json_reader.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)procscope::readNativeTrace(text, "fuzz.json");
    return 0;
}
