// JSON from outside the process (request bodies, tokens, answers of services we call): parsed
// only when it nests no deeper than a limit. nlohmann's parser itself is iterative, but copying,
// comparing and dumping a value recurse once per level, so a body nested 100,000 deep would
// overflow the stack later. The limit is checked by a scan before any value is built.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace superbruger::adapters {

/// Deep enough for every payload a chat platform or identity provider sends (the Bot Framework's
/// Adaptive Card submits are the deepest at about 8 levels).
inline constexpr std::size_t untrusted_json_max_depth = 64;

/// True when `text`, read as JSON, opens more than `max_depth` arrays or objects inside each
/// other. Brackets inside strings do not count; the text need not be valid JSON.
bool nests_deeper_than(std::string_view text, std::size_t max_depth) noexcept;

/// The parsed value, or a discarded value (`is_discarded()`) when `text` is not JSON or nests
/// deeper than `max_depth`. Never throws for bad input.
nlohmann::json parse_untrusted_json(std::string_view text, std::size_t max_depth = untrusted_json_max_depth);

/// A member's string value, or "" when `j` is no object, has no such member, or holds another
/// type there: in a sender's JSON a field of the wrong type counts as absent (json::value would
/// throw type_error for it).
std::string string_member(nlohmann::json const& j, char const* key);

/// A member, or a null value when `j` is no object or has no such member.
nlohmann::json const& member(nlohmann::json const& j, char const* key);

}  // namespace superbruger::adapters
