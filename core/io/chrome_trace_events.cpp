// Checking the events of a Chrome trace one by one and keeping them compactly; the warnings of a
// tolerant import.
#include "core/io/chrome_trace_events.h"
#include "core/io/chrome_trace_vocab.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace procscope::chrome {

namespace {

// Decimal for numbers, the text for strings; nullopt for anything else.
std::optional<std::string> idText(const JsonValue& v)
{
    if (v.type == JsonValue::Type::Missing)
        return std::string("0");
    if (v.type == JsonValue::Type::String)
        return v.text;
    if (const auto i = v.asInteger())
        return std::to_string(*i);
    return std::nullopt;
}

} // namespace

std::optional<std::int64_t> JsonValue::asInteger() const
{
    if (type == Type::Int)
        return integer;
    if (type == Type::Unsigned && unsignedValue <= static_cast<std::uint64_t>(INT64_MAX))
        return static_cast<std::int64_t>(unsignedValue);
    if (type == Type::Float && std::isfinite(number) && number == std::floor(number) &&
        std::fabs(number) < 9e18)
        return static_cast<std::int64_t>(number);
    return std::nullopt;
}

std::string describe(const JsonValue& v)
{
    switch (v.type) {
    case JsonValue::Type::Missing:
        return "nothing";
    case JsonValue::Type::Null:
        return "null";
    case JsonValue::Type::Bool:
        return v.boolean ? "true" : "false";
    case JsonValue::Type::Int:
        return std::to_string(v.integer);
    case JsonValue::Type::Unsigned:
        return std::to_string(v.unsignedValue);
    case JsonValue::Type::Float:
        return nlohmann::json(v.number).dump();
    case JsonValue::Type::Object:
        return "an object";
    case JsonValue::Type::Array:
        return "an array";
    case JsonValue::Type::String:
        break;
    }
    std::string shown = v.text.substr(0, 41);
    const bool cut = shown.size() > 40;
    if (cut) {
        std::size_t at = 40;
        while (at > 0 && (static_cast<unsigned char>(shown[at]) & 0xC0) == 0x80)
            --at; // do not split a UTF-8 sequence
        shown.resize(at);
    }
    std::string text = nlohmann::json(shown).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (cut)
        text.insert(text.size() - 1, "...");
    return text;
}

JsonValue* RawEvent::field(std::string_view key)
{
    if (key.size() > 5)
        return nullptr;
    if (key == "ph")
        return &ph;
    if (key == "name")
        return &name;
    if (key == "ts")
        return &ts;
    if (key == "dur")
        return &dur;
    if (key == "pid")
        return &pid;
    if (key == "tid")
        return &tid;
    if (key == "s")
        return &scope;
    if (key == "cname")
        return &cname;
    return nullptr;
}

OtherValue toOtherValue(const JsonValue& v)
{
    OtherValue o;
    o.isString = v.type == JsonValue::Type::String;
    o.isBool = v.type == JsonValue::Type::Bool;
    o.isUnsigned = v.type == JsonValue::Type::Unsigned;
    o.text = v.text;
    o.boolean = v.boolean;
    o.unsignedValue = v.unsignedValue;
    o.number = v.number;
    if (const auto i = v.asInteger()) {
        o.integral = true;
        o.integer = *i;
    }
    return o;
}

std::string EventStore::path(std::size_t index, std::string_view field) const
{
    std::string p = jsonPathIndex(m_out.eventsPath, index);
    return field.empty() ? p : p + "." + std::string(field);
}

void EventStore::skip(const RawEvent& raw, std::string kind, std::string message)
{
    m_warnings.add(std::move(kind), raw.offset, std::move(message) + "; the event was skipped");
}

std::int32_t EventStore::intern(std::string&& s, std::size_t offset)
{
    if (s.size() > kMaxStringBytes) {
        std::size_t cut = kMaxStringBytes;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
            --cut; // do not split a UTF-8 sequence
        s.resize(cut);
        s.shrink_to_fit();
        m_warnings.add("long-string", offset,
            "a string longer than " + std::to_string(kMaxStringBytes) + " bytes was cut to that length");
    }
    const auto it = m_strings.find(s);
    if (it != m_strings.end())
        return it->second;
    const auto id = static_cast<std::int32_t>(m_out.strings.size());
    m_out.strings.push_back(std::move(s));
    m_strings.emplace(m_out.strings.back(), id);
    return id;
}

