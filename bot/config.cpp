// The one config loader: strict JSON reading with key paths in every error.
#include "bot/config.hpp"

#include <algorithm>

#include "bot/error.hpp"
#include "bot/install_paths.hpp"
#include "bot/log.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <limits>
#include <set>
#include <sstream>

namespace superbruger::bot {

namespace {

using nlohmann::json;

[[noreturn]] void fail(std::string const& path, std::string const& message) {
    throw BotError(BotError::Kind::config, "config: '" + path + "' " + message);
}

/// Reads the keys of one JSON object, remembering which were read so that leftovers (typos,
/// keys of another version) are refused instead of silently ignored.
class ObjectReader {
public:
    ObjectReader(json const& object, std::string path) : object_(object), path_(std::move(path)) {
        if (!object_.is_object()) fail(path_.empty() ? "(top level)" : path_, "must be an object");
    }

    std::string key_path(std::string const& key) const { return path_.empty() ? key : path_ + "." + key; }

    json const* find(std::string const& key) {
        known_.insert(key);
        auto it = object_.find(key);
        return it == object_.end() ? nullptr : &*it;
    }

    void read(std::string const& key, std::string& out) {
        if (auto const* v = find(key)) {
            if (!v->is_string()) fail(key_path(key), "must be a string");
            out = v->get<std::string>();
        }
    }

