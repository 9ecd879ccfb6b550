// The teams_webhook config section: off by default, webhook ids that fit a URL, env var names.
#include "bot/channels/teams_webhook/teams_webhook_settings.hpp"
#include "bot/config_section.hpp"
#include "bot/error.hpp"
#include "tests/support/config_error.hpp"

#include <catch2/catch.hpp>

using namespace superbruger::bot;
using superbruger::bot::channels::teams_webhook::TeamsWebhookSettings;

namespace {
TeamsWebhookSettings read(std::string const& text) {
    auto const doc = nlohmann::json::parse(text);
    ConfigSection section(doc, "teams_webhook");
    return static_cast<TeamsWebhookSettings const&>(*channels::teams_webhook::read_teams_webhook_settings(section, "/etc/superbot"));
}

std::string error_of(std::string const& text) { return superbruger::tests::config_error_of(text, [](std::string const& t) { read(t); }); }
}  // namespace

TEST_CASE("Teams outgoing webhooks are off by default and read per webhook id", "[bot][config][teams_webhook]") {
    CHECK_FALSE(read("{}").enabled());
    auto const s = read(R"({"enabled": true, "webhooks": {"naestved": "OWH_NAESTVED", "aero-2": "OWH_AEROE"}})");
    CHECK(s.enabled());
    CHECK(s.webhooks.size() == 2);
    CHECK(s.webhooks.at("naestved") == "OWH_NAESTVED");
}

TEST_CASE("Workflows URLs are read per municipality, each its own channel of announcements", "[bot][config][teams_webhook]") {
    auto const s = read(R"({"enabled": true, "workflows": {"Næstved": "WF_NAESTVED", "492": "WF_AEROE"}, "max_retry_wait_seconds": 10})");
    CHECK(s.enabled());  // with no outgoing webhook at all: posting only
    CHECK(s.workflows.at("Næstved") == "WF_NAESTVED");
    CHECK(s.municipality_channels() == std::vector<std::string>{"492", "Næstved"});
    CHECK(s.max_retry_wait.count() == 10);
    CHECK(s.outbox_per_tenant_per_second == 1);  // under a connector's 60 posts in 30 seconds
    CHECK(read("{}").municipality_channels().empty());
}

TEST_CASE("bad teams_webhook settings are refused naming the key", "[bot][config][teams_webhook]") {
    CHECK_THAT(error_of(R"({"enabled": true})"), Catch::Contains("teams_webhook.webhooks") && Catch::Contains("names no webhook"));
    CHECK_THAT(error_of(R"({"workflows": ["X"]})"), Catch::Contains("teams_webhook.workflows"));
    CHECK_THAT(error_of(R"({"workflows": {"Næstved": ""}})"), Catch::Contains("teams_webhook.workflows.Næstved"));
    CHECK_THAT(error_of(R"({"workflows": {"": "X"}})"), Catch::Contains("teams_webhook.workflows"));
    CHECK_THAT(error_of(R"({"outbox_per_tenant_per_second": 5})"), Catch::Contains("teams_webhook.outbox_per_tenant_per_second"));
    CHECK_THAT(error_of(R"({"send_attempts": 0})"), Catch::Contains("teams_webhook.send_attempts"));
    CHECK_THAT(error_of(R"({"enabled": "yes", "webhooks": {"a": "X"}})"), Catch::Contains("teams_webhook.enabled"));
    CHECK_THAT(error_of(R"({"webhooks": ["X"]})"), Catch::Contains("teams_webhook.webhooks"));
    CHECK_THAT(error_of(R"({"webhooks": {"Næstved": "X"}})"), Catch::Contains("teams_webhook.webhooks.Næstved"));
    CHECK_THAT(error_of(R"({"webhooks": {"a": ""}})"), Catch::Contains("must name an environment variable"));
    CHECK_THAT(error_of(R"({"webhooks": {"a": 5}})"), Catch::Contains("teams_webhook.webhooks.a"));
    CHECK_THAT(error_of(R"({"webhook": {"a": "X"}})"), Catch::Contains("webhook"));
}
