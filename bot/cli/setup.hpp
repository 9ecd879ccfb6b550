// What every subcommand does first: read --config, set up logging.
#pragma once

#include "bot/cli/arguments.hpp"
#include "bot/config.hpp"
#include "knowledge/language.hpp"

#include <optional>

namespace superbruger::bot::cli {

/// Loads the config named by --config (or the defaults) and configures the log level from it.
/// `quiet` raises the log level to warn, for commands whose stdout is their product.
Config load_config_and_logging(Arguments const& args, bool quiet);

/// For commands with actions (`superbot directory import …`): prints `usage` on --help (exit 0)
/// or when no action is given (exit 2) and returns that exit code; nullopt when there is an
/// action to run.
std::optional<int> usage_instead_of_action(Arguments const& args, char const* usage);

/// The language of the command's messages: --lang da|en, else the config's cli.language (when
/// the config is loaded), else Danish, the network's language. Throws BotError{usage} for
/// another value.
knowledge::Language cli_language(Arguments const& args, Config const* config = nullptr);

/// One message in the command's language, the two versions side by side where it is written.
inline std::string say(knowledge::Language lang, std::string da, std::string en) {
    return lang == knowledge::Language::da ? std::move(da) : std::move(en);
}

}  // namespace superbruger::bot::cli
