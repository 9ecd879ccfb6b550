// MattermostSettings: read with the shared config reader.
#include "bot/channels/mattermost/mattermost_settings.hpp"

#include "bot/config_section.hpp"
#include "bot/http/loopback.hpp"

namespace superbruger::bot::channels::mattermost {

namespace {

/// The host of an http:// URL: "[::1]" as "::1", without port and path. (Not http::Url::parse:
/// the fuzz build reads settings without the HTTP client.)
std::string host_of(std::string const& url) {
    auto const rest = url.substr(url.find("://") + 3);
    if (rest.starts_with('[')) return rest.substr(1, rest.find(']') - 1);
    return rest.substr(0, rest.find_first_of(":/?#"));
}

/// A URL, or "" for none (the example config shows the empty defaults); without a trailing '/',
/// as paths are appended ("<server>/api/v4/posts", "<public>/api/mattermost/action").
void read_optional_url(ConfigSection& r, std::string const& key, std::string& out) {
    auto const* v = r.find(key);
    if (v == nullptr || (v->is_string() && v->get<std::string>().empty())) return;
    r.read_url(key, out);
    while (out.ends_with('/')) out.pop_back();
}

/// The HTTP client refuses plain http off loopback only when it connects; the config is where
/// the mistake is made, so it is refused here, naming the key.
void read_server_url(ConfigSection& r, std::string& out) {
    read_optional_url(r, "server_url", out);
    if (!out.starts_with("http://")) return;
    if (http::is_loopback_host(host_of(out))) return;
    config_fail(r.key_path("server_url"), "may use plain http only to loopback (127.0.0.1, ::1, localhost): the bot token would travel in clear text");
}

}  // namespace

std::vector<std::string> MattermostSettings::municipality_channels() const {
    std::vector<std::string> out;
    for (auto const& [municipality, env] : incoming_webhooks) out.push_back(municipality);
    return out;
}

std::shared_ptr<ChannelSettings const> read_mattermost_settings(ConfigSection& r, std::filesystem::path const&) {
    auto c = std::make_shared<MattermostSettings>();
    r.read("enabled", c->on);
    read_server_url(r, c->server_url);
    r.read("tokens_env", c->tokens_env);
    r.read("bot_token_env", c->bot_token_env);
    r.read("action_secret_env", c->action_secret_env);
    read_optional_url(r, "public_url", c->public_url);
    r.read_environment_names("incoming_webhooks", c->incoming_webhooks, "municipality");
    r.read("send_attempts", c->send_attempts, 1, 10);
    r.read("max_retry_wait_seconds", c->max_retry_wait, 1, 600);
    r.read("outbox_per_tenant_per_second", c->outbox_per_tenant_per_second, 1, 1000000);  // the top is for load tests
    if (c->on) {
        if (c->tokens_env.empty()) config_fail(r.key_path("tokens_env"), "names no environment variable, but mattermost.enabled is true");
        for (auto const& env : c->tokens_env) {
            if (env.empty()) config_fail(r.key_path("tokens_env"), "must name environment variables (one is empty)");
        }
        if (c->action_secret_env.empty()) config_fail(r.key_path("action_secret_env"), "must name an environment variable");
        if (c->public_url.empty()) config_fail(r.key_path("public_url"), "must be the bot's public base URL: buttons and dialogs post there");
        if (c->has_rest() && c->server_url.empty()) config_fail(r.key_path("server_url"), "must name the Mattermost server when bot_token_env is set");
    }
    r.refuse_unknown_keys();
    return c;
}

}  // namespace superbruger::bot::channels::mattermost
