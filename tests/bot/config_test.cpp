// The config loader: defaults, comments, relative paths, and errors that name the key.
#include "bot/config.hpp"
#include "bot/error.hpp"

#include <catch2/catch.hpp>

using namespace superbruger::bot;

namespace {
std::string config_error(std::string const& text) {
    try {
        parse_config(text, "/etc/superbot");
    } catch (BotError const& e) {
        CHECK(e.kind() == BotError::Kind::config);
        return e.what();
    }
    FAIL("config was accepted: " << text);
    return {};
}
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
