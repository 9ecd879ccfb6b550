#include "storage/backup.hpp"

#include "storage/error.hpp"
#include "storage/migrations.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <chrono>
#include <ctime>
#include <system_error>

namespace superbruger::storage {

namespace {

constexpr int busy_timeout_ms = 5000;

StorageError unavailable(std::string const& what) {
    return StorageError(StorageError::Kind::unavailable, what);
}

/// Copies every page of `from` into `to` in one step: one read transaction, one snapshot.
void copy_pages(SQLite::Database& to, SQLite::Database& from) {
    SQLite::Backup backup(to, from);
    int const rc = backup.executeStep(-1);
    if (rc != SQLITE_DONE) throw unavailable(std::string("the backup did not finish: ") + sqlite3_errstr(rc));
}

std::string utc_stamp() {
    auto const now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &tm);
    return buffer;
}

/// Writes `database_path`'s content to `target` through a temporary file and a rename.
int copy_to(std::string const& database_path, std::filesystem::path const& target) {
    auto const partial = std::filesystem::path(target.string() + ".partial");
    std::error_code ec;
    std::filesystem::remove(partial, ec);
    try {
        SQLite::Database source(database_path, SQLite::OPEN_READONLY);
        source.setBusyTimeout(busy_timeout_ms);
        int version = 0;
        {
            SQLite::Database copy(partial.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            copy_pages(copy, source);
            // A single self-contained file: the copy is not left in WAL mode with side files.
            copy.exec("PRAGMA journal_mode = DELETE");
            version = copy.execAndGet("PRAGMA user_version").getInt();
        }
        std::filesystem::rename(partial, target);
        return version;
    } catch (SQLite::Exception const& e) {
        std::filesystem::remove(partial, ec);
        throw unavailable("cannot back up " + database_path + " to " + target.string() + ": " + e.what());
    } catch (std::filesystem::filesystem_error const& e) {
        std::filesystem::remove(partial, ec);
        throw unavailable("cannot write " + target.string() + ": " + e.what());
    }
}

}  // namespace

int backup_database(std::string const& database_path, std::filesystem::path const& target) {
    if (database_path == ":memory:") throw unavailable("an in-memory database cannot be backed up");
    if (!std::filesystem::exists(database_path)) throw unavailable("no database at " + database_path);
    return copy_to(database_path, target);
}

RestoreResult restore_database(std::filesystem::path const& backup, std::string const& database_path) {
    if (database_path == ":memory:") throw unavailable("cannot restore into an in-memory database");
    RestoreResult result;
    try {
        SQLite::Database source(backup.string(), SQLite::OPEN_READONLY);
        auto const integrity = source.execAndGet("PRAGMA integrity_check").getString();
        if (integrity != "ok") {
            throw StorageError(StorageError::Kind::corrupt, backup.string() + " fails SQLite's integrity check: " + integrity);
        }
        result.backup_schema_version = source.execAndGet("PRAGMA user_version").getInt();
        if (result.backup_schema_version > latest_schema_version()) {
            throw StorageError(StorageError::Kind::corrupt,
                               backup.string() + " has schema version " + std::to_string(result.backup_schema_version) +
                                   ", newer than this superbot knows (" + std::to_string(latest_schema_version()) +
                                   "): restore it with the version that made it");
        }
        if (std::filesystem::exists(database_path)) {
            result.previous_copy = database_path + ".before-restore-" + utc_stamp();
            copy_to(database_path, result.previous_copy);
        }
        // Page by page into the live file under SQLite's own locking: a reader never sees half
        // of it, and the WAL and shared-memory files stay consistent with the main file.
        SQLite::Database live(database_path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        live.setBusyTimeout(busy_timeout_ms);
        copy_pages(live, source);
    } catch (SQLite::Exception const& e) {
        throw unavailable("cannot restore " + backup.string() + " into " + database_path + ": " + e.what());
    }
    return result;
}

}  // namespace superbruger::storage
