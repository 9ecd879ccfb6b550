// `superbot backup FILE` and `superbot restore FILE`: the database through SQLite's online
// backup API (storage/backup.hpp). Backup works while the server runs; restore is for a stopped
// server and refuses a backup from a newer superbot.
#include "bot/cli/commands.hpp"
#include "bot/cli/pid_file.hpp"
#include "bot/cli/setup.hpp"
#include "bot/error.hpp"
#include "storage/backup.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

#include <iostream>

namespace superbruger::bot::cli {

namespace {

constexpr char const* backup_usage =
    "Usage: superbot backup [--config FILE] BACKUP_FILE\n"
    "\n"
    "Writes one consistent copy of storage.database to BACKUP_FILE through SQLite's online\n"
    "backup API. Safe while the server runs: it keeps serving and writing meanwhile.\n";

constexpr char const* restore_usage =
    "Usage: superbot restore [--config FILE] BACKUP_FILE\n"
    "\n"
    "Replaces storage.database with BACKUP_FILE, after SQLite's integrity check. Stop the server\n"
    "first. The database as it was is kept as <database>.before-restore-<time>. A backup made by\n"
    "an older superbot is upgraded to this version's schema; one from a newer superbot is refused.\n";

std::string const& only_file(Arguments const& args, char const* usage) {
    if (args.positionals().size() != 1) throw BotError(BotError::Kind::usage, std::string("expected one BACKUP_FILE\n\n") + usage);
    return args.positionals().front();
}

}  // namespace

int run_backup(std::vector<std::string> const& argv) {
    Arguments args(argv, {"--help"}, {"--config"});
    args.parse();
    if (auto code = usage_instead_of_action(args, backup_usage)) return *code;
    auto const& file = only_file(args, backup_usage);
    auto const config = load_config_and_logging(args, true);
    int const version = storage::backup_database(config.storage.database, file);
    std::cout << "backed up " << config.storage.database << " to " << file << " (schema version " << version << ")\n";
    return exit_ok;
}

int run_restore(std::vector<std::string> const& argv) {
    Arguments args(argv, {"--help"}, {"--config"});
    args.parse();
    if (auto code = usage_instead_of_action(args, restore_usage)) return *code;
    auto const& file = only_file(args, restore_usage);
    auto const config = load_config_and_logging(args, true);
    if (!config.server.pid_file.empty()) {
        if (auto pid = running_pid(config.server.pid_file)) {
            throw BotError(BotError::Kind::user_facing,
                           "the server is running (pid " + std::to_string(*pid) + "): stop it first (systemctl stop superbot)");
        }
    }
    auto const result = storage::restore_database(file, config.storage.database);
    // Opening migrates an older backup to this binary's schema, as an upgrade would.
    storage::Database upgraded(config.storage.database);
    std::cout << "restored " << file << " into " << config.storage.database << " (schema version " << result.backup_schema_version;
    if (result.backup_schema_version != upgraded.schema_version()) std::cout << ", upgraded to " << upgraded.schema_version();
    std::cout << ")\n";
    if (!result.previous_copy.empty()) std::cout << "the database as it was: " << result.previous_copy.string() << '\n';
    return exit_ok;
}

}  // namespace superbruger::bot::cli
