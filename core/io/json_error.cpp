#include "core/io/json_error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

namespace procscope {

namespace {

// Offset of the first byte that is not part of well-formed UTF-8 (no overlongs, no surrogates).
std::optional<std::size_t> invalidUtf8(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        unsigned char low = 0x80, high = 0xBF; // allowed range of the second byte
        if (b >= 0xC2 && b <= 0xDF) {
            length = 2;
        } else if (b >= 0xE0 && b <= 0xEF) {
            length = 3;
            if (b == 0xE0)
                low = 0xA0;
            if (b == 0xED)
                high = 0x9F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            length = 4;
            if (b == 0xF0)
                low = 0x90;
            if (b == 0xF4)
                high = 0x8F;
        } else {
            return i;
        }
        if (i + length > s.size())
            return i;
        for (std::size_t k = 1; k < length; ++k) {
            const auto c = static_cast<unsigned char>(s[i + k]);
            if (k == 1 ? (c < low || c > high) : (c < 0x80 || c > 0xBF))
                return i;
        }
        i += length;
    }
    return std::nullopt;
}

// Offset of the first '[' or '{' that opens level kMaxJsonDepth + 1, skipping strings.
std::optional<std::size_t> tooDeep(std::string_view s)
{
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxJsonDepth)
                return i;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return std::nullopt;
}

// Start of the number that ends at or around `offset`.
std::size_t numberStart(std::string_view text, std::size_t offset)
{
    auto isNumberChar = [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '+' || c == '.' || c == 'e' ||
               c == 'E';
    };
    offset = std::min(offset, text.size());
    while (offset > 0 && (offset == text.size() || !isNumberChar(text[offset])))
        --offset;
    while (offset > 0 && isNumberChar(text[offset - 1]))
        --offset;
    return offset;
}

LoadError errorAt(const std::string& file, std::string_view text, std::size_t offset, std::string message)
{
    const auto [line, column] = lineColumn(text, offset);
    return LoadError{file, {}, line, column, std::move(message)};
}

// Builds the document from nlohmann's SAX events (its parser is iterative, so depth cannot
// overflow the stack), refusing duplicate keys. nlohmann's own DOM builder keeps the last of two
// equal keys silently, and its callback variant is quadratic in the size of arrays.
class StrictDomBuilder {
public:
    explicit StrictDomBuilder(nlohmann::json& root)
        : m_root(root)
    { }

    bool null() { return add(nullptr); }
    bool boolean(bool v) { return add(v); }
    bool number_integer(nlohmann::json::number_integer_t v) { return add(v); }
    bool number_unsigned(nlohmann::json::number_unsigned_t v) { return add(v); }
    bool number_float(nlohmann::json::number_float_t v, const std::string&) { return add(v); }
    bool string(std::string& v) { return add(std::move(v)); }
    bool binary(nlohmann::json::binary_t& v) { return add(nlohmann::json::binary(std::move(v))); }
    bool start_object(std::size_t) { return open(nlohmann::json::object()); }
    bool start_array(std::size_t) { return open(nlohmann::json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(std::string& k)
    {
        Frame& frame = m_stack.back();
        if (frame.value->contains(k)) {
            m_duplicate = DuplicateKey{path(), k};
            return false;
        }
        frame.key = std::move(k);
        return true;
    }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::json::exception& e)
    {
        m_error = SyntaxError{position, e.id, e.what()};
        return false;
    }

    struct DuplicateKey {
        std::string path;
        std::string key;
    };
    struct SyntaxError {
        std::size_t position = 0; // bytes read when the error was found
        int id = 0;
        std::string what;
    };
    const std::optional<DuplicateKey>& duplicate() const { return m_duplicate; }
    const std::optional<SyntaxError>& error() const { return m_error; }

private:
    struct Frame {
        nlohmann::json* value;
        std::string key; // objects: the key of the member being read
    };

    // Places `v` where the parser is; returns where it went. Only the innermost open container
    // grows, so the pointers in m_stack stay valid.
    nlohmann::json* place(nlohmann::json&& v)
    {
        if (m_stack.empty()) {
            m_root = std::move(v);
            return &m_root;
        }
        Frame& frame = m_stack.back();
        if (frame.value->is_array()) {
            frame.value->push_back(std::move(v));
            return &frame.value->back();
        }
        nlohmann::json& slot = (*frame.value)[frame.key];
        slot = std::move(v);
        return &slot;
    }

    bool add(nlohmann::json&& v)
    {
        place(std::move(v));
        return true;
    }

    bool open(nlohmann::json&& container)
    {
        m_stack.push_back(Frame{place(std::move(container)), {}});
        return true;
    }

    bool close()
    {
        m_stack.pop_back();
        return true;
    }

    // The path of the innermost open container.
    std::string path() const
    {
        std::string p = "$";
        for (std::size_t i = 0; i + 1 < m_stack.size(); ++i) {
            const Frame& f = m_stack[i];
            p = f.value->is_array() ? jsonPathIndex(p, f.value->size() - 1) : jsonPathKey(p, f.key);
        }
        return p;
    }

    nlohmann::json& m_root;
    std::vector<Frame> m_stack;
    std::optional<DuplicateKey> m_duplicate;
    std::optional<SyntaxError> m_error;
};

} // namespace

