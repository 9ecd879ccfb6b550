// What a corrected split of release notes changes, item by item: items are matched by their
// content, not their place, so adding a bullet at the top does not hand every saved answer to the
// item that now has its number.
#pragma once

#include "storage/releases.hpp"

#include <map>
#include <string>
#include <vector>

namespace superbruger::bot::releases {

struct ItemChange {
    enum class Kind {
        unchanged,  ///< same title and text (perhaps at another number): its answers follow it
        changed,    ///< same title, other text: its answers follow it, to be looked at again
        added,      ///< new: no answers yet
        removed     ///< gone: its answers go to the history of removed items
    };
    Kind kind = Kind::unchanged;
    int old_number = 0;  ///< 0 for added
    int new_number = 0;  ///< 0 for removed
    std::string title;
    std::size_t answers = 0;  ///< saved answers (one per municipality) to the old item
};

/// Old items against new ones: first the same title and text, then the same title; the rest are
/// removed or added. In the new items' order, removed items last.
std::vector<ItemChange> match_items(std::vector<storage::ReleaseItem> const& old_items, std::vector<storage::ReleaseItem> const& new_items,
                                    std::map<int, std::size_t> const& answers_by_number);

/// True when applying the changes moves saved answers to another number or out of the items.
bool moves_answers(std::vector<ItemChange> const& changes);

}  // namespace superbruger::bot::releases
