// Release notes into numbered items: one item per change, found at Markdown headings and at
// top-level bullets, so that each can be reviewed on its own.
#pragma once

#include "storage/releases.hpp"

#include <string_view>
#include <vector>

namespace superbruger::bot::releases {

/// The items of release-note text:
/// - a top-level bullet ("- ", "* ", "• ", "1. ", "1) ") starts an item; indented or following
///   lines are its body;
/// - a heading ("#", "##", …) names the section of the bullets under it ("Breve: …"); a
///   heading with text of its own and no bullets is an item itself;
/// - text before the first heading or bullet is the notes' introduction and no item;
/// - notes with no heading or bullet at all are one item.
/// Titles longer than 200 characters are cut with "…".
std::vector<storage::ReleaseItem> split_items(std::string_view notes);

}  // namespace superbruger::bot::releases
