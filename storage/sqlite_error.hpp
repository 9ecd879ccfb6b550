// Private to storage/: SQLiteCpp exceptions → StorageError, one mapping for every table.
#pragma once

#include "storage/error.hpp"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <string>

namespace superbruger::storage {

/// A constraint violation is the caller's bad data (conflict); anything else means the
/// database could not do its job (unavailable).
inline StorageError from_sqlite(SQLite::Exception const& e, std::string const& doing) {
    auto kind = e.getErrorCode() == SQLITE_CONSTRAINT ? StorageError::Kind::conflict : StorageError::Kind::unavailable;
    return StorageError(kind, "cannot " + doing + ": " + e.what());
}

}  // namespace superbruger::storage
