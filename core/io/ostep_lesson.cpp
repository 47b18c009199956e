#include "core/io/ostep_lesson.h"

#include <nlohmann/json.hpp>

#include <charconv>

namespace procscope {

namespace {

std::optional<LoadError> fieldError(
    const std::string& file, const std::string& key, const std::string& expected)
{
    return LoadError{file, jsonPathKey("$", key), 0, 0, "expected " + expected};
}

std::string_view trimmed(std::string_view s)
{
    const auto space = [](char c) { return c == ' ' || c == '\t'; };
    while (!s.empty() && space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && space(s.back()))
        s.remove_suffix(1);
    return s;
}

// A chapter number of the book (1 to 99), the whole of `digits`.
std::optional<int> chapterNumber(std::string_view digits)
{
    int n = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec != std::errc() || end != digits.data() + digits.size() || n < 1 || n > 99)
        return std::nullopt;
    return n;
}

} // namespace

std::optional<OstepChapter> parseOstepChapter(std::string_view text)
{
    text = trimmed(text);
    // "The Abstraction: The Process (ch. 4)"
    constexpr std::string_view kOpen = "(ch.";
    if (text.ends_with(')')) {
        if (const auto open = text.rfind(kOpen); open != std::string_view::npos) {
            const auto number = chapterNumber(
                trimmed(text.substr(open + kOpen.size(), text.size() - 1 - open - kOpen.size())));
            const std::string_view title = trimmed(text.substr(0, open));
            if (number && !title.empty())
                return OstepChapter{*number, std::string(title)};
        }
    }
    // "4 The Abstraction: The Process"
    const auto space = text.find(' ');
    if (space == std::string_view::npos)
        return std::nullopt;
    const auto number = chapterNumber(text.substr(0, space));
    const std::string_view title = trimmed(text.substr(space + 1));
    if (!number || title.empty())
        return std::nullopt;
    return OstepChapter{*number, std::string(title)};
}

std::variant<OstepLesson, LoadError> readOstepLessonFromString(
    std::string_view text, const std::string& fileName)
{
    nlohmann::json doc;
    if (auto error = parseJsonText(text, fileName, doc))
        return *error;
    if (!doc.is_object())
        return LoadError{fileName, "$", 0, 0, "expected an object, got " + describeJsonValue(doc)};
    auto str = [&](const char* key, std::string& out) -> std::optional<LoadError> {
        const auto it = doc.find(key);
        if (it == doc.end() || !it->is_string())
            return fieldError(fileName, key, "a string");
        out = it->get<std::string>();
        return std::nullopt;
    };
    OstepLesson lesson;
    std::string format;
    if (auto e = str("format", format))
        return *e;
    if (format != kOstepLessonFormat)
        return LoadError{
            fileName, "$.format", 0, 0, "expected \"procscope-ostep-lesson\", got \"" + format + "\""};
    const auto version = doc.find("version");
    if (version == doc.end() || !version->is_number_integer() || version->get<long long>() != 1)
        return LoadError{fileName, "$.version", 0, 0, "expected 1 (the only version this ProcScope reads)"};
    for (auto [key, out] : {std::pair{"chapter", &lesson.chapter}, std::pair{"title", &lesson.title},
             std::pair{"question", &lesson.question}, std::pair{"script", &lesson.script}})
        if (auto e = str(key, *out))
            return *e;
    if (lesson.script != "process-run" && lesson.script != "scheduler" && lesson.script != "mlfq" &&
        lesson.script != "lottery")
        return LoadError{fileName, "$.script", 0, 0, "expected process-run, scheduler, mlfq or lottery"};
    const auto args = doc.find("args");
    if (args == doc.end() || !args->is_array())
        return *fieldError(fileName, "args", "an array of strings");
    for (std::size_t i = 0; i < args->size(); ++i) {
        if (!(*args)[i].is_string())
            return LoadError{fileName, jsonPathIndex("$.args", i), 0, 0, "expected a string"};
        lesson.args.push_back((*args)[i].get<std::string>());
    }
    return lesson;
}

std::variant<OstepLesson, LoadError> readOstepLesson(const std::string& path)
{
    std::string text;
    if (auto error = readTextFile(path, text))
        return *error;
    return readOstepLessonFromString(text, path);
}

} // namespace procscope
