// The Teams endpoint of the real `superbot serve`, against the loopback Bot Framework stand-in:
// signed activities get answers at the Connector; every kind of bad token gets 401 and nothing
// is sent; bad bodies get 400; card submits, retries, duplicates and welcomes behave.
#include "tests/support/bot_framework_standin.hpp"
#include "tests/support/fixtures.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/superbot_process.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <future>
#include <thread>

using namespace superbruger::tests;
using namespace std::chrono_literals;
using nlohmann::json;
using boost::beast::http::verb;

namespace {

constexpr char const* password_env = "SB_TEST_TEAMS_APP_PASSWORD";
constexpr char const* password = "s3cret&value=with+signs";

/// The stand-in, and superbot serve configured to trust it and to send to it.
struct TeamsFixture {
    BotFrameworkStandIn bf;
    std::uint16_t port = free_port();
    std::filesystem::path log = work_dir() / ("teams-" + std::to_string(port) + ".log");
    pid_t pid = 0;

    /// `failing_jwks` JWKS answers fail before the first good one; `key_refresh` is the
    /// refresh interval for unknown key ids (short by default, so tests can rotate keys).
    explicit TeamsFixture(int failing_jwks = 0, int key_refresh = 1) {
        bf.fail_jwks(failing_jwks);
        ::setenv(password_env, password, 1);
        auto const cfg = write_config("teams-" + std::to_string(port) + ".json", json{
            {"server", {{"port", port}}},
            {"storage", {{"database", "teams-" + std::to_string(port) + ".sqlite"}}},
            {"teams", {{"app_id", BotFrameworkStandIn::app_id},
                       {"app_password_env", password_env},
                       {"openid_metadata_url", bf.base_url() + "openid"},
                       {"token_url", bf.base_url() + "token"},
                       {"allowed_service_url_hosts", {"127.0.0.1"}},
                       {"key_refresh_min_interval_seconds", key_refresh},
                       {"max_retry_wait_seconds", 5}}}}.dump());
        pid = start_serve(cfg, port, log);
    }
    ~TeamsFixture() { stop_serve(pid); }

    HttpResponse post(json const& activity, std::string const& authorization) const {
        return post_raw(activity.dump(), authorization);
    }
    HttpResponse post_raw(std::string const& body, std::string const& authorization) const {
        std::vector<std::pair<std::string, std::string>> headers;
        if (!authorization.empty()) headers.emplace_back("Authorization", authorization);
        return http_request(port, verb::post, "/api/messages", body, "application/json", headers);
    }
    HttpResponse post_signed(json const& activity) const { return post(activity, "Bearer " + bf.token()); }
    json message(std::string const& id, std::string const& text) const { return teams_message(bf.service_url(), id, text); }
};

std::string card_text(json const& activity) {
    std::string out;
    for (auto const& block : activity["attachments"][0]["content"]["body"]) {
            if (block.value("type", "") == "TextBlock") out += block.value("text", "") + "\n";
        }
    return out;
}

std::string sample(std::string const& name) { return protocol_sample(name); }

}  // namespace