std::string LoadError::toString() const
{
    std::string s = file;
    if (line > 0) {
        s += (s.empty() ? "" : ":") + std::to_string(line) + ":" + std::to_string(column);
    }
    if (!s.empty())
        s += ": ";
    if (!ownerName.empty() && !ownerPath.empty() && jsonPath.starts_with(ownerPath))
        s += ownerPath + " (" + ownerName + ")" + jsonPath.substr(ownerPath.size()) + ": ";
    else if (!jsonPath.empty())
        s += jsonPath + ": ";
    return s + message;
}

std::optional<LoadError> readTextFile(const std::string& path, std::string& text, std::size_t maxBytes,
    const std::function<bool(std::uint64_t, std::uint64_t)>& progress)
{
    namespace fs = std::filesystem;
    try {
        std::error_code ec;
        const fs::file_status status = fs::status(path, ec);
        if (ec || !fs::exists(status)) {
            const std::string reason = ec ? ec.message() : std::string("No such file or directory");
            return LoadError{path, {}, 0, 0, "cannot open: " + reason};
        }
        if (fs::is_directory(status))
            return LoadError{path, {}, 0, 0, "is a directory, not a file"};
        if (!fs::is_regular_file(status))
            return LoadError{path, {}, 0, 0, "is not a regular file"};
        const auto size = fs::file_size(path, ec);
        if (!ec && size > maxBytes)
            return LoadError{path, {}, 0, 0,
                "is too large (" + std::to_string(size) + " bytes; the limit is " + std::to_string(maxBytes) +
                    ")"};
        errno = 0;
        std::ifstream in(path, std::ios::binary);
        if (!in)
            return LoadError{path, {}, 0, 0,
                std::string("cannot open: ") + (errno ? std::strerror(errno) : "unknown error")};
        std::string content;
        const auto expected = static_cast<std::size_t>(ec ? 0 : size);
        content.reserve(expected);
        // In chunks, each zero-filled and read only when its turn comes, so that a cancel is
        // answered within a few milliseconds even for a file of hundreds of MB.
        constexpr std::size_t kChunk = std::size_t{8} << 20;
        std::size_t done = 0;
        while (done < expected) {
            const std::size_t want = std::min(kChunk, expected - done);
            content.resize(done + want);
            in.read(content.data() + done, static_cast<std::streamsize>(want));
            done += static_cast<std::size_t>(in.gcount());
            if (static_cast<std::size_t>(in.gcount()) < want)
                break;
            if (progress && !progress(done, expected)) {
                LoadError cancelled{path, {}, 0, 0, "loading cancelled"};
                cancelled.cancelled = true;
                return cancelled;
            }
        }
        content.resize(done);
        // The size may have changed since; read whatever follows, within the limit.
        char buffer[4096];
        while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
            content.append(buffer, static_cast<std::size_t>(in.gcount()));
            if (content.size() > maxBytes)
                return LoadError{
                    path, {}, 0, 0, "is too large (the limit is " + std::to_string(maxBytes) + " bytes)"};
        }
        if (in.bad())
            return LoadError{path, {}, 0, 0, "cannot read the file"};
        text = std::move(content);
        return std::nullopt;
    } catch (const std::exception& e) {
        return LoadError{path, {}, 0, 0, std::string("cannot read: ") + e.what()};
    }
}

