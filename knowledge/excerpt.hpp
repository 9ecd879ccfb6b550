// Choosing the part of a section that answers a question, within a length limit.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace superbruger::knowledge {

/// A sentence or a list item (with its indented continuation lines) of a text: byte offsets.
struct TextUnit {
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// List items are units; prose is split into sentences at ". " followed by a capital letter, a
/// digit or a quote.
std::vector<TextUnit> split_units(std::string_view text);

/// The excerpt of `text` around its best unit (highest score; the first of equals), within
/// `max_chars` bytes (cut at a word with "…" when even one unit is too long). With `lead`, the
/// best unit comes first and the rest of the excerpt follows in the text's order; without it the
/// text's order is kept. A text that fits and needs no reordering is returned unchanged.
std::string compose_excerpt(std::string_view text, std::vector<TextUnit> const& units, std::vector<double> const& scores,
                            std::size_t max_chars, bool lead);

/// Splits `text` into units, scores each with `unit_score` and composes the excerpt in the
/// text's order (see compose_excerpt).
std::string best_excerpt(std::string_view text, std::size_t max_chars,
                         std::function<double(std::string_view)> const& unit_score);

}  // namespace superbruger::knowledge
