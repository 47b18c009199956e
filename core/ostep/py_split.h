// Python's str.split(sep): every separator splits, empty fields kept ("" -> [""]).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace procscope::ostep {

inline std::vector<std::string> pySplit(std::string_view text, char sep)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        const auto at = text.find(sep, start);
        parts.emplace_back(
            text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
        if (at == std::string_view::npos)
            return parts;
        start = at + 1;
    }
}

} // namespace procscope::ostep
