// Streaming read of a Chrome trace: nlohmann's SAX parser (iterative, so nesting cannot overflow
// the stack) feeds a handler that keeps only what ProcScope uses of each event, in compact form.
#include "core/io/chrome_trace_events.h"
#include "core/io/chrome_trace_vocab.h"
#include "core/io/json_error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iterator>

namespace procscope::chrome {

namespace {

// Reads the text like a pointer and remembers the last byte the parser looked at, so errors,
// warnings and progress know where they are.
class CountingIterator {
public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    CountingIterator() = default;
    CountingIterator(const char* p, const char** last)
        : m_p(p)
        , m_last(last)
    { }
    reference operator*() const
    {
        *m_last = m_p;
        return *m_p;
    }
    CountingIterator& operator++()
    {
        ++m_p;
        return *this;
    }
    CountingIterator operator++(int)
    {
        CountingIterator before = *this;
        ++m_p;
        return before;
    }
    bool operator==(const CountingIterator& o) const { return m_p == o.m_p; }
    bool operator!=(const CountingIterator& o) const { return m_p != o.m_p; }

private:
    const char* m_p = nullptr;
    const char** m_last = nullptr;
};

class Handler {
public:
    Handler(std::string_view text, const std::string& file, const TraceLoadOptions& options, ParsedTrace& out,
        Warnings& warnings)
        : m_text(text)
        , m_file(file)
        , m_options(options)
        , m_out(out)
        , m_warnings(warnings)
        , m_last(text.data())
        , m_store(out, warnings)
    { }

    const char** lastByte() { return &m_last; }
    std::size_t offset() const { return static_cast<std::size_t>(m_last - m_text.data()); }

    // --- nlohmann SAX interface ---
    bool null() { return scalar(JsonValue{JsonValue::Type::Null}); }
    bool boolean(bool b)
    {
        JsonValue v{JsonValue::Type::Bool};
        v.boolean = b;
        return scalar(std::move(v));
    }
    bool number_integer(nlohmann::json::number_integer_t n)
    {
        JsonValue v{JsonValue::Type::Int};
        v.integer = n;
        v.number = static_cast<double>(n);
        return scalar(std::move(v));
    }
    bool number_unsigned(nlohmann::json::number_unsigned_t n)
    {
        JsonValue v{JsonValue::Type::Unsigned};
        v.unsignedValue = n;
        v.number = static_cast<double>(n);
        return scalar(std::move(v));
    }
    bool number_float(nlohmann::json::number_float_t n, const std::string&)
    {
        JsonValue v{JsonValue::Type::Float};
        v.number = n;
        return scalar(std::move(v));
    }
    bool string(std::string& s)
    {
        JsonValue v{JsonValue::Type::String};
        v.text = std::move(s);
        return scalar(std::move(v));
    }
    bool binary(nlohmann::json::binary_t&) { return scalar(JsonValue{JsonValue::Type::Null}); }
    bool key(std::string& k)
    {
        m_key = std::move(k);
        return true;
    }
    bool start_object(std::size_t) { return open(JsonValue::Type::Object); }
    bool start_array(std::size_t) { return open(JsonValue::Type::Array); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::json::exception& e)
    {
        m_syntaxPosition = position;
        m_syntaxId = e.id;
        m_syntaxWhat = e.what();
        return false;
    }

    // After sax_parse: the error, or nothing when the events can be used.
    std::optional<LoadError> finish(bool parsed)
    {
        if (m_cancelled)
            return cancelledError(m_file);
        if (m_error)
            return m_error;
        if (!parsed) {
            const bool atEnd = m_syntaxPosition > m_text.size();
            if (!atEnd || !m_sawEvents || (m_index == 0 && m_out.events.empty()))
                return syntaxError();
            m_out.truncated = true;
            const bool partial = !m_stack.empty() && m_stack.back() != Role::Events &&
                                 std::find(m_stack.begin(), m_stack.end(), Role::Event) != m_stack.end();
            m_warnings.note("the file ends before the JSON does (a truncated trace?): loaded the " +
                            std::to_string(m_out.events.size()) + " complete events" +
                            (partial ? " and skipped the incomplete last one" : ""));
        }
        if (!m_sawEvents) {
            std::string message = "not a Chrome trace: the object has no \"traceEvents\" array";
            if (!m_format.empty())
                message += " (it says \"format\": \"" + m_format + "\")";
            return LoadError{m_file, {}, 0, 0, message};
        }
        reportProgress(m_options, m_text.size(), m_text.size());
        return std::nullopt;
    }

private:
    enum class Role : std::uint8_t { Top, Events, Event, Args, Other, OtherList, Skip };

