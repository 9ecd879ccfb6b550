// Private to storage/: one write transaction that nests. At the outermost level it is
// BEGIN IMMEDIATE (the write lock is taken up front, so two writers queue on busy_timeout
// instead of failing when one upgrades a read); inside another transaction it is a SAVEPOINT,
// so a repository call can run inside Database::write_all_or_nothing.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

namespace superbruger::storage {

class WriteTransaction {
public:
    explicit WriteTransaction(SQLite::Database& db) : db_(db), nested_(sqlite3_get_autocommit(db.getHandle()) == 0) {
        db_.exec(nested_ ? "SAVEPOINT write_tx" : "BEGIN IMMEDIATE");
    }
    ~WriteTransaction() {
        if (done_) return;
        try {
            if (nested_) {
                db_.exec("ROLLBACK TO write_tx");
                db_.exec("RELEASE write_tx");
            } else {
                db_.exec("ROLLBACK");
            }
        } catch (...) {  // a destructor must not throw; SQLite rolls back on close anyway
        }
    }
    WriteTransaction(WriteTransaction const&) = delete;
    WriteTransaction& operator=(WriteTransaction const&) = delete;

    void commit() {
        db_.exec(nested_ ? "RELEASE write_tx" : "COMMIT");
        done_ = true;
    }

private:
    SQLite::Database& db_;
    bool nested_;
    bool done_ = false;
};

}  // namespace superbruger::storage
