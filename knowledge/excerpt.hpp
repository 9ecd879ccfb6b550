// Choosing the part of a section that answers a question, within a length limit.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace superbruger::knowledge {

/// Splits `text` into units (list items and sentences), scores each with `unit_score`, and
/// returns the best unit together with its neighbours, in their original order, while the whole
/// stays within `max_chars` bytes (cut at a word with "…" when even one unit is too long).
/// The text is returned unchanged when it already fits.
std::string best_excerpt(std::string_view text, std::size_t max_chars,
                         std::function<double(std::string_view)> const& unit_score);

}  // namespace superbruger::knowledge
