// Database: owns the one SQLite connection, sets its pragmas and migrates it on open.
#pragma once

#include <functional>
#include <memory>
#include <string>

namespace SQLite {
class Database;
}

namespace superbruger::storage {

class StatementCache;
class WalCheckpointer;

/// Opens (creating if needed) the SQLite file at `path`, or an in-memory database for
/// ":memory:", with foreign keys on, WAL journaling (checkpointed on a thread of its own, see
/// wal_checkpointer.hpp) and a busy timeout, then applies every
/// pending migration. Throws StorageError{unavailable} when the file cannot be opened and
/// StorageError{corrupt} when its schema is newer than this binary knows.
///
/// Not thread-safe: SQLiteCpp documents that a connection must not be used from two threads at
/// once, so the owner uses it from one thread (the server's io thread).
class Database {
public:
    explicit Database(std::string const& path);
    ~Database();
    Database(Database const&) = delete;
    Database& operator=(Database const&) = delete;

    /// The schema version now in the file (PRAGMA user_version).
    int schema_version() const;
    std::string const& path() const noexcept { return path_; }

    /// Runs `work` in one write transaction: everything it writes is kept, or (when it throws)
    /// nothing is. Repository calls inside it join the transaction.
    void write_all_or_nothing(std::function<void()> const& work);
    /// Runs `work` in one write transaction and then rolls it back: a dry run that sees what it
    /// would have written (read it inside `work`) and leaves the database as it was.
    void write_and_roll_back(std::function<void()> const& work);

    /// For repositories inside storage/ only: the header does not expose SQLiteCpp.
    SQLite::Database& connection() noexcept { return *db_; }
    /// For repositories inside storage/ only: this connection's prepared statements.
    StatementCache& statements() noexcept { return *statements_; }

private:
    std::string path_;
    std::unique_ptr<SQLite::Database> db_;
    std::unique_ptr<StatementCache> statements_;  // after db_: finalised before the connection closes
    std::unique_ptr<WalCheckpointer> checkpointer_;  // file databases only; stopped before the rest
};

}  // namespace superbruger::storage
