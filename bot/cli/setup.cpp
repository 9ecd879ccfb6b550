// Shared start-up of subcommands.
#include "bot/cli/setup.hpp"

#include "bot/cli/commands.hpp"
#include "bot/error.hpp"
#include "bot/log.hpp"

#include <iostream>

namespace superbruger::bot::cli {

Config load_config_and_logging(Arguments const& args, bool quiet) {
    std::optional<std::filesystem::path> file;
    if (auto f = args.option("--config")) file = *f;
    auto config = load_config(file);
    auto level = log::parse_level(config.log.level);
    if (quiet && level < log::Level::warn) level = log::Level::warn;
    log::configure(level);
    return config;
}

std::optional<int> usage_instead_of_action(Arguments const& args, char const* usage) {
    bool const help = args.flag("--help");
    if (!help && !args.positionals().empty()) return std::nullopt;
    std::cout << usage;
    return help ? exit_ok : exit_usage;
}

knowledge::Language cli_language(Arguments const& args, Config const* config) {
    auto const lang = args.option("--lang");
    if (!lang) return config != nullptr && config->cli.language == "en" ? knowledge::Language::en : knowledge::Language::da;
    if (*lang == "da") return knowledge::Language::da;
    if (*lang == "en") return knowledge::Language::en;
    throw BotError(BotError::Kind::usage, "--lang skal være da eller en / --lang must be da or en");
}

}  // namespace superbruger::bot::cli
