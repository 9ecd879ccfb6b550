// SlackSettings: the config file's "slack" section.
#pragma once

#include "bot/config.hpp"

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

namespace superbruger::bot {
class ConfigSection;
}

namespace superbruger::bot::channels::slack {

/// Slack through the Events API and the Web API (https://docs.slack.dev/apis). Off unless
/// `enabled` is true; then /api/slack/* is served and both secrets must be in the environment.
struct SlackSettings : ChannelSettings {
    bool on = false;                                                      ///< the "enabled" key
    std::string bot_token_env = "SUPERBOT_SLACK_BOT_TOKEN";               ///< xoxb-…, from the environment
    std::string signing_secret_env = "SUPERBOT_SLACK_SIGNING_SECRET";     ///< from the environment
    std::string api_base_url = "https://slack.com/api/";                 ///< Web API methods are <base><method>
    std::string bot_user_id;   ///< U…; empty: read from each event's authorizations
    std::string app_id;        ///< A…; when set, payloads for other apps are ignored
    bool channel_messages = false;  ///< answer channel messages without a mention (message.channels)
    /// Read each sender's e-mail with users.info (scope users:read.email), so a person the
    /// directory knows by e-mail but not by Slack user id is recognised.
    bool look_up_emails = true;
    std::string command = "/superbot";  ///< the slash command in the app manifest
    int send_attempts = 4;              ///< per Web API call, for 429 and transport failures
    std::chrono::seconds max_retry_wait{30};  ///< a longer Retry-After gives up (the outbox tries later)

    // chat.postMessage allows about one message per second per channel, with short bursts
    // (https://api.slack.com/methods/chat.postMessage#rate_limiting); the outbox keeps to that.
    SlackSettings() { outbox_per_tenant_per_second = 1; }
    bool enabled() const noexcept override { return on; }
};

/// Reads the section. Throws BotError{config} naming the key.
std::shared_ptr<ChannelSettings const> read_slack_settings(ConfigSection& section, std::filesystem::path const& base);

/// The settings in `config`.
SlackSettings const& slack_settings(Config const& config);

}  // namespace superbruger::bot::channels::slack
