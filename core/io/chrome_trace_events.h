// The Chrome trace reader's inside: the events of a file in a compact form (read by a streaming
// parser, so a huge or deeply nested file never becomes a JSON tree), the warnings a tolerant
// import collects, and the two ways of turning events into a Trace — exactly, for ProcScope's own
// exports, and tolerantly, for everyone else's.
#pragma once

#include "core/io/trace_load.h"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace procscope::chrome {

// The event arguments the reader looks at; every other argument is skipped while parsing.
enum class ArgKey : std::uint8_t {
    Tick,
    Cause,
    Cpu,
    Device,
    Order,
    Aux,
    Level,
    Pid,
    Reason,
    A,
    B,
    IdleAt,
    IdleReason,
    IdleA,
    IdleB,
    Kind,
    Name,
    Parent,
    Arrival,
    Priority,
    Nice,
    Tickets,
    ExitCode,
    SortIndex,
};
std::optional<ArgKey> argKeyFromName(std::string_view name);

// A number or an (interned) string argument.
struct Arg {
    ArgKey key;
    bool isString = false;
    bool integral = false;  // `integer` holds the value exactly
    std::int32_t text = -1; // string id when isString
    std::int64_t integer = 0;
    double number = 0;
};

struct Event {
    double ts = 0;          // microseconds, as in the file (0 for metadata)
    double dur = 0;         // X: microseconds
    std::size_t offset = 0; // where the event starts in the text, for warnings
    std::uint32_t seq = 0;  // position among the accepted events
    std::int32_t thread = -1;
    std::int32_t name = -1;  // string id
    std::int32_t cname = -1; // string id, -1 without one
    std::uint32_t argFirst = 0;
    std::uint32_t argCount = 0;
    char ph = 0;
    char scope = 't'; // instants: 't' thread, 'p' process, 'g' global
    bool hasDur = false;
};

// A (pid, tid) pair as the file spelled it (numbers in decimal, strings as they are).
struct Thread {
    std::string pid;
    std::string tid;
    std::optional<std::int64_t> tidNumber;
    std::optional<std::int64_t> pidNumber;
};

// otherData's members, flat: scalars, and arrays of strings (devices).
struct OtherValue {
    bool isString = false;
    bool isBool = false;
    bool isUnsigned = false; // a whole number >= 0 in `unsignedValue`
    bool integral = false;   // a whole number in `integer`
    std::string text;
    bool boolean = false;
    std::int64_t integer = 0;
    std::uint64_t unsignedValue = 0;
    double number = 0;
    std::vector<std::string> list;
    bool isList = false;
};

struct ParsedTrace {
    std::vector<Event> events;
    std::vector<Arg> args;
    std::deque<std::string> strings; // a deque: the views in EventStore stay valid
    std::vector<Thread> threads;
    std::map<std::string, OtherValue> otherData;
    std::string eventsPath; // "$" or "$.traceEvents"
    bool truncated = false;

    std::string_view string(std::int32_t id) const
    {
        return id >= 0 ? std::string_view(strings[static_cast<std::size_t>(id)]) : std::string_view();
    }
    const Arg* arg(const Event& e, ArgKey key) const;
    std::optional<std::int64_t> intArg(const Event& e, ArgKey key) const;
    std::optional<std::string_view> stringArg(const Event& e, ArgKey key) const;
};

// What a tolerant import skipped or changed, grouped by kind: the first of each kind with its
// place in the file, then how many more there were.
class Warnings {
public:
    void add(std::string kind, std::size_t offset, std::string message);
    void note(std::string message); // a warning about the whole file
    std::vector<std::string> finish(const std::string& file, std::string_view text) const;
    bool empty() const { return m_order.empty(); }

private:
    struct Entry {
        std::size_t offset = 0;
        bool located = false;
        std::string message;
        std::size_t count = 0;
    };
    std::unordered_map<std::string, std::size_t> m_index;
    std::vector<Entry> m_order;
};

// One JSON value of an event field or argument as the file had it, kept until the event is
// complete and checked.
struct JsonValue {
    enum class Type : std::uint8_t { Missing, Null, Bool, Int, Unsigned, Float, String, Object, Array };
    JsonValue(Type t = Type::Missing)
        : type(t)
    { }
    Type type;
    bool boolean = false;
    std::int64_t integer = 0;
    std::uint64_t unsignedValue = 0;
    double number = 0; // every number, also Int and Unsigned
    std::string text;

    bool isNumber() const { return type == Type::Int || type == Type::Unsigned || type == Type::Float; }
    // Whole numbers that fit in 64 bits, including 3.0.
    std::optional<std::int64_t> asInteger() const;
};

// otherData's view of a value.
OtherValue toOtherValue(const JsonValue& v);

// For messages: `-3`, `"abc"` (shortened when long), `an object`.
std::string describe(const JsonValue& v);

// The fields of one event object as the parser met them.
struct RawEvent {
    JsonValue ph, name, ts, dur, pid, tid, scope, cname;
    std::vector<std::pair<ArgKey, JsonValue>> args;
    std::size_t offset = 0; // where the object starts in the text

    // The member for a key of the event object ("ph", "ts", ...); nullptr for keys not read.
    JsonValue* field(std::string_view key);
};

// Checks complete events and keeps the good ones in compact form; warns about the others.
class EventStore {
public:
    EventStore(ParsedTrace& out, Warnings& warnings)
        : m_out(out)
        , m_warnings(warnings)
    { }
    // `index`: the event's position in the events array, for JSON paths.
    void add(RawEvent&& raw, std::size_t index);

private:
    std::string path(std::size_t index, std::string_view field = {}) const;
    void skip(const RawEvent& raw, std::string kind, std::string message);
    // The id of a string, shortened to kMaxStringBytes.
    std::int32_t intern(std::string&& s, std::size_t offset);
    std::int32_t threadOf(
        const std::string& pid, const std::string& tid, const JsonValue& pv, const JsonValue& tv);

    ParsedTrace& m_out;
    Warnings& m_warnings;
    std::unordered_map<std::string_view, std::int32_t> m_strings;
    std::unordered_map<std::string, std::int32_t> m_threads;
};

// Reads the events of `text`. A file that is not JSON, not a Chrome trace, too deep, or cancelled
// is a LoadError; anything smaller is a warning.
std::optional<LoadError> parseChromeEvents(std::string_view text, const std::string& fileName,
    const TraceLoadOptions& options, ParsedTrace& out, Warnings& warnings);

// Builds the Trace of a ProcScope export. An error message when the export is not consistent
// (then the file is read as a foreign trace instead).
std::optional<std::string> buildOwnTrace(const ParsedTrace& parsed, Trace& trace, Warnings& warnings);

// Builds a Trace from anybody's Chrome trace.
void buildForeignTrace(const ParsedTrace& parsed, Trace& trace, Warnings& warnings);

// Longer names and string arguments are cut (at a character boundary), so a file with one huge
// string costs the memory of the text only once more.
inline constexpr std::size_t kMaxStringBytes = std::size_t{1} << 20;

// Largest |ts| and dur accepted, in microseconds (about 15 years): the sum of the three stays
// below kForever nanoseconds.
inline constexpr double kMaxMicroseconds = 5e14;

} // namespace procscope::chrome
