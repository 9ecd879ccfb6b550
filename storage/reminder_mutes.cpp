// ReminderMutes: SQL for reminder_mute.
#include "storage/reminder_mutes.hpp"

#include "storage/database.hpp"
#include "storage/sqlite_error.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace superbruger::storage {

bool ReminderMutes::mute(std::string const& platform, std::string const& user_id, std::string const& at) {
    try {
        SQLite::Statement insert(db_.connection(), "INSERT OR IGNORE INTO reminder_mute (platform, user_id, muted_at) VALUES (?, ?, ?)");
        insert.bind(1, platform);
        insert.bind(2, user_id);
        insert.bind(3, at);
        return insert.exec() == 1;
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "mute reminders");
    }
}

bool ReminderMutes::unmute(std::string const& platform, std::string const& user_id) {
    try {
        SQLite::Statement del(db_.connection(), "DELETE FROM reminder_mute WHERE platform = ? AND user_id = ?");
        del.bind(1, platform);
        del.bind(2, user_id);
        return del.exec() == 1;
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "unmute reminders");
    }
}

bool ReminderMutes::muted(std::string const& platform, std::string const& user_id) const {
    try {
        SQLite::Statement q(db_.connection(), "SELECT 1 FROM reminder_mute WHERE platform = ? AND user_id = ?");
        q.bind(1, platform);
        q.bind(2, user_id);
        return q.executeStep();
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "read reminder mute");
    }
}

}  // namespace superbruger::storage