    Role top() const { return m_stack.back(); }

    LoadError errorHere(std::size_t offset, std::string message) const
    {
        const auto [line, column] = lineColumn(m_text, offset);
        return LoadError{m_file, {}, line, column, std::move(message)};
    }

    bool fail(LoadError e)
    {
        m_error = std::move(e);
        return false;
    }

    // Where the scalar that ends at or just before `at` begins (numbers are read one byte past).
    std::size_t valueStart(std::size_t at) const
    {
        at = std::min(at, m_text.size() - 1);
        if (m_text[at] == '"') {
            while (at > 0 && !(m_text[at - 1] == '"' && (at < 2 || m_text[at - 2] != '\\')))
                --at;
            return at > 0 ? at - 1 : 0;
        }
        auto word = [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+';
        };
        if (at > 0 && !word(m_text[at]))
            --at;
        while (at > 0 && word(m_text[at - 1]))
            --at;
        return at;
    }

    LoadError syntaxError() const
    {
        const std::size_t at = std::min(m_syntaxPosition > 0 ? m_syntaxPosition - 1 : 0, m_text.size());
        const std::string detail = nlohmannErrorDetail(m_syntaxWhat);
        if (detail.find("ill-formed UTF-8") != std::string::npos)
            return errorHere(at, "invalid UTF-8 in a string; the file must be UTF-8 text");
        if (m_syntaxId == 406)
            return errorHere(valueStart(at), "JSON number out of range: " + detail);
        if (m_syntaxPosition > m_text.size())
            return errorHere(at, "the file ends before the JSON does (truncated?): " + detail);
        return errorHere(at, "JSON syntax error: " + detail);
    }

    bool open(JsonValue::Type type)
    {
        if (m_stack.size() >= static_cast<std::size_t>(kMaxJsonDepth))
            return fail(errorHere(offset(),
                "arrays and objects nested deeper than " + std::to_string(kMaxJsonDepth) + " levels"));
        const bool array = type == JsonValue::Type::Array;
        if (m_stack.empty()) {
            if (array)
                startEvents("$");
            m_stack.push_back(array ? Role::Events : Role::Top);
            return true;
        }
        Role role = Role::Skip;
        switch (top()) {
        case Role::Top:
            if (m_key == "traceEvents") {
                if (!array)
                    return fail(LoadError{
                        m_file, "$.traceEvents", 0, 0, "expected an array of events, got an object"});
                startEvents("$.traceEvents");
                role = Role::Events;
            } else if (m_key == "otherData" && !array) {
                role = Role::Other;
            }
            break;
        case Role::Events:
            if (array) {
                nonEvent(JsonValue{JsonValue::Type::Array});
            } else {
                m_pending = RawEvent{};
                m_pending.offset = offset();
                role = Role::Event;
            }
            break;
        case Role::Event: {
            if (m_key == "args" && !array)
                role = Role::Args;
            else if (JsonValue* slot = m_pending.field(m_key))
                *slot = JsonValue{type};
            break;
        }
        case Role::Other:
            if (array) {
                m_otherKey = m_key;
                m_out.otherData[m_otherKey] = OtherValue{};
                m_out.otherData[m_otherKey].isList = true;
                role = Role::OtherList;
            }
            break;
        default:
            break;
        }
        m_stack.push_back(role);
        return true;
    }

    bool close()
    {
        const Role closed = top();
        m_stack.pop_back();
        if (closed == Role::Event) {
            m_store.add(std::move(m_pending), m_index);
            ++m_index;
            return progress();
        }
        if (!m_stack.empty() && top() == Role::Events && closed == Role::Skip)
            ++m_index; // an array among the events, already warned about
        return true;
    }