std::optional<LoadError> parseJsonText(
    std::string_view text, const std::string& fileName, nlohmann::json& out)
{
    try {
        if (text.size() >= 2 &&
            ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF')))
            return LoadError{fileName, {}, 0, 0, "the file is UTF-16 text; save it as UTF-8"};
        if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
            return LoadError{fileName, {}, 0, 0,
                text.empty() ? "the file is empty; expected a JSON object"
                             : "the file holds only white space; expected a JSON object"};
        if (const auto nul = text.find('\0'); nul != std::string_view::npos)
            return errorAt(fileName, text, nul, "not a text file: it contains a NUL byte (binary data?)");
        if (const auto bad = invalidUtf8(text)) {
            char hex[8];
            std::snprintf(
                hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[*bad])));
            return errorAt(fileName, text, *bad,
                std::string("invalid UTF-8 (byte ") + hex + "); the file must be UTF-8 text");
        }
        if (const auto deep = tooDeep(text))
            return errorAt(fileName, text, *deep,
                "arrays and objects nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");

        StrictDomBuilder builder(out);
        if (nlohmann::json::sax_parse(
                text.begin(), text.end(), &builder, nlohmann::json::input_format_t::json, true, false))
            return std::nullopt;
        out = nlohmann::json();
        if (const auto& d = builder.duplicate())
            return LoadError{fileName, d->path, 0, 0, "duplicate key \"" + d->key + "\""};
        const auto& e = builder.error();
        if (!e)
            return LoadError{fileName, {}, 0, 0, "cannot read the JSON"};
        const std::size_t offset = std::min(e->position > 0 ? e->position - 1 : 0, text.size());
        if (e->id == 406) // "number overflow parsing '1e400'"
            return errorAt(fileName, text, numberStart(text, offset),
                "JSON number out of range: " + nlohmannErrorDetail(e->what));
        std::string message = "JSON syntax error: " + nlohmannErrorDetail(e->what);
        // A comma before a closing bracket is the most common slip in hand-written JSON.
        if (offset < text.size() && (text[offset] == ']' || text[offset] == '}')) {
            const auto before = text.substr(0, offset).find_last_not_of(" \t\r\n");
            if (before != std::string_view::npos && text[before] == ',')
                message += " (a comma after the last element?)";
        }
        return errorAt(fileName, text, offset, message);
    } catch (const std::bad_alloc&) {
        return LoadError{fileName, {}, 0, 0, "out of memory while reading the JSON"};
    } catch (const std::exception& e) {
        return LoadError{fileName, {}, 0, 0, std::string("cannot read the JSON: ") + e.what()};
    }
}

std::pair<int, int> lineColumn(std::string_view text, std::size_t offset)
{
    offset = std::min(offset, text.size());
    int line = 1;
    int column = 1;
    const std::size_t first = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0; // a BOM is not a character
    for (std::size_t i = first; i < offset; ++i) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b == '\n') {
            ++line;
            column = 1;
        } else if ((b & 0xC0) != 0x80) { // not a UTF-8 continuation byte
            ++column;
        }
    }
    return {line, column};
}

std::string jsonPathKey(const std::string& parent, std::string_view key)
{
    bool identifier = !key.empty() && !std::isdigit(static_cast<unsigned char>(key.front()));
    for (const char c : key)
        identifier = identifier && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
    if (identifier)
        return parent + "." + std::string(key);
    return parent + "[" +
           nlohmann::json(std::string(key)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
           "]";
}

std::string jsonPathIndex(const std::string& parent, std::size_t index)
{
    return parent + "[" + std::to_string(index) + "]";
}

std::string describeJsonValue(const nlohmann::json& value)
{
    if (value.is_object())
        return value.empty() ? "an empty object" : "an object";
    if (value.is_array())
        return value.empty() ? "an empty array" : "an array";
    std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    constexpr std::size_t kMax = 40;
    if (value.is_string() && text.size() > kMax) {
        std::size_t cut = kMax;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
            --cut; // do not split a UTF-8 sequence
        text = text.substr(0, cut) + "...\"";
    }
    return text;
}

// "[json.exception.parse_error.101] parse error at line 1, column 8: syntax error while parsing
// object key - unexpected '}'; expected string literal" -> "unexpected '}'; expected string literal".
std::string nlohmannErrorDetail(std::string_view what)
{
    if (const auto bracket = what.find("] "); what.substr(0, 1) == "[" && bracket != std::string_view::npos)
        what.remove_prefix(bracket + 2);
    if (const auto colon = what.find(": ");
        what.substr(0, 11) == "parse error" && colon != std::string_view::npos)
        what.remove_prefix(colon + 2);
    if (const auto dash = what.find(" - ");
        what.substr(0, 12) == "syntax error" && dash != std::string_view::npos)
        what.remove_prefix(dash + 3);
    return std::string(what);
}

} // namespace procscope
