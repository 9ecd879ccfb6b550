// What every subcommand does first: read --config, set up logging.
#pragma once

#include "bot/cli/arguments.hpp"
#include "bot/config.hpp"

#include <optional>

namespace superbruger::bot::cli {

/// Loads the config named by --config (or the defaults) and configures the log level from it.
/// `quiet` raises the log level to warn, for commands whose stdout is their product.
Config load_config_and_logging(Arguments const& args, bool quiet);

/// For commands with actions (`superbot directory import …`): prints `usage` on --help (exit 0)
/// or when no action is given (exit 2) and returns that exit code; nullopt when there is an
/// action to run.
std::optional<int> usage_instead_of_action(Arguments const& args, char const* usage);

}  // namespace superbruger::bot::cli
