// Inside the native trace reader: the Reader walks the format's grammar over a Scanner and fills
// a Trace. trace_json_reader.cpp reads the document, meta and events and checks single values;
// trace_json_reader_tracks.cpp reads the processes and the CPU lanes, the bulk of a trace.
#pragma once

#include "core/io/trace_json_reader_scanner.h"
#include "core/io/trace_load.h"

#include <array>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace procscope::tracejson {

inline constexpr Tick kMaxTime = (Tick{1} << 62) - 1;
inline constexpr int kMaxCpus = 4096;
inline constexpr std::size_t kProgressStep = std::size_t{1} << 20;
inline constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);
inline constexpr std::size_t kNoOffset = static_cast<std::size_t>(-1);

// Thrown when options.progress asks to stop.
struct Cancelled { };

// A JSON path, built only when a message needs it: base, then a key, then up to three indices.
struct Path {
    const std::string& base;
    std::string_view key = {};
    std::size_t i = kNoIndex;
    std::size_t j = kNoIndex;
    std::size_t k = kNoIndex;
    std::string str() const;
};

// The names of an enumeration as the format writes them.
template <typename E, std::size_t N>
struct NameTable {
    std::array<std::string_view, N> names;
    std::string expected; // "a state name (New, Ready, ...)"

    std::optional<E> find(std::string_view s) const
    {
        for (std::size_t i = 0; i < N; ++i)
            if (names[i].size() == s.size() && std::memcmp(names[i].data(), s.data(), s.size()) == 0)
                return static_cast<E>(i);
        return std::nullopt;
    }
};

class Reader {
public:
    Reader(std::string_view text, const TraceLoadOptions& options);
    Trace read();

private:
    // trace_json_reader.cpp
    void document();
    void meta();
    void events();
    void crossChecks();

    // Calls `member(index of the key in keys, offset of the key)` for each member of the object
    // at `path`, refusing unknown and duplicate keys; returns the set of keys seen as bits.
    template <typename F>
    std::uint32_t object(
        const Path& path, const std::vector<std::string_view>& keys, std::string_view what, F&& member);
    // Calls `element(index)` for each element of the array at `path`.
    template <typename F>
    void array(const Path& path, std::string_view what, F&& element);
    [[noreturn]] void unknownKey(std::size_t offset, const Path& path, std::string_view key,
        const std::vector<std::string_view>& keys) const;
    void requireKeys(std::size_t offset, const Path& path, const std::vector<std::string_view>& keys,
        std::uint32_t seen, std::uint32_t required);

    std::int64_t integer(const Path& path, std::int64_t min, std::int64_t max, std::string_view expected);
    Tick time(const Path& path) { return integer(path, 0, kMaxTime, kTimeExpected); }
    std::int32_t int32(const Path& path, std::int32_t min = INT32_MIN);
    std::string_view string(const Path& path);
    bool boolean(const Path& path);
    template <typename E, std::size_t N>
    E name(const Path& path, const NameTable<E, N>& table);

    [[noreturn]] void fail(std::size_t offset, const Path& path, std::string message) const;
    [[noreturn]] void wrongType(const Path& path, std::string_view expected);
    [[noreturn]] void badNumber(const Path& path, const Number& n, std::string_view expected) const;
    [[noreturn]] void unsorted(std::size_t offset, const Path& path, Tick t, Tick last) const;

    // Where the next value starts (after white space).
    std::size_t here()
    {
        m_scanner.peek();
        return m_scanner.offset();
    }
    void progress()
    {
        if (m_scanner.offset() >= m_nextReport)
            report();
    }
    void report();

