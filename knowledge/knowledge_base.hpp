// Loading the whole knowledge base (documents and glossaries) from folders into an index.
#pragma once

#include "knowledge/document_loader.hpp"
#include "knowledge/index.hpp"

#include <filesystem>
#include <memory>
#include <vector>

namespace superbruger::knowledge {

struct LoadedKnowledge {
    std::shared_ptr<KnowledgeIndex const> index;
    std::vector<LoadProblem> problems;  ///< files or lines skipped; everything else loaded
};

/// Reads *.md documents and *.glossary files below each folder, in order (bundled first, then
/// local), and builds a new index. Never throws for bad content: problems are reported instead.
LoadedKnowledge load_knowledge(std::vector<std::filesystem::path> const& folders);

}  // namespace superbruger::knowledge
