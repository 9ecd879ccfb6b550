// "Mente du Roskilde?": the name nearest to what someone typed, within a few typos.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace superbruger::bot {

/// Edits (insert, delete, substitute, swap two neighbours) between two folded words, counted in
/// characters, not bytes.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate nearest to `typed` (both compared folded) when it is a likely typo: at most one
/// edit for words up to five letters, two for longer ones, and no other candidate as near. The
/// candidate as given; nullopt when none is near enough or `typed` is a candidate itself.
std::optional<std::string> nearest_name(std::string const& typed, std::vector<std::string> const& candidates);

}  // namespace superbruger::bot
