// ReleaseReviews: each municipality's review of each release-note item.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace superbruger::storage {

class Database;

struct ItemReview {
    std::int64_t release_id = 0;
    std::int64_t municipality_id = 0;
    int item_number = 0;
    std::string effect;  ///< ingen, lav, middel, høj: the effect on end users' workflows
    bool local_config = false;
    std::string local_config_what;  ///< required when local_config
    bool communication = false;
    std::string communication_how;  ///< required when communication
    std::string note;
    std::string reviewed_by;
    std::string reviewed_at;
};

class ReleaseReviews {
public:
    explicit ReleaseReviews(Database& db) : db_(db) {}

    /// Records (or revises) one item's review; several superbrugere of one municipality share
    /// the work, the last answer per item counts. Throws StorageError{conflict} for values the
    /// schema refuses (an effect off the scale, "ja" without what or how).
    void save(ItemReview const& review);

    std::vector<ItemReview> of_municipality(std::int64_t release_id, std::int64_t municipality_id) const;
    std::vector<ItemReview> of_release(std::int64_t release_id) const;

private:
    Database& db_;
};

}  // namespace superbruger::storage
