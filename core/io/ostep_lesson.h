// An OSTEP homework question as a ready lesson (traces/ostep/*.json): the chapter, the question
// text, and the script command line that answers it. Format "procscope-ostep-lesson", version 1.
#pragma once

#include "core/io/json_error.h"

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace procscope {

inline constexpr std::string_view kOstepLessonFormat = "procscope-ostep-lesson";

struct OstepLesson {
    std::string chapter;
    std::string title;
    std::string question;
    std::string script;            // process-run, scheduler, mlfq or lottery
    std::vector<std::string> args; // the script's options, without -c
};

// A chapter of the book as lessons name it: "The Abstraction: The Process (ch. 4)" (OSTEP
// homework lessons) or "4 The Abstraction: The Process" (workload lessons); nullopt for text
// without a chapter number.
struct OstepChapter {
    int number = 0;
    std::string title;

    bool operator==(const OstepChapter&) const = default;
};
std::optional<OstepChapter> parseOstepChapter(std::string_view text);

std::variant<OstepLesson, LoadError> readOstepLesson(const std::string& path);
std::variant<OstepLesson, LoadError> readOstepLessonFromString(
    std::string_view text, const std::string& fileName);

} // namespace procscope
