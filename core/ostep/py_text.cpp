#include "core/ostep/py_text.h"

#include <cstdint>
#include <deque>

namespace procscope::ostep {

namespace {

struct Decoded {
    char32_t codePoint = 0;
    std::size_t length = 0; // 0: not well-formed UTF-8 at this position
};

// One well-formed UTF-8 sequence (Unicode Table 3-7: no overlongs, no surrogates, <= U+10FFFF).
Decoded decodeUtf8(std::string_view s, std::size_t i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80)
        return {b0, 1};
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    char32_t cp = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2;
        cp = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3;
        cp = b0 & 0x0F;
        lo = b0 == 0xE0 ? 0xA0 : 0x80;
        hi = b0 == 0xED ? 0x9F : 0xBF;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4;
        cp = b0 & 0x07;
        lo = b0 == 0xF0 ? 0x90 : 0x80;
        hi = b0 == 0xF4 ? 0x8F : 0xBF;
    } else {
        return {};
    }
    if (i + len > s.size())
        return {};
    for (std::size_t k = 1; k < len; ++k) {
        const unsigned char b = byte(i + k);
        if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF))
            return {};
        cp = (cp << 6) | (b & 0x3F);
    }
    return {cp, len};
}

bool isNumberSpace(char32_t c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
           c == 0x3000;
}

// Python's str.isprintable() for code points >= 0x80, covering the categories argv text can
// plausibly contain (Cc, Zs, Zl, Zp, the common Cf, Co, Cs, noncharacters); other unassigned code
// points are treated as printable.
bool isPrintableNonAscii(char32_t c)
{
    if (c <= 0xA0 || c == 0xAD || c == 0x1680 || c == 0x3000 || c == 0xFEFF)
        return false;
    if ((c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) || (c >= 0x205F && c <= 0x206F))
        return false;
    if ((c >= 0x600 && c <= 0x605) || c == 0x61C || c == 0x6DD || c == 0x70F || c == 0x180E)
        return false;
    if ((c >= 0xD800 && c <= 0xDFFF) || (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xFFF9 && c <= 0xFFFB))
        return false;
    if ((c & 0xFFFE) == 0xFFFE || c >= 0xF0000)
        return false;
    return true;
}

void appendHex(std::string& out, char prefix, std::uint32_t value, int digits)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out += '\\';
    out += prefix;
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
        out += kHex[(value >> shift) & 0xF];
}

} // namespace

std::string_view stripNumberWhitespace(std::string_view text)
{
    // Leading side: decode forward.
    std::size_t begin = 0;
    while (begin < text.size()) {
        const Decoded d = decodeUtf8(text, begin);
        if (d.length == 0 || !isNumberSpace(d.codePoint))
            break;
        begin += d.length;
    }
    // Trailing side: find the start of the last sequence by skipping continuation bytes.
    std::size_t end = text.size();
    while (end > begin) {
        std::size_t start = end - 1;
        while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80 && end - start < 4)
            --start;
        const Decoded d = decodeUtf8(text, start);
        if (d.length != end - start || !isNumberSpace(d.codePoint))
            break;
        end = start;
    }
    return text.substr(begin, end - begin);
}

std::string pyRepr(std::string_view text)
{
    const bool hasSingle = text.find('\'') != std::string_view::npos;
    const bool hasDouble = text.find('"') != std::string_view::npos;
    const char quote = hasSingle && !hasDouble ? '"' : '\'';
    std::string out(1, quote);
    for (std::size_t i = 0; i < text.size();) {
        const Decoded d = decodeUtf8(text, i);
        if (d.length == 0) {
            // surrogateescape: the undecodable byte b became U+DC00 + b.
            appendHex(out, 'u', 0xDC00u + static_cast<unsigned char>(text[i]), 4);
            ++i;
            continue;
        }
        const char32_t c = d.codePoint;
        if (c == static_cast<char32_t>(quote) || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < ' ' || c == 0x7F) {
            appendHex(out, 'x', c, 2);
        } else if (c < 0x7F || isPrintableNonAscii(c)) {
            out.append(text.substr(i, d.length));
        } else if (c <= 0xFF) {
            appendHex(out, 'x', c, 2);
        } else if (c <= 0xFFFF) {
            appendHex(out, 'u', c, 4);
        } else {
            appendHex(out, 'U', c, 8);
        }
        i += d.length;
    }
    out += quote;
    return out;
}

std::string pyStderrText(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const Decoded d = decodeUtf8(text, i);
        if (d.length == 0) {
            appendHex(out, 'u', 0xDC00u + static_cast<unsigned char>(text[i]), 4);
            ++i;
        } else {
            out.append(text.substr(i, d.length));
            i += d.length;
        }
    }
    return out;
}