    // trace_json_reader_tracks.cpp
    void processes();
    void process(std::size_t i);
    void states(const std::string& base, ProcIndex index);
    struct PendingChange;
    void addChange(ProcIndex p, const PendingChange& c);
    void cpuLanes();
    void lane(std::size_t c, const std::string& base);
    // Between the fields of a record of 5: a ',', or an error naming the record's shape.
    void nextField(const Path& record, std::size_t have, std::string_view shape)
    {
        if (!m_scanner.consumeIf(','))
            badRecordLength(record, have, shape);
    }
    void endRecord(const Path& record, std::string_view shape)
    {
        if (!m_scanner.consumeIf(']'))
            badRecordLength(record, 5, shape);
    }
    [[noreturn]] void badRecordLength(const Path& record, std::size_t have, std::string_view shape);
    [[noreturn]] void badProcessIndex(std::size_t offset, const Path& path, std::int64_t p) const;

    static constexpr std::string_view kTimeExpected = "a time (an integer from 0 to 2^62 - 1)";

    Scanner m_scanner;
    const TraceLoadOptions& m_options;
    std::size_t m_nextReport = kProgressStep; // offset in the text
    std::string m_scratch;
    Trace m_trace;

    // What the cross checks need once the document is read.
    std::optional<int> m_metaCpus;
    std::size_t m_metaCpusOffset = kNoOffset;
    std::size_t m_lanesOffset = kNoOffset; // where $.cpuLanes starts, once read
    std::size_t m_laneCount = 0;
    bool m_lanesRead = false;
    bool m_processesRead = false;
    // Highest process index seen in CPU lanes read before the processes, and where.
    std::int64_t m_maxLaneProc = -1;
    std::size_t m_maxLaneProcOffset = 0;
    std::size_t m_maxLaneProcLane = 0;
    std::size_t m_maxLaneProcRecord = 0;

    // State changes read before the pid of their process (a file whose keys are reordered).
    struct PendingChange {
        Tick t;
        std::int32_t aux;
        ProcessState state;
        Cause cause;
        std::uint8_t level;
    };
    std::vector<PendingChange> m_pending;
};

// The tables of names, shared by both files.
const NameTable<ProcessState, kStateCount>& stateNames();
const NameTable<Cause, 16>& causeNames();
const NameTable<Reason, 17>& reasonNames();
const NameTable<SystemEvent::Kind, 5>& eventKindNames();

template <typename E, std::size_t N>
E Reader::name(const Path& path, const NameTable<E, N>& table)
{
    if (m_scanner.peek() != '"')
        wrongType(path, table.expected);
    const std::size_t at = m_scanner.offset();
    const std::string_view s = m_scanner.string(m_scratch);
    if (const auto e = table.find(s))
        return *e;
    fail(at, path, "expected " + table.expected + ", got " + describeString(s));
}

template <typename F>
void Reader::array(const Path& path, std::string_view what, F&& element)
{
    if (m_scanner.peek() != '[')
        wrongType(path, what);
    m_scanner.expect('[', "'['");
    if (m_scanner.consumeIf(']'))
        return;
    for (std::size_t i = 0;; ++i) {
        element(i);
        if (m_scanner.consumeIf(','))
            continue;
        m_scanner.expect(']', "',' or ']'");
        return;
    }
}

template <typename F>
std::uint32_t Reader::object(
    const Path& path, const std::vector<std::string_view>& keys, std::string_view what, F&& member)
{
    if (m_scanner.peek() != '{')
        wrongType(path, what);
    m_scanner.expect('{', "'{'");
    std::uint32_t seen = 0;
    if (m_scanner.consumeIf('}'))
        return seen;
    for (;;) {
        if (m_scanner.peek() != '"')
            m_scanner.unexpected("a key (a string in double quotes)");
        const std::size_t at = m_scanner.offset();
        const std::string_view key = m_scanner.string(m_scratch);
        std::size_t index = 0;
        while (index < keys.size() && keys[index] != key)
            ++index;
        if (index == keys.size())
            unknownKey(at, path, key, keys);
        if (seen & (1u << index))
            fail(at, path, "duplicate key " + describeString(key));
        seen |= 1u << index;
        m_scanner.expect(':', "':' after the key");
        member(index, at);
        if (m_scanner.consumeIf(','))
            continue;
        m_scanner.expect('}', "',' or '}'");
        return seen;
    }
}

} // namespace procscope::tracejson
