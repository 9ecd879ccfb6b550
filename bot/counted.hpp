// counted: "1 besked", "3 beskeder": a number with its noun in the right form, instead of
// "besked(er)" in what people read.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace superbruger::bot {

inline std::string counted(std::size_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

}  // namespace superbruger::bot
