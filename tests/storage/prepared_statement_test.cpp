// PreparedStatement: one prepared statement per SQL text, handed back reset and unbound.
#include "storage/database.hpp"
#include "storage/prepared_statement.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <sqlite3.h>

using namespace superbruger::storage;

namespace {
constexpr char const* count_sql = "SELECT count(*) FROM t WHERE v = ?";

/// Rows 1, 1 and 2 in table t.
struct TableOfThree {
    Database db{":memory:"};
    TableOfThree() {
        db.connection().exec("CREATE TABLE t (v INTEGER)");
        db.connection().exec("INSERT INTO t VALUES (1), (1), (2)");
    }
};

bool any_statement_busy(Database& db) {
    for (auto* s = sqlite3_next_stmt(db.connection().getHandle(), nullptr); s != nullptr; s = sqlite3_next_stmt(db.connection().getHandle(), s)) {
        if (sqlite3_stmt_busy(s) != 0) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("the same SQL borrows the same prepared statement again", "[storage][prepared]") {
    TableOfThree table;
    auto& db = table.db;
    SQLite::Statement const* first = nullptr;
    {
        PreparedStatement q(db, count_sql);
        q->bind(1, 1);
        REQUIRE(q->executeStep());
        CHECK(q->getColumn(0).getInt() == 2);
        first = &*q;
    }
    PreparedStatement again(db, count_sql);
    CHECK(&*again == first);
    again->bind(1, 2);
    REQUIRE(again->executeStep());
    CHECK(again->getColumn(0).getInt() == 1);
}

TEST_CASE("a borrowed statement comes back reset with its bindings cleared", "[storage][prepared]") {
    TableOfThree table;
    auto& db = table.db;
    {
        PreparedStatement q(db, "SELECT v FROM t WHERE v = ?");
        q->bind(1, 1);
        REQUIRE(q->executeStep());  // left half-read: one row of two
        CHECK(any_statement_busy(db));
    }
    CHECK_FALSE(any_statement_busy(db));
    PreparedStatement q(db, "SELECT v FROM t WHERE v = ?");
    CHECK_FALSE(q->executeStep());  // the parameter is NULL again, not the earlier 1
}

TEST_CASE("the same SQL borrowed twice at once gets a second statement", "[storage][prepared]") {
    TableOfThree table;
    auto& db = table.db;
    PreparedStatement outer(db, count_sql);
    outer->bind(1, 1);
    PreparedStatement inner(db, count_sql);
    CHECK(&*inner != &*outer);
    inner->bind(1, 2);
    REQUIRE(outer->executeStep());
    REQUIRE(inner->executeStep());
    CHECK(outer->getColumn(0).getInt() == 2);
    CHECK(inner->getColumn(0).getInt() == 1);
}

TEST_CASE("a kept statement still works after the schema changes", "[storage][prepared]") {
    TableOfThree table;
    auto& db = table.db;
    { PreparedStatement q(db, count_sql); q->bind(1, 1); REQUIRE(q->executeStep()); }
    db.connection().exec("ALTER TABLE t ADD COLUMN w TEXT DEFAULT 'x'");
    db.connection().exec("CREATE INDEX t_v ON t (v)");
    db.connection().exec("INSERT INTO t (v) VALUES (1)");
    PreparedStatement q(db, count_sql);
    q->bind(1, 1);
    REQUIRE(q->executeStep());  // SQLite re-prepares it (SQLITE_SCHEMA is handled inside step)
    CHECK(q->getColumn(0).getInt() == 3);
}
