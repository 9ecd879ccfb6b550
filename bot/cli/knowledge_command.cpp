// `superbot knowledge`: tools for the people who keep the knowledge base: check the files,
// explain how a question is ranked, list what the bot could not answer, reload a running server.
#include "bot/app.hpp"
#include "bot/cli/commands.hpp"
#include "bot/cli/pid_file.hpp"
#include "bot/cli/setup.hpp"
#include "bot/counted.hpp"
#include "bot/error.hpp"
#include "bot/knowledge_service.hpp"
#include "bot/log.hpp"

#include <csignal>
#include <iostream>

namespace superbruger::bot::cli {

namespace {

using knowledge::Language;

constexpr char const* usage =
    "Brug: superbot knowledge check [--config FIL]\n"
    "      superbot knowledge explain [--config FIL] \"spørgsmål\"\n"
    "      superbot knowledge report [--config FIL] [--limit N]\n"
    "      superbot knowledge reload [--config FIL]\n"
    "      [--lang da|en] til dem alle\n"
    "\n"
    "  check    læser den medfølgende og de lokale vidensmapper og viser hver fil eller linje, der\n"
    "           ville blive sprunget over (exitkode 1, når der er en)\n"
    "  explain  viser, hvordan et spørgsmål forstås (begreber, vægte og de ord, der matcher), og\n"
    "           hvilke afsnit der rangerer bedst, med deres sikkerhed\n"
    "  report   de spørgsmål, botten ikke kunne svare på, og svar markeret »Ikke nyttigt«\n"
    "  reload   tjekker filerne og beder den kørende server (server.pid_file) genindlæse dem\n";

int check(KnowledgeService const& knowledge, Language lang) {
    auto const& problems = knowledge.problems();
    for (auto const& p : problems) {
        std::cout << p.file;
        if (p.line > 0) std::cout << ':' << p.line;
        std::cout << ": " << p.message << '\n';
    }
    auto const& index = *knowledge.index();
    std::cout << say(lang, counted(index.documents().size(), "dokument", "dokumenter") + ", " + counted(index.section_count(), "afsnit", "afsnit") +
                               ", " + counted(problems.size(), "problem", "problemer") + "\n",
                     counted(index.documents().size(), "document", "documents") + ", " + counted(index.section_count(), "section", "sections") +
                         ", " + counted(problems.size(), "problem", "problems") + "\n");
    return problems.empty() ? exit_ok : exit_failure;
}

int report(App& app, int limit, Language lang) {
    auto const unanswered = app.unanswered_questions().summary(limit);
    std::cout << say(lang, "Ubesvarede spørgsmål (", "Unanswered questions (") << unanswered.size()
              << say(lang, "), de nyeste først:\n", "), most recent first:\n");
    if (unanswered.empty()) std::cout << say(lang, "  ingen\n", "  none\n");
    for (auto const& q : unanswered) {
        std::cout << "  " << q.times_asked << say(lang, "×  senest ", "×  last ") << q.last_asked_at << "  " << q.question << '\n';
    }
    auto const down = app.answers().down_voted(limit);
    std::cout << say(lang, "\nSvar markeret ikke nyttige (", "\nAnswers marked not helpful (") << down.size()
              << say(lang, "), de nyeste først:\n", "), most recent first:\n");
    if (down.empty()) std::cout << say(lang, "  ingen\n", "  none\n");
    for (auto const& d : down) {
        std::cout << "  " << d.not_helpful << say(lang, "× ikke nyttigt, ", "× not helpful, ") << d.helpful << say(lang, "× nyttigt  senest ", "× helpful  last ")
                  << d.last_voted_at << "  " << d.question << say(lang, "  (svaret fra ", "  (answered from ") << d.document_id << ")\n";
    }
    return exit_ok;
}

int reload(KnowledgeService& knowledge, ServerConfig const& server, Language lang) {
    int const status = check(knowledge, lang);
    if (server.pid_file.empty()) {
        throw BotError(BotError::Kind::usage,
                       say(lang, "'server.pid_file' er ikke sat, så den kørende server kan ikke findes; sæt den, eller send selv "
                                 "serveren SIGHUP (systemctl reload superbot)",
                           "'server.pid_file' is not set, so the running server cannot be found; set it, or send the "
                           "server SIGHUP yourself (systemctl reload superbot)"));
    }
    auto const pid = running_pid(server.pid_file);
    if (!pid) {
        throw BotError(BotError::Kind::upstream,
                       say(lang, "ingen kørende server fundet gennem ", "no running server found through ") + server.pid_file.string());
    }
    if (::kill(*pid, SIGHUP) != 0) throw BotError(BotError::Kind::upstream, say(lang, "kan ikke signalere pid ", "cannot signal pid ") + std::to_string(*pid));
    std::cout << say(lang, "bad serveren (pid " + std::to_string(*pid) + ") om at genindlæse; dens log og /metrics viser resultatet\n",
                     "asked the server (pid " + std::to_string(*pid) + ") to reload; its log and /metrics show the result\n");
    return status;
}

}  // namespace

int run_knowledge(std::vector<std::string> const& argv) {
    Arguments args(argv, {"--help"}, {"--config", "--limit", "--lang"});
    args.parse();
    if (auto code = usage_instead_of_action(args, usage)) return *code;
    auto const& words = args.positionals();
    auto const& action = words.front();
    auto config = load_config_and_logging(args, true);
    auto const lang = cli_language(args, &config);
    if (action == "report") {
        if (words.size() != 1) throw BotError(BotError::Kind::usage, say(lang, "report tager ingen argumenter", "report takes no arguments"));
        int limit = 50;
        if (auto l = args.option("--limit")) {
            try {
                limit = std::stoi(*l);
            } catch (std::exception const&) {
                limit = 0;
            }
            if (limit < 1 || limit > 100000) {
                throw BotError(BotError::Kind::usage, say(lang, "--limit skal være et tal fra 1 til 100000", "--limit must be a number from 1 to 100000"));
            }
        }
        App app(config);
        return report(app, limit, lang);
    }
    if (action == "check" || action == "explain" || action == "reload") {
        if (action != "explain" && words.size() != 1) {
            throw BotError(BotError::Kind::usage, action + say(lang, " tager ingen argumenter", " takes no arguments"));
        }
        if (action == "explain" && words.size() != 2) {
            throw BotError(BotError::Kind::usage, say(lang, "explain skal have ét spørgsmål (i anførselstegn)", "explain needs one question (quote it)"));
        }
        // Problems are printed here for a person; the log's copy of them would only repeat it.
        log::configure(log::Level::error);
        KnowledgeService knowledge(config.knowledge);
        if (action == "check") return check(knowledge, lang);
        if (action == "reload") return reload(knowledge, config.server, lang);
        std::cout << knowledge.index()->explain(words[1]);
        return exit_ok;
    }
    throw BotError(BotError::Kind::usage,
                   say(lang, "ukendt knowledge-handling '", "unknown knowledge action '") + action + say(lang, "' (se superbot knowledge --help)", "' (see superbot knowledge --help)"));
}

}  // namespace superbruger::bot::cli
