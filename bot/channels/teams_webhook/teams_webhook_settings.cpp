// TeamsWebhookSettings: read with the shared config reader.
#include "bot/channels/teams_webhook/teams_webhook_settings.hpp"

#include "bot/config_section.hpp"

namespace superbruger::bot::channels::teams_webhook {

namespace {

/// Lower-case letters, digits, - and _: it goes into the URL Teams is given.
bool valid_id(std::string const& id) {
    if (id.empty() || id.size() > 40) return false;
    for (char c : id) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
    }
    return true;
}

}  // namespace

std::vector<std::string> TeamsWebhookSettings::municipality_channels() const {
    std::vector<std::string> out;
    for (auto const& [municipality, env] : workflows) out.push_back(municipality);
    return out;
}

std::shared_ptr<ChannelSettings const> read_teams_webhook_settings(ConfigSection& r, std::filesystem::path const&) {
    auto c = std::make_shared<TeamsWebhookSettings>();
    r.read("enabled", c->on);
    r.read_environment_names("webhooks", c->webhooks, "webhook id");
    for (auto const& [id, env] : c->webhooks) {
        if (!valid_id(id)) config_fail(r.key_path("webhooks") + "." + id, "a webhook id is 1 to 40 of a-z, 0-9, - and _ (it goes into the URL)");
    }
    r.read_environment_names("workflows", c->workflows, "municipality");
    r.read("send_attempts", c->send_attempts, 1, 10);
    r.read("max_retry_wait_seconds", c->max_retry_wait, 1, 600);
    r.read("outbox_per_tenant_per_second", c->outbox_per_tenant_per_second, 1, 4);
    if (c->on && c->webhooks.empty() && c->workflows.empty()) {
        config_fail(r.key_path("webhooks"), "names no webhook (and workflows no channel), but teams_webhook.enabled is true");
    }
    r.refuse_unknown_keys();
    return c;
}

}  // namespace superbruger::bot::channels::teams_webhook
