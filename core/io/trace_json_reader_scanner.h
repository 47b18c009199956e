// A strict JSON tokenizer for the native trace reader: it reads one token at a time from the
// text, and the reader drives it with the format's fixed grammar, so nesting never goes deeper
// than the format allows and nothing recurses on the input. UTF-8 is validated inside strings;
// integers are read exactly (a number that does not fit is reported, never wrapped). The first
// problem is thrown as a Failure carrying its byte offset.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace procscope::tracejson {

// The first problem in a trace file: at which byte, in which value (a JSON path, empty for syntax
// errors) and what. Thrown inside the reader and turned into a LoadError at its top.
struct Failure {
    std::size_t offset = 0;
    std::string path;
    std::string message;
};

// An integer as written: sign and magnitude, or the reason it is not an int64.
struct Number {
    std::size_t offset = 0; // where its text starts
    std::size_t length = 0;
    bool negative = false;
    bool integer = true;   // false: it has a fraction or an exponent
    bool overflow = false; // the magnitude does not fit in 64 bits
    std::uint64_t magnitude = 0;
};

// `"abc"` for "..., got X" messages: quoted, escaped, shortened when long.
std::string describeString(std::string_view s);

class Scanner {
public:
    explicit Scanner(std::string_view text);
    // Steps over a UTF-8 byte order mark at the start.
    void skipByteOrderMark()
    {
        if (m_end - m_p >= 3 && std::string_view(m_p, 3) == "\xEF\xBB\xBF")
            m_p += 3;
    }

    std::string_view text() const { return {m_begin, static_cast<std::size_t>(m_end - m_begin)}; }
    std::size_t offset() const { return static_cast<std::size_t>(m_p - m_begin); }

    // Skips white space; the next byte, or '\0' at the end of the text (the text holds no NUL).
    char peek()
    {
        while (m_p < m_end && isSpace(*m_p))
            ++m_p;
        return m_p < m_end ? *m_p : '\0';
    }
    // Steps over n bytes already checked with peek() and text().
    void skip(std::size_t n) { m_p += n; }
    // Consumes `c` if it comes next (after white space).
    bool consumeIf(char c)
    {
        if (peek() != c)
            return false;
        ++m_p;
        return true;
    }
    // Consumes `c` or fails with "unexpected ...; expected <what>".
    void expect(char c, const char* what)
    {
        if (!consumeIf(c))
            unexpected(what);
    }

    // The next value is a string (peek() == '"'): its decoded content. A view into the text when
    // it has no escapes, else into `scratch`.
    std::string_view string(std::string& scratch)
    {
        const char* start = ++m_p;
        while (m_p < m_end) {
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                return {start, static_cast<std::size_t>(m_p++ - start)};
            }
            if (c == '\\' || c < 0x20 || c >= 0x80)
                return stringSlow(start, scratch);
            ++m_p;
        }
        return stringSlow(start, scratch);
    }

    // The next value is a number (peek() is '-' or a digit).
    Number number()
    {
        Number n;
        n.offset = offset();
        if (*m_p == '-') {
            n.negative = true;
            ++m_p;
        }
        if (m_p < m_end && *m_p >= '1' && *m_p <= '9') {
            std::uint64_t v = 0;
            int digits = 0;
            while (m_p < m_end && isDigit(*m_p) && digits < 19) {
                v = v * 10 + static_cast<std::uint64_t>(*m_p++ - '0');
                ++digits;
            }
            n.magnitude = v;
            if (m_p < m_end && isDigit(*m_p))
                longTail(n);
        } else if (m_p < m_end && *m_p == '0') {
            ++m_p;
            if (m_p < m_end && isDigit(*m_p))
                syntaxError("a number must not start with 0 unless it is 0");
        } else {
            unexpected("a digit");
        }
        if (m_p < m_end && (*m_p == '.' || *m_p == 'e' || *m_p == 'E'))
            fractionAndExponent(n);
        n.length = offset() - n.offset;
        return n;
    }

    // Checks that only white space follows the document.
    void expectEnd();

    // "an object", "an array", "\"abc\"", "-3", "true": what the next value is, for "expected X,
    // got Y". Scalars are read (and checked) to describe them; containers are not entered.
    std::string describeValue();

    // Throws a syntax error at the current position: "JSON syntax error: <message>".
    [[noreturn]] void syntaxError(const std::string& message) const;
    // "unexpected 'x'; expected <what>", or "unexpected end of the file; expected <what>".
    [[noreturn]] void unexpected(const char* what) const;

private:
    static bool isSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
    static bool isDigit(char c) { return c >= '0' && c <= '9'; }

    std::string_view stringSlow(const char* start, std::string& scratch);
    void appendCodePoint(std::string& out, std::uint32_t cp);
    std::uint32_t hex4();
    void longTail(Number& n);
    void fractionAndExponent(Number& n);
    // Length of the well-formed UTF-8 sequence at m_p, or throws.
    std::size_t utf8Sequence() const;

    const char* m_begin;
    const char* m_p;
    const char* m_end;
};

} // namespace procscope::tracejson
