#include "core/ostep/optparse.h"

#include "core/ostep/py_text.h"

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <optional>

namespace procscope::ostep {

namespace {

std::string upper(std::string s)
{
    for (char& c : s)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 32);
    return s;
}

bool takesValue(const OptionSpec& spec)
{
    return spec.kind == OptionKind::Int || spec.kind == OptionKind::String;
}

// Byte length of the character starting at s[i] (for "no such option: -X" with non-ASCII X).
std::size_t charLength(std::string_view s, std::size_t i)
{
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 1;
    if (b >= 0xF5 || i + n > s.size())
        return 1;
    for (std::size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80)
            return 1;
    return n;
}

std::string defaultText(const OptionSpec& spec)
{
    if (spec.kind == OptionKind::Help)
        return "none"; // HelpFormatter.NO_DEFAULT_VALUE
    if (const auto* b = std::get_if<bool>(&spec.defaultValue))
        return std::string(*b ? "True" : "False");
    if (const auto* i = std::get_if<PyInt>(&spec.defaultValue))
        return i->str();
    return std::get<std::string>(spec.defaultValue);
}

std::string replaceAll(std::string text, std::string_view from, const std::string& to)
{
    for (std::size_t pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size()))
        text.replace(pos, from.size(), to);
    return text;
}

// Raised inside parse() for every optparse error; parse() turns it into exit status 2.
struct UsageError {
    std::string message;
};

} // namespace

std::optional<PyInt> optparseInt(std::string_view text)
{
    const auto lowerAt = [&](std::size_t i) {
        return i < text.size() ? static_cast<char>(text[i] | 0x20) : '\0';
    };
    if (!text.empty() && text[0] == '0' && lowerAt(1) == 'x')
        return PyInt::parse(text, 16);
    if (!text.empty() && text[0] == '0' && lowerAt(1) == 'b') {
        // optparse strips the prefix itself, so int() sees what follows: "0b" alone is 0, "0b-1" is -1.
        const std::string_view rest = text.substr(2);
        return PyInt::parse(rest.empty() ? std::string_view("0") : rest, 2);
    }
    if (!text.empty() && text[0] == '0')
        return PyInt::parse(text, 8);
    return PyInt::parse(text, 10);
}

const PyInt& ParseResult::intValue(const std::string& dest) const
{
    return std::get<PyInt>(values.at(dest));
}

const std::string& ParseResult::stringValue(const std::string& dest) const
{
    return std::get<std::string>(values.at(dest));
}

bool ParseResult::flagValue(const std::string& dest) const
{
    return std::get<bool>(values.at(dest));
}

OptionParser::OptionParser(std::string prog)
    : m_prog(std::move(prog))
{
    m_options.push_back(
        {'h', "help", OptionKind::Help, "help", false, "show this help message and exit", {}});
}

void OptionParser::addOption(OptionSpec spec)
{
    m_options.push_back(std::move(spec));
}

int OptionParser::columnsFromEnvironment()
{
    const char* env = std::getenv("COLUMNS");
    if (env == nullptr)
        return 80;
    const std::optional<PyInt> v = PyInt::parse(env, 10);
    if (!v)
        return 80;
    return static_cast<int>(std::clamp<std::int64_t>(v->toInt64Saturated(), -1000000, 1000000));
}

const OptionSpec* OptionParser::findShort(char name) const
{
    for (const OptionSpec& spec : m_options)
        if (spec.shortName != 0 && spec.shortName == name)
            return &spec;
    return nullptr;
}

