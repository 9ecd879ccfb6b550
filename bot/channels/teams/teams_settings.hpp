// TeamsSettings: the config file's "teams" section.
#pragma once

#include "bot/config.hpp"

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace superbruger::bot {
class ConfigSection;
}

namespace superbruger::bot::channels::teams {

/// Microsoft Teams through the Bot Framework (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference). Off while app_id
/// is empty; then /api/messages is not served.
struct TeamsSettings : ChannelSettings {
    std::string app_id;                                  ///< the bot's Microsoft App ID (a GUID)
    std::string app_password_env = "SUPERBOT_TEAMS_APP_PASSWORD";  ///< secret comes from the environment
    std::string openid_metadata_url = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    std::string issuer = "https://api.botframework.com";
    std::string token_url = "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token";
    std::string token_scope = "https://api.botframework.com/.default";
    /// Hosts a serviceUrl may name; "*.example.com" also matches sub-domains. Our bearer token is
    /// sent only there.
    std::vector<std::string> allowed_service_url_hosts = {"smba.trafficmanager.net", "*.botframework.com",
                                                          "smba.infra.gcc.teams.microsoft.com",
                                                          "smba.infra.gov.teams.microsoft.us"};
    std::chrono::seconds clock_skew{300};
    std::chrono::seconds key_refresh_min_interval{3600};  ///< unknown kid: refetch keys at most this often
    int send_attempts = 4;                                 ///< per outbound call, for 429/412/5xx
    int per_tenant_per_second = 45;                        ///< every post to one tenant; Teams allows 50
    std::chrono::seconds max_retry_wait{30};               ///< a longer Retry-After gives up

    TeamsSettings() { outbox_per_tenant_per_second = 40; }  // under the 45 above: replies keep room
    bool enabled() const noexcept override { return !app_id.empty(); }
};

/// Reads the section. Throws BotError{config} naming the key.
std::shared_ptr<ChannelSettings const> read_teams_settings(ConfigSection& section, std::filesystem::path const& base);

/// The settings in `config`.
TeamsSettings const& teams_settings(Config const& config);

}  // namespace superbruger::bot::channels::teams
