// `superbot knowledge`: tools for the people who keep the knowledge base: check the files,
// explain how a question is ranked, list what the bot could not answer, reload a running server.
#include "bot/cli/commands.hpp"
#include "bot/cli/setup.hpp"
#include "bot/error.hpp"
#include "bot/knowledge_service.hpp"
#include "bot/log.hpp"

#include <iostream>

namespace superbruger::bot::cli {

namespace {

constexpr char const* usage =
    "Usage: superbot knowledge check [--config FILE]\n"
    "       superbot knowledge explain [--config FILE] \"question\"\n"
    "\n"
    "  check    read the bundled and local knowledge folders and list every file or line that\n"
    "           would be skipped (exit code 1 when there is one)\n"
    "  explain  show how a question is understood (its concepts, their weights and matching terms)\n"
    "           and which sections rank best, with their confidence\n";

int check(KnowledgeService& knowledge, std::vector<knowledge::LoadProblem> const& problems) {
    for (auto const& p : problems) {
        std::cout << p.file;
        if (p.line > 0) std::cout << ':' << p.line;
        std::cout << ": " << p.message << '\n';
    }
    auto const& index = *knowledge.index();
    std::cout << index.documents().size() << " documents, " << index.section_count() << " sections, "
              << problems.size() << " problem(s)\n";
    return problems.empty() ? exit_ok : exit_failure;
}

}  // namespace

int run_knowledge(std::vector<std::string> const& argv) {
    Arguments args(argv, {"--help"}, {"--config"});
    args.parse();
    auto const& words = args.positionals();
    if (args.flag("--help") || words.empty()) {
        std::cout << usage;
        return words.empty() && !args.flag("--help") ? exit_usage : exit_ok;
    }
    auto const& action = words.front();
    auto config = load_config_and_logging(args, true);
    if (action == "check" || action == "explain") {
        if (action == "check" && words.size() != 1) throw BotError(BotError::Kind::usage, "check takes no arguments");
        if (action == "explain" && words.size() != 2) throw BotError(BotError::Kind::usage, "explain needs one question (quote it)");
        // Problems are printed here for a person; the log's copy of them would only repeat it.
        log::configure(log::Level::error);
        KnowledgeService knowledge(config.knowledge);
        if (action == "check") return check(knowledge, knowledge.problems());
        std::cout << knowledge.index()->explain(words[1]);
        return exit_ok;
    }
    throw BotError(BotError::Kind::usage, "unknown knowledge action '" + action + "' (see superbot knowledge --help)");
}

}  // namespace superbruger::bot::cli