// A port of OptionParser._process_args / _process_long_opt / _process_short_opts.
ParseResult OptionParser::parse(const std::vector<std::string>& args) const
{
    ParseResult result;
    for (const OptionSpec& spec : m_options)
        if (spec.kind != OptionKind::Help)
            result.values[spec.dest] = spec.defaultValue;

    // Convert and store one value; true when parsing must stop for -h.
    const auto process = [&](const OptionSpec& spec, const std::string& opt, const std::string* value) {
        switch (spec.kind) {
        case OptionKind::Help:
            result.out = formatHelp();
            result.exitCode = 0;
            return true;
        case OptionKind::Flag:
            result.values[spec.dest] = true;
            return false;
        case OptionKind::String:
            result.values[spec.dest] = *value;
            return false;
        case OptionKind::Int:
            if (std::optional<PyInt> v = optparseInt(*value)) {
                result.values[spec.dest] = std::move(*v);
                return false;
            }
            throw UsageError{"option " + opt + ": invalid integer value: " + pyRepr(*value)};
        }
        return false;
    };

    std::deque<std::string> rargs(args.begin(), args.end());
    try {
        while (!rargs.empty()) {
            const std::string arg = rargs.front();
            if (arg == "--") {
                rargs.pop_front();
                break;
            }
            if (arg.rfind("--", 0) == 0) {
                rargs.pop_front();
                // A value attached with '=' is treated as if it were the next argument.
                std::string opt = arg;
                bool explicitValue = false;
                if (const std::size_t eq = arg.find('='); eq != std::string::npos) {
                    opt = arg.substr(0, eq);
                    rargs.push_front(arg.substr(eq + 1));
                    explicitValue = true;
                }
                // _match_abbrev: an exact match wins, else the unique long option with this prefix.
                const OptionSpec* match = nullptr;
                std::vector<std::string> candidates;
                for (const OptionSpec& spec : m_options) {
                    if (spec.longName.empty())
                        continue;
                    const std::string name = "--" + spec.longName;
                    if (name == opt) {
                        match = &spec;
                        candidates.clear();
                        break;
                    }
                    if (name.rfind(opt, 0) == 0) {
                        match = &spec;
                        candidates.push_back(name);
                    }
                }
                if (candidates.size() > 1) {
                    std::sort(candidates.begin(), candidates.end());
                    std::string list;
                    for (const std::string& c : candidates)
                        list += (list.empty() ? "" : ", ") + c;
                    throw UsageError{"ambiguous option: " + pyStderrText(opt) + " (" + list + "?)"};
                }
                if (match == nullptr)
                    throw UsageError{"no such option: " + pyStderrText(opt)};
                const std::string full = "--" + match->longName;
                std::optional<std::string> value;
                if (takesValue(*match)) {
                    if (rargs.empty())
                        throw UsageError{full + " option requires 1 argument"};
                    value = rargs.front();
                    rargs.pop_front();
                } else if (explicitValue) {
                    throw UsageError{full + " option does not take a value"};
                }
                if (process(*match, full, value ? &*value : nullptr))
                    return result;
            } else if (arg.size() > 1 && arg[0] == '-') {
                rargs.pop_front();
                // A cluster of short options; the first one taking a value swallows the rest.
                for (std::size_t i = 1; i < arg.size();) {
                    const std::size_t len = charLength(arg, i);
                    const std::string opt = "-" + arg.substr(i, len);
                    i += len;
                    const OptionSpec* spec = len == 1 ? findShort(arg[i - 1]) : nullptr;
                    if (spec == nullptr)
                        throw UsageError{"no such option: " + pyStderrText(opt)};
                    if (!takesValue(*spec)) {
                        if (process(*spec, opt, nullptr))
                            return result;
                        continue;
                    }
                    if (i < arg.size())
                        rargs.push_front(arg.substr(i));
                    if (rargs.empty())
                        throw UsageError{opt + " option requires 1 argument"};
                    const std::string value = rargs.front();
                    rargs.pop_front();
                    if (process(*spec, opt, &value))
                        return result;
                    break;
                }
            } else {
                result.positional.push_back(arg);
                rargs.pop_front();
            }
        }
    } catch (const UsageError& e) {
        result.values.clear();
        result.positional.clear();
        result.err = formatError(e.message);
        result.exitCode = 2;
        return result;
    }
    result.positional.insert(result.positional.end(), rargs.begin(), rargs.end());
    return result;
}

std::string OptionParser::formatError(const std::string& message) const
{
    // print_usage() adds a newline after "Usage: ...\n", then exit() writes "prog: error: msg\n".
    return "Usage: " + m_prog + " [options]\n\n" + m_prog + ": error: " + message + "\n";
}

std::string OptionParser::formatOptionStrings(const OptionSpec& spec) const
{
    const std::string metavar = spec.metavar.empty() ? upper(spec.dest) : spec.metavar;
    std::string out;
    if (spec.shortName != 0)
        out += std::string("-") + spec.shortName + (takesValue(spec) ? " " + metavar : "");
    if (!spec.longName.empty())
        out += (out.empty() ? "--" : ", --") + spec.longName + (takesValue(spec) ? "=" + metavar : "");
    return out;
}

// IndentedHelpFormatter: indent 2, max_help_position 24, width COLUMNS - 2, short options first.
std::string OptionParser::formatHelp() const
{
    constexpr int kIndent = 2;
    const int width = m_columns - 2;
    const int maxHelpPosition = std::min(24, std::max(width - 20, kIndent * 2));
    int maxLen = 0;
    for (const OptionSpec& spec : m_options)
        maxLen = std::max(maxLen, static_cast<int>(formatOptionStrings(spec).size()) + kIndent);
    const int helpPosition = std::min(maxLen + 2, maxHelpPosition);
    const int helpWidth = std::max(width - helpPosition, 11);
    const auto spaces = [](int n) { return std::string(static_cast<std::size_t>(std::max(n, 0)), ' '); };

    std::string out = "Usage: " + m_prog + " [options]\n\nOptions:\n";
    for (const OptionSpec& spec : m_options) {
        const std::string opts = formatOptionStrings(spec);
        const int optWidth = helpPosition - kIndent - 2;
        int indentFirst = 0;
        if (static_cast<int>(opts.size()) > optWidth) {
            out += spaces(kIndent) + opts + "\n";
            indentFirst = helpPosition;
        } else {
            out += spaces(kIndent) + opts + spaces(optWidth - static_cast<int>(opts.size())) + "  ";
        }
        if (spec.help.empty()) {
            if (out.back() != '\n')
                out += "\n";
            continue;
        }
        const std::vector<std::string> lines =
            pyTextWrap(replaceAll(spec.help, "%default", defaultText(spec)), helpWidth);
        for (std::size_t k = 0; k < lines.size(); ++k)
            out += spaces(k == 0 ? indentFirst : helpPosition) + lines[k] + "\n";
        if (lines.empty() && out.back() != '\n') // optparse itself would crash on a blank help text
            out += "\n";
    }
    return out;
}

} // namespace procscope::ostep
