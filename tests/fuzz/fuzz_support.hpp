// Shared by the fuzz targets: the input as text, and a "could not happen" trap that makes
// libFuzzer report a broken promise (an exception other than the layer's own error) as a crash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace superbruger::fuzz {

inline std::string_view as_text(std::uint8_t const* data, std::size_t size) {
    return {reinterpret_cast<char const*>(data), size};
}

/// Splits the input at the first "\n--\n" (a second field for targets with two inputs).
inline std::pair<std::string_view, std::string_view> two_parts(std::string_view in) {
    auto const at = in.find("\n--\n");
    if (at == std::string_view::npos) return {in, {}};
    return {in.substr(0, at), in.substr(at + 4)};
}

}  // namespace superbruger::fuzz