    template <typename Int>
    void read(std::string const& key, Int& out, long long min, long long max) {
        if (auto const* v = find(key)) {
            if (!v->is_number_integer() || v->get<long long>() < min || v->get<long long>() > max) {
                fail(key_path(key), "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
            }
            out = static_cast<Int>(v->get<long long>());
        }
    }

    void read(std::string const& key, std::chrono::seconds& out, long long min, long long max) {
        long long seconds = out.count();
        read(key, seconds, min, max);
        out = std::chrono::seconds(seconds);
    }

    void read(std::string const& key, double& out, double min, double max) {
        if (auto const* v = find(key)) {
            if (!v->is_number() || v->get<double>() < min || v->get<double>() > max) {
                fail(key_path(key), "must be a number from " + std::to_string(min) + " to " + std::to_string(max));
            }
            out = v->get<double>();
        }
    }

    void read(std::string const& key, std::filesystem::path& out, std::filesystem::path const& base) {
        std::string s;
        read(key, s);
        if (!s.empty()) out = base / s;
    }

    void read(std::string const& key, std::vector<std::filesystem::path>& out, std::filesystem::path const& base) {
        if (auto const* v = find(key)) {
            if (!v->is_array()) fail(key_path(key), "must be a list of folder names");
            out.clear();
            for (std::size_t i = 0; i < v->size(); ++i) {
                if (!(*v)[i].is_string()) fail(key_path(key) + "[" + std::to_string(i) + "]", "must be a string");
                out.push_back(base / (*v)[i].get<std::string>());
            }
        }
    }

    void read(std::string const& key, std::vector<std::string>& out) {
        if (auto const* v = find(key)) {
            if (!v->is_array()) fail(key_path(key), "must be a list of strings");
            out.clear();
            for (std::size_t i = 0; i < v->size(); ++i) {
                if (!(*v)[i].is_string()) fail(key_path(key) + "[" + std::to_string(i) + "]", "must be a string");
                out.push_back((*v)[i].get<std::string>());
            }
        }
    }

    /// A nested object; absent means "all defaults".
    std::optional<ObjectReader> object(std::string const& key) {
        if (auto const* v = find(key)) return ObjectReader(*v, key_path(key));
        return std::nullopt;
    }

    void refuse_unknown_keys() const {
        for (auto const& [key, value] : object_.items()) {
            if (!known_.contains(key)) fail(key_path(key), "is not a known setting (see deploy/config.example.json)");
        }
    }

private:
    json const& object_;
    std::string path_;
    std::set<std::string> known_;
};

void read_server(ObjectReader& r, ServerConfig& c, std::filesystem::path const& base) {
    r.read("address", c.address);
    if (c.address.empty()) fail(r.key_path("address"), "must not be empty");
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

void read_knowledge(ObjectReader& r, KnowledgeConfig& c, std::filesystem::path const& base) {
    r.read("bundled_dir", c.bundled_dir, base);
    r.read("local_dirs", c.local_dirs, base);
    r.read("min_confidence", c.min_confidence, 0.0, 1.0);
    r.read("max_answer_chars", c.max_answer_chars, 200, 4000);
    r.read("keep_answers_days", c.keep_answers_days, 1, 3650);
    r.refuse_unknown_keys();
}

void read_url(ObjectReader& r, std::string const& key, std::string& out) {
    r.read(key, out);
    if (out.rfind("https://", 0) != 0 && out.rfind("http://", 0) != 0) fail(r.key_path(key), "must be an http(s) URL");
}

void read_teams(ObjectReader& r, TeamsConfig& c) {
    r.read("app_id", c.app_id);
    r.read("app_password_env", c.app_password_env);
    read_url(r, "openid_metadata_url", c.openid_metadata_url);
    r.read("issuer", c.issuer);
    read_url(r, "token_url", c.token_url);
    r.read("token_scope", c.token_scope);
    r.read("allowed_service_url_hosts", c.allowed_service_url_hosts);
    if (c.allowed_service_url_hosts.empty()) fail(r.key_path("allowed_service_url_hosts"), "must name at least one host");
    r.read("clock_skew_seconds", c.clock_skew, 0, 600);
    r.read("key_refresh_min_interval_seconds", c.key_refresh_min_interval, 1, 86400);
    r.read("send_attempts", c.send_attempts, 1, 10);
    r.read("per_tenant_per_second", c.per_tenant_per_second, 1, 1000000);  // the top is for load tests
    r.read("max_retry_wait_seconds", c.max_retry_wait, 1, 600);
    if (c.enabled() && c.app_password_env.empty()) fail(r.key_path("app_password_env"), "must name an environment variable");
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

    ObjectReader top(doc, "");
    if (auto r = top.object("server")) read_server(*r, config.server, base);
    if (auto r = top.object("storage")) {
        r->read("database", config.storage.database);
        if (config.storage.database.empty()) fail("storage.database", "must not be empty");
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
            fail("http_client.https_proxy", "must be an http:// URL of the proxy (http://host:port)");
        }
        r->read("no_proxy", config.http_client.no_proxy);
        r->refuse_unknown_keys();
    }
    if (auto r = top.object("teams")) read_teams(*r, config.teams);
    if (auto r = top.object("change_requests")) {
        long long minutes = config.change_requests.dialog_timeout.count();
        r->read("dialog_timeout_minutes", minutes, 1, 7 * 24 * 60);
        config.change_requests.dialog_timeout = std::chrono::minutes(minutes);
        r->refuse_unknown_keys();
    }
    if (auto r = top.object("releases")) {
        if (auto const* v = r->find("reminder_offsets_days")) {
            if (!v->is_array()) fail("releases.reminder_offsets_days", "must be a list of whole numbers of days");
            config.releases.reminder_offsets_days.clear();
            for (std::size_t i = 0; i < v->size(); ++i) {
                auto const& d = (*v)[i];
                if (!d.is_number_integer() || d.get<long long>() < 0 || d.get<long long>() > 365) {
                    fail("releases.reminder_offsets_days[" + std::to_string(i) + "]", "must be a whole number of days from 0 to 365");
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
        r->read("per_tenant_per_second", config.outbox.per_tenant_per_second, 1, 1000);
        r->read("keep_sent_days", config.outbox.keep_sent_days, 1, 3650);
        r->refuse_unknown_keys();
    }
    if (config.teams.enabled() && config.outbox.per_tenant_per_second > config.teams.per_tenant_per_second) {
        fail("outbox.per_tenant_per_second", "must not be more than teams.per_tenant_per_second (" +
                                                 std::to_string(config.teams.per_tenant_per_second) + "), which counts every post");
    }
    // A sent message's key stops the same reminder from being queued again while that reminder
    // is the latest one due, which lasts at most the largest offset.
    auto const& offsets = config.releases.reminder_offsets_days;
    if (auto const largest = offsets.empty() ? 0 : *std::max_element(offsets.begin(), offsets.end()); config.outbox.keep_sent_days <= largest) {
        fail("outbox.keep_sent_days", "must be more than the largest releases.reminder_offsets_days (" + std::to_string(largest) + ")");
    }
    if (auto r = top.object("log")) {
        r->read("level", config.log.level);
        try {
            log::parse_level(config.log.level);
        } catch (BotError const&) {
            fail("log.level", "must be debug, info, warn or error");
        }
        r->refuse_unknown_keys();
    }
    if (auto r = top.object("cli")) {
        r->read("language", config.cli.language);
        if (config.cli.language != "da" && config.cli.language != "en") fail("cli.language", "must be da or en");
        r->refuse_unknown_keys();
    }
    top.refuse_unknown_keys();
    return config;
}

Config load_config(std::optional<std::filesystem::path> const& file) {
    if (!file) {
        Config config;
        config.knowledge.bundled_dir = bundled_knowledge_dir();
        return config;
    }
    std::ifstream in(*file, std::ios::binary);
    if (!in) throw BotError(BotError::Kind::config, "config: cannot read " + file->string());
    std::ostringstream text;
    text << in.rdbuf();
    return parse_config(text.str(), file->parent_path());
}

}  // namespace superbruger::bot
