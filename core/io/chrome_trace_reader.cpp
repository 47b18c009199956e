#include "core/io/chrome_trace_reader.h"

#include "core/io/chrome_trace_events.h"
#include "core/io/chrome_trace_vocab.h"

namespace procscope {

TraceLoadResult readChromeTrace(
    std::string_view text, const std::string& fileName, const TraceLoadOptions& options)
{
    try {
        if (!reportProgress(options, 0, text.size()))
            return cancelledError(fileName);
        chrome::ParsedTrace parsed;
        chrome::Warnings warnings;
        if (auto error = chrome::parseChromeEvents(text, fileName, options, parsed, warnings))
            return *error;
        LoadedTrace loaded;
        loaded.format = std::string(kChromeFormatName);
        const auto schema = parsed.otherData.find("schema");
        const std::string_view name = schema != parsed.otherData.end() && schema->second.isString
                                          ? std::string_view(schema->second.text)
                                          : std::string_view();
        bool own = name == chrome::kSchema;
        if (own && parsed.truncated) {
            warnings.note("the ProcScope export is truncated: it was read as a foreign Chrome trace");
            own = false;
        }
        if (own) {
            if (auto problem = chrome::buildOwnTrace(parsed, loaded.trace, warnings)) {
                warnings.note("otherData says \"" + std::string(chrome::kSchema) + "\" but " + *problem +
                              ": read as a foreign Chrome trace");
                own = false;
            }
        } else if (name.substr(0, chrome::kSchemaPrefix.size()) == chrome::kSchemaPrefix) {
            warnings.note("written by a newer ProcScope (\"" + std::string(name) +
                          "\"): read as a foreign Chrome trace");
        }
        if (!own) {
            loaded.trace = Trace();
            chrome::buildForeignTrace(parsed, loaded.trace, warnings);
        }
        loaded.trace.shrink();
        loaded.warnings = warnings.finish(fileName, text);
        return loaded;
    } catch (const std::bad_alloc&) {
        return LoadError{fileName, {}, 0, 0, "out of memory while reading the trace"};
    } catch (const std::exception& e) {
        return LoadError{fileName, {}, 0, 0, std::string("cannot read the trace: ") + e.what()};
    }
}

} // namespace procscope
