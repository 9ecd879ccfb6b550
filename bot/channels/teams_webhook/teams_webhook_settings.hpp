// TeamsWebhookSettings: the config file's "teams_webhook" section.
#pragma once

#include "bot/config.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <string>

namespace superbruger::bot {
class ConfigSection;
}

namespace superbruger::bot::channels::teams_webhook {

/// Teams outgoing webhooks, for teams that cannot register a Bot Framework bot. Off unless
/// `enabled`; then POST /api/teams/webhook?id=<id> is served for each configured webhook.
struct TeamsWebhookSettings : ChannelSettings {
    bool on = false;  ///< the "enabled" key
    /// Webhook id (the URL's ?id=) → the environment variable holding its security token. Each
    /// team that adds the webhook gets its own token from Teams.
    std::map<std::string, std::string> webhooks;
    bool enabled() const noexcept override { return on; }
};

/// Reads the section. Throws BotError{config} naming the key.
std::shared_ptr<ChannelSettings const> read_teams_webhook_settings(ConfigSection& section, std::filesystem::path const& base);

}  // namespace superbruger::bot::channels::teams_webhook
