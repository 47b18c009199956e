// A small emulation of Python's optparse (3.11), enough for the OSTEP scripts: store actions of type int
// and string, store_true flags, the automatic -h/--help, and optparse's exact messages and help layout.
#pragma once

#include "core/ostep/py_int.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace procscope::ostep {

// Help is optparse's automatic -h/--help; OptionParser adds it, callers do not.
enum class OptionKind { Int, String, Flag, Help };

// Flag -> bool, Int -> PyInt (optparse ints are unbounded), String -> std::string.
using OptionValue = std::variant<bool, PyInt, std::string>;

struct OptionSpec {
    char shortName = 0;   // 's' for -s; 0 when there is no short form
    std::string longName; // "seed" for --seed; empty when there is no long form
    OptionKind kind = OptionKind::String;
    std::string dest;
    OptionValue defaultValue;
    std::string help;
    std::string metavar; // empty: dest in upper case, as optparse does
};

struct ParseResult {
    std::map<std::string, OptionValue> values; // by dest, defaults filled in
    std::vector<std::string> positional;       // left-over arguments (the scripts ignore them)
    // >= 0: stop now, write out to stdout and err to stderr, exit with this status (help: 0, usage error: 2).
    int exitCode = -1;
    std::string out;
    std::string err;

    bool stopped() const { return exitCode >= 0; }
    // Typed access by dest; throws std::bad_variant_access or std::out_of_range on misuse.
    const PyInt& intValue(const std::string& dest) const;
    const std::string& stringValue(const std::string& dest) const;
    bool flagValue(const std::string& dest) const;
};

class OptionParser {
public:
    // prog is what optparse takes from sys.argv[0], e.g. "process-run.py"; usage is "%prog [options]".
    explicit OptionParser(std::string prog);

    // Options keep their order for the help text. Specs are trusted (static tables), not validated.
    void addOption(OptionSpec spec);
    // Terminal width as from $COLUMNS; optparse formats help for COLUMNS - 2. Default 80.
    void setColumns(int columns) { m_columns = columns; }
    // optparse's reading of $COLUMNS: int(value) if that parses, otherwise 80.
    static int columnsFromEnvironment();

    ParseResult parse(const std::vector<std::string>& args) const;

    // What -h prints: "Usage: ...\n\nOptions:\n" and the option lines.
    std::string formatHelp() const;
    // What a usage error prints to stderr before exiting with status 2.
    std::string formatError(const std::string& message) const;

    const std::string& prog() const { return m_prog; }
    const std::vector<OptionSpec>& options() const { return m_options; }

private:
    const OptionSpec* findShort(char name) const;
    std::string formatOptionStrings(const OptionSpec& spec) const;

    std::string m_prog;
    std::vector<OptionSpec> m_options;
    int m_columns = 80;
};

// optparse's int conversion (_parse_num): "0x.." hex, "0b.." binary, other leading "0" octal, else
// decimal, each via Python int(text, base). nullopt where optparse reports "invalid integer value".
std::optional<PyInt> optparseInt(std::string_view text);

} // namespace procscope::ostep
