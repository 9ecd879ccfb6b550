// The config loader: defaults, comments, relative paths, and errors that name the key.
#include "bot/channels/teams/teams_settings.hpp"
#include "bot/config.hpp"
#include "bot/error.hpp"
#include "tests/support/config_error.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace superbruger::bot;
using superbruger::bot::channels::teams::teams_settings;

namespace {
std::string config_error(std::string const& text) { return superbruger::tests::config_error_of(text, [](std::string const& t) { parse_config(t, "/etc/superbot"); }); }
}  // namespace

TEST_CASE("defaults serve on loopback with SQLite in ./data", "[bot][config]") {
    auto const c = load_config(std::nullopt);
    CHECK(c.server.address == "127.0.0.1");
    CHECK(c.server.port == 3978);
    CHECK(c.storage.database == "data/superbot.sqlite");
    CHECK(c.knowledge.bundled_dir == SB_BUNDLED_KNOWLEDGE_DIR);
    CHECK(c.knowledge.max_answer_chars == 800);
}

TEST_CASE("a config file may carry comments and sets paths relative to itself", "[bot][config]") {
    auto const c = parse_config(R"({
        // where to listen
        "server": {"address": "0.0.0.0", "port": 8080, "request_timeout_seconds": 5},
        "storage": {"database": "state/bot.sqlite"},
        "knowledge": {"local_dirs": ["lokal"], "min_confidence": 0.5},
        "log": {"level": "debug"}
    })", "/etc/superbot");
    CHECK(c.server.address == "0.0.0.0");
    CHECK(c.server.port == 8080);
    CHECK(c.server.request_timeout == std::chrono::seconds(5));
    CHECK(c.storage.database == "/etc/superbot/state/bot.sqlite");
    REQUIRE(c.knowledge.local_dirs.size() == 1);
    CHECK(c.knowledge.local_dirs[0] == "/etc/superbot/lokal");
    CHECK(c.knowledge.min_confidence == 0.5);
    CHECK(c.log.level == "debug");
}

TEST_CASE("bad values are refused with the key that is wrong", "[bot][config]") {
    CHECK_THAT(config_error(R"({"server": {"port": 70000}})"), Catch::Contains("'server.port'"));
    CHECK_THAT(config_error(R"({"server": {"port": "80"}})"), Catch::Contains("'server.port'"));
    CHECK_THAT(config_error(R"({"server": {"prot": 80}})"), Catch::Contains("'server.prot' is not a known setting"));
    CHECK_THAT(config_error(R"({"serverr": {}})"), Catch::Contains("'serverr'"));
    CHECK_THAT(config_error(R"({"knowledge": {"local_dirs": [1]}})"), Catch::Contains("'knowledge.local_dirs[0]'"));
    CHECK_THAT(config_error(R"({"knowledge": {"min_confidence": 2}})"), Catch::Contains("'knowledge.min_confidence'"));
    CHECK_THAT(config_error(R"({"log": {"level": "loud"}})"), Catch::Contains("'log.level'"));
    CHECK_THAT(config_error(R"({"storage": {"database": ""}})"), Catch::Contains("'storage.database'"));
    CHECK_THAT(config_error(R"({"server": 3})"), Catch::Contains("'server' must be an object"));
    CHECK_THAT(config_error(R"({"server": {)"), Catch::Contains("not valid JSON"));
}

TEST_CASE("Teams is off by default and points at the public Bot Framework", "[bot][config][teams]") {
    auto const c = load_config(std::nullopt);
    auto const& teams = teams_settings(c);
    CHECK_FALSE(teams.enabled());
    CHECK(teams.openid_metadata_url == "https://login.botframework.com/v1/.well-known/openidconfiguration");
    CHECK(teams.token_url == "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token");
    CHECK(teams.issuer == "https://api.botframework.com");
    CHECK(teams.clock_skew == std::chrono::seconds(300));
    CHECK(teams.app_password_env == "SUPERBOT_TEAMS_APP_PASSWORD");
    CHECK(std::find(teams.allowed_service_url_hosts.begin(), teams.allowed_service_url_hosts.end(), "smba.trafficmanager.net") !=
          teams.allowed_service_url_hosts.end());
    CHECK(c.http_client.ca_file.empty());
}

