// What a directory import changed, told from the audit entries it wrote: per municipality and
// person, what was added, changed (field: old → new) and ended. The audit already holds every
// change with its before and after, so the report cannot miss one the import made.
#pragma once

#include "bot/directory/directory_csv.hpp"
#include "storage/role_directory.hpp"

#include <map>
#include <string>
#include <vector>

namespace superbruger::bot::directory {

/// Fills `result.report` and its counts (added, changed, ended) from `entries`, oldest first.
/// `numbers` maps municipality names to kommunenummer for the headings.
void describe_import(std::vector<storage::AuditEntry> const& entries, std::map<std::string, std::string> const& numbers,
                     knowledge::Language lang, ImportResult& result);

}  // namespace superbruger::bot::directory
