// Fuzz target: the Chrome Trace Event importer.
#include "core/io/chrome_trace_reader.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)procscope::readChromeTrace(text, "fuzz.json");
    return 0;
}
