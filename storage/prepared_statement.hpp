// Private to storage/: statements prepared once per connection and borrowed for each use.
// Parsing and planning the SQL (sqlite3_prepare_v2) cost more than running the statement on the
// per-message path; a prepared statement is re-planned by SQLite itself when the schema changes
// (https://www.sqlite.org/c3ref/prepare.html, "v2" interfaces), so keeping it is safe, with one
// caveat: SQLiteCpp counts a statement's columns once, when it is prepared, so a kept statement
// names its columns (no SELECT *, whose width a migration may change).
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace superbruger::storage {

class Database;

/// The cache of one connection, owned by Database.
class StatementCache {
private:
    friend class PreparedStatement;
    struct Entry {
        SQLite::Statement statement;
        bool borrowed = false;
    };
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, std::unique_ptr<Entry>, Hash, std::equal_to<>> entries_;
};

/// Borrows the connection's prepared statement for `sql` (preparing it on first use) and hands
/// it back reset, with its bindings cleared, when it goes out of scope: no half-read statement
/// keeps a read transaction open. When the same SQL is already borrowed (a repository calling
/// itself), this one is prepared afresh and dropped after use.
class PreparedStatement {
public:
    PreparedStatement(Database& db, std::string_view sql);
    ~PreparedStatement();
    PreparedStatement(PreparedStatement const&) = delete;
    PreparedStatement& operator=(PreparedStatement const&) = delete;

    SQLite::Statement& operator*() noexcept { return *statement_; }
    SQLite::Statement* operator->() noexcept { return statement_; }

private:
    StatementCache::Entry* entry_ = nullptr;
    std::optional<SQLite::Statement> own_;
    SQLite::Statement* statement_ = nullptr;
};

}  // namespace superbruger::storage
