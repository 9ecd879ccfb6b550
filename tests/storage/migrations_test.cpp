// Schema migrations: empty → latest, idempotent re-open, refusing a newer schema.
#include "storage/database.hpp"
#include "storage/error.hpp"
#include "storage/migrations.hpp"
#include "storage/question_log.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

using namespace superbruger::storage;

namespace {
std::set<std::string> columns_of(SQLite::Database& db, std::string const& table) {
    std::set<std::string> out;
    SQLite::Statement q(db, "SELECT name FROM pragma_table_info(?)");
    q.bind(1, table);
    while (q.executeStep()) out.insert(q.getColumn(0).getString());
    return out;
}

std::filesystem::path temp_db(std::string const& name) {
    auto dir = std::filesystem::temp_directory_path() / ("sb_test_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    auto path = dir / name;
    std::filesystem::remove(path);
    return path;
}
}  // namespace

TEST_CASE("an empty database is migrated to the latest schema", "[storage][migrations]") {
    Database db(":memory:");
    CHECK(db.schema_version() == latest_schema_version());
    CHECK(columns_of(db.connection(), "unanswered_question") ==
          std::set<std::string>{"id", "asked_at", "platform", "language", "question", "best_score"});
    CHECK(db.connection().execAndGet("PRAGMA foreign_keys").getInt() == 1);
}

TEST_CASE("a database file uses WAL and re-opening it migrates nothing twice", "[storage][migrations]") {
    auto const path = temp_db("wal.sqlite").string();
    {
        Database db(path);
        CHECK(db.connection().execAndGet("PRAGMA journal_mode").getString() == "wal");
        QuestionLog(db).record({"2026-11-22T10:00:00Z", "cli", "da", "hvad koster det?", 0.1});
    }
    Database again(path);
    CHECK(again.schema_version() == latest_schema_version());
    CHECK(QuestionLog(again).summary(10).size() == 1);
}

TEST_CASE("a schema newer than the binary is refused", "[storage][migrations]") {
    auto const path = temp_db("newer.sqlite").string();
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec("PRAGMA user_version = 999");
    }
    try {
        Database db(path);
        FAIL("opened a database from the future");
    } catch (StorageError const& e) {
        CHECK(e.kind() == StorageError::Kind::corrupt);
    }
}

TEST_CASE("migration 9 moves Teams reminder mutes from the chat id to the Entra object id", "[storage][migrations]") {
    auto const path = temp_db("mutes.sqlite").string();
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        migrate(raw, 8);
        raw.exec("INSERT INTO conversation (platform, conversation_id, kind, user_id, user_alias, tenant_id, address, updated_at) VALUES "
                 "('teams', 'a:anne', 'personal', '29:anne', 'aad-anne', 't', '{}', '2026-11-01T00:00:00Z'),"
                 "('teams', 'a:bo', 'personal', '29:bo', '', 't', '{}', '2026-11-01T00:00:00Z')");
        raw.exec("INSERT INTO reminder_mute (platform, user_id, muted_at) VALUES "
                 "('teams', '29:anne', '2026-11-02T00:00:00Z'), ('teams', '29:bo', '2026-11-02T00:00:00Z'),"
                 "('console', 'anne', '2026-11-02T00:00:00Z')");
    }
    Database db(path);
    std::set<std::string> mutes;
    SQLite::Statement q(db.connection(), "SELECT platform || ' ' || user_id || ' ' || muted_at FROM reminder_mute");
    while (q.executeStep()) mutes.insert(q.getColumn(0).getString());
    // Bo's object id is unknown: his mute stays as it was rather than being lost.
    CHECK(mutes == std::set<std::string>{"teams aad-anne 2026-11-02T00:00:00Z", "teams 29:bo 2026-11-02T00:00:00Z",
                                         "console anne 2026-11-02T00:00:00Z"});
}

TEST_CASE("migration 13 allows withdrawn requests and keeps every request, supporter and history line", "[storage][migrations]") {
    auto const path = temp_db("withdrawn.sqlite").string();
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        migrate(raw, 12);
        raw.exec("INSERT INTO municipality (id, name, kommunenummer) VALUES (1, 'Næstved', '370'), (2, 'Ærø', '492')");
        raw.exec("INSERT INTO change_request (id, ref, year, seq, title, description, area, benefit, urgency, workflow_effect, status, "
                 "municipality_id, submitter_platform, submitter_user_id, submitter_tenant, submitter_name, submit_key, created_at, updated_at) "
                 "VALUES (7, 'ÆØ-2026-0001', 2026, 1, 'Flet', 'Flet notater', 'Journal', 'Tid', 'høj', 'Færre klik', 'ny', 1, 'teams', "
                 "'29:anne', 't', 'Anne', 'k1', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')");
        raw.exec("INSERT INTO change_request_supporter (request_id, municipality_id, platform, user_id, tenant, name, supported_at) "
                 "VALUES (7, 2, 'teams', '29:bo', 't', 'Bo', '2026-11-02T00:00:00Z')");
        raw.exec("INSERT INTO change_request_status (request_id, at, actor, from_status, to_status, comment) "
                 "VALUES (7, '2026-11-01T00:00:00Z', 'Anne', '', 'ny', '')");
    }
    Database db(path);  // foreign keys on, as in production: the rebuild must not cascade
    auto& c = db.connection();
    CHECK(c.execAndGet("SELECT count(*) FROM change_request").getInt() == 1);
    CHECK(c.execAndGet("SELECT count(*) FROM change_request_supporter").getInt() == 1);
    CHECK(c.execAndGet("SELECT kind FROM change_request_status WHERE request_id = 7").getString() == "status");
    c.exec("UPDATE change_request SET status = 'trukket tilbage' WHERE id = 7");
    CHECK(c.execAndGet("SELECT status FROM change_request WHERE id = 7").getString() == "trukket tilbage");
    CHECK_THROWS(c.exec("UPDATE change_request SET status = 'væk' WHERE id = 7"));
    CHECK_THROWS(c.exec("INSERT INTO change_request_status (request_id, at, actor, from_status, to_status, comment, kind) "
                        "VALUES (7, 'x', 'y', 'ny', 'ny', '', 'noget')"));
    // The foreign keys still point at the rebuilt table.
    CHECK(c.execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt() == 0);
}

TEST_CASE("the question log refuses empty questions and groups repeats", "[storage][question_log]") {
    Database db(":memory:");
    QuestionLog log(db);
    CHECK_THROWS_AS(log.record({"2026-11-22T10:00:00Z", "cli", "da", "", 0}), StorageError);
    CHECK_THROWS_AS(log.record({"2026-11-22T10:00:00Z", "cli", "fr", "quoi?", 0}), StorageError);
    log.record({"2026-11-22T10:00:00Z", "cli", "da", "Hvad koster DUBU?", 0.1});
    log.record({"2026-11-22T11:00:00Z", "teams", "da", "hvad koster dubu?", 0.2});
    log.record({"2026-11-22T09:00:00Z", "cli", "en", "what is the weather", 0.0});
    auto summary = log.summary(10);
    REQUIRE(summary.size() == 2);
    CHECK(summary[0].question == "hvad koster dubu?");
    CHECK(summary[0].times_asked == 2);
    CHECK(summary[0].last_asked_at == "2026-11-22T11:00:00Z");
}
