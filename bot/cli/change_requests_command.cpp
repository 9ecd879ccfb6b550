// `superbot change-requests export`: the network's change requests for KOMBIT.
#include "bot/app.hpp"
#include "bot/change_requests/request_export.hpp"
#include "bot/change_requests/request_rules.hpp"
#include "bot/cli/commands.hpp"
#include "bot/cli/setup.hpp"
#include "bot/error.hpp"
#include "knowledge/danish_text.hpp"

#include <iostream>

namespace superbruger::bot::cli {

namespace {
constexpr char const* usage =
    "Usage: superbot change-requests export [--format csv|json] [--status STATUS] [--config FILE]\n"
    "\n"
    "Writes the network's change requests to stdout: CSV (one row per request, for Excel) or JSON\n"
    "(with supporters and the status history). --status keeps one status: ny, \"under vurdering\",\n"
    "\"sendt til KOMBIT\", prioriteret, afvist or implementeret.\n";
}  // namespace

int run_change_requests(std::vector<std::string> const& argv) {
    Arguments args(argv, {"--help"}, {"--config", "--format", "--status"});
    args.parse();
    if (auto code = usage_instead_of_action(args, usage)) return *code;
    auto const& words = args.positionals();
    if (words.front() != "export" || words.size() != 1) {
        throw BotError(BotError::Kind::usage, "unknown change-requests action '" + words.front() + "' (see superbot change-requests --help)");
    }
    auto const format = args.option("--format").value_or("csv");
    if (format != "csv" && format != "json") throw BotError(BotError::Kind::usage, "--format must be csv or json");
    std::optional<std::string> status;
    if (auto s = args.option("--status")) {
        status = change_requests::status_named(knowledge::fold_case(*s));
        if (!status) throw BotError(BotError::Kind::usage, "unknown status '" + *s + "' (see superbot change-requests --help)");
    }
    App app(load_config_and_logging(args, true));
    auto& requests = app.change_requests().requests();
    std::cout << (format == "csv" ? change_requests::export_csv(requests, app.directory(), status)
                                  : change_requests::export_json(requests, app.directory(), status));
    return exit_ok;
}

}  // namespace superbruger::bot::cli
