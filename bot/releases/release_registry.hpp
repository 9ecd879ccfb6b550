// ReleaseRegistry: registering DUBU releases with the checks a coordinator needs (a real date,
// a deadline after the release, one registration per release, notes that yield items).
#pragma once

#include "knowledge/language.hpp"
#include "bot/releases/item_changes.hpp"
#include "storage/release_reviews.hpp"
#include "storage/releases.hpp"

#include <optional>
#include <string>

namespace superbruger::storage {
class Database;
}

namespace superbruger::bot::releases {

struct NewRelease {
    std::string name;
    std::string release_date;
    std::string deadline;
    std::string notes;
    std::string by;
};

class ReleaseRegistry {
public:
    explicit ReleaseRegistry(storage::Database& db) : releases_(db), reviews_(db) {}

    /// Registers the release and its items. Throws BotError{user_facing} with a sentence for the
    /// coordinator (in `lang`) for an empty or over-long name, a date that is not YYYY-MM-DD or does not
    /// exist, a deadline before the release date, notes without text, or a name already
    /// registered; nothing is stored then.
    storage::Release add(NewRelease const& release, knowledge::Language lang = knowledge::Language::da);
    /// The checks of `add` and the split into items, without storing: what a preview shows.
    storage::Release prepare(NewRelease const& release, knowledge::Language lang = knowledge::Language::da) const;
    /// The checks of `add` that do not need the notes, so a chat registration that cannot
    /// succeed is refused before the notes are asked for.
    void check_before_notes(NewRelease const& release, knowledge::Language lang = knowledge::Language::da) const;
    /// A corrected split, worked out but not applied: the release as it is, the new items, and
    /// what happens to each item and its saved answers.
    struct Correction {
        storage::Release release;
        std::vector<storage::ReleaseItem> items;
        std::vector<ItemChange> changes;
    };
    /// Throws BotError{user_facing} for an unknown release or text without items.
    Correction plan_correction(std::string const& name, std::string const& corrected_notes,
                               knowledge::Language lang = knowledge::Language::da) const;
    /// Applies it in one transaction: answers follow their items, answers to removed items go to
    /// the history of removed items. Returns the release with its new items.
    storage::Release apply(Correction const& correction);
    /// Both at once (for callers that have asked already).
    storage::Release correct_items(std::string const& name, std::string const& corrected_notes,
                                   knowledge::Language lang = knowledge::Language::da);

    /// The release by name ("dubu 3.4", "DUBU 3.4" alike); nullopt when unknown.
    std::optional<storage::Release> find(std::string const& name) const;
    storage::Releases& store() noexcept { return releases_; }
    storage::Releases const& store() const noexcept { return releases_; }

private:
    storage::Releases releases_;
    storage::ReleaseReviews reviews_;
};

/// Why a release date needs a second look, in Danish ("ligger i fortiden"), or "" when it is
/// plausible: a date before `today` or more than two years after it is most likely a typo
/// (2026 for 2027), and its announcement would go to every superbruger at once.
std::string unusual_release_date(std::string const& release_date, std::string const& today);

/// The name as releases are matched: case-folded, blanks collapsed.
std::string release_key(std::string const& name);

}  // namespace superbruger::bot::releases
