// `superbot knowledge`: tools for the people who keep the knowledge base: check the files,
// explain how a question is ranked, list what the bot could not answer, reload a running server.
#include "bot/app.hpp"
#include "bot/cli/commands.hpp"
#include "bot/cli/pid_file.hpp"
#include "bot/cli/setup.hpp"
#include "bot/error.hpp"
#include "bot/knowledge_service.hpp"
#include "bot/log.hpp"

#include <csignal>
#include <iostream>

namespace superbruger::bot::cli {

namespace {

constexpr char const* usage =
    "Usage: superbot knowledge check [--config FILE]\n"
    "       superbot knowledge explain [--config FILE] \"question\"\n"
    "       superbot knowledge report [--config FILE] [--limit N]\n"
    "       superbot knowledge reload [--config FILE]\n"
    "\n"
    "  check    read the bundled and local knowledge folders and list every file or line that\n"
    "           would be skipped (exit code 1 when there is one)\n"
    "  explain  show how a question is understood (its concepts, their weights and matching terms)\n"
    "           and which sections rank best, with their confidence\n";

int check(KnowledgeService const& knowledge) {
    auto const& problems = knowledge.problems();
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

int report(App& app, int limit) {
    auto const unanswered = app.unanswered_questions().summary(limit);
    std::cout << "Unanswered questions (" << unanswered.size() << "), most recent first:\n";
    if (unanswered.empty()) std::cout << "  none\n";
    for (auto const& q : unanswered) {
        std::cout << "  " << q.times_asked << "×  last " << q.last_asked_at << "  " << q.question << '\n';
    }
    auto const down = app.answers().down_voted(limit);
    std::cout << "\nAnswers marked not helpful (" << down.size() << "), most recent first:\n";
    if (down.empty()) std::cout << "  none\n";
    for (auto const& d : down) {
        std::cout << "  " << d.not_helpful << "× not helpful, " << d.helpful << "× helpful  last " << d.last_voted_at
                  << "  " << d.question << "  (answered from " << d.document_id << ")\n";
    }
    return exit_ok;
}

int reload(KnowledgeService& knowledge, ServerConfig const& server) {
    int const status = check(knowledge);
    if (server.pid_file.empty()) {
        throw BotError(BotError::Kind::usage,
                       "'server.pid_file' is not set, so the running server cannot be found; set it, or send the "
                       "server SIGHUP yourself (systemctl reload superbot)");
    }
    auto const pid = running_pid(server.pid_file);
    if (!pid) throw BotError(BotError::Kind::upstream, "no running server found through " + server.pid_file.string());
    if (::kill(*pid, SIGHUP) != 0) throw BotError(BotError::Kind::upstream, "cannot signal pid " + std::to_string(*pid));
    std::cout << "asked the server (pid " << *pid << ") to reload; its log and /metrics show the result\n";
    return status;
}

}  // namespace

int run_knowledge(std::vector<std::string> const& argv) {
    Arguments args(argv, {"--help"}, {"--config", "--limit"});
    args.parse();
    if (auto code = usage_instead_of_action(args, usage)) return *code;
    auto const& words = args.positionals();
    auto const& action = words.front();
    auto config = load_config_and_logging(args, true);
    if (action == "report") {
        if (words.size() != 1) throw BotError(BotError::Kind::usage, "report takes no arguments");
        int limit = 50;
        if (auto l = args.option("--limit")) {
            try {
                limit = std::stoi(*l);
            } catch (std::exception const&) {
                limit = 0;
            }
            if (limit < 1 || limit > 100000) throw BotError(BotError::Kind::usage, "--limit must be a number from 1 to 100000");
        }
        App app(config);
        return report(app, limit);
    }
    if (action == "check" || action == "explain" || action == "reload") {
        if (action != "explain" && words.size() != 1) throw BotError(BotError::Kind::usage, action + " takes no arguments");
        if (action == "explain" && words.size() != 2) throw BotError(BotError::Kind::usage, "explain needs one question (quote it)");
        // Problems are printed here for a person; the log's copy of them would only repeat it.
        log::configure(log::Level::error);
        KnowledgeService knowledge(config.knowledge);
        if (action == "check") return check(knowledge);
        if (action == "reload") return reload(knowledge, config.server);
        std::cout << knowledge.index()->explain(words[1]);
        return exit_ok;
    }
    throw BotError(BotError::Kind::usage, "unknown knowledge action '" + action + "' (see superbot knowledge --help)");
}

}  // namespace superbruger::bot::cli
