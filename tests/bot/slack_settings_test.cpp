// The "slack" config section: off by default, the Web API base configurable, keys checked.
#include "bot/channels/slack/slack_settings.hpp"
#include "bot/config_section.hpp"
#include "bot/error.hpp"
#include "tests/support/config_error.hpp"

#include <catch2/catch.hpp>

using namespace superbruger::bot;
using superbruger::bot::channels::slack::read_slack_settings;
using superbruger::bot::channels::slack::SlackSettings;

namespace {
SlackSettings read(std::string const& text) {
    auto const doc = nlohmann::json::parse(text);
    ConfigSection section(doc, "slack");
    return static_cast<SlackSettings const&>(*read_slack_settings(section, "/etc/superbot"));
}

std::string error_of(std::string const& text) { return superbruger::tests::config_error_of(text, [](std::string const& t) { read(t); }); }
}  // namespace

TEST_CASE("Slack is off by default and points at slack.com with the documented env vars", "[bot][config][slack]") {
    auto const s = read("{}");
    CHECK_FALSE(s.enabled());
    CHECK(s.api_base_url == "https://slack.com/api/");
    CHECK(s.bot_token_env == "SUPERBOT_SLACK_BOT_TOKEN");
    CHECK(s.signing_secret_env == "SUPERBOT_SLACK_SIGNING_SECRET");
    CHECK(s.outbox_per_tenant_per_second == 1);
    CHECK_FALSE(s.channel_messages);
    CHECK(s.command == "/superbot");
    CHECK(s.look_up_emails);
}

TEST_CASE("Slack settings are read and checked", "[bot][config][slack]") {
    auto const s = read(R"({"enabled": true, "api_base_url": "http://127.0.0.1:9/api", "bot_user_id": "UBOT", "app_id": "A1",
                           "channel_messages": true, "send_attempts": 2, "outbox_per_tenant_per_second": 3,
                           "max_retry_wait_seconds": 5, "command": "/sb", "look_up_emails": false})");
    CHECK_FALSE(s.look_up_emails);
    CHECK(s.enabled());
    CHECK(s.api_base_url == "http://127.0.0.1:9/api/");  // the method name is appended
    CHECK(s.bot_user_id == "UBOT");
    CHECK(s.app_id == "A1");
    CHECK(s.channel_messages);
    CHECK(s.send_attempts == 2);
    CHECK(s.outbox_per_tenant_per_second == 3);
    CHECK(s.max_retry_wait == std::chrono::seconds(5));
    CHECK(s.command == "/sb");

    CHECK_THAT(error_of(R"({"enabled": "yes"})"), Catch::Contains("'slack.enabled'"));
    CHECK_THAT(error_of(R"({"api_base_url": "ftp://x"})"), Catch::Contains("'slack.api_base_url'"));
    CHECK_THAT(error_of(R"({"enabled": true, "bot_token_env": ""})"), Catch::Contains("'slack.bot_token_env'"));
    CHECK_THAT(error_of(R"({"enabled": true, "signing_secret_env": ""})"), Catch::Contains("'slack.signing_secret_env'"));
    CHECK_THAT(error_of(R"({"send_attempts": 0})"), Catch::Contains("'slack.send_attempts'"));
    CHECK_THAT(error_of(R"({"command": "superbot"})"), Catch::Contains("'slack.command'"));
    CHECK_THAT(error_of(R"({"bot_tokn_env": "X"})"), Catch::Contains("'slack.bot_tokn_env'"));
}
