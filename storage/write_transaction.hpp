// Private to storage/: one write transaction that nests. At the outermost level it is
// BEGIN IMMEDIATE (the write lock is taken up front, so two writers queue on busy_timeout
// instead of failing when one upgrades a read); inside another transaction it is a SAVEPOINT,
// so a repository call can run inside Database::write_all_or_nothing. Its statements are the
// connection's prepared ones: every message runs at least one transaction, and parsing
// "BEGIN IMMEDIATE" and "COMMIT" afresh each time showed in the profile.
#pragma once

#include "storage/database.hpp"
#include "storage/prepared_statement.hpp"

#include <sqlite3.h>

namespace superbruger::storage {

class WriteTransaction {
public:
    explicit WriteTransaction(Database& db) : db_(db), nested_(sqlite3_get_autocommit(db.connection().getHandle()) == 0) {
        run(nested_ ? "SAVEPOINT write_tx" : "BEGIN IMMEDIATE");
    }
    ~WriteTransaction() {
        if (done_) return;
        try {
            if (nested_) {
                run("ROLLBACK TO write_tx");
                run("RELEASE write_tx");
            } else {
                run("ROLLBACK");
            }
        } catch (...) {  // a destructor must not throw; SQLite rolls back on close anyway
        }
    }
    WriteTransaction(WriteTransaction const&) = delete;
    WriteTransaction& operator=(WriteTransaction const&) = delete;

    void commit() {
        run(nested_ ? "RELEASE write_tx" : "COMMIT");
        done_ = true;
    }

private:
    void run(char const* sql) {
        PreparedStatement statement(db_, sql);
        statement->exec();
    }

    Database& db_;
    bool nested_;
    bool done_ = false;
};

}  // namespace superbruger::storage
