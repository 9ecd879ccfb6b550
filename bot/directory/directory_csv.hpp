// The directory as CSV: import validates every row before it writes anything, then writes all
// rows in one transaction; export writes the same columns, so an export can be re-imported.
#pragma once

#include "bot/directory/directory_service.hpp"
#include "knowledge/language.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace superbruger::bot::directory {

/// Columns, by header name (any order, case-insensitive; unknown columns are refused):
/// kommune, kommunenummer (required), fase, navn, email, titel, rolle, system, fra, koordinator,
/// platform, tenant, identitet (a chat platform's name, the municipality's tenant or workspace id
/// there, the person's id there). Earlier versions' teams_tenant and teams_objektid are read too.
extern std::vector<std::string> const csv_columns;

struct ImportProblem {
    int line = 0;
    std::string message;
};

struct ImportOptions {
    bool replace = false;      ///< a row may name a new systemansvarlig and end the current one's term
    bool dry_run = false;      ///< report what would change, write nothing
    bool clear_empty = false;  ///< an empty titel or koordinator cell blanks the stored value
    knowledge::Language lang = knowledge::Language::da;
};

struct ImportResult {
    std::vector<ImportProblem> problems;  ///< non-empty: nothing was written
    /// What changed (or would, in a dry run), per municipality: a heading line "Næstved (370)"
    /// and indented lines for it and its people: added, changed (field: old → new) and ended.
    std::vector<std::string> report;
    int municipalities_added = 0;
    int municipalities_changed = 0;
    int people_added = 0;
    int people_changed = 0;
    int assignments_added = 0;
    int assignments_kept = 0;  ///< already held: re-importing a file changes nothing
    int assignments_ended = 0;  ///< by --replace or by a move to phase 4
    int terms_ended = 0;        ///< systemansvarlig terms ended by `replace`
    bool written = false;       ///< false for a dry run and when there were problems
};

/// Rows are matched to the directory by kommunenummer and by e-mail; a name in the file renames
/// (and the report says so). Every row is checked before anything is written, then all rows are
/// written in one transaction, or none. `change.date` is the start date for rows without "fra".
ImportResult import_csv(std::string_view text, DirectoryService& directory, storage::Change const& change,
                        ImportOptions const& options);
/// The same with default options except `replace`.
ImportResult import_csv(std::string_view text, DirectoryService& directory, storage::Change const& change, bool replace);

/// "2 kommuner tilføjet, 1 ændret; …": the counts of a result in one line.
std::string import_summary(ImportResult const& result, knowledge::Language lang);

/// The current directory in the import's columns: one row per current role, a row without a role
/// for a person's home when it is not otherwise clear, and a row for each further tenant or Teams
/// identity. Imported into an empty database with `replace`, it gives the same directory, and
/// that directory exports to the same bytes.
std::string export_csv(DirectoryService& directory);

}  // namespace superbruger::bot::directory
