// Schema migrations: ordered steps keyed by PRAGMA user_version, each applied in a transaction.
#pragma once

namespace SQLite {
class Database;
}

namespace superbruger::storage {

/// The schema version this binary writes.
int latest_schema_version() noexcept;

/// Applies every step above the file's user_version, each in its own transaction together with
/// the version bump, so a crash leaves the file at a whole version. Throws StorageError{corrupt}
/// if the file is newer than this binary (an older binary must not write a newer schema).
/// `up_to` stops earlier, for tests of a step's data changes.
void migrate(SQLite::Database& db, int up_to = latest_schema_version());

}  // namespace superbruger::storage
