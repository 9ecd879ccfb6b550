// PreparedStatement: borrowing and handing back the cached statements of a connection.
#include "storage/prepared_statement.hpp"

#include "storage/database.hpp"

namespace superbruger::storage {

PreparedStatement::PreparedStatement(Database& db, std::string_view sql) {
    auto& cache = db.statements();
    auto& connection = db.connection();
    auto found = cache.entries_.find(sql);
    if (found == cache.entries_.end()) {
        auto entry = std::make_unique<StatementCache::Entry>(StatementCache::Entry{SQLite::Statement(connection, std::string(sql))});
        found = cache.entries_.emplace(std::string(sql), std::move(entry)).first;
    }
    if (found->second->borrowed) {
        statement_ = &own_.emplace(connection, std::string(sql));
        return;
    }
    entry_ = found->second.get();
    entry_->borrowed = true;
    statement_ = &entry_->statement;
}

PreparedStatement::~PreparedStatement() {
    if (entry_ == nullptr) return;
    try {
        // reset() reports the error of a failed last step again; that error was already thrown
        // to the user of the statement, so here it only must not escape a destructor.
        entry_->statement.reset();
    } catch (...) {
    }
    entry_->statement.clearBindings();
    entry_->borrowed = false;
}

}  // namespace superbruger::storage
