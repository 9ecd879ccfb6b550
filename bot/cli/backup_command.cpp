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

using knowledge::Language;

std::string backup_usage(Language lang) {
    return say(lang,
               "Brug: superbot backup [--config FIL] [--lang da|en] BACKUPFIL\n"
               "\n"
               "Skriver én konsistent kopi af storage.database til BACKUPFIL gennem SQLites online\n"
               "backup-API. Sikkert mens serveren kører: den bliver ved med at svare og skrive imens.\n",
               "Usage: superbot backup [--config FILE] [--lang da|en] BACKUP_FILE\n"
               "\n"
               "Writes one consistent copy of storage.database to BACKUP_FILE through SQLite's online\n"
               "backup API. Safe while the server runs: it keeps serving and writing meanwhile.\n");
}

std::string restore_usage(Language lang) {
    return say(lang,
               "Brug: superbot restore [--config FIL] [--lang da|en] BACKUPFIL\n"
               "\n"
               "Erstatter storage.database med BACKUPFIL efter SQLites integritetstjek. Stop serveren\n"
               "først. Databasen, som den var, gemmes som <database>.before-restore-<tid>. En backup fra\n"
               "en ældre superbot opgraderes til denne versions skema; en fra en nyere afvises.\n",
               "Usage: superbot restore [--config FILE] [--lang da|en] BACKUP_FILE\n"
               "\n"
               "Replaces storage.database with BACKUP_FILE, after SQLite's integrity check. Stop the server\n"
               "first. The database as it was is kept as <database>.before-restore-<time>. A backup made by\n"
               "an older superbot is upgraded to this version's schema; one from a newer superbot is refused.\n");
}

std::string const& only_file(Arguments const& args, std::string const& usage, Language lang) {
    if (args.positionals().size() != 1) throw BotError(BotError::Kind::usage, say(lang, "forventede én BACKUPFIL\n\n", "expected one BACKUP_FILE\n\n") + usage);
    return args.positionals().front();
}

}  // namespace

int run_backup(std::vector<std::string> const& argv) {
    Arguments args(argv, {"--help"}, {"--config", "--lang"});
    args.parse();
    auto const usage = backup_usage(cli_language(args));
    if (auto code = usage_instead_of_action(args, usage.c_str())) return *code;
    auto const& file = only_file(args, usage, cli_language(args));
    auto const config = load_config_and_logging(args, true);
    auto const lang = cli_language(args, &config);
    int const version = storage::backup_database(config.storage.database, file);
    std::cout << say(lang, "kopierede ", "backed up ") << config.storage.database << say(lang, " til ", " to ") << file
              << say(lang, " (skemaversion ", " (schema version ") << version << ")\n";
    return exit_ok;
}

int run_restore(std::vector<std::string> const& argv) {
    Arguments args(argv, {"--help"}, {"--config", "--lang"});
    args.parse();
    auto const usage = restore_usage(cli_language(args));
    if (auto code = usage_instead_of_action(args, usage.c_str())) return *code;
    auto const& file = only_file(args, usage, cli_language(args));
    auto const config = load_config_and_logging(args, true);
    auto const lang = cli_language(args, &config);
    if (!config.server.pid_file.empty()) {
        if (auto pid = running_pid(config.server.pid_file)) {
            throw BotError(BotError::Kind::user_facing,
                           say(lang, "serveren kører (pid " + std::to_string(*pid) + "): stop den først (systemctl stop superbot)",
                               "the server is running (pid " + std::to_string(*pid) + "): stop it first (systemctl stop superbot)"));
        }
    }
    auto const result = storage::restore_database(file, config.storage.database);
    // Opening migrates an older backup to this binary's schema, as an upgrade would.
    storage::Database upgraded(config.storage.database);
    std::cout << say(lang, "lagde ", "restored ") << file << say(lang, " ind i ", " into ") << config.storage.database
              << say(lang, " (skemaversion ", " (schema version ") << result.backup_schema_version;
    if (result.backup_schema_version != upgraded.schema_version()) std::cout << say(lang, ", opgraderet til ", ", upgraded to ") << upgraded.schema_version();
    std::cout << ")\n";
    if (!result.previous_copy.empty()) std::cout << say(lang, "databasen, som den var: ", "the database as it was: ") << result.previous_copy.string() << '\n';
    return exit_ok;
}

}  // namespace superbruger::bot::cli
