// ReleaseRegistry: registering DUBU releases with the checks a coordinator needs (a real date,
// a deadline after the release, one registration per release, notes that yield items).
#pragma once

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
    explicit ReleaseRegistry(storage::Database& db) : releases_(db) {}

    /// Registers the release and its items. Throws BotError{user_facing} with a sentence for the
    /// coordinator for an empty or over-long name, a date that is not YYYY-MM-DD or does not
    /// exist, a deadline before the release date, notes without text, or a name already
    /// registered; nothing is stored then.
    storage::Release add(NewRelease const& release);
    /// The checks of `add` that do not need the notes, so a chat registration that cannot
    /// succeed is refused before the notes are asked for.
    void check_before_notes(NewRelease const& release) const;
    /// Re-splits corrected notes text into the items of a registered release.
    storage::Release correct_items(std::string const& name, std::string const& corrected_notes);

    /// The release by name ("dubu 3.4", "DUBU 3.4" alike); nullopt when unknown.
    std::optional<storage::Release> find(std::string const& name) const;
    storage::Releases& store() noexcept { return releases_; }

private:
    storage::Releases releases_;
};

/// The name as releases are matched: case-folded, blanks collapsed.
std::string release_key(std::string const& name);

}  // namespace superbruger::bot::releases
