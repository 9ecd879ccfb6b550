// TeamsSettings: read with the shared config reader.
#include "bot/channels/teams/teams_settings.hpp"

#include "bot/channels/registry.hpp"
#include "bot/config_section.hpp"

namespace superbruger::bot::channels::teams {

std::shared_ptr<ChannelSettings const> read_teams_settings(ConfigSection& r, std::filesystem::path const&) {
    auto c = std::make_shared<TeamsSettings>();
    r.read("app_id", c->app_id);
    r.read("app_password_env", c->app_password_env);
    r.read_url("openid_metadata_url", c->openid_metadata_url);
    r.read("issuer", c->issuer);
    r.read_url("token_url", c->token_url);
    r.read("token_scope", c->token_scope);
    r.read("allowed_service_url_hosts", c->allowed_service_url_hosts);
    if (c->allowed_service_url_hosts.empty()) config_fail(r.key_path("allowed_service_url_hosts"), "must name at least one host");
    r.read("clock_skew_seconds", c->clock_skew, 0, 600);
    r.read("key_refresh_min_interval_seconds", c->key_refresh_min_interval, 1, 86400);
    r.read("send_attempts", c->send_attempts, 1, 10);
    r.read("per_tenant_per_second", c->per_tenant_per_second, 1, 1000000);  // the top is for load tests
    r.read("outbox_per_tenant_per_second", c->outbox_per_tenant_per_second, 1, 1000000);
    r.read("max_retry_wait_seconds", c->max_retry_wait, 1, 600);
    if (c->enabled() && c->app_password_env.empty()) config_fail(r.key_path("app_password_env"), "must name an environment variable");
    if (c->enabled() && c->outbox_per_tenant_per_second > c->per_tenant_per_second) {
        config_fail(r.key_path("outbox_per_tenant_per_second"), "must not be more than teams.per_tenant_per_second (" +
                                                                    std::to_string(c->per_tenant_per_second) + "), which counts every post");
    }
    r.refuse_unknown_keys();
    return c;
}

TeamsSettings const& teams_settings(Config const& config) { return settings_of<TeamsSettings>(config, "teams"); }

}  // namespace superbruger::bot::channels::teams
