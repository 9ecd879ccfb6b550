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

std::shared_ptr<ChannelSettings const> read_teams_webhook_settings(ConfigSection& r, std::filesystem::path const&) {
    auto c = std::make_shared<TeamsWebhookSettings>();
    r.read("enabled", c->on);
    if (auto const* hooks = r.find("webhooks")) {
        auto const path = r.key_path("webhooks");
        if (!hooks->is_object()) config_fail(path, "must be an object of webhook id → environment variable of its security token");
        for (auto const& [id, env] : hooks->items()) {
            if (!valid_id(id)) config_fail(path + "." + id, "a webhook id is 1 to 40 of a-z, 0-9, - and _ (it goes into the URL)");
            if (!env.is_string() || env.get<std::string>().empty()) config_fail(path + "." + id, "must name an environment variable");
            c->webhooks[id] = env.get<std::string>();
        }
    }
    if (c->on && c->webhooks.empty()) config_fail(r.key_path("webhooks"), "names no webhook, but teams_webhook.enabled is true");
    r.refuse_unknown_keys();
    return c;
}

}  // namespace superbruger::bot::channels::teams_webhook
