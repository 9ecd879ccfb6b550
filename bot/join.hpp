// join: list items in a sentence or a table cell ("Næstved, Ærø").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace superbruger::bot {

inline std::string join(std::vector<std::string> const& parts, std::string_view separator = ", ") {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out += separator;
        out += parts[i];
    }
    return out;
}

}  // namespace superbruger::bot
