// superbot: argv → subcommand. Errors become a message on stderr and an exit code.
#include "bot/channels/registry.hpp"
#include "bot/cli/commands.hpp"
#include "bot/error.hpp"
#include "bot/log.hpp"

#include <iostream>
#include <functional>
#include <map>

namespace {

constexpr char const* fixed_usage_da =
    "Brug: superbot KOMMANDO [TILVALG]\n"
    "\n"
    "Kommandoer:\n"
    "  serve   kør HTTP-tjenesten (helbred, parathed, metrikker, chat-webhooks)\n"
    "  chat    tal med botten i denne terminal\n"
    "  ask     besvar ét spørgsmål, eller en JSON-lines-fil med spørgsmål\n"
    "  knowledge  tjek, forklar, rapportér om eller genindlæs vidensbasen\n"
    "  directory  import, export, phase, forget: rollekataloget\n"
    "  change-requests  export: netværkets ændringsønsker som CSV eller JSON\n"
    "  releases   add, items, list, show, report, reminders: DUBU-releases og deres gennemgang\n"
    "  outbox     failed, retry, cancel, dismiss: beskeder botten ikke kunne levere\n"
    "  probe      er den lokale server oppe (/healthz) eller parat (/readyz)? Til helbredstjek\n"
    "  backup     FIL: en konsistent kopi af databasen, også mens serveren kører\n"
    "  restore    FIL: læg en backup i stedet for databasen (serveren stoppet)\n";

constexpr char const* fixed_usage_en =
    "Usage: superbot COMMAND [OPTIONS]\n"
    "\n"
    "Commands:\n"
    "  serve   run the HTTP service (health, readiness, metrics, chat webhooks)\n"
    "  chat    talk to the bot in this terminal\n"
    "  ask     answer one question, or a JSON-lines file of questions\n"
    "  knowledge  check, explain, report on or reload the knowledge base\n"
    "  directory  import, export, phase, forget: the role directory\n"
    "  change-requests  export: the network's change requests as CSV or JSON\n"
    "  releases   add, items, list, show, report, reminders: DUBU releases and their reviews\n"
    "  outbox     failed, retry, cancel, dismiss: messages the bot could not deliver\n"
    "  probe      is the local server up (/healthz) or ready (/readyz)? For health checks\n"
    "  backup     FILE: a consistent copy of the database, also while the server runs\n"
    "  restore    FILE: put a backup in place of the database (server stopped)\n";

std::string full_usage(bool english) {
    std::string text = english ? fixed_usage_en : fixed_usage_da;
    for (auto const& channel : superbruger::bot::channels::registered_channels()) {
        if (!channel.command) continue;
        auto const& summary = english || channel.command_summary_da.empty() ? channel.command_summary : channel.command_summary_da;
        text += "  " + channel.platform + std::string(channel.platform.size() < 10 ? 11 - channel.platform.size() : 1, ' ') + summary + "\n";
    }
    return text + (english ? "\nRun 'superbot COMMAND --help' for the options of a command (--lang da|en for its language).\n"
                           : "\nKør 'superbot KOMMANDO --help' for en kommandos tilvalg (--lang da|en for dens sprog).\n");
}

/// `--lang en` anywhere among the arguments: the overview and the unknown-command message in English.
bool asks_for_english(int argc, char** argv) {
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::string(argv[i]) == "--lang" && std::string(argv[i + 1]) == "en") return true;
    }
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace superbruger::bot;
    std::map<std::string, std::function<int(std::vector<std::string> const&)>> commands = {
        {"serve", cli::run_serve}, {"chat", cli::run_chat}, {"ask", cli::run_ask}, {"knowledge", cli::run_knowledge}, {"directory", cli::run_directory}, {"change-requests", cli::run_change_requests}, {"releases", cli::run_releases}, {"outbox", cli::run_outbox}, {"probe", cli::run_probe}, {"backup", cli::run_backup}, {"restore", cli::run_restore}};
    for (auto const& channel : channels::registered_channels()) {
        if (channel.command) commands.emplace(channel.platform, channel.command);
    }
    bool const english = asks_for_english(argc, argv);
    auto const usage = full_usage(english);  // with each platform's command
    if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "help") {
        std::cout << usage;
        return argc < 2 ? cli::exit_usage : cli::exit_ok;
    }
    auto it = commands.find(argv[1]);
    if (it == commands.end()) {
        std::cerr << (english ? "superbot: unknown command '" : "superbot: ukendt kommando '") << argv[1] << "'\n\n" << usage;
        return cli::exit_usage;
    }
    try {
        return it->second(std::vector<std::string>(argv + 2, argv + argc));
    } catch (BotError const& e) {
        std::cerr << "superbot " << argv[1] << ": " << e.what() << '\n';
        bool const setup_problem = e.kind() == BotError::Kind::config || e.kind() == BotError::Kind::usage;
        return setup_problem ? cli::exit_usage : cli::exit_failure;
    } catch (std::exception const& e) {
        log::error("fatal", {{"command", argv[1]}, {"error", e.what()}});
        std::cerr << "superbot " << argv[1] << ": " << e.what() << '\n';
        return cli::exit_failure;
    }
}
