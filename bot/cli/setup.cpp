// Shared start-up of subcommands.
#include "bot/cli/setup.hpp"

#include "bot/log.hpp"

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

}  // namespace superbruger::bot::cli