    bool scalar(JsonValue&& v)
    {
        if (m_stack.empty())
            return fail(errorHere(offset(),
                "not a Chrome trace: expected an array of events or an object with \"traceEvents\", got " +
                    describe(v)));
        switch (top()) {
        case Role::Top:
            if (m_key == "traceEvents")
                return fail(LoadError{
                    m_file, "$.traceEvents", 0, 0, "expected an array of events, got " + describe(v)});
            if (m_key == "format" && v.type == JsonValue::Type::String)
                m_format = v.text.substr(0, 64);
            if (m_key == "systemTraceEvents")
                m_warnings.note(
                    "skipped \"systemTraceEvents\" (ftrace text): ProcScope reads the events only");
            break;
        case Role::Events:
            nonEvent(v);
            ++m_index;
            break;
        case Role::Event:
            if (JsonValue* slot = m_pending.field(m_key))
                *slot = std::move(v);
            break;
        case Role::Args:
            if (const auto k = argKeyFromName(m_key))
                m_pending.args.emplace_back(*k, std::move(v));
            break;
        case Role::Other:
            m_out.otherData[m_key] = toOtherValue(v);
            break;
        case Role::OtherList:
            if (v.type == JsonValue::Type::String)
                m_out.otherData[m_otherKey].list.push_back(std::move(v.text));
            break;
        case Role::Skip:
            break;
        }
        return true;
    }

    void startEvents(std::string path)
    {
        m_sawEvents = true;
        m_out.eventsPath = std::move(path);
        m_index = 0;
    }

    std::string eventPath(std::string_view field = {}) const
    {
        std::string p = jsonPathIndex(m_out.eventsPath, m_index);
        return field.empty() ? p : p + "." + std::string(field);
    }

    void nonEvent(const JsonValue& v)
    {
        m_warnings.add("non-event", v.type == JsonValue::Type::Array ? offset() : valueStart(offset()),
            eventPath() + ": expected an event object, got " + describe(v) + "; skipped");
    }

    bool progress()
    {
        const std::size_t at = offset();
        if (at - m_reported < (std::size_t{1} << 18))
            return true;
        m_reported = at;
        if (!reportProgress(m_options, at, m_text.size())) {
            m_cancelled = true;
            return false;
        }
        return true;
    }

    std::string_view m_text;
    const std::string& m_file;
    const TraceLoadOptions& m_options;
    ParsedTrace& m_out;
    Warnings& m_warnings;
    const char* m_last;
    std::vector<Role> m_stack;
    std::string m_key;
    std::string m_otherKey;
    std::string m_format;
    RawEvent m_pending;
    std::size_t m_index = 0;
    std::size_t m_reported = 0;
    bool m_sawEvents = false;
    bool m_cancelled = false;
    std::optional<LoadError> m_error;
    std::size_t m_syntaxPosition = 0;
    int m_syntaxId = 0;
    std::string m_syntaxWhat;
    EventStore m_store;
};

} // namespace

std::optional<LoadError> parseChromeEvents(std::string_view text, const std::string& fileName,
    const TraceLoadOptions& options, ParsedTrace& out, Warnings& warnings)
{
    try {
        if (text.size() >= 2 &&
            ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF')))
            return LoadError{fileName, {}, 0, 0, "the file is UTF-16 text; save it as UTF-8"};
        const std::size_t first = text.find_first_not_of(" \t\r\n");
        if (first == std::string_view::npos)
            return LoadError{fileName, {}, 0, 0,
                std::string(text.empty() ? "the file is empty" : "the file holds only white space") +
                    "; expected Chrome trace JSON (an array of events or an object with \"traceEvents\")"};
        if (const auto nul = text.substr(0, 4096).find('\0'); nul != std::string_view::npos) {
            const auto [line, column] = lineColumn(text, nul);
            return LoadError{
                fileName, {}, line, column, "not a text file: it contains a NUL byte (binary data?)"};
        }
        const bool bom = text.substr(first, 3) == "\xEF\xBB\xBF";
        const char opening = bom ? (text.size() > first + 3 ? text[first + 3] : ' ') : text[first];
        if (opening != '[' && opening != '{') {
            const auto [line, column] = lineColumn(text, first);
            return LoadError{fileName, {}, line, column,
                "not a Chrome trace: expected '[' or '{' at the start of the file (Chrome trace JSON)"};
        }
        Handler handler(text, fileName, options, out, warnings);
        const CountingIterator begin(text.data(), handler.lastByte());
        const CountingIterator end(text.data() + text.size(), handler.lastByte());
        const bool parsed = nlohmann::json::sax_parse(
            begin, end, &handler, nlohmann::json::input_format_t::json, true, false);
        return handler.finish(parsed);
    } catch (const std::bad_alloc&) {
        return LoadError{fileName, {}, 0, 0, "out of memory while reading the trace"};
    } catch (const std::exception& e) {
        return LoadError{fileName, {}, 0, 0, std::string("cannot read the trace: ") + e.what()};
    }
}

} // namespace procscope::chrome
