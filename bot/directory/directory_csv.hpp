// The directory as CSV: import validates every row before it writes anything, then writes all
// rows in one transaction; export writes the same columns, so an export can be re-imported.
#pragma once

#include "bot/directory/directory_service.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace superbruger::bot::directory {

/// Columns, by header name (any order, case-insensitive; unknown columns are refused):
/// kommune, kommunenummer (required), fase, navn, email, titel, rolle, system, fra, koordinator,
/// teams_tenant.
extern std::vector<std::string> const csv_columns;

struct ImportProblem {
    int line = 0;
    std::string message;
};

struct ImportResult {
    std::vector<ImportProblem> problems;  ///< non-empty: nothing was written
    int municipalities = 0;               ///< rows' municipalities saved
    int people = 0;
    int assignments_added = 0;
    int assignments_kept = 0;             ///< already held: re-importing a file changes nothing
    int terms_ended = 0;                  ///< systemansvarlig terms ended by `replace`
};

/// `replace`: a row naming a new systemansvarlig ends the current one's term; without it such a
/// row is a problem. `change.date` is the start date for rows without "fra".
ImportResult import_csv(std::string_view text, DirectoryService& directory, storage::Change const& change, bool replace);

std::string export_csv(DirectoryService& directory);

}  // namespace superbruger::bot::directory
