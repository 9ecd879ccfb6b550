// Backup through SQLite's online backup API while another connection writes, and restore:
// integrity-checked, refusing a newer schema, keeping the database as it was, migrating an
// older backup.
#include "storage/backup.hpp"
#include "storage/database.hpp"
#include "storage/error.hpp"
#include "storage/migrations.hpp"
#include "storage/question_log.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

using namespace superbruger::storage;

namespace {

std::filesystem::path fresh_dir(std::string const& name) {
    auto dir = std::filesystem::temp_directory_path() / ("sb_backup_" + std::to_string(::getpid())) / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

void ask(Database& db, std::string const& question) {
    QuestionLog(db).record({"2026-11-22T10:00:00Z", "cli", "da", question, 0.1});
}

std::size_t questions(std::string const& path) {
    Database db(path);
    return QuestionLog(db).summary(1000).size();
}

}  // namespace

TEST_CASE("a backup is one consistent copy while another connection keeps writing", "[storage][backup]") {
    auto const dir = fresh_dir("online");
    auto const live = (dir / "live.sqlite").string();
    Database server(live);  // the running server's connection, in WAL mode
    ask(server, "committed before the backup");
    // A write transaction open on the server's connection during the backup: the copy has
    // what was committed and nothing of the transaction in flight.
    SQLite::Transaction in_flight(server.connection());
    server.connection().exec(
        "INSERT INTO unanswered_question(asked_at, platform, language, question, best_score) "
        "VALUES ('2026-11-22T10:01:00Z', 'cli', 'da', 'not yet committed', 0.1)");
    auto const copy = dir / "backup.sqlite";
    CHECK(backup_database(live, copy) == latest_schema_version());
    in_flight.commit();
    ask(server, "after the backup");  // the server was never blocked

    CHECK(std::filesystem::exists(copy));
    CHECK_FALSE(std::filesystem::exists(copy.string() + ".partial"));
    CHECK_FALSE(std::filesystem::exists(copy.string() + "-wal"));
    SQLite::Database check(copy.string(), SQLite::OPEN_READONLY);
    CHECK(check.execAndGet("PRAGMA integrity_check").getString() == "ok");
    CHECK(check.execAndGet("SELECT count(*) FROM unanswered_question").getInt() == 1);
    CHECK(check.execAndGet("SELECT question FROM unanswered_question").getString() == "committed before the backup");
}

TEST_CASE("backing up a database that is not there is an error, not an empty copy", "[storage][backup]") {
    auto const dir = fresh_dir("missing");
    CHECK_THROWS_AS(backup_database((dir / "none.sqlite").string(), dir / "b.sqlite"), StorageError);
    CHECK_FALSE(std::filesystem::exists(dir / "none.sqlite"));
    CHECK_FALSE(std::filesystem::exists(dir / "b.sqlite"));
}

TEST_CASE("restore puts the backup back and keeps the database as it was", "[storage][backup]") {
    auto const dir = fresh_dir("restore");
    auto const live = (dir / "live.sqlite").string();
    {
        Database db(live);
        ask(db, "one");
    }
    backup_database(live, dir / "one.sqlite");
    {
        Database db(live);
        ask(db, "two");
    }
    REQUIRE(questions(live) == 2);
    auto const result = restore_database(dir / "one.sqlite", live);
    CHECK(result.backup_schema_version == latest_schema_version());
    CHECK(questions(live) == 1);
    REQUIRE_FALSE(result.previous_copy.empty());
    CHECK(questions(result.previous_copy.string()) == 2);
}

TEST_CASE("restore refuses a backup from a newer superbot and a damaged file", "[storage][backup]") {
    auto const dir = fresh_dir("refuse");
    auto const live = (dir / "live.sqlite").string();
    {
        Database db(live);
        ask(db, "keep me");
    }
    auto const newer = dir / "newer.sqlite";
    backup_database(live, newer);
    {
        SQLite::Database raw(newer.string(), SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA user_version = " + std::to_string(latest_schema_version() + 1));
    }
    try {
        restore_database(newer, live);
        FAIL("restored a newer schema");
    } catch (StorageError const& e) {
        CHECK(e.kind() == StorageError::Kind::corrupt);
        CHECK_THAT(e.what(), Catch::Contains("newer than this superbot knows"));
    }
    auto const garbage = dir / "garbage.sqlite";
    std::ofstream(garbage) << std::string(8192, 'x');
    CHECK_THROWS_AS(restore_database(garbage, live), StorageError);
    CHECK(questions(live) == 1);  // untouched by either
}

TEST_CASE("a backup from an older schema is restored and then migrated", "[storage][backup]") {
    auto const dir = fresh_dir("older");
    auto const old_file = dir / "old.sqlite";
    {
        SQLite::Database raw(old_file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        migrate(raw, 1);
    }
    auto const live = (dir / "live.sqlite").string();
    { Database db(live); }
    auto const result = restore_database(old_file, live);
    CHECK(result.backup_schema_version == 1);
    Database reopened(live);
    CHECK(reopened.schema_version() == latest_schema_version());
}
