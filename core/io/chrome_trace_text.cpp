#include "core/io/chrome_trace_text.h"

#include "core/io/utf8.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace procscope::chrome {

void appendInt(std::string& out, long long v)
{
    char buf[24];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, end);
}

void appendUnsigned(std::string& out, unsigned long long v)
{
    char buf[24];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, end);
}

void appendNumber(std::string& out, double v)
{
    if (v == std::floor(v) && std::fabs(v) < 9e15) {
        appendInt(out, static_cast<long long>(v));
        return;
    }
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, end);
}

void appendString(std::string& out, std::string_view s)
{
    out += '"';
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char ch = s[i];
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else if (c < 0x80) {
            out += ch;
        } else if (const std::size_t n = utf8SequenceLength(s, i)) {
            out.append(s.substr(i, n));
            i += n - 1;
        } else {
            out += "\\ufffd";
        }
    }
    out += '"';
}

} // namespace procscope::chrome
