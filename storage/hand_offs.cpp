// HandOffs: SQL for hand_off.
#include "storage/hand_offs.hpp"

#include "storage/database.hpp"
#include "storage/sqlite_error.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace superbruger::storage {

std::int64_t HandOffs::add(HandOff const& h) {
    try {
        SQLite::Statement insert(db_.connection(),
                                 "INSERT INTO hand_off (asked_at, platform, asker_user_id, asker_tenant, asker_name, municipality_id, question) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, h.asked_at);
        insert.bind(2, h.platform);
        insert.bind(3, h.asker_user_id);
        insert.bind(4, h.asker_tenant);
        insert.bind(5, h.asker_name);
        if (h.municipality_id) insert.bind(6, *h.municipality_id);
        else insert.bind(6);
        insert.bind(7, h.question);
        insert.exec();
        return db_.connection().getLastInsertRowid();
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "store a question sent on to a person");
    }
}

std::optional<HandOff> HandOffs::find(std::int64_t id) const {
    try {
        SQLite::Statement q(db_.connection(),
                            "SELECT id, asked_at, platform, asker_user_id, asker_tenant, asker_name, municipality_id, question, answered_at, "
                            "answered_by, latest_answer, latest_answer_by FROM hand_off WHERE id = ?");
        q.bind(1, id);
        if (!q.executeStep()) return std::nullopt;
        HandOff h;
        h.id = q.getColumn(0).getInt64();
        h.asked_at = q.getColumn(1).getString();
        h.platform = q.getColumn(2).getString();
        h.asker_user_id = q.getColumn(3).getString();
        h.asker_tenant = q.getColumn(4).getString();
        h.asker_name = q.getColumn(5).getString();
        if (!q.getColumn(6).isNull()) h.municipality_id = q.getColumn(6).getInt64();
        h.question = q.getColumn(7).getString();
        h.answered_at = q.getColumn(8).getString();
        h.answered_by = q.getColumn(9).getString();
        h.latest_answer = q.getColumn(10).getString();
        h.latest_answer_by = q.getColumn(11).getString();
        return h;
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "read a question sent on to a person");
    }
}

bool HandOffs::record_answer(std::int64_t id, std::string const& by, std::string const& at, std::string const& answer) {
    try {
        SQLite::Statement first(db_.connection(), "UPDATE hand_off SET answered_at = ?, answered_by = ? WHERE id = ? AND answered_at = ''");
        first.bind(1, at);
        first.bind(2, by);
        first.bind(3, id);
        bool const was_first = first.exec() == 1;
        SQLite::Statement latest(db_.connection(), "UPDATE hand_off SET latest_answer = ?, latest_answer_by = ? WHERE id = ?");
        latest.bind(1, answer);
        latest.bind(2, by);
        latest.bind(3, id);
        latest.exec();
        return was_first;
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "record an answer to a question sent on");
    }
}

int HandOffs::delete_asked_before(std::string const& at) {
    try {
        SQLite::Statement del(db_.connection(), "DELETE FROM hand_off WHERE asked_at < ?");
        del.bind(1, at);
        return del.exec();
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "delete old questions sent on");
    }
}

}  // namespace superbruger::storage
