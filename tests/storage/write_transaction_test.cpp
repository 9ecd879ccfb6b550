// WriteTransaction: all or nothing, nesting as savepoints, and no SQL parsed per transaction.
#include "storage/database.hpp"
#include "storage/write_transaction.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <stdexcept>

using namespace superbruger::storage;

namespace {
struct EmptyTable {
    Database db{":memory:"};
    EmptyTable() { db.connection().exec("CREATE TABLE t (v INTEGER)"); }
    int rows() { return db.connection().execAndGet("SELECT count(*) FROM t").getInt(); }
    void insert(int v) { db.connection().exec("INSERT INTO t VALUES (" + std::to_string(v) + ")"); }
};

int open_statements(Database& db) {
    int n = 0;
    for (auto* s = sqlite3_next_stmt(db.connection().getHandle(), nullptr); s != nullptr; s = sqlite3_next_stmt(db.connection().getHandle(), s)) ++n;
    return n;
}
}  // namespace

TEST_CASE("a committed write transaction keeps its rows, one left without commit drops them", "[storage][transaction]") {
    EmptyTable table;
    {
        WriteTransaction tx(table.db);
        table.insert(1);
        tx.commit();
    }
    {
        WriteTransaction tx(table.db);
        table.insert(2);
    }
    CHECK(table.rows() == 1);
    CHECK(sqlite3_get_autocommit(table.db.connection().getHandle()) != 0);
}

TEST_CASE("a nested write transaction that fails undoes only its own rows", "[storage][transaction]") {
    EmptyTable table;
    {
        WriteTransaction outer(table.db);
        table.insert(1);
        try {
            WriteTransaction inner(table.db);
            table.insert(2);
            throw std::runtime_error("inner work failed");
        } catch (std::runtime_error const&) {
        }
        {
            WriteTransaction inner(table.db);
            table.insert(3);
            inner.commit();
        }
        CHECK(sqlite3_get_autocommit(table.db.connection().getHandle()) == 0);  // still the outer one
        outer.commit();
    }
    CHECK(table.rows() == 2);
    CHECK(table.db.connection().execAndGet("SELECT group_concat(v) FROM t").getString() == "1,3");
}

TEST_CASE("write transactions reuse their prepared statements instead of parsing SQL each time", "[storage][transaction]") {
    EmptyTable table;
    auto const run_both_kinds = [&] {
        WriteTransaction outer(table.db);
        { WriteTransaction inner(table.db); inner.commit(); }
        { WriteTransaction inner(table.db); }  // rolled back
        outer.commit();
        { WriteTransaction abandoned(table.db); }
    };
    run_both_kinds();
    int const after_first = open_statements(table.db);
    CHECK(after_first > 0);
    run_both_kinds();
    run_both_kinds();
    CHECK(open_statements(table.db) == after_first);
}
