// Releases: the DUBU releases the network reviews, each with its release-note items.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace superbruger::storage {

class Database;

struct ReleaseItem {
    int number = 0;  ///< 1, 2, … in the order of the notes
    std::string title;
    std::string body;
};

struct Release {
    std::int64_t id = 0;
    std::string name;          ///< "DUBU 3.4"
    std::string release_date;  ///< YYYY-MM-DD
    std::string deadline;      ///< YYYY-MM-DD: reviews due
    std::string notes;         ///< the release notes as given
    std::string created_at;
    std::string created_by;
    std::string reminders_stopped_at;  ///< set: a coordinator stopped its reminders then
    std::vector<ReleaseItem> items;
};

class Releases {
public:
    explicit Releases(Database& db) : db_(db) {}

    /// Registers the release with its items in one transaction. Throws StorageError{conflict}
    /// when a release of that name (case-folded by the caller into `folded_name`) exists, or for
    /// values the schema refuses (a deadline before the release date, an empty item title).
    Release add(Release release, std::string const& folded_name);
    /// Replaces the items (the coordinator corrected the split), in one transaction.
    void replace_items(std::int64_t release_id, std::vector<ReleaseItem> const& items);
    /// The same, and the saved answers follow their items: each (old, new) number in `moves`
    /// moves the answers to that item's new number, and the answers to each number in `removed`
    /// go to the history of removed items (release_review_removed) with the old title, at `at`.
    void replace_items(std::int64_t release_id, std::vector<ReleaseItem> const& items, std::vector<std::pair<int, int>> const& moves,
                       std::vector<int> const& removed, std::string const& at);
    /// How many answers the history of removed items holds for the release.
    std::size_t removed_answers(std::int64_t release_id) const;

    /// Deletes the release and its items (and, by the schema's cascade, any reviews: the caller
    /// refuses when there are some). False when there is no release with that id.
    bool remove(std::int64_t release_id);

    /// Stops the release's reminders (`at` set) or starts them again (""); false without such a release.
    bool set_reminders_stopped(std::int64_t release_id, std::string const& at);

    std::optional<Release> find(std::string const& folded_name) const;
    std::optional<Release> find_by_id(std::int64_t id) const;
    /// All releases, newest release date first, without their items.
    std::vector<Release> all() const;

private:
    Database& db_;
};

}  // namespace superbruger::storage
