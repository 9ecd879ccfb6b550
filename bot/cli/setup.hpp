// What every subcommand does first: read --config, set up logging.
#pragma once

#include "bot/cli/arguments.hpp"
#include "bot/config.hpp"

namespace superbruger::bot::cli {

/// Loads the config named by --config (or the defaults) and configures the log level from it.
/// `quiet` raises the log level to warn, for commands whose stdout is their product.
Config load_config_and_logging(Arguments const& args, bool quiet);

}  // namespace superbruger::bot::cli
