#include "core/io/linux_sched_text.h"

#include <algorithm>

namespace procscope::sched_text {

sv trim(sv s)
{
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

bool allDigits(sv s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), isDigit);
}

sv lastToken(sv s, std::size_t* start)
{
    s = trim(s);
    std::size_t i = s.size();
    while (i > 0 && !isSpace(s[i - 1]))
        --i;
    if (start)
        *start = i;
    return s.substr(i);
}

std::optional<std::int64_t> unsignedValue(sv s)
{
    if (!allDigits(s) || s.size() > 18)
        return std::nullopt;
    std::int64_t v = 0;
    for (char c : s)
        v = v * 10 + (c - '0');
    return v;
}

std::string quoted(sv s)
{
    std::string out = "\"";
    const std::size_t n = std::min<std::size_t>(s.size(), 24);
    for (std::size_t i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
            out += static_cast<char>(c);
        } else {
            constexpr char hex[] = "0123456789ABCDEF";
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    if (n < s.size())
        out += "...";
    return out + "\"";
}

bool setError(SchedLine& line, std::string message)
{
    line.type = SchedLine::Type::Error;
    line.error = std::move(message);
    return false;
}

bool parsePid(sv text, Pid& out, SchedLine& line, sv what)
{
    text = trim(text);
    const auto v = unsignedValue(text);
    if (!allDigits(text))
        return setError(line, std::string(what) + " " + quoted(text) + ": expected a number");
    if (!v || *v > kMaxPid)
        return setError(line, std::string(what) + " " + quoted(text) + " is out of range (0 to " +
                                  std::to_string(kMaxPid) + ")");
    out = static_cast<Pid>(*v);
    return true;
}

bool parsePrio(sv text, int& out, SchedLine& line, sv what)
{
    text = trim(text);
    const bool negative = !text.empty() && text.front() == '-';
    const auto v = unsignedValue(negative ? text.substr(1) : text);
    if (!v || *v > 100000)
        return setError(line, std::string(what) + " " + quoted(text) + ": expected a priority");
    out = static_cast<int>(negative ? -*v : *v);
    return true;
}

sv wordAt(sv text, std::size_t at)
{
    const auto end = text.find(' ', at);
    return text.substr(at, end == sv::npos ? sv::npos : end - at);
}

} // namespace procscope::sched_text
