// UTF-8 ⇄ code points, the one conversion the knowledge layer uses.
#pragma once

#include <string>
#include <string_view>

namespace superbruger::knowledge::utf8 {

inline constexpr char32_t replacement = 0xFFFD;

/// Decodes the code point at `i` and advances past it; malformed bytes yield `replacement`
/// and advance by one, so decoding never stalls or reads past the end.
char32_t next(std::string_view s, std::size_t& i);

void append(std::string& out, char32_t cp);

std::u32string decode(std::string_view s);
/// Characters (code points) in `s`: how length limits that people read are counted.
std::size_t length(std::string_view s);
std::string encode(std::u32string_view s);

}  // namespace superbruger::knowledge::utf8
