// The JSON-lines log: what an operator's log shipper reads.
#include "bot/log.hpp"

#include <catch2/catch.hpp>

#include <iostream>
#include <sstream>

using namespace superbruger::bot;
using nlohmann::json;

namespace {
/// Sends the log to a string for one test, and back to stderr at info afterwards.
struct CapturedLog {
    std::ostringstream out;
    explicit CapturedLog(log::Level lowest = log::Level::info) { log::configure(lowest, &out); }
    ~CapturedLog() { log::configure(log::Level::info, &std::cerr); }
    std::vector<std::string> lines() const {
        std::vector<std::string> all;
        std::istringstream in(out.str());
        for (std::string line; std::getline(in, line);) all.push_back(line);
        return all;
    }
};
}  // namespace

TEST_CASE("a log line is one JSON object that leads with time, level and event", "[bot][log]") {
    CapturedLog log;
    log::info("question_answered", {{"confidence", 0.75}, {"platform", "teams"}, {"source", "roller.md"}});
    auto const lines = log.lines();
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].starts_with(R"({"ts":")"));
    auto const j = json::parse(lines[0]);
    CHECK(j.at("level") == "info");
    CHECK(j.at("event") == "question_answered");
    CHECK(j.at("confidence") == 0.75);
    CHECK(j.at("platform") == "teams");
    CHECK(j.at("source") == "roller.md");
    CHECK(j.at("ts").get<std::string>().ends_with("Z"));
    CHECK(lines[0].find(R"("level":"info","event":"question_answered")") != std::string::npos);
}

TEST_CASE("a log line without fields, and one whose fields are not an object, still parse", "[bot][log]") {
    CapturedLog log;
    log::warn("plain");
    log::warn("odd", json::array({1, 2}));
    log::warn("empty", json::object());
    auto const lines = log.lines();
    REQUIRE(lines.size() == 3);
    CHECK(json::parse(lines[0]).size() == 3);
    CHECK(json::parse(lines[1]).size() == 3);
    CHECK(json::parse(lines[2]).size() == 3);
    CHECK(json::parse(lines[1]).at("event") == "odd");
}

TEST_CASE("a field cannot overwrite the line's own time, level or event, and no key appears twice", "[bot][log]") {
    CapturedLog log;
    log::error("real_event", {{"level", "debug"}, {"event", "fake"}, {"ts", "yesterday"}, {"kept", true}});
    auto const lines = log.lines();
    REQUIRE(lines.size() == 1);
    auto const j = json::parse(lines[0]);
    CHECK(j.at("level") == "error");
    CHECK(j.at("event") == "real_event");
    CHECK(j.at("ts") != "yesterday");
    CHECK(j.at("kept") == true);
    for (auto const* key : {R"("level":)", R"("event":)", R"("ts":)"}) {
        auto const first = lines[0].find(key);
        CHECK(lines[0].find(key, first + 1) == std::string::npos);
    }
}

TEST_CASE("invalid UTF-8 and control characters in the event or a field are escaped, never thrown", "[bot][log]") {
    CapturedLog log;
    log::info("bad\xff" "event\n", {{"text", "a\xc3" "b\nc"}});
    auto const lines = log.lines();
    REQUIRE(lines.size() == 1);
    auto const j = json::parse(lines[0]);
    CHECK(j.at("event") == "bad\xef\xbf\xbd" "event\n");
    CHECK(j.at("text") == "a\xef\xbf\xbd" "b\nc");
}

TEST_CASE("lines below the configured level are not written", "[bot][log]") {
    CapturedLog log(log::Level::warn);
    log::debug("hidden");
    log::info("hidden too");
    log::warn("shown");
    auto const lines = log.lines();
    REQUIRE(lines.size() == 1);
    CHECK(json::parse(lines[0]).at("event") == "shown");
}
