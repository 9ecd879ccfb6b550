// Database: the connection's settings that the server's memory budget relies on.
#include "storage/database.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <filesystem>
#include <unistd.h>

using namespace superbruger::storage;
namespace fs = std::filesystem;

TEST_CASE("the page cache stays under a megabyte however large the file grows", "[storage][database]") {
    auto const dir = fs::temp_directory_path() / ("sb_test_db_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    auto const path = (dir / "big.sqlite").string();
    for (auto const* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
    {
        Database db(path);
        auto& connection = db.connection();
        connection.exec("CREATE TABLE t (v BLOB)");
        connection.exec("CREATE INDEX t_v ON t (v)");
        db.write_all_or_nothing([&] {
            SQLite::Statement insert(connection, "INSERT INTO t (v) VALUES (randomblob(200))");
            for (int i = 0; i < 40000; ++i) {  // some 16 MB of table and index
                insert.exec();
                insert.reset();
            }
        });
        CHECK(connection.execAndGet("SELECT count(*) FROM t WHERE v > x'80'").getInt() > 0);  // reads it all
        int used = 0, highwater = 0;
        REQUIRE(sqlite3_db_status(connection.getHandle(), SQLITE_DBSTATUS_CACHE_USED, &used, &highwater, 0) == SQLITE_OK);
        CHECK(used < 1024 * 1024);
    }
    fs::remove_all(dir);
}
