// KnowledgeService: the loaded knowledge base, reloadable while the bot runs.
#pragma once

#include "bot/config.hpp"
#include "knowledge/document_loader.hpp"
#include "knowledge/index.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace superbruger::bot {

/// Owns the current index. A reload builds a complete new index first and then swaps it in, so
/// a question never sees a half-loaded base; bad files are logged by name and line and skipped.
/// Used from one thread (the server's io thread, or a CLI command).
class KnowledgeService {
public:
    /// Loads the bundled folder and the local folders. Throws BotError{config} when the bundled
    /// folder yields no document at all (a broken installation).
    explicit KnowledgeService(KnowledgeConfig config);

    /// Re-reads every folder; returns the problems found (also logged).
    std::vector<knowledge::LoadProblem> reload();

    /// What the last load skipped.
    std::vector<knowledge::LoadProblem> const& problems() const noexcept { return problems_; }

    /// Whether documents can be added (knowledge.local_dirs names a folder).
    bool can_add_documents() const noexcept { return !config_.local_dirs.empty(); }

    /// Writes `text` as `<file_stem>.md` into the first local folder (replacing a file of that
    /// name; written whole to a temporary file first, so a reload never reads half of it) and
    /// reloads. When the new file does not load, it is removed again and the base stays as it
    /// was. Returns the file's path and what was wrong with it (empty: it loaded). Throws
    /// BotError{user_facing} without a local folder or when the file cannot be written.
    struct Added {
        std::filesystem::path file;
        std::vector<knowledge::LoadProblem> problems;
    };
    Added add_local_document(std::string const& file_stem, std::string const& text);

    std::shared_ptr<knowledge::KnowledgeIndex const> index() const { return index_; }
    KnowledgeConfig const& config() const noexcept { return config_; }

private:
    KnowledgeConfig config_;
    std::shared_ptr<knowledge::KnowledgeIndex const> index_;
    std::vector<knowledge::LoadProblem> problems_;
};

}  // namespace superbruger::bot
