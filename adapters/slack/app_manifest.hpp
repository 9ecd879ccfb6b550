// The Slack app manifest (JSON) for the bot, to paste into "Create an app → From a manifest"
// (https://docs.slack.dev/reference/app-manifest). Built from the config, so the request URLs,
// scopes and command always match what the running bot serves.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace superbruger::adapters::slack {

/// The paths the bot serves Slack's requests on, under the public base URL.
inline constexpr char const* events_path = "/api/slack/events";
inline constexpr char const* commands_path = "/api/slack/commands";
inline constexpr char const* interactivity_path = "/api/slack/interactivity";

struct ManifestSettings {
    std::string bot_name = "Superbruger-bot";
    std::string description = "Svar om roller, rettigheder og releases for superbrugere";
    std::string public_base_url;        ///< https://bot.example.dk (no trailing slash needed)
    std::string command = "/superbot";
    bool channel_messages = false;      ///< also subscribe to message.channels (scope channels:history)
    bool read_emails = true;            ///< scope users:read.email, to link a Slack user to the directory
};

nlohmann::json app_manifest(ManifestSettings const& settings);

}  // namespace superbruger::adapters::slack
