// SlackSettings: read with the shared config reader.
#include "bot/channels/slack/slack_settings.hpp"

#include "bot/channels/registry.hpp"
#include "bot/config_section.hpp"

namespace superbruger::bot::channels::slack {

namespace {

void require_env_name(ConfigSection& r, SlackSettings const& c, std::string const& key, std::string const& value) {
    if (c.enabled() && value.empty()) config_fail(r.key_path(key), "must name an environment variable");
}

}  // namespace

std::shared_ptr<ChannelSettings const> read_slack_settings(ConfigSection& r, std::filesystem::path const&) {
    auto c = std::make_shared<SlackSettings>();
    r.read("enabled", c->on);
    r.read("bot_token_env", c->bot_token_env);
    r.read("signing_secret_env", c->signing_secret_env);
    r.read_url("api_base_url", c->api_base_url);
    if (!c->api_base_url.ends_with('/')) c->api_base_url += '/';
    r.read("bot_user_id", c->bot_user_id);
    r.read("app_id", c->app_id);
    r.read("channel_messages", c->channel_messages);
    r.read("look_up_emails", c->look_up_emails);
    r.read("command", c->command);
    if (!c->command.starts_with('/') || c->command.size() < 2) config_fail(r.key_path("command"), "must start with / (\"/superbot\")");
    r.read("send_attempts", c->send_attempts, 1, 10);
    r.read("outbox_per_tenant_per_second", c->outbox_per_tenant_per_second, 1, 1000000);  // the top is for load tests
    r.read("max_retry_wait_seconds", c->max_retry_wait, 1, 600);
    require_env_name(r, *c, "bot_token_env", c->bot_token_env);
    require_env_name(r, *c, "signing_secret_env", c->signing_secret_env);
    r.refuse_unknown_keys();
    return c;
}

SlackSettings const& slack_settings(Config const& config) { return settings_of<SlackSettings>(config, "slack"); }

}  // namespace superbruger::bot::channels::slack