std::int32_t EventStore::threadOf(
    const std::string& pid, const std::string& tid, const JsonValue& pv, const JsonValue& tv)
{
    std::string key = pid;
    key += '\0';
    key += tid;
    const auto it = m_threads.find(key);
    if (it != m_threads.end())
        return it->second;
    const auto id = static_cast<std::int32_t>(m_out.threads.size());
    auto number = [](const JsonValue& v) -> std::optional<std::int64_t> {
        if (v.type == JsonValue::Type::Missing)
            return 0;
        if (v.type == JsonValue::Type::String)
            return std::nullopt;
        return v.asInteger();
    };
    Thread t{pid, tid, number(tv), number(pv)};
    m_out.threads.push_back(std::move(t));
    m_threads.emplace(std::move(key), id);
    return id;
}

void EventStore::add(RawEvent&& p, std::size_t index)
{
    if (p.ph.type == JsonValue::Type::Missing)
        return skip(p, "no-ph", path(index) + ": no \"ph\" (the phase of the event)");
    if (p.ph.type != JsonValue::Type::String || p.ph.text.size() != 1)
        return skip(p, "bad-ph",
            path(index, "ph") + ": expected a one-letter phase such as \"X\", got " + describe(p.ph));
    const char ph = p.ph.text[0];
    if (std::string_view("BEXiICM").find(ph) == std::string_view::npos) {
        m_warnings.note(std::string("skipped %n events with phase '") + ph + "' (" +
                        std::string(phaseDescription(ph)) + ")");
        return;
    }
    if (p.name.type != JsonValue::Type::Missing && p.name.type != JsonValue::Type::String)
        return skip(p, "bad-name", path(index, "name") + ": expected a string, got " + describe(p.name));
    const auto pid = idText(p.pid);
    if (!pid)
        return skip(
            p, "bad-pid", path(index, "pid") + ": expected a number or a string, got " + describe(p.pid));
    const auto tid = idText(p.tid);
    if (!tid)
        return skip(
            p, "bad-tid", path(index, "tid") + ": expected a number or a string, got " + describe(p.tid));
    Event e;
    e.ph = ph;
    e.offset = p.offset;
    if (ph != 'M') {
        if (p.ts.type == JsonValue::Type::Missing)
            return skip(p, "no-ts", path(index) + ": no \"ts\" (its time in microseconds)");
        if (!p.ts.isNumber())
            return skip(p, "bad-ts",
                path(index, "ts") + ": expected a number of microseconds, got " + describe(p.ts));
        if (!(std::fabs(p.ts.number) <= kMaxMicroseconds))
            return skip(p, "ts-range",
                path(index, "ts") + ": " + describe(p.ts) + " is out of range (at most 5e14 microseconds)");
        e.ts = p.ts.number;
    }
    if (ph == 'X') {
        if (p.dur.type == JsonValue::Type::Missing) {
            m_warnings.add("no-dur", p.offset,
                path(index) + ": an \"X\" event without \"dur\" was read as lasting no time");
        } else if (!p.dur.isNumber()) {
            return skip(p, "bad-dur",
                path(index, "dur") + ": expected a number of microseconds, got " + describe(p.dur));
        } else if (p.dur.number < 0) {
            return skip(p, "negative-dur", path(index, "dur") + ": a negative duration, " + describe(p.dur));
        } else if (!(p.dur.number <= kMaxMicroseconds)) {
            return skip(p, "dur-range",
                path(index, "dur") + ": " + describe(p.dur) + " is out of range (at most 5e14 microseconds)");
        } else {
            e.dur = p.dur.number;
            e.hasDur = true;
        }
    }
    if (p.scope.type == JsonValue::Type::String && p.scope.text.size() == 1 &&
        std::string_view("gpt").find(p.scope.text[0]) != std::string_view::npos)
        e.scope = p.scope.text[0];
    e.name =
        intern(p.name.type == JsonValue::Type::String ? std::move(p.name.text) : std::string(), p.offset);
    if (p.cname.type == JsonValue::Type::String)
        e.cname = intern(std::move(p.cname.text), p.offset);
    e.thread = threadOf(*pid, *tid, p.pid, p.tid);
    e.argFirst = static_cast<std::uint32_t>(m_out.args.size());
    for (auto& [key, v] : p.args) {
        Arg a{key};
        if (v.type == JsonValue::Type::String) {
            a.isString = true;
            a.text = intern(std::move(v.text), p.offset);
        } else if (v.isNumber()) {
            a.number = v.number;
            if (const auto i = v.asInteger()) {
                a.integral = true;
                a.integer = *i;
            }
        } else {
            continue;
        }
        m_out.args.push_back(a);
    }
    e.argCount = static_cast<std::uint32_t>(m_out.args.size() - e.argFirst);
    e.seq = static_cast<std::uint32_t>(m_out.events.size());
    m_out.events.push_back(e);
}

