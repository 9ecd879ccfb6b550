// The encoding of a file a person hands us: UTF-8 checked strictly (so "S\xF8ren" saved by an
// old Danish Excel is refused with its line instead of stored as "S�ren"), and Windows-1252
// converted to UTF-8 with glibc's iconv when the user says that is what the file is.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace superbruger::bot {

/// The 1-based line of the first byte that is not well-formed UTF-8 (RFC 3629: no overlong
/// forms, no surrogates, nothing above U+10FFFF), or nullopt when all of `text` is.
std::optional<int> first_invalid_utf8_line(std::string_view text);

/// Windows-1252 (what Danish Excel writes as "CSV") to UTF-8, through iconv(3). A byte that
/// Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) stops it: the result is nullopt
/// and `bad_line` names the byte's line.
std::optional<std::string> cp1252_to_utf8(std::string_view text, int& bad_line);

}  // namespace superbruger::bot
