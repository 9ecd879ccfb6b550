// Trimming of what people type or paste: the one helper for blanks and line breaks at the ends.
#pragma once

#include <string>
#include <string_view>

namespace superbruger::bot {

/// `text` without spaces, tabs, carriage returns and line feeds at either end.
inline std::string trim_space(std::string_view text) {
    constexpr std::string_view blanks = " \t\r\n";
    auto const first = text.find_first_not_of(blanks);
    if (first == std::string_view::npos) return {};
    return std::string(text.substr(first, text.find_last_not_of(blanks) - first + 1));
}

}  // namespace superbruger::bot
