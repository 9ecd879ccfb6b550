// TeamsWebhookSettings: the config file's "teams_webhook" section.
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

namespace superbruger::bot::channels::teams_webhook {

/// Teams outgoing webhooks, for teams that cannot register a Bot Framework bot. Off unless
/// `enabled`; then POST /api/teams/webhook?id=<id> is served for each configured webhook, and
/// announcements and reminders are posted to each municipality's Workflows URL.
struct TeamsWebhookSettings : ChannelSettings {
    bool on = false;  ///< the "enabled" key
    /// Webhook id (the URL's ?id=) → the environment variable holding its security token. Each
    /// team that adds the webhook gets its own token from Teams.
    std::map<std::string, std::string> webhooks;
    /// Municipality (name or kommunenummer, as in the role directory) → the environment variable
    /// holding the URL of its channel's Workflows flow ("Post to a channel when a webhook request
    /// is received") or incoming webhook. The URL carries its own signature: it is a secret.
    std::map<std::string, std::string> workflows;
    int send_attempts = 4;                    ///< per post, for 429s, 5xx and transport failures
    std::chrono::seconds max_retry_wait{30};  ///< a longer wait gives up (the outbox tries later)

    // A connector takes at most 4 posts a second and 60 in 30 seconds
    // (https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using#rate-limiting-for-connectors);
    // each channel is its own tenant in the outbox.
    TeamsWebhookSettings() { outbox_per_tenant_per_second = 1; }
    bool enabled() const noexcept override { return on; }
    std::vector<std::string> municipality_channels() const override;
};

/// Reads the section. Throws BotError{config} naming the key.
std::shared_ptr<ChannelSettings const> read_teams_webhook_settings(ConfigSection& section, std::filesystem::path const& base);

}  // namespace superbruger::bot::channels::teams_webhook
