// Reading knowledge documents (Markdown with a small "---" header) from folders.
#pragma once

#include "knowledge/document.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace superbruger::knowledge {

/// Parses one document. The header is a block between two "---" lines at the top with
/// "key: value" lines: id, title, kind and source are required, aliases is a comma-separated
/// list. Throws KnowledgeError{malformed} carrying the 1-based line of the problem.
Document parse_document(std::string_view text, std::string const& file);

struct LoadProblem {
    std::string file;
    int line = 0;  ///< 0 when not tied to a line
    std::string message;
};

struct LoadResult {
    std::vector<Document> documents;
    std::vector<LoadProblem> problems;  ///< files skipped, with why; the rest still loaded
};

/// Every regular file below `folder` (recursively) whose name ends in `extension`, sorted by
/// path so results are reproducible. A folder that cannot be listed is reported in `problems`.
std::vector<std::filesystem::path> files_below(std::filesystem::path const& folder, std::string_view extension,
                                               std::vector<LoadProblem>& problems);

/// The whole file, or nullopt (reported in `problems`) when it cannot be read.
std::optional<std::string> read_text_file(std::filesystem::path const& path, std::vector<LoadProblem>& problems);

/// Reads every *.md file below each folder (sorted by path, so results are reproducible).
/// A malformed file or a duplicate id is reported and skipped; a missing folder is a problem too.
LoadResult load_documents(std::vector<std::filesystem::path> const& folders);

}  // namespace superbruger::knowledge
