// `superbot change-requests export`: the network's change requests for KOMBIT.
#include "bot/app.hpp"
#include "bot/change_requests/request_export.hpp"
#include "bot/change_requests/request_rules.hpp"
#include "bot/cli/commands.hpp"
#include "bot/cli/setup.hpp"
#include "bot/csv.hpp"
#include "bot/error.hpp"
#include "knowledge/danish_text.hpp"

#include <iostream>

namespace superbruger::bot::cli {

namespace {
constexpr char const* usage =
    "Brug: superbot change-requests export [--format csv|json] [--status STATUS] [--excel] [--config FIL] [--lang da|en]\n"
    "\n"
    "Skriver netværkets ændringsønsker til stdout: CSV (en række pr. ønske, til Excel) eller JSON\n"
    "(med støttende kommuner og statushistorikken). --status tager kun én status med: ny,\n"
    "\"under vurdering\", \"sendt til KOMBIT\", prioriteret, afvist eller implementeret. --excel:\n"
    "semikolon, UTF-8-BOM og CRLF, så dansk Excel åbner CSV'en i kolonner.\n";
}  // namespace

int run_change_requests(std::vector<std::string> const& argv) {
    Arguments args(argv, {"--help", "--excel"}, {"--config", "--format", "--status", "--lang"});
    args.parse();
    if (auto code = usage_instead_of_action(args, usage)) return *code;
    auto const& words = args.positionals();
    auto config = load_config_and_logging(args, true);
    auto const lang = cli_language(args, &config);
    if (words.front() != "export" || words.size() != 1) {
        throw BotError(BotError::Kind::usage, say(lang, "ukendt change-requests-handling '", "unknown change-requests action '") + words.front() +
                                                  say(lang, "' (se superbot change-requests --help)", "' (see superbot change-requests --help)"));
    }
    auto const format = args.option("--format").value_or("csv");
    if (format != "csv" && format != "json") throw BotError(BotError::Kind::usage, say(lang, "--format skal være csv eller json", "--format must be csv or json"));
    if (format == "json" && args.flag("--excel")) throw BotError(BotError::Kind::usage, say(lang, "--excel gælder kun CSV", "--excel is for CSV only"));
    std::optional<std::string> status;
    if (auto s = args.option("--status")) {
        status = change_requests::status_named(knowledge::fold_case(*s));
        if (!status) {
            throw BotError(BotError::Kind::usage, say(lang, "ukendt status '", "unknown status '") + *s +
                                                      say(lang, "' (se superbot change-requests --help)", "' (see superbot change-requests --help)"));
        }
    }
    App app(config);
    auto& requests = app.change_requests().requests();
    if (format == "json") {
        std::cout << change_requests::export_json(requests, app.directory(), status);
        return exit_ok;
    }
    auto const exported = change_requests::export_csv(requests, app.directory(), status);
    std::cout << (args.flag("--excel") ? csv::for_excel(exported) : exported);
    return exit_ok;
}

}  // namespace superbruger::bot::cli
