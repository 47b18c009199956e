#include "core/io/trace_json_writer.h"

#include "core/io/utf8.h"
#include "core/trace/names.h"

#include <charconv>
#include <cstdint>
#include <cstdio>

namespace procscope {

namespace {

void appendInt(std::string& out, long long v)
{
    char buf[24];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, end);
}

void appendUnsigned(std::string& out, std::uint64_t v)
{
    char buf[24];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, end);
}

// Names from imported traces may hold bytes that are not UTF-8 (Linux task comms): they are
// written as U+FFFD, so that the file always reads back.
void appendString(std::string& out, std::string_view raw)
{
    std::string cleaned;
    std::string_view s = raw;
    if (!isValidUtf8(raw)) {
        cleaned = toValidUtf8(raw);
        s = cleaned;
    }
    out += '"';
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += ch;
        }
    }
    out += '"';
}

} // namespace

std::string writeTraceJson(const Trace& trace)
{
    std::string out;
    out.reserve(64 + trace.stateChangeCount() * 40);
    out += "{\"format\":";
    appendString(out, kTraceFormatName);
    out += ",\"version\":";
    appendInt(out, kTraceFormatVersion);
    out += ",\n\"meta\":{\"source\":";
    appendString(out, trace.meta.source);
    out += ",\"timeUnit\":";
    appendString(out, trace.meta.timeUnit);
    out += ",\"policy\":";
    appendString(out, trace.meta.policy);
    out += ",\"parameters\":";
    appendString(out, trace.meta.parameters);
    out += ",\"seed\":";
    appendUnsigned(out, trace.meta.seed);
    out += ",\"devices\":[";
    for (std::size_t i = 0; i < trace.meta.devices.size(); ++i) {
        if (i)
            out += ',';
        appendString(out, trace.meta.devices[i]);
    }
    out += "],\"queueLevels\":";
    appendInt(out, trace.meta.mlfqLevels);
    out += ",\"cpus\":";
    appendInt(out, trace.cpuCount());
    out += ",\"end\":";
    appendInt(out, trace.end());
    out += ",\"finished\":";
    out += trace.finished() ? "true" : "false";
    out += "},\n\"processes\":[";
    for (std::size_t i = 0; i < trace.processCount(); ++i) {
        const auto& info = trace.info(static_cast<ProcIndex>(i));
        const auto& track = trace.track(static_cast<ProcIndex>(i));
        out += i ? ",\n{" : "\n{";
        out += "\"pid\":";
        appendInt(out, info.pid);
        out += ",\"name\":";
        appendString(out, info.name);
        out += ",\"parent\":";
        appendInt(out, info.parent);
        out += ",\"arrival\":";
        appendInt(out, info.arrival);
        out += ",\"priority\":";
        appendInt(out, info.priority);
        out += ",\"nice\":";
        appendInt(out, info.nice);
        out += ",\"tickets\":";
        appendInt(out, info.tickets);
        out += ",\"exitCode\":";
        appendInt(out, info.exitCode);
        out += ",\"states\":[";
        for (std::size_t k = 0; k < track.size(); ++k) {
            out += k ? ",[" : "[";
            appendInt(out, track.at(k));
            out += ",\"";
            out += stateName(track.state(k));
            out += "\",\"";
            out += causeName(track.cause(k));
            out += "\",";
            appendInt(out, track.aux(k));
            out += ',';
            appendInt(out, track.level(k));
            out += ']';
        }
        out += "]}";
    }
    out += "],\n\"cpuLanes\":[";
    for (int c = 0; c < trace.cpuCount(); ++c) {
        const auto& cpu = trace.cpu(c);
        out += c ? ",\n[" : "\n[";
        for (std::size_t k = 0; k < cpu.size(); ++k) {
            out += k ? ",[" : "[";
            appendInt(out, cpu.at(k));
            out += ',';
            appendInt(out, cpu.proc(k));
            out += ",\"";
            out += reasonName(cpu.reason(k));
            out += "\",";
            appendInt(out, cpu.a(k));
            out += ',';
            appendInt(out, cpu.b(k));
            out += ']';
        }
        out += ']';
    }
    out += "],\n\"events\":[";
    constexpr std::string_view kinds[] = {"Boost", "PolicyChanged", "Command", "TickLimit", "Warning"};
    for (std::size_t i = 0; i < trace.events().size(); ++i) {
        const auto& e = trace.events()[i];
        out += i ? ",\n{\"at\":" : "\n{\"at\":";
        appendInt(out, e.at);
        out += ",\"kind\":";
        appendString(out, kinds[static_cast<std::size_t>(e.kind)]);
        out += ",\"text\":";
        appendString(out, e.text);
        out += '}';
    }
    out += "]}\n";
    return out;
}

} // namespace procscope
