// `superbot slack manifest`: the app manifest JSON to paste into Slack's "Create an app".
#include "bot/channels/slack/slack_command.hpp"

#include "adapters/slack/app_manifest.hpp"
#include "bot/channels/slack/slack_settings.hpp"
#include "bot/cli/arguments.hpp"
#include "bot/cli/commands.hpp"
#include "bot/cli/setup.hpp"
#include "bot/error.hpp"
#include "bot/json_text.hpp"

#include <iostream>

namespace superbruger::bot::channels::slack {

using namespace cli;

namespace {

using knowledge::Language;

constexpr char const* usage_da =
    "Brug: superbot slack manifest --url BASE [--config FIL] [--lang da|en]\n"
    "\n"
    "Skriver Slack-appens manifest (JSON) for denne installation: sæt det ind på\n"
    "https://api.slack.com/apps → Create New App → From a manifest. BASE er bottens offentlige\n"
    "https-URL (https://bot.example.dk); forespørgsels-URL'erne er BASE/api/slack/events,\n"
    "BASE/api/slack/commands og BASE/api/slack/interactivity. Slash-kommandoen og\n"
    "message.channels følger slack.command og slack.channel_messages.\n";

constexpr char const* usage_en =
    "Usage: superbot slack manifest --url BASE [--config FILE] [--lang da|en]\n"
    "\n"
    "Prints the Slack app manifest (JSON) for this installation: paste it into\n"
    "https://api.slack.com/apps → Create New App → From a manifest. BASE is the bot's public\n"
    "https URL (https://bot.example.dk); the request URLs are BASE/api/slack/events,\n"
    "BASE/api/slack/commands and BASE/api/slack/interactivity. The slash command and\n"
    "message.channels follow slack.command and slack.channel_messages.\n";

int manifest(Arguments const& args) {
    auto const config = load_config_and_logging(args, true);
    auto const& settings = slack_settings(config);
    auto const lang = cli_language(args, &config);
    auto const url = args.option("--url");
    if (!url || !url->starts_with("https://")) {
        throw BotError(BotError::Kind::usage, say(lang, "slack manifest kræver --url https://… (se superbot slack --help)",
                                                  "slack manifest needs --url https://… (see superbot slack --help)"));
    }
    adapters::slack::ManifestSettings values;
    values.public_base_url = *url;
    values.command = settings.command;
    values.channel_messages = settings.channel_messages;
    std::cout << json_text(adapters::slack::app_manifest(values), 2) << "\n";
    return exit_ok;
}

}  // namespace

int run_slack_command(std::vector<std::string> const& argv) {
    Arguments args(argv, {"--help"}, {"--config", "--url", "--lang"});
    args.parse();
    auto const lang = cli_language(args);
    if (auto code = usage_instead_of_action(args, lang == Language::da ? usage_da : usage_en)) return *code;
    auto const& words = args.positionals();
    if (words.front() != "manifest" || words.size() != 1) {
        throw BotError(BotError::Kind::usage, say(lang, "ukendt slack-handling '", "unknown slack action '") + words.front() +
                                                  say(lang, "' (se superbot slack --help)", "' (see superbot slack --help)"));
    }
    return manifest(args);
}

}  // namespace superbruger::bot::channels::slack
