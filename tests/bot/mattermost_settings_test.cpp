// The "mattermost" config section: off by default, REST optional, plain http only to loopback,
// keys checked.
#include "bot/channels/mattermost/mattermost_settings.hpp"
#include "bot/config_section.hpp"
#include "bot/error.hpp"
#include "tests/support/config_error.hpp"

#include <catch2/catch.hpp>

using namespace superbruger::bot;
using superbruger::bot::channels::mattermost::MattermostSettings;
using superbruger::bot::channels::mattermost::read_mattermost_settings;

namespace {
MattermostSettings read(std::string const& text) {
    auto const doc = nlohmann::json::parse(text);
    ConfigSection section(doc, "mattermost");
    return static_cast<MattermostSettings const&>(*read_mattermost_settings(section, "/etc/superbot"));
}

std::string error_of(std::string const& text) { return superbruger::tests::config_error_of(text, [](std::string const& t) { read(t); }); }

std::string const enabled = R"("enabled": true, "public_url": "https://bot.example.dk")";
}  // namespace

TEST_CASE("Mattermost is off by default, without REST, with the documented env vars", "[bot][config][mattermost]") {
    auto const s = read("{}");
    CHECK_FALSE(s.enabled());
    CHECK_FALSE(s.has_rest());
    CHECK(s.server_url.empty());
    CHECK(s.tokens_env == std::vector<std::string>{"SUPERBOT_MATTERMOST_TOKEN"});
    CHECK(s.action_secret_env == "SUPERBOT_MATTERMOST_ACTION_SECRET");
    CHECK(s.send_attempts == 4);
    CHECK(s.max_retry_wait == std::chrono::seconds(30));
}

TEST_CASE("Mattermost settings are read", "[bot][config][mattermost]") {
    auto const s = read(R"({"enabled": true, "server_url": "https://chat.example.dk/", "tokens_env": ["MM_HOOK", "MM_COMMAND"],
                           "bot_token_env": "MM_BOT", "action_secret_env": "MM_SECRET", "public_url": "https://bot.example.dk/",
                           "send_attempts": 2, "max_retry_wait_seconds": 5, "outbox_per_tenant_per_second": 3})");
    CHECK(s.enabled());
    CHECK(s.has_rest());
    CHECK(s.server_url == "https://chat.example.dk");  // REST paths are appended
    CHECK(s.tokens_env == std::vector<std::string>{"MM_HOOK", "MM_COMMAND"});
    CHECK(s.bot_token_env == "MM_BOT");
    CHECK(s.action_secret_env == "MM_SECRET");
    CHECK(s.public_url == "https://bot.example.dk");
    CHECK(s.send_attempts == 2);
    CHECK(s.max_retry_wait == std::chrono::seconds(5));
    CHECK(s.outbox_per_tenant_per_second == 3);
    CHECK(s.municipality_channels().empty());
}

TEST_CASE("Mattermost incoming webhooks are read per municipality, each its channel of announcements", "[bot][config][mattermost]") {
    auto const s = read(R"({"incoming_webhooks": {"Næstved": "MM_IN_NAESTVED", "492": "MM_IN_AEROE"}})");
    CHECK(s.incoming_webhooks.at("Næstved") == "MM_IN_NAESTVED");
    CHECK(s.municipality_channels() == std::vector<std::string>{"492", "Næstved"});
    CHECK_THAT(error_of(R"({"incoming_webhooks": ["X"]})"), Catch::Contains("'mattermost.incoming_webhooks'"));
    CHECK_THAT(error_of(R"({"incoming_webhooks": {"Næstved": ""}})"), Catch::Contains("mattermost.incoming_webhooks.Næstved"));
    CHECK_THAT(error_of(R"({"incoming_webhooks": {"": "X"}})"), Catch::Contains("mattermost.incoming_webhooks"));
}

TEST_CASE("Mattermost's server_url may be plain http only to loopback", "[bot][config][mattermost]") {
    CHECK(read(R"({"server_url": "http://127.0.0.1:8065"})").server_url == "http://127.0.0.1:8065");
    CHECK(read(R"({"server_url": "http://[::1]:8065/"})").server_url == "http://[::1]:8065");
    CHECK(read(R"({"server_url": "http://localhost"})").server_url == "http://localhost");
    CHECK(read(R"({"server_url": ""})").server_url.empty());  // as the example config shows it
    CHECK_THAT(error_of(R"({"server_url": "http://chat.example.dk"})"), Catch::Contains("'mattermost.server_url'") && Catch::Contains("loopback"));
    CHECK_THAT(error_of(R"({"server_url": "http://127.0.0.1.example.dk"})"), Catch::Contains("'mattermost.server_url'"));
    CHECK_THAT(error_of(R"({"server_url": "ftp://chat.example.dk"})"), Catch::Contains("'mattermost.server_url'"));
}

TEST_CASE("Mattermost settings are checked, naming the key", "[bot][config][mattermost]") {
    CHECK_THAT(error_of(R"({"enabled": "yes"})"), Catch::Contains("'mattermost.enabled'"));
    CHECK_THAT(error_of(R"({"tokens_env": "MM_HOOK"})"), Catch::Contains("'mattermost.tokens_env'"));
    CHECK_THAT(error_of("{" + enabled + R"(, "tokens_env": []})"), Catch::Contains("'mattermost.tokens_env'"));
    CHECK_THAT(error_of("{" + enabled + R"(, "tokens_env": [""]})"), Catch::Contains("'mattermost.tokens_env'"));
    CHECK_THAT(error_of("{" + enabled + R"(, "action_secret_env": ""})"), Catch::Contains("'mattermost.action_secret_env'"));
    CHECK_THAT(error_of(R"({"enabled": true})"), Catch::Contains("'mattermost.public_url'"));
    CHECK_THAT(error_of(R"({"public_url": "bot.example.dk"})"), Catch::Contains("'mattermost.public_url'"));
    CHECK_THAT(error_of(R"({"enabled": true, "public_url": ""})"), Catch::Contains("'mattermost.public_url'"));
    CHECK_THAT(error_of(R"({"public_url": 7})"), Catch::Contains("'mattermost.public_url'"));
    CHECK_THAT(error_of("{" + enabled + R"(, "bot_token_env": "MM_BOT"})"), Catch::Contains("'mattermost.server_url'"));
    CHECK_THAT(error_of(R"({"send_attempts": 0})"), Catch::Contains("'mattermost.send_attempts'"));
    CHECK_THAT(error_of(R"({"max_retry_wait_seconds": 601})"), Catch::Contains("'mattermost.max_retry_wait_seconds'"));
    CHECK_THAT(error_of(R"({"outbox_per_tenant_per_second": 0})"), Catch::Contains("'mattermost.outbox_per_tenant_per_second'"));
    CHECK_THAT(error_of(R"({"bot_tokn_env": "X"})"), Catch::Contains("'mattermost.bot_tokn_env'"));
    // Enabled and complete: accepted.
    CHECK(read("{" + enabled + "}").enabled());
}