// --- ParsedTrace, Warnings ----------------------------------------------------------------------

std::optional<ArgKey> argKeyFromName(std::string_view name)
{
    static const std::unordered_map<std::string_view, ArgKey> keys{{"tick", ArgKey::Tick},
        {"cause", ArgKey::Cause}, {"cpu", ArgKey::Cpu}, {"device", ArgKey::Device}, {"order", ArgKey::Order},
        {"aux", ArgKey::Aux}, {"level", ArgKey::Level}, {"pid", ArgKey::Pid}, {"reason", ArgKey::Reason},
        {"a", ArgKey::A}, {"b", ArgKey::B}, {"idleAt", ArgKey::IdleAt}, {"idleReason", ArgKey::IdleReason},
        {"idleA", ArgKey::IdleA}, {"idleB", ArgKey::IdleB}, {"kind", ArgKey::Kind}, {"name", ArgKey::Name},
        {"parent", ArgKey::Parent}, {"arrival", ArgKey::Arrival}, {"priority", ArgKey::Priority},
        {"nice", ArgKey::Nice}, {"tickets", ArgKey::Tickets}, {"exitCode", ArgKey::ExitCode},
        {"sort_index", ArgKey::SortIndex}};
    const auto it = keys.find(name);
    return it == keys.end() ? std::nullopt : std::optional<ArgKey>(it->second);
}

const Arg* ParsedTrace::arg(const Event& e, ArgKey key) const
{
    const Arg* found = nullptr; // the last of equal keys, as JSON readers usually do
    for (std::uint32_t i = 0; i < e.argCount; ++i)
        if (args[e.argFirst + i].key == key)
            found = &args[e.argFirst + i];
    return found;
}

std::optional<std::int64_t> ParsedTrace::intArg(const Event& e, ArgKey key) const
{
    const Arg* a = arg(e, key);
    return a && a->integral ? std::optional<std::int64_t>(a->integer) : std::nullopt;
}

std::optional<std::string_view> ParsedTrace::stringArg(const Event& e, ArgKey key) const
{
    const Arg* a = arg(e, key);
    return a && a->isString ? std::optional<std::string_view>(string(a->text)) : std::nullopt;
}

void Warnings::add(std::string kind, std::size_t offset, std::string message)
{
    const auto [it, inserted] = m_index.emplace(std::move(kind), m_order.size());
    if (inserted)
        m_order.push_back(Entry{offset, true, std::move(message), 0});
    ++m_order[it->second].count;
}

void Warnings::note(std::string message)
{
    const std::string kind = "note: " + message;
    add(kind, 0, std::move(message));
    m_order[m_index[kind]].located = false;
}

std::vector<std::string> Warnings::finish(const std::string& file, std::string_view text) const
{
    std::vector<std::string> out;
    for (const Entry& e : m_order) {
        std::string line = file;
        if (e.located) {
            const auto [l, c] = lineColumn(text, e.offset);
            line += ":" + std::to_string(l) + ":" + std::to_string(c);
        }
        line += ": ";
        if (const auto n = e.message.find("%n"); n != std::string::npos) {
            std::string rest = e.message.substr(n + 2);
            if (e.count == 1 && rest.starts_with(" events"))
                rest.erase(6, 1); // "1 event"
            line += e.message.substr(0, n) + std::to_string(e.count) + rest;
        } else {
            line += e.message;
            if (e.count > 1)
                line += " (" + std::to_string(e.count - 1) + " more like it)";
        }
        out.push_back(std::move(line));
    }
    return out;
}

} // namespace procscope::chrome
