#include "core/io/trace_json_reader_scanner.h"

#include "core/io/json_error.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace procscope::tracejson {

namespace {

std::string hexByte(unsigned char b)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned>(b));
    return buf;
}

} // namespace

std::string describeString(std::string_view s)
{
    return describeJsonValue(nlohmann::json(std::string(s)));
}

Scanner::Scanner(std::string_view text)
    : m_begin(text.data())
    , m_p(text.data())
    , m_end(text.data() + text.size())
{ }

void Scanner::syntaxError(const std::string& message) const
{
    throw Failure{offset(), {}, "JSON syntax error: " + message};
}

void Scanner::unexpected(const char* what) const
{
    if (m_p >= m_end)
        syntaxError(std::string("unexpected end of the file; expected ") + what);
    const auto c = static_cast<unsigned char>(*m_p);
    if (c == 0)
        throw Failure{offset(), {}, "not a text file: it contains a NUL byte (binary data?)"};
    if (c >= 0x80) {
        utf8Sequence(); // throws on invalid UTF-8
        syntaxError(std::string("unexpected non-ASCII character; expected ") + what);
    }
    if (c < 0x20 || c == 0x7F)
        syntaxError("unexpected control character " + hexByte(c) + "; expected " + what);
    syntaxError(std::string("unexpected '") + static_cast<char>(c) + "'; expected " + what);
}

void Scanner::expectEnd()
{
    if (peek() != '\0' || m_p < m_end)
        unexpected("the end of the file after the top-level object (trailing garbage?)");
}

std::size_t Scanner::utf8Sequence() const
{
    const auto b = static_cast<unsigned char>(*m_p);
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF; // allowed range of the second byte
    if (b >= 0xC2 && b <= 0xDF) {
        length = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
        length = 3;
        low = b == 0xE0 ? 0xA0 : 0x80;
        high = b == 0xED ? 0x9F : 0xBF;
    } else if (b >= 0xF0 && b <= 0xF4) {
        length = 4;
        low = b == 0xF0 ? 0x90 : 0x80;
        high = b == 0xF4 ? 0x8F : 0xBF;
    }
    bool ok = length > 0 && static_cast<std::size_t>(m_end - m_p) >= length;
    for (std::size_t k = 1; ok && k < length; ++k) {
        const auto c = static_cast<unsigned char>(m_p[k]);
        ok = k == 1 ? (c >= low && c <= high) : (c >= 0x80 && c <= 0xBF);
    }
    if (!ok)
        throw Failure{offset(), {}, "invalid UTF-8 (byte " + hexByte(b) + "); the file must be UTF-8 text"};
    return length;
}

std::uint32_t Scanner::hex4()
{
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i, ++m_p) {
        const char c = m_p < m_end ? *m_p : '\0';
        int d = -1;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        if (d < 0)
            unexpected("a hexadecimal digit in a \\u escape");
        v = v * 16 + static_cast<std::uint32_t>(d);
    }
    return v;
}

void Scanner::appendCodePoint(std::string& out, std::uint32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string_view Scanner::stringSlow(const char* start, std::string& scratch)
{
    // Everything from `start` to m_p is plain ASCII; m_p is at an escape, a control character, a
    // non-ASCII byte or the end.
    scratch.assign(start, m_p);
    bool escaped = false;
    while (m_p < m_end) {
        const auto c = static_cast<unsigned char>(*m_p);
        if (c == '"') {
            const char* contentEnd = m_p++;
            if (!escaped)
                return {start, static_cast<std::size_t>(contentEnd - start)};
            return scratch;
        }
        if (c < 0x20) {
            if (c == 0)
                throw Failure{offset(), {}, "not a text file: it contains a NUL byte (binary data?)"};
            syntaxError("control character " + hexByte(c) +
                        " in a string (write it as an escape, e.g. \\n); or a missing '\"'");
        }
        if (c >= 0x80) {
            const std::size_t n = utf8Sequence();
            scratch.append(m_p, n);
            m_p += n;
            continue;
        }
        if (c != '\\') {
            scratch += static_cast<char>(c);
            ++m_p;
            continue;
        }
        escaped = true;
        ++m_p;
        const char e = m_p < m_end ? *m_p : '\0';
        const char* plain = nullptr;
        switch (e) {
        case '"':
            plain = "\"";
            break;
        case '\\':
            plain = "\\";
            break;
        case '/':
            plain = "/";
            break;
        case 'b':
            plain = "\b";
            break;
        case 'f':
            plain = "\f";
            break;
        case 'n':
            plain = "\n";
            break;
        case 'r':
            plain = "\r";
            break;
        case 't':
            plain = "\t";
            break;
        case 'u':
            break;
        default:
            unexpected("an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX) after '\\'");
        }
        ++m_p;
        if (plain) {
            scratch += *plain;
            continue;
        }
        const std::size_t at = offset() - 2;
        std::uint32_t cp = hex4();
        if (cp >= 0xDC00 && cp <= 0xDFFF)
            throw Failure{at, {}, "JSON syntax error: \\u escape of a lone low surrogate"};
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (m_end - m_p < 2 || m_p[0] != '\\' || m_p[1] != 'u')
                throw Failure{at, {}, "JSON syntax error: \\u escape of a high surrogate without its pair"};
            m_p += 2;
            const std::uint32_t low = hex4();
            if (low < 0xDC00 || low > 0xDFFF)
                throw Failure{at, {}, "JSON syntax error: \\u escape of a high surrogate without its pair"};
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        appendCodePoint(scratch, cp);
    }
    unexpected("'\"' to close the string");
}

void Scanner::longTail(Number& n)
{
    while (m_p < m_end && isDigit(*m_p)) {
        const auto d = static_cast<std::uint64_t>(*m_p++ - '0');
        if (!n.overflow && n.magnitude > (UINT64_MAX - d) / 10)
            n.overflow = true;
        else if (!n.overflow)
            n.magnitude = n.magnitude * 10 + d;
    }
}

void Scanner::fractionAndExponent(Number& n)
{
    n.integer = false;
    if (*m_p == '.') {
        ++m_p;
        if (m_p >= m_end || !isDigit(*m_p))
            unexpected("a digit after '.'");
        while (m_p < m_end && isDigit(*m_p))
            ++m_p;
    }
    if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
        ++m_p;
        if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
            ++m_p;
        if (m_p >= m_end || !isDigit(*m_p))
            unexpected("a digit in the exponent");
        while (m_p < m_end && isDigit(*m_p))
            ++m_p;
    }
}

std::string Scanner::describeValue()
{
    const char c = peek();
    if (c == '{' || c == '[') {
        const char* open = m_p++;
        const char close = c == '{' ? '}' : ']';
        const bool empty = peek() == close;
        m_p = open;
        return c == '{' ? (empty ? "an empty object" : "an object") : (empty ? "an empty array" : "an array");
    }
    const char* start = m_p;
    std::string text;
    if (c == '"') {
        std::string scratch;
        text = describeString(string(scratch));
    } else if (c == '-' || isDigit(c)) {
        const Number n = number();
        text.assign(start, n.length);
        if (text.size() > 40)
            text = text.substr(0, 40) + "...";
    } else {
        for (const char* literal : {"true", "false", "null"}) {
            const std::string_view l(literal);
            if (static_cast<std::size_t>(m_end - m_p) >= l.size() && std::string_view(m_p, l.size()) == l) {
                m_p += l.size();
                text = literal;
            }
        }
        if (text.empty())
            unexpected("a value");
    }
    m_p = start;
    return text;
}

} // namespace procscope::tracejson
