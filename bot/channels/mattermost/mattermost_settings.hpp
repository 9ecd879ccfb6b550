// MattermostSettings: the config file's "mattermost" section.
#pragma once

#include "bot/config.hpp"

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace superbruger::bot {
class ConfigSection;
}

namespace superbruger::bot::channels::mattermost {

/// Mattermost through outgoing webhooks, slash commands, interactive buttons and dialogs
/// (https://developers.mattermost.com/integrate/), and its REST API for dialogs and proactive
/// messages. Off unless `enabled`; then /api/mattermost/* is served.
struct MattermostSettings : ChannelSettings {
    bool on = false;  ///< the "enabled" key
    /// The server, for REST calls (https://your.mattermost/…). Plain http only to loopback: the
    /// bot token would go over it in clear text.
    std::string server_url;
    /// Environment variables, each holding one outgoing webhook's or slash command's token: every
    /// integration Mattermost creates gets a token of its own.
    std::vector<std::string> tokens_env = {"SUPERBOT_MATTERMOST_TOKEN"};
    /// The bot account's personal access token, for REST. Empty: no REST at all, so no proactive
    /// messages (the outbox parks them) and no dialogs.
    std::string bot_token_env;
    /// The secret put into every button's context and dialog's state: Mattermost signs neither.
    std::string action_secret_env = "SUPERBOT_MATTERMOST_ACTION_SECRET";
    /// The bot's own public base URL (https://bot.example.dk): buttons and dialogs post there.
    std::string public_url;
    /// Municipality (name or kommunenummer, as in the role directory) → the environment variable
    /// holding the URL of an incoming webhook into its channel (https://your.mattermost/hooks/…):
    /// announcements and reminders are posted there, also without a bot token.
    std::map<std::string, std::string> incoming_webhooks;
    int send_attempts = 4;                    ///< per REST call, for 429s, 5xx and transport failures
    std::chrono::seconds max_retry_wait{30};  ///< a longer wait gives up (the outbox tries later)

    // Mattermost's default limiter allows 10 requests per second per token
    // (https://docs.mattermost.com/configure/rate-limiting-configuration-settings.html); a message
    // to a person costs two (channels/direct, then posts).
    MattermostSettings() { outbox_per_tenant_per_second = 4; }
    bool enabled() const noexcept override { return on; }
    bool has_rest() const noexcept { return !bot_token_env.empty(); }
    std::vector<std::string> municipality_channels() const override;
};

/// Reads the section. Throws BotError{config} naming the key.
std::shared_ptr<ChannelSettings const> read_mattermost_settings(ConfigSection& section, std::filesystem::path const& base);

}  // namespace superbruger::bot::channels::mattermost