namespace {

bool isWrapSpace(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}
bool isWordChar(char c) // \w (ASCII part)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool isLetter(char c)
{
    return isWordChar(c) && !(c >= '0' && c <= '9');
} // [^\d\W]
bool isWordPunct(char c) // [\w!"'&.,?]
{
    return isWordChar(c) || c == '!' || c == '"' || c == '\'' || c == '&' || c == '.' || c == ',' || c == '?';
}

// textwrap's munge: expandtabs(8), then every whitespace character becomes a space.
std::string mungeWhitespace(std::string_view text)
{
    std::string out;
    std::size_t column = 0;
    for (char c : text) {
        if (c == '\t') {
            const std::size_t spaces = 8 - column % 8;
            out.append(spaces, ' ');
            column += spaces;
            continue;
        }
        column = (c == '\n' || c == '\r') ? 0 : column + 1;
        out += isWrapSpace(c) ? ' ' : c;
    }
    return out;
}

// Length of the em-dash run "--..." at i when it is followed by a word character, else 0.
std::size_t emDashAt(std::string_view s, std::size_t i)
{
    std::size_t n = 0;
    while (i + n < s.size() && s[i + n] == '-')
        ++n;
    return (n >= 2 && i + n < s.size() && isWordChar(s[i + n])) ? n : 0;
}

// TextWrapper.wordsep_re, evaluated by hand: the length of the chunk that starts at p.
std::size_t chunkLength(std::string_view s, std::size_t p)
{
    const auto at = [&](std::size_t k) { return k < s.size() ? s[k] : '\0'; };
    if (isWrapSpace(s[p])) { // whitespace run
        std::size_t e = p;
        while (e < s.size() && isWrapSpace(s[e]))
            ++e;
        return e - p;
    }
    if (p > 0 && isWordPunct(s[p - 1])) { // em-dash between words
        if (const std::size_t n = emDashAt(s, p))
            return n;
    }
    // A word, possibly hyphenated: the shortest non-space run followed by one of the three endings.
    for (std::size_t e = p + 1; e <= s.size(); ++e) {
        const char h = at(e);
        // Hyphen inside a word: "ab-" or "a-b-" before it, and a letter, "-"?, letter after it.
        if (h == '-') {
            const bool behind = (e >= 2 && isLetter(s[e - 2]) && isLetter(s[e - 1])) ||
                                (e >= 3 && isLetter(s[e - 3]) && s[e - 2] == '-' && isLetter(s[e - 1]));
            const bool ahead =
                isLetter(at(e + 1)) && (isLetter(at(e + 2)) || (at(e + 2) == '-' && isLetter(at(e + 3))));
            if (behind && ahead)
                return e + 1 - p;
        }
        if (e == s.size() || isWrapSpace(h)) // end of word
            return e - p;
        if (isWordPunct(s[e - 1]) && emDashAt(s, e) > 0) // em-dash follows
            return e - p;
    }
    return s.size() - p;
}

} // namespace

std::vector<std::string> pyTextWrap(std::string_view text, int width)
{
    const std::string munged = mungeWhitespace(text);
    std::deque<std::string> chunks;
    for (std::size_t p = 0; p < munged.size();) {
        const std::size_t n = chunkLength(munged, p);
        chunks.emplace_back(munged.substr(p, n));
        p += n;
    }
    const auto isBlank = [](const std::string& c) { return c.find_first_not_of(' ') == std::string::npos; };
    const std::size_t w = width < 1 ? 1 : static_cast<std::size_t>(width);

    std::vector<std::string> lines;
    while (!chunks.empty()) {
        std::vector<std::string> cur;
        std::size_t curLen = 0;
        if (isBlank(chunks.front()) && !lines.empty())
            chunks.pop_front();
        while (!chunks.empty() && curLen + chunks.front().size() <= w) {
            curLen += chunks.front().size();
            cur.push_back(std::move(chunks.front()));
            chunks.pop_front();
        }
        if (!chunks.empty() && chunks.front().size() > w) {
            // _handle_long_word: split it, after a hyphen when one fits.
            const std::size_t spaceLeft = w - curLen;
            std::string& chunk = chunks.front();
            std::size_t end = spaceLeft;
            if (chunk.size() > spaceLeft && spaceLeft > 0) {
                const std::size_t hyphen = chunk.rfind('-', spaceLeft - 1);
                if (hyphen != std::string::npos && hyphen > 0 && chunk.find_first_not_of('-') < hyphen)
                    end = hyphen + 1;
            }
            cur.push_back(chunk.substr(0, end));
            chunk.erase(0, end);
            curLen = 0;
            for (const std::string& c : cur)
                curLen += c.size();
        }
        if (!cur.empty() && isBlank(cur.back())) {
            curLen -= cur.back().size();
            cur.pop_back();
        }
        if (!cur.empty()) {
            std::string line;
            for (const std::string& c : cur)
                line += c;
            lines.push_back(std::move(line));
        }
    }
    return lines;
}

} // namespace procscope::ostep
