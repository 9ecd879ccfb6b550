// ReleaseReviews: SQL for release_review.
#include "storage/release_reviews.hpp"

#include "storage/database.hpp"
#include "storage/sqlite_error.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace superbruger::storage {

namespace {

constexpr char const* columns =
    "SELECT release_id, municipality_id, item_number, effect, local_config, local_config_what, communication, communication_how, "
    "note, reviewed_by, reviewed_at FROM release_review ";

ItemReview review_of(SQLite::Statement& q) {
    return {q.getColumn(0).getInt64(),      q.getColumn(1).getInt64(),  q.getColumn(2).getInt(),    q.getColumn(3).getString(),
            q.getColumn(4).getInt() != 0,   q.getColumn(5).getString(), q.getColumn(6).getInt() != 0, q.getColumn(7).getString(),
            q.getColumn(8).getString(),     q.getColumn(9).getString(), q.getColumn(10).getString()};
}

}  // namespace

void ReleaseReviews::save(ItemReview const& r) {
    try {
        SQLite::Statement upsert(db_.connection(),
                                 "INSERT INTO release_review (release_id, municipality_id, item_number, effect, local_config, "
                                 "local_config_what, communication, communication_how, note, reviewed_by, reviewed_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (release_id, municipality_id, item_number) DO UPDATE SET "
                                 "effect = excluded.effect, local_config = excluded.local_config, local_config_what = excluded.local_config_what, "
                                 "communication = excluded.communication, communication_how = excluded.communication_how, note = excluded.note, "
                                 "reviewed_by = excluded.reviewed_by, reviewed_at = excluded.reviewed_at");
        int i = 1;
        upsert.bind(i++, r.release_id);
        upsert.bind(i++, r.municipality_id);
        upsert.bind(i++, r.item_number);
        upsert.bind(i++, r.effect);
        upsert.bind(i++, r.local_config ? 1 : 0);
        upsert.bind(i++, r.local_config_what);
        upsert.bind(i++, r.communication ? 1 : 0);
        upsert.bind(i++, r.communication_how);
        upsert.bind(i++, r.note);
        upsert.bind(i++, r.reviewed_by);
        upsert.bind(i++, r.reviewed_at);
        upsert.exec();
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "save item review");
    }
}

std::vector<ItemReview> ReleaseReviews::of_municipality(std::int64_t release_id, std::int64_t municipality_id) const {
    std::vector<ItemReview> out;
    try {
        SQLite::Statement q(db_.connection(), std::string(columns) + "WHERE release_id = ? AND municipality_id = ? ORDER BY item_number");
        q.bind(1, release_id);
        q.bind(2, municipality_id);
        while (q.executeStep()) out.push_back(review_of(q));
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "read reviews");
    }
    return out;
}

std::vector<ItemReview> ReleaseReviews::of_release(std::int64_t release_id) const {
    std::vector<ItemReview> out;
    try {
        SQLite::Statement q(db_.connection(), std::string(columns) + "WHERE release_id = ? ORDER BY municipality_id, item_number");
        q.bind(1, release_id);
        while (q.executeStep()) out.push_back(review_of(q));
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "read reviews");
    }
    return out;
}

}  // namespace superbruger::storage
