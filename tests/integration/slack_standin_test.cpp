// The Slack Web API stand-in answers like Slack (ok:false inside HTTP 200, 429 with
// Retry-After), so the adapter's outcome classification is checked against it; and the signing
// helper signs the way the adapter verifies.
#include "adapters/slack/message_blocks.hpp"
#include "adapters/slack/request_signature.hpp"
#include "adapters/slack/web_api.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/slack_standin.hpp"

#include <catch2/catch.hpp>

using namespace superbruger;
using namespace superbruger::tests;
using adapters::slack::ApiOutcome;
using nlohmann::json;
namespace http = boost::beast::http;

namespace {

std::string const bearer = std::string("Bearer ") + SlackStandIn::bot_token;

ApiOutcome call(SlackStandIn const& slack, std::string const& method, json const& body, std::string const& auth = bearer) {
    auto const res = http_request(slack.port(), http::verb::post, "/api/" + method, body.dump(), "application/json; charset=utf-8",
                                  {{"Authorization", auth}});
    return adapters::slack::classify_response(res.result_int(), std::string(res["Retry-After"]), res.body());
}

}  // namespace

TEST_CASE("the Slack stand-in posts, opens DMs and views, and records every call", "[integration][slack]") {
    SlackStandIn slack;
    adapters::ChatReply reply;
    reply.text = "Hej **Anne**";
    auto const post = adapters::slack::post_message_body(adapters::slack::reply_messages(reply).at(0), "DUANNE");
    auto const sent = call(slack, "chat.postMessage", post);
    CHECK(sent.kind == ApiOutcome::Kind::sent);
    CHECK(sent.channel == "DUANNE");
    CHECK(!sent.ts.empty());

    auto const opened = call(slack, "conversations.open", adapters::slack::conversations_open_body("UANNE"));
    CHECK(opened.kind == ApiOutcome::Kind::sent);
    CHECK(opened.channel == "DUANNE");

    CHECK(call(slack, "views.open", adapters::slack::views_open_body("trig", {{"type", "modal"}})).kind == ApiOutcome::Kind::sent);
    CHECK(call(slack, "views.open", {{"view", {{"type", "modal"}}}}).kind == ApiOutcome::Kind::refused);

    auto const calls = slack.calls();
    REQUIRE(calls.size() == 4);
    CHECK(calls[0].method == "chat.postMessage");
    CHECK(calls[0].authorization == bearer);
    CHECK(calls[0].args["blocks"][0]["text"]["text"] == "Hej *Anne*");
    CHECK(slack.calls("views.open").size() == 2);
    CHECK(slack.wait_for("conversations.open", 1, std::chrono::milliseconds(10)));
    CHECK_FALSE(slack.wait_for("chat.update", 1, std::chrono::milliseconds(10)));
}

TEST_CASE("the Slack stand-in refuses a wrong token with ok:false, as Slack does", "[integration][slack]") {
    SlackStandIn slack;
    auto const bad = call(slack, "chat.postMessage", {{"channel", "C1"}, {"text", "x"}}, "Bearer xoxb-wrong");
    CHECK(bad.kind == ApiOutcome::Kind::refused);
    CHECK(bad.error == "invalid_auth");
    CHECK(call(slack, "chat.postMessage", {{"channel", "C1"}, {"text", "x"}}, "").error == "not_authed");
    CHECK(call(slack, "chat.postMessage", {{"text", "x"}}).error == "channel_not_found");
    CHECK(call(slack, "no.such", json::object()).kind == ApiOutcome::Kind::refused);
}

TEST_CASE("the Slack stand-in rate-limits and fails on request, then recovers", "[integration][slack]") {
    SlackStandIn slack;
    slack.rate_limit_next(1, 17);
    auto const limited = call(slack, "chat.postMessage", {{"channel", "C1"}, {"text", "x"}});
    CHECK(limited.kind == ApiOutcome::Kind::retry);
    CHECK(limited.retry_after == std::chrono::seconds(17));
    slack.fail_next(2, "channel_not_found");
    CHECK(call(slack, "chat.postMessage", {{"channel", "C1"}, {"text", "x"}}).kind == ApiOutcome::Kind::refused);
    CHECK(call(slack, "chat.postMessage", {{"channel", "C1"}, {"text", "x"}}).error == "channel_not_found");
    slack.fail_next(1, "internal_error");
    CHECK(call(slack, "chat.postMessage", {{"channel", "C1"}, {"text", "x"}}).kind == ApiOutcome::Kind::retry);
    CHECK(call(slack, "chat.postMessage", {{"channel", "C1"}, {"text", "x"}}).kind == ApiOutcome::Kind::sent);
    CHECK(slack.call_count() == 5);
}

TEST_CASE("users.info on the stand-in gives the e-mail, with form arguments as well", "[integration][slack]") {
    SlackStandIn slack;
    slack.add_user("UANNE", "anne@naestved.dk", "Anne Superbruger");
    auto const res = http_request(slack.port(), http::verb::post, "/api/users.info", "user=UANNE", "application/x-www-form-urlencoded",
                                  {{"Authorization", bearer}});
    REQUIRE(adapters::slack::classify_response(res.result_int(), "", res.body()).kind == ApiOutcome::Kind::sent);
    auto const info = adapters::slack::parse_user_info(res.body());
    CHECK(info.email == "anne@naestved.dk");
    CHECK(info.name == "Anne Superbruger");
    CHECK(call(slack, "users.info", {{"user", "UNOBODY"}}).error == "user_not_found");
}

TEST_CASE("the signing helper signs the way the adapter verifies", "[integration][slack]") {
    auto const body = slack_dm_event("Ev1", "hej").dump();
    auto const headers = slack_signed_headers(body);
    REQUIRE(headers.size() == 2);
    CHECK_NOTHROW(adapters::slack::verify_request(SlackStandIn::signing_secret, headers[0].second, headers[1].second, body,
                                                  std::chrono::system_clock::now()));
    auto const old = slack_signed_headers(body, SlackStandIn::signing_secret, std::chrono::system_clock::now() - std::chrono::minutes(6));
    CHECK_THROWS(adapters::slack::verify_request(SlackStandIn::signing_secret, old[0].second, old[1].second, body,
                                                 std::chrono::system_clock::now()));
}
