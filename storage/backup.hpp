// Backup and restore of the one SQLite file through SQLite's online backup API
// (https://www.sqlite.org/backup.html): the copy is one consistent snapshot even while the
// server writes, because in WAL mode the copying reader never blocks a writer.
#pragma once

#include <filesystem>
#include <string>

namespace superbruger::storage {

/// Copies the database at `database_path` to `target` (written to a temporary file beside it
/// and renamed, so `target` is either the old file or a whole new copy). Opens the source
/// read-only and never migrates it. Returns the copy's schema version. Throws
/// StorageError{unavailable} when the source cannot be read or the target written.
int backup_database(std::string const& database_path, std::filesystem::path const& target);

struct RestoreResult {
    int backup_schema_version = 0;  ///< as found in the backup
    std::filesystem::path previous_copy;  ///< the database as it was before, or empty if there was none
};

/// Puts `backup` in place of the database at `database_path`, after checking it: SQLite's
/// integrity check must pass and its schema must not be newer than this binary's
/// (StorageError{corrupt} otherwise, with the database untouched). The database as it was is
/// first copied to "<database>.before-restore-<UTC time>". An older backup is migrated by the
/// next open, as on an upgrade. Meant for a stopped server.
RestoreResult restore_database(std::filesystem::path const& backup, std::string const& database_path);

}  // namespace superbruger::storage