TEST_CASE("Teams and HTTP client settings are read and checked", "[bot][config][teams]") {
    auto const c = parse_config(R"({"teams": {"app_id": "abc", "token_url": "http://127.0.0.1:9/token",
                                              "allowed_service_url_hosts": ["127.0.0.1"], "send_attempts": 2},
                                    "http_client": {"ca_file": "ca.pem", "request_timeout_seconds": 3}})",
                                "/etc/superbot");
    auto const& teams = teams_settings(c);
    CHECK(teams.enabled());
    CHECK(teams.token_url == "http://127.0.0.1:9/token");
    CHECK(teams.send_attempts == 2);
    CHECK(c.http_client.ca_file == "/etc/superbot/ca.pem");
    CHECK(c.http_client.request_timeout == std::chrono::seconds(3));
    CHECK_THAT(config_error(R"({"teams": {"token_url": "ftp://x"}})"), Catch::Contains("'teams.token_url'"));
    CHECK_THAT(config_error(R"({"teams": {"allowed_service_url_hosts": []}})"), Catch::Contains("'teams.allowed_service_url_hosts'"));
    CHECK_THAT(config_error(R"({"teams": {"allowed_service_url_hosts": [1]}})"), Catch::Contains("'teams.allowed_service_url_hosts[0]'"));
    CHECK_THAT(config_error(R"({"teams": {"app_password": "in the file"}})"), Catch::Contains("'teams.app_password'"));
    CHECK_THAT(config_error(R"({"teams": {"send_attempts": 0}})"), Catch::Contains("'teams.send_attempts'"));
    // The outbox's pace must leave room for replies within every post's limit.
    CHECK_THAT(config_error(R"({"teams": {"app_id": "abc", "per_tenant_per_second": 30}})"), Catch::Contains("'teams.outbox_per_tenant_per_second'"));
    CHECK(teams_settings(parse_config(R"({"teams": {"app_id": "a", "per_tenant_per_second": 30, "outbox_per_tenant_per_second": 20}})", "/"))
              .outbox_per_tenant_per_second == 20);
    // The key of earlier versions names its new home instead of being ignored.
    CHECK_THAT(config_error(R"({"outbox": {"per_tenant_per_second": 40}})"), Catch::Contains("teams.outbox_per_tenant_per_second"));
}

TEST_CASE("the documented example config is valid and shows the defaults", "[bot][config]") {
    auto const example = load_config(std::filesystem::path(SB_TESTS_DIR) / ".." / "deploy" / "config.example.json");
    auto const defaults = load_config(std::nullopt);
    CHECK(example.server.port == defaults.server.port);
    auto const& example_teams = teams_settings(example);
    auto const& default_teams = teams_settings(defaults);
    CHECK(example_teams.openid_metadata_url == default_teams.openid_metadata_url);
    CHECK(example_teams.allowed_service_url_hosts == default_teams.allowed_service_url_hosts);
    CHECK(example_teams.send_attempts == default_teams.send_attempts);
    CHECK(example_teams.per_tenant_per_second == default_teams.per_tenant_per_second);
    CHECK(example_teams.outbox_per_tenant_per_second == default_teams.outbox_per_tenant_per_second);
    CHECK(example.knowledge.min_confidence == defaults.knowledge.min_confidence);
    CHECK(example.outbox.keep_sent_days == defaults.outbox.keep_sent_days);
}

TEST_CASE("sent outbox messages are kept longer than any reminder can be queued again", "[bot][config][outbox]") {
    CHECK(load_config(std::nullopt).outbox.keep_sent_days == 90);
    auto const c = parse_config(R"({"outbox": {"keep_sent_days": 30}, "releases": {"reminder_offsets_days": [21, 7]}})", "/etc/superbot");
    CHECK(c.outbox.keep_sent_days == 30);
    // A reminder's key keeps it from going out twice while it is the latest one due; forgetting
    // the key sooner would send it again.
    CHECK_THAT(config_error(R"({"outbox": {"keep_sent_days": 14}})"),
               Catch::Contains("'outbox.keep_sent_days'") && Catch::Contains("more than the largest releases.reminder_offsets_days (14)"));
    CHECK_THAT(config_error(R"({"outbox": {"keep_sent_days": 0}})"), Catch::Contains("'outbox.keep_sent_days'"));
}

TEST_CASE("the outbound proxy is configured by URL and a list of hosts reached directly", "[bot][config][proxy]") {
    auto const defaults = load_config(std::nullopt);
    CHECK(defaults.http_client.https_proxy.empty());
    CHECK(defaults.http_client.no_proxy.empty());
    auto const c = parse_config(R"({"http_client": {"https_proxy": "http://proxy.kommune.dk:3128", "no_proxy": ["intern.kommune.dk"]}})", "/etc/superbot");
    CHECK(c.http_client.https_proxy == "http://proxy.kommune.dk:3128");
    CHECK(c.http_client.no_proxy == std::vector<std::string>{"intern.kommune.dk"});
    CHECK_THAT(config_error(R"({"http_client": {"https_proxy": "https://proxy:3128"}})"), Catch::Contains("'http_client.https_proxy'"));
    CHECK_THAT(config_error(R"({"http_client": {"no_proxy": "a,b"}})"), Catch::Contains("'http_client.no_proxy'"));
}

TEST_CASE("the example config keeps the database in the service's state directory", "[bot][config]") {
    auto const example = load_config(std::filesystem::path(SB_TESTS_DIR) / ".." / "deploy" / "config.example.json");
    CHECK(example.storage.database == "/var/lib/superbot/superbot.sqlite");
    auto const container = load_config(std::filesystem::path(SB_TESTS_DIR) / ".." / "deploy" / "config.container.json");
    CHECK(container.storage.database == "/var/lib/superbot/superbot.sqlite");
    CHECK(container.server.address == "0.0.0.0");
}

TEST_CASE("a number too large for a double is a config error, not a crash", "[bot][config][hardening]") {
    // Found by fuzz_config: nlohmann throws out_of_range (406) for it, not parse_error.
    CHECK_THROWS_AS(parse_config("8888888888888e8888888888888888888888807550956297025341212", "/etc/superbot"), BotError);
    CHECK_THROWS_WITH(parse_config(R"({"server": {"port": 1e999}})", "/etc/superbot"), Catch::Contains("config:"));
}

TEST_CASE("a config string with a control character is refused naming the key", "[bot][config][hardening]") {
    // A NUL would cut a path or a variable's name short where it is used; a newline in a value
    // that goes into a log line or a header splits it.
    CHECK_THAT(config_error(R"({"storage": {"database": "data/x\u0000.sqlite"}})"), Catch::Contains("'storage.database'") && Catch::Contains("control character"));
    CHECK_THAT(config_error(R"({"teams": {"app_id": "a\nb"}})"), Catch::Contains("'teams.app_id'"));
    CHECK_THAT(config_error(R"({"http_client": {"no_proxy": ["ok", "b\u0007d"]}})"), Catch::Contains("'http_client.no_proxy[1]'"));
    CHECK_THAT(config_error(R"({"teams_webhook": {"workflows": {"Næstved": "WF\u0000X"}}})"), Catch::Contains("teams_webhook.workflows.Næstved"));
    CHECK_THAT(config_error(R"({"teams_webhook": {"workflows": {"Næst\u0001ved": "WF"}}})"), Catch::Contains("teams_webhook.workflows"));
    CHECK_NOTHROW(parse_config(R"({"teams": {"app_id": "Æblegrød 3.4"}})", "/etc/superbot"));
}