TEST_CASE("a signed Teams message gets its answer as a card at the Connector", "[teams][integration]") {
    TeamsFixture f;
    auto const res = f.post_signed(f.message("act-1", "hvem må kontakte Netcompanys servicedesk?"));
    CHECK(res.result_int() == 200);
    REQUIRE(f.bf.wait_for_connector(1));
    auto const sent = f.bf.connector_requests().at(0);
    CHECK(sent.method == "POST");
    // The conversation id is percent-encoded like encodeURIComponent does.
    CHECK(sent.target == "/v3/conversations/a%3Aanne-chat/activities/act-1");
    CHECK(sent.authorization == "Bearer connector-token-1");
    auto const reply = sent.json();
    CHECK(reply["type"] == "message");
    CHECK(reply["replyToId"] == "act-1");
    CHECK(reply["conversation"]["id"] == "a:anne-chat");
    CHECK(reply["recipient"]["id"] == "29:anne");
    REQUIRE(reply["attachments"].size() == 1);
    CHECK(reply["attachments"][0]["contentType"] == "application/vnd.microsoft.card.adaptive");
    CHECK_THAT(card_text(reply), Catch::Contains("servicedesk") && Catch::Contains("Kilde:"));
    auto const& actions = reply["attachments"][0]["content"]["actions"];
    REQUIRE(actions.size() == 3);
    CHECK(actions[0]["type"] == "Action.Submit");
    CHECK(actions[0]["title"] == "Læs mere");

    // The client-credentials request carried our id and the secret from the environment.
    auto const tokens = f.bf.token_requests();
    REQUIRE(tokens.size() == 1);
    CHECK(tokens[0].content_type == "application/x-www-form-urlencoded");
    CHECK_THAT(tokens[0].body, Catch::Contains("grant_type=client_credentials") &&
                                   Catch::Contains(std::string("client_id=") + BotFrameworkStandIn::app_id) &&
                                   Catch::Contains("client_secret=s3cret%26value%3Dwith%2Bsigns") &&
                                   Catch::Contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default"));
    // The secret never reaches the log.
    CHECK(read_file(f.log).find(password) == std::string::npos);

    // A second message reuses the cached token.
    CHECK(f.post_signed(f.message("act-2", "hvad er en systemejer?")).result_int() == 200);
    REQUIRE(f.bf.wait_for_connector(2));
    CHECK(f.bf.token_requests().size() == 1);
}

TEST_CASE("bad tokens get 401 and nothing is processed or sent", "[teams][integration][security]") {
    TeamsFixture f;
    auto const activity = f.message("act-bad", "hvad er en superbruger?");
    auto const now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    JwtSigner unknown_key("kid-nobody-published");
    auto const t = f.bf.token();

    struct Case {
        char const* what;
        std::string authorization;
    };
    std::vector<Case> const cases = {
        {"no header", ""},
        {"lower-case scheme", "bearer " + t},
        {"not a JWT", "Bearer not.a.jwt"},
        {"forged: signed by another key with a published kid", "Bearer " + f.bf.forged_token()},
        {"unknown key id", "Bearer " + unknown_key.sign({{"iss", BotFrameworkStandIn::issuer}, {"aud", BotFrameworkStandIn::app_id},
                                                          {"exp", now + 600}, {"serviceurl", f.bf.service_url()}})},
        {"expired beyond the skew", "Bearer " + f.bf.token({{"exp", now - 600}, {"nbf", now - 4000}})},
        {"not yet valid", "Bearer " + f.bf.token({{"nbf", now + 900}})},
        {"wrong audience", "Bearer " + f.bf.token({{"aud", "another-bot"}})},
        {"wrong issuer", "Bearer " + f.bf.token({{"iss", "https://evil.example"}})},
        {"serviceUrl mismatch", "Bearer " + f.bf.token({{"serviceurl", "http://127.0.0.1:1/"}})},
        {"HS256 algorithm confusion", "Bearer " + f.bf.signer().sign({{"iss", BotFrameworkStandIn::issuer}}, "HS256")},
    };
    for (auto const& c : cases) {
        INFO(c.what);
        auto const res = f.post(activity, c.authorization);
        CHECK(res.result_int() == 401);
        // The caller learns nothing about why; the log does.
        CHECK(res.body().find("signature") == std::string::npos);
        CHECK(res.body().find("audience") == std::string::npos);
    }
    std::this_thread::sleep_for(300ms);
    CHECK(f.bf.connector_requests().empty());
    CHECK(f.bf.token_requests().empty());
    CHECK_THAT(read_file(f.log), Catch::Contains("channel_unauthenticated") && Catch::Contains("serviceurl"));

    // An unknown key id triggers at most one key refresh per interval, not one per request.
    auto const fetches = f.bf.jwks_fetches();
    for (int i = 0; i < 5; ++i) f.post(activity, cases[4].authorization);
    CHECK(f.bf.jwks_fetches() <= fetches + 1);
}

TEST_CASE("a forged token is refused before its body is parsed, however the body is built", "[teams][integration][security]") {
    TeamsFixture f;
    auto const forged = "Bearer " + f.bf.forged_token();
    // Nested 100,000 levels deep: parsed first, this overflowed the stack and killed the server.
    auto const deep = std::string(100'000, '[') + std::string(100'000, ']');
    CHECK(f.post_raw(deep, forged).result_int() == 401);
    CHECK(f.post_raw("[1, 2]", forged).result_int() == 401);
    CHECK(f.post_raw("{not json", forged).result_int() == 401);
    CHECK(f.post_raw(deep, "Bearer not.a.jwt").result_int() == 401);
    // Still serving, and a genuine token with the same body is a bad request, not a crash.
    CHECK(http_request(f.port, verb::get, "/healthz").result_int() == 200);
    auto const genuine = f.post_raw(deep, "Bearer " + f.bf.token());
    CHECK(genuine.result_int() == 400);
    CHECK_THAT(genuine.body(), Catch::Contains("nests deeper"));
    CHECK(f.post(f.message("act-after-deep", "hej"), "Bearer " + f.bf.token()).result_int() == 200);
}

TEST_CASE("a serviceUrl outside the allowed hosts is refused even with a good token", "[teams][integration][security]") {
    TeamsFixture f;
    auto activity = f.message("act-host", "hej");
    activity["serviceUrl"] = "https://smba.trafficmanager.net/emea/";
    CHECK(f.post(activity, "Bearer " + f.bf.token({{"serviceurl", "https://smba.trafficmanager.net/emea/"}})).result_int() == 401);
}

TEST_CASE("bodies that are not activities get 400", "[teams][integration]") {
    TeamsFixture f;
    auto const auth = "Bearer " + f.bf.token();
    // The published card-submit sample has a trailing comma: it is not JSON, and says so.
    auto const published = f.post_raw(sample("teams-card-messageback-value.as-published-invalid.json"), auth);
    CHECK(published.result_int() == 400);
    CHECK_THAT(published.body(), Catch::Contains("not valid JSON"));
    CHECK(f.post_raw("[1, 2]", auth).result_int() == 400);
    CHECK(f.post_raw(R"({"text": "no type"})", auth).result_int() == 400);
    CHECK(f.post_raw(std::string(300 * 1024, 'x'), auth).result_int() == 413);
    std::this_thread::sleep_for(200ms);
    CHECK(f.bf.connector_requests().empty());
}

TEST_CASE("official Teams samples are understood", "[teams][integration]") {
    TeamsFixture f;
    // The card submit sample with its trailing comma mended, pointed at the stand-in.
    auto text = sample("teams-card-messageback-value.as-published-invalid.json");
    auto const comma = text.rfind(',');
    text.erase(comma, 1);
    auto submit = json::parse(text);
    submit["serviceUrl"] = f.bf.service_url();
    submit["recipient"]["id"] = std::string("28:") + BotFrameworkStandIn::app_id;
    CHECK(f.post_signed(submit).result_int() == 200);
    REQUIRE(f.bf.wait_for_connector(1));
    CHECK(f.bf.connector_requests()[0].target == "/v3/conversations/19%3Amalejcou081i20ojmlcau0%40thread.skype%3Bmessageid%3D1498171086622/activities/f%3A5261769396935243054");

    // The channel mention sample: the bot's own mention is stripped before the question is read.
    auto mention = json::parse(sample("teams-channel-mention-message.json"));
    mention["serviceUrl"] = f.bf.service_url();
    mention["id"] = "mention-1";
    mention["recipient"] = {{"id", "28:bot"}, {"name", "Superbruger-bot"}};
    mention["text"] = "<at>Superbruger-bot</at> hvad laver en <b>superbruger</b>?";
    mention["entities"] = json::array({{{"type", "mention"}, {"mentioned", {{"id", "28:bot"}, {"name", "Superbruger-bot"}}},
                                        {"text", "<at>Superbruger-bot</at>"}}});
    CHECK(f.post_signed(mention).result_int() == 200);
    REQUIRE(f.bf.wait_for_connector(2));
    CHECK_THAT(card_text(f.bf.connector_requests()[1].json()), Catch::Contains("uperbruger"));
}

TEST_CASE("a card button's value is run as the command it carries", "[teams][integration]") {
    TeamsFixture f;
    REQUIRE(f.post_signed(f.message("q-1", "hvem må kontakte Netcompanys servicedesk?")).result_int() == 200);
    REQUIRE(f.bf.wait_for_connector(1));
    auto const actions = f.bf.connector_requests()[0].json()["attachments"][0]["content"]["actions"];
    REQUIRE(actions.size() == 3);
    auto const helpful = actions[1]["data"];

    // Action.Submit comes back as a message with no text and the action's data as `value`.
    auto submit = f.message("click-1", "");
    submit.erase("text");
    submit["value"] = helpful;
    submit["replyToId"] = "q-1";
    CHECK(f.post_signed(submit).result_int() == 200);
    REQUIRE(f.bf.wait_for_connector(2));
    auto const thanks = f.bf.connector_requests()[1].json();
    CHECK_THAT(thanks["text"].get<std::string>(), Catch::Contains("Tak"));
}

TEST_CASE("a 429 from the Connector is retried after Retry-After", "[teams][integration]") {
    TeamsFixture f;
    f.bf.fail_connector(1, 429, "1");
    auto const started = std::chrono::steady_clock::now();
    CHECK(f.post_signed(f.message("act-429", "hvad er en systemejer?")).result_int() == 200);
    // The inbound request is not held up by the Connector's back-off.
    CHECK(std::chrono::steady_clock::now() - started < 900ms);
    REQUIRE(f.bf.wait_for_connector(2));
    auto const sent = f.bf.connector_requests();
    CHECK(sent[0].body == sent[1].body);
    CHECK(sent[0].target == sent[1].target);
}

TEST_CASE("a retried activity is answered once", "[teams][integration]") {
    TeamsFixture f;
    auto const activity = f.message("act-dup", "hvad er en superbruger?");
    CHECK(f.post_signed(activity).result_int() == 200);
    CHECK(f.post_signed(activity).result_int() == 200);
    REQUIRE(f.bf.wait_for_connector(1));
    std::this_thread::sleep_for(300ms);
    CHECK(f.bf.connector_requests().size() == 1);
}

TEST_CASE("installing the bot gets a Danish welcome in that conversation", "[teams][integration]") {
    TeamsFixture f;
    json update = {{"type", "conversationUpdate"},
                   {"id", "upd-1"},
                   {"serviceUrl", f.bf.service_url()},
                   {"channelId", "msteams"},
                   {"from", {{"id", "29:anne"}}},
                   {"recipient", {{"id", "28:bot"}, {"name", "Superbruger-bot"}}},
                   {"conversation", {{"id", "19:team@thread.skype"}, {"conversationType", "channel"}}},
                   {"membersAdded", json::array({{{"id", "28:bot"}}})},
                   {"channelData", {{"tenant", {{"id", "tenant-x"}}}, {"eventType", "teamMemberAdded"}}}};
    CHECK(f.post_signed(update).result_int() == 200);
    REQUIRE(f.bf.wait_for_connector(1));
    auto const sent = f.bf.connector_requests()[0];
    CHECK(sent.target == "/v3/conversations/19%3Ateam%40thread.skype/activities");
    CHECK_THAT(sent.json()["text"].get<std::string>(), Catch::Contains("Hej!"));

    // Reactions and other activity types are acknowledged and ignored.
    json reaction = update;
    reaction["type"] = "messageReaction";
    reaction["id"] = "react-1";
    CHECK(f.post_signed(reaction).result_int() == 200);
    std::this_thread::sleep_for(200ms);
    CHECK(f.bf.connector_requests().size() == 1);
}

TEST_CASE("a thousand idle connections do not keep Teams or the health check waiting", "[teams][integration][hardening]") {
    TeamsFixture f;
    IdleConnections flood(f.port, 1000);
    auto health = std::async(std::launch::async, [&] { return http_request(f.port, verb::get, "/healthz").result_int(); });
    REQUIRE(health.wait_for(2s) == std::future_status::ready);
    CHECK(health.get() == 200);
    auto teams = std::async(std::launch::async, [&] { return f.post_signed(f.message("act-flood", "hvad er en superbruger?")).result_int(); });
    REQUIRE(teams.wait_for(2s) == std::future_status::ready);
    CHECK(teams.get() == 200);
    CHECK(f.bf.wait_for_connector(1));
}

TEST_CASE("signing keys that fail at start-up are fetched again within seconds", "[teams][integration][hardening]") {
    TeamsFixture f(2, 3600);  // the key server fails twice; unknown key ids refetch only hourly
    // Not ready while no key is loaded: no genuine token could pass.
    auto const early = http_request(f.port, verb::get, "/readyz");
    CHECK(early.result_int() == 503);
    CHECK_THAT(early.body(), Catch::Contains("signing keys"));
    bool ready = false;
    for (int i = 0; i < 150 && !ready; ++i) {
        ready = http_request(f.port, verb::get, "/readyz").result_int() == 200;
        if (!ready) std::this_thread::sleep_for(100ms);
    }
    REQUIRE(ready);
    CHECK(f.bf.jwks_fetches() == 3);
    CHECK(f.post_signed(f.message("act-cold", "hvad er en superbruger?")).result_int() == 200);
    CHECK(f.bf.wait_for_connector(1));
}

TEST_CASE("a reply the Connector never takes is logged and counted", "[teams][integration][hardening]") {
    TeamsFixture f;
    f.bf.fail_connector(100, 500);  // every attempt fails
    CHECK(f.post_signed(f.message("act-lost", "hvad er en superbruger?")).result_int() == 200);
    bool counted = false;  // after the Connector's retries with their back-off
    for (int i = 0; i < 300 && !counted; ++i) {
        counted = metric(f.port, R"(superbot_background_task_failures_total{task="teams_reply"})") == 1;
        if (!counted) std::this_thread::sleep_for(100ms);
    }
    CHECK(counted);
    CHECK_THAT(read_file(f.log), Catch::Contains("background_task_failed"));
}
