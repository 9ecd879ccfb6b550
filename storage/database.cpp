// Database: connection setup (pragmas) and the translation of SQLite errors at open time.
#include "storage/database.hpp"

#include "storage/error.hpp"
#include "storage/migrations.hpp"
#include "storage/prepared_statement.hpp"
#include "storage/sqlite_error.hpp"
#include "storage/wal_checkpointer.hpp"
#include "storage/write_transaction.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>

namespace superbruger::storage {

namespace {
constexpr int busy_timeout_ms = 5000;

void make_parent_folder(std::string const& path) {
    if (path == ":memory:") return;
    auto parent = std::filesystem::path(path).parent_path();
    std::error_code ec;
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    if (ec) {
        throw StorageError(StorageError::Kind::unavailable,
                           "cannot create folder " + parent.string() + ": " + ec.message());
    }
}
}  // namespace

Database::Database(std::string const& path) : path_(path) {
    make_parent_folder(path);
    bool wal = false;
    try {
        db_ = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db_->setBusyTimeout(busy_timeout_ms);
        db_->exec("PRAGMA foreign_keys = ON");
        // WAL lets readers (an admin command) run beside the server; in-memory databases
        // silently stay in "memory" mode, which is fine for tests.
        wal = db_->execAndGet("PRAGMA journal_mode = WAL").getString() == "wal";
        db_->exec("PRAGMA synchronous = NORMAL");
        // SQLite's default page cache is 2 MB per connection, 5 % of the server's 40 MB budget
        // (issue 18). The hot pages of the per-message writes (the b-tree paths to the newest
        // rows) fit in far less, and a miss costs a read from the OS page cache: with 256 KiB the
        // Teams load benchmark showed no change in CPU per request and 1.5-2.7 MB less RSS.
        db_->exec("PRAGMA cache_size = -512");
    } catch (SQLite::Exception const& e) {
        throw StorageError(StorageError::Kind::unavailable,
                           "cannot open database " + path + ": " + e.what());
    }
    migrate(*db_);
    statements_ = std::make_unique<StatementCache>();
    if (wal) checkpointer_ = std::make_unique<WalCheckpointer>(db_->getHandle(), path);
}

Database::~Database() = default;

int Database::schema_version() const {
    return db_->execAndGet("PRAGMA user_version").getInt();
}

void Database::write_all_or_nothing(std::function<void()> const& work) {
    try {
        WriteTransaction tx(*this);
        work();
        tx.commit();
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "write");
    }
}

void Database::write_and_roll_back(std::function<void()> const& work) {
    try {
        WriteTransaction tx(*this);  // never committed: its destructor rolls back
        work();
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "write");
    }
}

}  // namespace superbruger::storage
