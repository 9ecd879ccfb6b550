// WalCheckpointer: the writer's commits leave checkpointing to the checkpointer's own thread.
#include "storage/database.hpp"
#include "storage/wal_checkpointer.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <thread>
#include <unistd.h>

using namespace superbruger::storage;
namespace fs = std::filesystem;

namespace {

fs::path fresh_file(std::string const& name) {
    auto dir = fs::temp_directory_path() / ("sb_test_wal_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    auto path = dir / name;
    for (auto const* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
    return path;
}

void make_wal_table(SQLite::Database& db) {
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("CREATE TABLE t (v BLOB)");
}

void write_pages(SQLite::Database& db, int rows) {
    SQLite::Transaction tx(db);
    SQLite::Statement insert(db, "INSERT INTO t (v) VALUES (randomblob(3000))");
    for (int i = 0; i < rows; ++i) {
        insert.exec();
        insert.reset();
    }
    tx.commit();
}

/// A u32 of the wal-index (the -shm file), read without taking part, in the machine's byte order
/// (https://www.sqlite.org/walformat.html#the_wal_index_file_format): mxFrame, the frames in the
/// WAL, is at byte 16; nBackfill, how many of them are copied into the database file, at 96.
std::uint32_t wal_index_field(std::string const& path, int offset) {
    std::ifstream shm(path + "-shm", std::ios::binary);
    shm.seekg(offset);
    std::uint32_t n = 0;
    shm.read(reinterpret_cast<char*>(&n), sizeof n);
    REQUIRE(shm);
    return n;
}
std::uint32_t frames(std::string const& path) { return wal_index_field(path, 16); }
std::uint32_t backfilled_frames(std::string const& path) { return wal_index_field(path, 96); }

template <typename Done>
bool within_seconds(int seconds, Done done) {
    auto const until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (!done()) {
        if (std::chrono::steady_clock::now() > until) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return true;
}

}  // namespace

TEST_CASE("a WAL past the threshold is checkpointed by the checkpointer's thread", "[storage][wal]") {
    auto const path = fresh_file("big.sqlite").string();
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    make_wal_table(db);
    WalCheckpointer checkpointer(db.getHandle(), path);
    write_pages(db, WalCheckpointer::pages_before_checkpoint + 200);  // one row a page
    REQUIRE(within_seconds(10, [&] { return checkpointer.checkpoints() >= 1; }));
    CHECK(frames(path) > WalCheckpointer::pages_before_checkpoint);
    CHECK(backfilled_frames(path) == frames(path));
}

TEST_CASE("a commit on the writer's connection never checkpoints on its own thread", "[storage][wal]") {
    for (bool const taken_over : {false, true}) {
        CAPTURE(taken_over);
        auto const path = fresh_file("hook.sqlite").string();
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        make_wal_table(db);
        // A checkpointer whose own connection cannot open: its thread never checkpoints, so
        // whatever is copied into the file was copied by the writer's COMMIT.
        std::unique_ptr<WalCheckpointer> checkpointer;
        if (taken_over) checkpointer = std::make_unique<WalCheckpointer>(db.getHandle(), path + ".missing/nothing");
        write_pages(db, WalCheckpointer::pages_before_checkpoint + 200);
        REQUIRE(frames(path) > WalCheckpointer::pages_before_checkpoint);
        if (taken_over) CHECK(backfilled_frames(path) == 0);
        else CHECK(backfilled_frames(path) > WalCheckpointer::pages_before_checkpoint);  // SQLite's automatic checkpoint
    }
}
