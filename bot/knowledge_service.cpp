// KnowledgeService: loading, logging load problems, swapping indexes.
#include "bot/knowledge_service.hpp"

#include "bot/error.hpp"
#include "bot/log.hpp"
#include "knowledge/knowledge_base.hpp"

#include <fstream>

namespace superbruger::bot {

KnowledgeService::KnowledgeService(KnowledgeConfig config) : config_(std::move(config)) {
    reload();
    if (index_->documents().empty()) {
        throw BotError(BotError::Kind::config,
                       "config: 'knowledge.bundled_dir' has no knowledge documents: " + config_.bundled_dir.string());
    }
}

KnowledgeService::Added KnowledgeService::add_local_document(std::string const& file_stem, std::string const& text) {
    if (config_.local_dirs.empty()) throw BotError(BotError::Kind::user_facing, "no local knowledge folder is configured (knowledge.local_dirs)");
    auto const folder = config_.local_dirs.front();
    Added added;
    added.file = folder / (file_stem + ".md");
    auto const temporary = folder / ("." + file_stem + ".md.tmp");  // not *.md: a reload meanwhile skips it
    auto const previous = folder / ("." + file_stem + ".md.previous");
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    auto const write = [&](std::filesystem::path const& path) {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << text;
        out.close();
        return static_cast<bool>(out);
    };
    if (!write(temporary)) {
        std::filesystem::remove(temporary, ec);
        throw BotError(BotError::Kind::user_facing, "cannot write into the local knowledge folder " + folder.string());
    }
    // A file that loaded before is copied aside until the new one has loaded; the rename then
    // replaces it in one step, so there is never a moment without either.
    bool const replacing = std::filesystem::exists(added.file, ec);
    if (replacing && !std::filesystem::copy_file(added.file, previous, std::filesystem::copy_options::overwrite_existing, ec)) {
        std::filesystem::remove(temporary, ec);
        throw BotError(BotError::Kind::user_facing, "cannot keep a copy of " + added.file.string() + ": " + ec.message());
    }
    std::filesystem::rename(temporary, added.file, ec);
    if (ec) {
        auto const why = ec.message();
        std::filesystem::remove(temporary, ec);
        if (replacing) std::filesystem::remove(previous, ec);
        throw BotError(BotError::Kind::user_facing, "cannot write " + added.file.string() + ": " + why);
    }
    for (auto const& p : reload()) {
        if (std::filesystem::path(p.file) == added.file) added.problems.push_back(p);
    }
    if (!added.problems.empty()) {
        if (replacing) std::filesystem::rename(previous, added.file, ec);  // replaces the new one in one step
        else std::filesystem::remove(added.file, ec);
        reload();
    }
    if (replacing) std::filesystem::remove(previous, ec);
    return added;
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
