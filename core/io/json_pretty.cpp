#include "core/io/json_pretty.h"

#include <iterator>

namespace procscope {

namespace {

using nlohmann::ordered_json;

constexpr std::size_t kLineWidth = 100;

std::string scalar(const ordered_json& v)
{
    return v.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

// Appends `v` on one line; false as soon as `out` grows past `limit` characters.
bool oneLine(const ordered_json& v, std::size_t limit, std::string& out)
{
    if (!v.is_structured() || v.empty()) {
        out += v.is_object() ? std::string("{}") : v.is_array() ? std::string("[]") : scalar(v);
        return out.size() <= limit;
    }
    out += v.is_object() ? '{' : '[';
    for (auto it = v.begin(); it != v.end(); ++it) {
        if (it != v.begin())
            out += ", ";
        if (v.is_object())
            out += scalar(ordered_json(it.key())) + ": ";
        if (out.size() > limit || !oneLine(*it, limit, out))
            return false;
    }
    out += v.is_object() ? '}' : ']';
    return out.size() <= limit;
}

// `column` is where `v` starts; `tail` characters (a comma) follow it on its last line.
void pretty(const ordered_json& v, std::size_t indent, std::size_t column, std::size_t tail, std::string& out)
{
    std::string line;
    if (indent > 0 && column + tail < kLineWidth && oneLine(v, kLineWidth - column - tail, line)) {
        out += line;
        return;
    }
    if (!v.is_structured() || v.empty()) {
        line.clear();
        oneLine(v, std::string::npos, line);
        out += line;
        return;
    }
    const std::string inner(indent + 2, ' ');
    out += v.is_object() ? "{\n" : "[\n";
    for (auto it = v.begin(); it != v.end(); ++it) {
        if (it != v.begin())
            out += ",\n";
        out += inner;
        std::size_t col = inner.size();
        if (v.is_object()) {
            const std::string key = scalar(ordered_json(it.key())) + ": ";
            out += key;
            col += key.size();
        }
        pretty(*it, indent + 2, col, std::next(it) == v.end() ? 0 : 1, out);
    }
    out += "\n" + std::string(indent, ' ') + (v.is_object() ? "}" : "]");
}

} // namespace

std::string prettyJson(const ordered_json& value)
{
    std::string out;
    pretty(value, 0, 0, 0, out);
    return out + "\n";
}

} // namespace procscope
