// UTF-8 ⇄ code points, the one conversion the knowledge layer uses.
#pragma once

#include <string>
#include <string_view>

namespace superbruger::knowledge::utf8 {

inline constexpr char32_t replacement = 0xFFFD;

/// Decodes the code point at `i` and advances past it; malformed bytes (also overlong forms,
/// surrogates and values past U+10FFFF) yield `replacement` and advance by one, so decoding
/// never stalls or reads past the end.
char32_t next(std::string_view s, std::size_t& i);

/// Appends `cp` as UTF-8 (`replacement` for a surrogate or a value past U+10FFFF).
void append(std::string& out, char32_t cp);

/// The byte offset of the first malformed sequence in `s`, or npos when `s` is valid UTF-8.
std::size_t invalid_at(std::string_view s);

std::u32string decode(std::string_view s);
/// Characters (code points) in `s`: how length limits that people read are counted.
std::size_t length(std::string_view s);
std::string encode(std::u32string_view s);
/// The first `max_bytes` bytes of `s`, ending after a whole character, with "…" added when
/// anything was cut; `s` itself when it fits.
std::string cut(std::string_view s, std::size_t max_bytes);

}  // namespace superbruger::knowledge::utf8
