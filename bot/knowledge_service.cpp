// KnowledgeService: loading, logging load problems, swapping indexes.
#include "bot/knowledge_service.hpp"

#include "bot/error.hpp"
#include "bot/log.hpp"
#include "knowledge/knowledge_base.hpp"

namespace superbruger::bot {

KnowledgeService::KnowledgeService(KnowledgeConfig config) : config_(std::move(config)) {
    reload();
    if (index_->documents().empty()) {
        throw BotError(BotError::Kind::config,
                       "config: 'knowledge.bundled_dir' has no knowledge documents: " + config_.bundled_dir.string());
    }
}

std::vector<knowledge::LoadProblem> KnowledgeService::reload() {
    std::vector<std::filesystem::path> folders{config_.bundled_dir};
    folders.insert(folders.end(), config_.local_dirs.begin(), config_.local_dirs.end());
    auto loaded = knowledge::load_knowledge(folders);
    for (auto const& p : loaded.problems) {
        log::warn("knowledge_file_skipped", {{"file", p.file}, {"line", p.line}, {"problem", p.message}});
    }
    if (loaded.index->documents().empty() && index_) {
        // A base that vanished (a half-done upgrade, an unmounted volume) must not replace a
        // working one: the bot would then decline every question.
        loaded.problems.push_back({config_.bundled_dir.string(), 0, "no documents found; keeping the knowledge loaded before"});
        log::error("knowledge_reload_refused", {{"reason", "no documents found"}});
        problems_ = loaded.problems;
        return loaded.problems;
    }
    index_ = std::move(loaded.index);
    problems_ = loaded.problems;
    log::info("knowledge_loaded", {{"documents", index_->documents().size()}, {"sections", index_->section_count()},
                                   {"problems", loaded.problems.size()}});
    return loaded.problems;
}

}  // namespace superbruger::bot
