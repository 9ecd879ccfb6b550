// The one config loader: strict JSON reading with key paths in every error.
#include "bot/config.hpp"

#include <algorithm>

#include "bot/channels/registry.hpp"
#include "bot/config_section.hpp"
#include "bot/error.hpp"
#include "bot/install_paths.hpp"
#include "bot/log.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace superbruger::bot {

namespace {

using nlohmann::json;

void read_server(ConfigSection& r, ServerConfig& c, std::filesystem::path const& base) {
    r.read("address", c.address);
    if (c.address.empty()) config_fail(r.key_path("address"), "must not be empty");
    r.read("port", c.port, 0, 65535);  // 0 = any free port (tests)
    r.read("max_body_bytes", c.max_body_bytes, 1024, 64LL * 1024 * 1024);
    r.read("max_connections", c.max_connections, 1, 100000);
    r.read("max_connections_per_ip", c.max_connections_per_ip, 0, 100000);
    r.read("first_byte_timeout_seconds", c.first_byte_timeout, 1, 600);
    r.read("request_timeout_seconds", c.request_timeout, 1, 600);
    r.read("idle_timeout_seconds", c.idle_timeout, 1, 3600);
    r.read("shutdown_grace_seconds", c.shutdown_grace, 0, 600);
    r.read("pid_file", c.pid_file, base);
    r.refuse_unknown_keys();
}

void read_knowledge(ConfigSection& r, KnowledgeConfig& c, std::filesystem::path const& base) {
    r.read("bundled_dir", c.bundled_dir, base);
    r.read("local_dirs", c.local_dirs, base);
    r.read("min_confidence", c.min_confidence, 0.0, 1.0);
    r.read("max_answer_chars", c.max_answer_chars, 200, 4000);
    r.read("keep_answers_days", c.keep_answers_days, 1, 3650);
    r.refuse_unknown_keys();
}

}  // namespace

Config parse_config(std::string const& text, std::filesystem::path const& base) {
    Config config;
    config.knowledge.bundled_dir = bundled_knowledge_dir();
    json doc;
    try {
        doc = json::parse(text, nullptr, /*allow_exceptions=*/true, /*ignore_comments=*/true);
    } catch (json::parse_error const& e) {
        throw BotError(BotError::Kind::config,
                       "config: not valid JSON near byte " + std::to_string(e.byte) + " (" + e.what() + ")");
    } catch (json::exception const& e) {
        // A number too large for a double is out_of_range (406), not a parse_error (found by fuzz_config).
        throw BotError(BotError::Kind::config, std::string("config: not valid JSON (") + e.what() + ")");
    }

    ConfigSection top(doc, "");
    if (auto r = top.object("server")) read_server(*r, config.server, base);
    if (auto r = top.object("storage")) {
        r->read("database", config.storage.database);
        if (config.storage.database.empty()) config_fail("storage.database", "must not be empty");
        if (config.storage.database != ":memory:") config.storage.database = (base / config.storage.database).string();
        r->refuse_unknown_keys();
    }
    if (auto r = top.object("knowledge")) read_knowledge(*r, config.knowledge, base);
    if (auto r = top.object("http_client")) {
        r->read("ca_file", config.http_client.ca_file, base);
        r->read("connect_timeout_seconds", config.http_client.connect_timeout, 1, 120);
        r->read("request_timeout_seconds", config.http_client.request_timeout, 1, 600);
        r->read("https_proxy", config.http_client.https_proxy);
        if (!config.http_client.https_proxy.empty() && config.http_client.https_proxy.rfind("http://", 0) != 0) {
            config_fail("http_client.https_proxy", "must be an http:// URL of the proxy (http://host:port)");
        }
        r->read("no_proxy", config.http_client.no_proxy);
        r->refuse_unknown_keys();
    }
    // Each platform reads its own section, also when the file has none (its defaults).
    static json const no_settings = json::object();
    for (auto const& channel : channels::registered_channels()) {
        auto section = top.object(channel.platform);
        ConfigSection defaults(no_settings, channel.platform);
        config.channels[channel.platform] = channel.read_settings(section ? *section : defaults, base);
    }
    if (auto r = top.object("change_requests")) {
        long long minutes = config.change_requests.dialog_timeout.count();
        r->read("dialog_timeout_minutes", minutes, 1, 7 * 24 * 60);
        config.change_requests.dialog_timeout = std::chrono::minutes(minutes);
        r->refuse_unknown_keys();
    }
    if (auto r = top.object("releases")) {
        if (auto const* v = r->find("reminder_offsets_days")) {
            if (!v->is_array()) config_fail("releases.reminder_offsets_days", "must be a list of whole numbers of days");
            config.releases.reminder_offsets_days.clear();
            for (std::size_t i = 0; i < v->size(); ++i) {
                auto const& d = (*v)[i];
                if (!d.is_number_integer() || d.get<long long>() < 0 || d.get<long long>() > 365) {
                    config_fail("releases.reminder_offsets_days[" + std::to_string(i) + "]", "must be a whole number of days from 0 to 365");
                }
                config.releases.reminder_offsets_days.push_back(d.get<int>());
            }
        }
        r->read("reminder_check_seconds", config.releases.reminder_check_interval, 10, 3600);
        r->refuse_unknown_keys();
    }
    if (auto r = top.object("outbox")) {
        r->read("poll_interval_seconds", config.outbox.poll_interval, 1, 300);
        r->read("max_attempts", config.outbox.max_attempts, 1, 100);
        if (r->find("per_tenant_per_second")) {
            config_fail("outbox.per_tenant_per_second", "has moved into each platform's section (teams.outbox_per_tenant_per_second, …): "
                                                        "each platform has its own limit");
        }
        r->read("keep_sent_days", config.outbox.keep_sent_days, 1, 3650);
        r->refuse_unknown_keys();
    }
    // A sent message's key stops the same reminder from being queued again while that reminder
    // is the latest one due, which lasts at most the largest offset.
    auto const& offsets = config.releases.reminder_offsets_days;
    if (auto const largest = offsets.empty() ? 0 : *std::max_element(offsets.begin(), offsets.end()); config.outbox.keep_sent_days <= largest) {
        config_fail("outbox.keep_sent_days", "must be more than the largest releases.reminder_offsets_days (" + std::to_string(largest) + ")");
    }
    if (auto r = top.object("log")) {
        r->read("level", config.log.level);
        try {
            log::parse_level(config.log.level);
        } catch (BotError const&) {
            config_fail("log.level", "must be debug, info, warn or error");
        }
        r->refuse_unknown_keys();
    }
    if (auto r = top.object("cli")) {
        r->read("language", config.cli.language);
        if (config.cli.language != "da" && config.cli.language != "en") config_fail("cli.language", "must be da or en");
        r->refuse_unknown_keys();
    }
    top.refuse_unknown_keys();
    return config;
}

std::vector<MunicipalityChannel> municipality_channels(Config const& config) {
    std::vector<MunicipalityChannel> out;
    for (auto const& [platform, settings] : config.channels) {
        if (!settings->enabled()) continue;
        for (auto& municipality : settings->municipality_channels()) out.push_back({platform, std::move(municipality)});
    }
    return out;
}

Config load_config(std::optional<std::filesystem::path> const& file) {
    if (!file) return parse_config("{}", std::filesystem::current_path());  // every default, each platform's too
    std::ifstream in(*file, std::ios::binary);
    if (!in) throw BotError(BotError::Kind::config, "config: cannot read " + file->string());
    std::ostringstream text;
    text << in.rdbuf();
    return parse_config(text.str(), file->parent_path());
}

}  // namespace superbruger::bot
