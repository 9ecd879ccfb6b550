// Releases: SQL for the release tables.
#include "storage/releases.hpp"

#include "storage/database.hpp"
#include "storage/sqlite_error.hpp"
#include "storage/write_transaction.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace superbruger::storage {

namespace {

void insert_items(SQLite::Database& db, std::int64_t release_id, std::vector<ReleaseItem> const& items) {
    SQLite::Statement insert(db, "INSERT INTO release_item (release_id, number, title, body) VALUES (?, ?, ?, ?)");
    for (auto const& item : items) {
        insert.bind(1, release_id);
        insert.bind(2, item.number);
        insert.bind(3, item.title);
        insert.bind(4, item.body);
        insert.exec();
        insert.reset();
    }
}

Release release_of(SQLite::Statement& q) {
    Release r;
    r.id = q.getColumn(0).getInt64();
    r.name = q.getColumn(1).getString();
    r.release_date = q.getColumn(2).getString();
    r.deadline = q.getColumn(3).getString();
    r.notes = q.getColumn(4).getString();
    r.created_at = q.getColumn(5).getString();
    r.created_by = q.getColumn(6).getString();
    r.reminders_stopped_at = q.getColumn(7).getString();
    return r;
}

constexpr char const* columns = "SELECT id, name, release_date, deadline, notes, created_at, created_by, reminders_stopped_at FROM release ";

}  // namespace

Release Releases::add(Release release, std::string const& folded_name) {
    auto& db = db_.connection();
    try {
        WriteTransaction tx(db_);
        SQLite::Statement insert(db,
                                 "INSERT INTO release (name, folded_name, release_date, deadline, notes, created_at, created_by) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, release.name);
        insert.bind(2, folded_name);
        insert.bind(3, release.release_date);
        insert.bind(4, release.deadline);
        insert.bind(5, release.notes);
        insert.bind(6, release.created_at);
        insert.bind(7, release.created_by);
        insert.exec();
        release.id = db.getLastInsertRowid();
        insert_items(db, release.id, release.items);
        tx.commit();
        return release;
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "register release");
    }
}

void Releases::replace_items(std::int64_t release_id, std::vector<ReleaseItem> const& items) {
    auto& db = db_.connection();
    try {
        WriteTransaction tx(db_);
        SQLite::Statement del(db, "DELETE FROM release_item WHERE release_id = ?");
        del.bind(1, release_id);
        del.exec();
        insert_items(db, release_id, items);
        tx.commit();
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "replace release items");
    }
}

bool Releases::remove(std::int64_t release_id) {
    try {
        SQLite::Statement del(db_.connection(), "DELETE FROM release WHERE id = ?");
        del.bind(1, release_id);
        return del.exec() == 1;
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "remove release");
    }
}

bool Releases::set_reminders_stopped(std::int64_t release_id, std::string const& at) {
    try {
        SQLite::Statement update(db_.connection(), "UPDATE release SET reminders_stopped_at = ? WHERE id = ?");
        update.bind(1, at);
        update.bind(2, release_id);
        return update.exec() == 1;
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "stop or start a release's reminders");
    }
}

void Releases::replace_items(std::int64_t release_id, std::vector<ReleaseItem> const& items, std::vector<std::pair<int, int>> const& moves,
                             std::vector<int> const& removed, std::string const& at) {
    auto& db = db_.connection();
    try {
        WriteTransaction tx(db_);
        for (auto const number : removed) {
            SQLite::Statement keep(db,
                                   "INSERT INTO release_review_removed (release_id, municipality_id, item_number, item_title, effect, "
                                   "local_config, local_config_what, communication, communication_how, note, reviewed_by, reviewed_at, removed_at) "
                                   "SELECT r.release_id, r.municipality_id, r.item_number, i.title, r.effect, r.local_config, r.local_config_what, "
                                   "r.communication, r.communication_how, r.note, r.reviewed_by, r.reviewed_at, ? "
                                   "FROM release_review r JOIN release_item i ON i.release_id = r.release_id AND i.number = r.item_number "
                                   "WHERE r.release_id = ? AND r.item_number = ?");
            keep.bind(1, at);
            keep.bind(2, release_id);
            keep.bind(3, number);
            keep.exec();
            SQLite::Statement drop(db, "DELETE FROM release_review WHERE release_id = ? AND item_number = ?");
            drop.bind(1, release_id);
            drop.bind(2, number);
            drop.exec();
        }
        // Two steps, through negative numbers, so that swapped items never collide on the key.
        for (auto const& [from, to] : moves) {
            if (from == to) continue;
            SQLite::Statement move(db, "UPDATE release_review SET item_number = ? WHERE release_id = ? AND item_number = ?");
            move.bind(1, -to);
            move.bind(2, release_id);
            move.bind(3, from);
            move.exec();
        }
        SQLite::Statement settle(db, "UPDATE release_review SET item_number = -item_number WHERE release_id = ? AND item_number < 0");
        settle.bind(1, release_id);
        settle.exec();
        SQLite::Statement del(db, "DELETE FROM release_item WHERE release_id = ?");
        del.bind(1, release_id);
        del.exec();
        insert_items(db, release_id, items);
        tx.commit();
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "replace release items");
    }
}

std::size_t Releases::removed_answers(std::int64_t release_id) const {
    try {
        SQLite::Statement q(db_.connection(), "SELECT count(*) FROM release_review_removed WHERE release_id = ?");
        q.bind(1, release_id);
        q.executeStep();
        return static_cast<std::size_t>(q.getColumn(0).getInt64());
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "count removed answers");
    }
}

namespace {
std::optional<Release> find_where(SQLite::Database& db, std::string const& where, auto const& value) {
    SQLite::Statement q(db, std::string(columns) + where);
    q.bind(1, value);
    if (!q.executeStep()) return std::nullopt;
    auto r = release_of(q);
    SQLite::Statement items(db, "SELECT number, title, body FROM release_item WHERE release_id = ? ORDER BY number");
    items.bind(1, r.id);
    while (items.executeStep()) r.items.push_back({items.getColumn(0).getInt(), items.getColumn(1).getString(), items.getColumn(2).getString()});
    return r;
}
}  // namespace

std::optional<Release> Releases::find(std::string const& folded_name) const {
    try {
        return find_where(db_.connection(), "WHERE folded_name = ?", folded_name);
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "read release");
    }
}

std::optional<Release> Releases::find_by_id(std::int64_t id) const {
    try {
        return find_where(db_.connection(), "WHERE id = ?", id);
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "read release");
    }
}

std::vector<Release> Releases::all() const {
    std::vector<Release> out;
    try {
        SQLite::Statement q(db_.connection(), std::string(columns) + "ORDER BY release_date DESC, id DESC");
        while (q.executeStep()) out.push_back(release_of(q));
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "list releases");
    }
    return out;
}

}  // namespace superbruger::storage
