// `superbot ask`: one question, or a JSON-lines batch of questions, answered on stdout.
#include "bot/app.hpp"
#include "bot/cli/commands.hpp"
#include "bot/cli/plain_text.hpp"
#include "bot/cli/setup.hpp"
#include "bot/error.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>

namespace superbruger::bot::cli {

namespace {

constexpr char const* usage_da =
    "Brug: superbot ask [--config FIL] [--as EMAIL] [--lang da|en] \"spørgsmål\"\n"
    "      superbot ask [--config FIL] --jsonl FIL|-\n"
    "\n"
    "Skriver bottens svar på ét spørgsmål. Med --jsonl læses linjer {\"id\",\"question\"[,\"user\"]},\n"
    "og der skrives én linje {\"id\",\"answer\",\"confident\",\"sources\"} pr. spørgsmål; en linje,\n"
    "der ikke kan læses, meldes på stderr med sit nummer, og exitkoden er 1.\n";
constexpr char const* usage_en =
    "Usage: superbot ask [--config FILE] [--as EMAIL] [--lang da|en] \"question\"\n"
    "       superbot ask [--config FILE] --jsonl FILE|-\n"
    "\n"
    "Prints the bot's answer to one question. With --jsonl, reads lines {\"id\",\"question\"[,\"user\"]}\n"
    "and writes one line {\"id\",\"answer\",\"confident\",\"sources\"} per question; a line that\n"
    "cannot be read is reported on stderr with its number and the exit code is 1.\n";

adapters::ChatMessage message_for(std::string question, std::string email) {
    adapters::ChatMessage message;
    message.platform = "cli";
    message.sender.user_id = email.empty() ? "cli" : email;
    message.sender.email = std::move(email);
    message.text = std::move(question);
    return message;
}

nlohmann::json sources_of(adapters::ChatReply const& reply) {
    auto sources = nlohmann::json::array();
    for (auto const& c : reply.citations) {
        sources.push_back({{"document", c.document_id}, {"title", c.title}, {"section", c.section}, {"origin", c.origin}});
    }
    return sources;
}

int ask_batch(App& app, std::istream& in, knowledge::Language lang) {
    int status = exit_ok;
    std::string line;
    for (int line_no = 1; std::getline(in, line); ++line_no) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        auto const item = nlohmann::json::parse(line, nullptr, false);
        if (!item.is_object() || !item.contains("question") || !item["question"].is_string()) {
            std::cerr << say(lang, "linje ", "line ") << line_no
                      << say(lang, ": forventede et JSON-objekt med en tekst \"question\"\n", ": expected a JSON object with a string \"question\"\n");
            status = exit_failure;
            continue;
        }
        auto const email = item.contains("user") && item["user"].is_string() ? item["user"].get<std::string>() : "";
        auto const reply = app.assistant().handle(message_for(item["question"].get<std::string>(), email));
        nlohmann::json out = {{"id", item.contains("id") ? item["id"] : nlohmann::json(line_no)},
                              {"answer", render_plain(reply)},
                              {"confident", reply.confident},
                              {"sources", sources_of(reply)}};
        std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    }
    return status;
}

}  // namespace

int run_ask(std::vector<std::string> const& argv) {
    Arguments args(argv, {"--help"}, {"--config", "--as", "--jsonl", "--lang"});
    args.parse();
    auto lang = cli_language(args);
    if (args.flag("--help")) {
        std::cout << say(lang, usage_da, usage_en);
        return exit_ok;
    }
    auto const batch = args.option("--jsonl");
    if (batch && !args.positionals().empty()) {
        throw BotError(BotError::Kind::usage, say(lang, "giv enten et spørgsmål eller --jsonl, ikke begge", "give either a question or --jsonl, not both"));
    }
    if (!batch && args.positionals().size() != 1) {
        throw BotError(BotError::Kind::usage, say(lang, "ask skal have ét spørgsmål (i anførselstegn)", "ask needs one question (quote it)"));
    }
    App app(load_config_and_logging(args, true));
    lang = cli_language(args, &app.config());

    if (batch) {
        if (*batch == "-") return ask_batch(app, std::cin, lang);
        std::ifstream file(*batch);
        if (!file) throw BotError(BotError::Kind::usage, say(lang, "kan ikke læse ", "cannot read ") + *batch);
        return ask_batch(app, file, lang);
    }
    auto const reply = app.assistant().handle(message_for(args.positionals()[0], args.option("--as").value_or("")));
    std::cout << render_plain(reply) << '\n';
    return exit_ok;
}

}  // namespace superbruger::bot::cli
