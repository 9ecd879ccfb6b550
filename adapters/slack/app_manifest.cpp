// The Slack app manifest.
#include "adapters/slack/app_manifest.hpp"

namespace superbruger::adapters::slack {

nlohmann::json app_manifest(ManifestSettings const& s) {
    using nlohmann::json;
    std::string base = s.public_base_url;
    while (!base.empty() && base.back() == '/') base.pop_back();

    // Bot scopes: chat:write (answers), im:history + im:write (DMs, conversations.open for
    // reminders), app_mentions:read, commands (the slash command), users:read (+ .email) for the
    // directory link (https://docs.slack.dev/reference/scopes).
    json scopes = {"app_mentions:read", "chat:write", "commands", "im:history", "im:write", "users:read"};
    if (s.read_emails) scopes.push_back("users:read.email");
    json events = {"app_mention", "message.im"};
    if (s.channel_messages) {
        scopes.push_back("channels:history");
        events.push_back("message.channels");
    }
    return {
        {"_metadata", {{"major_version", 1}, {"minor_version", 1}}},
        {"display_information", {{"name", s.bot_name}, {"description", s.description}}},
        {"features",
         {{"app_home", {{"home_tab_enabled", false}, {"messages_tab_enabled", true}, {"messages_tab_read_only_enabled", false}}},
          {"bot_user", {{"display_name", s.bot_name}, {"always_online", true}}},
          {"slash_commands",
           json::array({{{"command", s.command},
                         {"url", base + commands_path},
                         {"description", "Spørg Superbruger-bot"},
                         {"usage_hint", "[spørgsmål] eller hjælp"},
                         {"should_escape", false}}})}}},
        {"oauth_config", {{"scopes", {{"bot", scopes}}}}},
        {"settings",
         {{"event_subscriptions", {{"request_url", base + events_path}, {"bot_events", events}}},
          {"interactivity", {{"is_enabled", true}, {"request_url", base + interactivity_path}}},
          {"org_deploy_enabled", false},
          {"socket_mode_enabled", false},
          {"token_rotation_enabled", false}}},
    };
}

}  // namespace superbruger::adapters::slack
