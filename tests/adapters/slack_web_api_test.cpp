// What Slack's Web API answers mean (ok:false inside HTTP 200, 429 with Retry-After), users.info,
// and the app manifest built from the settings.
#include "adapters/error.hpp"
#include "adapters/slack/app_manifest.hpp"
#include "adapters/slack/web_api.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace superbruger::adapters;
using namespace superbruger::adapters::slack;
using nlohmann::json;
using Kind = ApiOutcome::Kind;

TEST_CASE("a sent message names its channel and ts, and conversations.open the channel id", "[adapters][slack]") {
    auto const posted = classify_response(200, "", R"({"ok":true,"channel":"C123ABC456","ts":"1503435956.000247","message":{"text":"x"}})");
    CHECK(posted.kind == Kind::sent);
    CHECK(posted.channel == "C123ABC456");
    CHECK(posted.ts == "1503435956.000247");
    auto const opened = classify_response(200, "", R"({"ok":true,"no_op":true,"already_open":true,"channel":{"id":"D069C7QFK"}})");
    CHECK(opened.kind == Kind::sent);
    CHECK(opened.channel == "D069C7QFK");
    CHECK(classify_response(200, "", R"({"ok":true,"warning":"missing_charset"})").kind == Kind::sent);
}

TEST_CASE("ok:false errors that will not heal are refused for good", "[adapters][slack]") {
    for (auto const* error : {"channel_not_found", "not_in_channel", "is_archived", "invalid_auth", "account_inactive", "token_revoked",
                              "user_not_found", "cannot_dm_bot", "missing_scope", "invalid_blocks", "msg_too_long", "expired_trigger_id"}) {
        CAPTURE(error);
        auto const o = classify_response(200, "", json{{"ok", false}, {"error", error}}.dump());
        CHECK(o.kind == Kind::refused);
        CHECK(o.error == error);
    }
    CHECK(classify_response(200, "", R"({"ok":false})").kind == Kind::refused);
}

TEST_CASE("rate limits and Slack's own failures are retried, honouring Retry-After", "[adapters][slack]") {
    auto const limited = classify_response(429, "30", R"({"ok":false,"error":"ratelimited"})");
    CHECK(limited.kind == Kind::retry);
    CHECK(limited.retry_after == std::chrono::seconds(30));
    CHECK(classify_response(429, "", "").retry_after == std::chrono::seconds(60));
    CHECK(classify_response(429, "soon", "").retry_after == std::chrono::seconds(60));
    CHECK(classify_response(429, "99999999", "").retry_after == std::chrono::seconds(3600));
    CHECK(classify_response(200, "7", R"({"ok":false,"error":"ratelimited"})").retry_after == std::chrono::seconds(7));
    for (auto const* error : {"internal_error", "fatal_error", "service_unavailable", "request_timeout"}) {
        CAPTURE(error);
        CHECK(classify_response(200, "", json{{"ok", false}, {"error", error}}.dump()).kind == Kind::retry);
    }
    CHECK(classify_response(503, "", "<html>down</html>").kind == Kind::retry);
    CHECK(classify_response(500, "5", "").retry_after == std::chrono::seconds(5));
    CHECK(classify_response(408, "", "").kind == Kind::retry);
    // A 200 that is not Slack's JSON leaves the outcome unknown: tried again, not lost.
    CHECK(classify_response(200, "", "<html>proxy</html>").kind == Kind::retry);
    CHECK(classify_response(200, "", R"({"ok":"yes"})").kind == Kind::retry);
}

TEST_CASE("other HTTP errors are refused", "[adapters][slack]") {
    CHECK(classify_response(400, "", "").kind == Kind::refused);
    CHECK(classify_response(404, "", "").kind == Kind::refused);
    CHECK(classify_response(410, "", "").kind == Kind::refused);
    CHECK(classify_response(302, "", "").kind == Kind::refused);
}

TEST_CASE("users.info gives the e-mail and a name", "[adapters][slack]") {
    auto const info = parse_user_info(R"({"ok":true,"user":{"id":"W012A3CDE","team_id":"T012AB3C4","name":"spengler","deleted":false,
        "real_name":"Egon Spengler","is_bot":false,"profile":{"display_name":"","real_name":"Egon Spengler","email":"spengler@ghostbusters.example.com"}}})");
    CHECK(info.id == "W012A3CDE");
    CHECK(info.team_id == "T012AB3C4");
    CHECK(info.email == "spengler@ghostbusters.example.com");
    CHECK(info.name == "Egon Spengler");
    CHECK_FALSE(info.is_bot);
    // Without users:read.email there is no e-mail, and odd types are ignored.
    auto const bare = parse_user_info(R"({"ok":true,"user":{"id":"U1","name":"anne","profile":{"email":5},"deleted":"no"}})");
    CHECK(bare.email.empty());
    CHECK(bare.name == "anne");
    CHECK_FALSE(bare.deleted);
    CHECK_THROWS_AS(parse_user_info(R"({"ok":true})"), AdapterError);
    CHECK_THROWS_AS(parse_user_info(R"({"ok":true,"user":{"name":"x"}})"), AdapterError);
    CHECK_THROWS_AS(parse_user_info("nope"), AdapterError);
}

TEST_CASE("the app manifest is built from the settings", "[adapters][slack]") {
    ManifestSettings s;
    s.public_base_url = "https://bot.example.dk/";
    auto const m = app_manifest(s);
    CHECK(m["display_information"]["name"] == "Superbruger-bot");
    CHECK(m["features"]["bot_user"]["display_name"] == "Superbruger-bot");
    CHECK(m["features"]["slash_commands"][0]["command"] == "/superbot");
    CHECK(m["features"]["slash_commands"][0]["url"] == "https://bot.example.dk/api/slack/commands");
    CHECK(m["settings"]["event_subscriptions"]["request_url"] == "https://bot.example.dk/api/slack/events");
    CHECK(m["settings"]["interactivity"]["request_url"] == "https://bot.example.dk/api/slack/interactivity");
    CHECK(m["settings"]["interactivity"]["is_enabled"] == true);
    auto const scopes = m["oauth_config"]["scopes"]["bot"].get<std::vector<std::string>>();
    for (auto const* scope : {"chat:write", "im:history", "im:write", "app_mentions:read", "commands", "users:read", "users:read.email"}) {
        CAPTURE(scope);
        CHECK(std::find(scopes.begin(), scopes.end(), scope) != scopes.end());
    }
    CHECK(std::find(scopes.begin(), scopes.end(), "channels:history") == scopes.end());
    CHECK(m["settings"]["event_subscriptions"]["bot_events"] == json{"app_mention", "message.im"});

    s.channel_messages = true;
    s.read_emails = false;
    auto const wide = app_manifest(s);
    auto const wide_scopes = wide["oauth_config"]["scopes"]["bot"].get<std::vector<std::string>>();
    CHECK(std::find(wide_scopes.begin(), wide_scopes.end(), "channels:history") != wide_scopes.end());
    CHECK(std::find(wide_scopes.begin(), wide_scopes.end(), "users:read.email") == wide_scopes.end());
    CHECK(wide["settings"]["event_subscriptions"]["bot_events"] == json{"app_mention", "message.im", "message.channels"});
}
