// The Mattermost endpoints of the real `superbot serve`, against the loopback REST stand-in: an
// outgoing webhook with its token is answered inline, one without is refused before anything is
// done; a slash command is answered ephemeral; a click is refused without the bot's secret and
// opens the dialog with it; the outbox reaches a Mattermost user through channels/direct and posts.
#include "adapters/percent_encoding.hpp"
#include "bot/reply_json.hpp"
#include "bot/time_format.hpp"
#include "storage/database.hpp"
#include "storage/outbox.hpp"
#include "tests/support/fixtures.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/mattermost_standin.hpp"
#include "tests/support/superbot_process.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <functional>
#include <thread>

using namespace superbruger;
using namespace superbruger::tests;
using namespace std::chrono_literals;
using nlohmann::json;
using boost::beast::http::verb;

namespace {

constexpr char const* hook_token_env = "SB_TEST_MM_HOOK_TOKEN";
constexpr char const* command_token_env = "SB_TEST_MM_COMMAND_TOKEN";
constexpr char const* bot_token_env = "SB_TEST_MM_BOT_TOKEN";
constexpr char const* secret_env = "SB_TEST_MM_ACTION_SECRET";
constexpr char const* incoming_env = "SB_TEST_MM_INCOMING_NAESTVED";
constexpr char const* hook_token = "hooktoken0123456789abcdefg";
constexpr char const* command_token = "cmdtoken0123456789abcdefgh";
constexpr char const* action_secret = "standin-action-secret";

std::string const form = "application/x-www-form-urlencoded";
std::string const question = "hvad laver en superbruger?";

/// The stand-in, and superbot serve configured to call it.
struct MattermostFixture {
    MattermostStandIn mattermost;
    std::uint16_t port = free_port();
    std::string name = "mattermost-" + std::to_string(port);
    std::filesystem::path database = work_dir() / (name + ".sqlite");
    pid_t pid = 0;

    /// `before_start` may write into the server's database, `prepare` tell the stand-in how to
    /// answer, both before the server starts.
    explicit MattermostFixture(std::function<void(storage::Database&)> const& before_start = [](storage::Database&) {},
                               std::string const& directory_csv = {},
                               std::function<void(MattermostStandIn&)> const& prepare = [](MattermostStandIn&) {}) {
        ::setenv(hook_token_env, hook_token, 1);
        ::setenv(command_token_env, command_token, 1);
        ::setenv(bot_token_env, MattermostStandIn::bot_token, 1);
        ::setenv(secret_env, action_secret, 1);
        ::setenv(incoming_env, (mattermost.server_url() + "/hooks/" + MattermostStandIn::incoming_hook_key).c_str(), 1);
        {
            storage::Database db(database.string());
            before_start(db);
        }
        auto const cfg = write_config(name + ".json", json{
            {"server", {{"port", port}}},
            {"storage", {{"database", database.string()}}},
            {"outbox", {{"poll_interval_seconds", 1}}},
            {"mattermost", {{"enabled", true},
                            {"server_url", mattermost.server_url()},
                            {"tokens_env", {hook_token_env, command_token_env}},
                            {"bot_token_env", bot_token_env},
                            {"action_secret_env", secret_env},
                            {"public_url", "http://127.0.0.1:" + std::to_string(port)},
                            {"incoming_webhooks", {{"Næstved", incoming_env}}},
                            {"max_retry_wait_seconds", 5}}}}.dump());
        if (!directory_csv.empty()) {
            auto const csv = write_config(name + ".csv", directory_csv);
            REQUIRE(std::system((superbot + " directory import " + csv.string() + " --config " + cfg.string() + " > /dev/null").c_str()) == 0);
        }
        prepare(mattermost);
        pid = start_serve(cfg, port, work_dir() / (name + ".log"));
    }
    ~MattermostFixture() { stop_serve(pid); }

    HttpResponse post(std::string const& path, std::string const& body, std::string const& content_type,
                      std::vector<std::pair<std::string, std::string>> headers = {}) const {
        return http_request(port, verb::post, path, body, content_type, headers);
    }
};

/// An outgoing webhook's form body, as Mattermost posts it (OutgoingWebhookPayload.ToFormValues).
std::string webhook_body(std::string const& token, std::string const& text, std::string const& post_id = "post1",
                         std::string const& user = "uanne") {
    return "token=" + adapters::percent_encode(token) + "&team_id=" + MattermostStandIn::team_id + "&team_domain=naestved&channel_id=chan1"
           "&channel_name=town-square&timestamp=1700000000&user_id=" + user + "&user_name=anne&post_id=" + post_id +
           "&text=" + adapters::percent_encode("superbot " + text) + "&trigger_word=superbot&file_ids=";
}

/// A click on a button whose integration.context is `context`.
json click(json const& context, std::string const& trigger_id = "trigger-1") {
    return {{"user_id", "uanne"}, {"user_name", "anne"}, {"channel_id", "chan1"}, {"team_id", MattermostStandIn::team_id},
            {"post_id", "post9"}, {"trigger_id", trigger_id}, {"type", "button"}, {"context", context}};
}

}  // namespace

TEST_CASE("a Mattermost outgoing webhook with its token is answered inline as a comment, once", "[mattermost][integration]") {
    MattermostFixture f;
    auto const res = f.post("/api/mattermost/webhook", webhook_body(hook_token, question), form);
    REQUIRE(res.result_int() == 200);
    auto const answer = json::parse(res.body());
    CHECK(answer.value("response_type", "") == "comment");
    CHECK_THAT(answer.value("text", ""), Catch::Contains("superbruger", Catch::CaseSensitive::No));
    CHECK(f.mattermost.calls().empty());  // answered inline, no REST

    // The same post again (a replay): nothing more is answered.
    auto const again = f.post("/api/mattermost/webhook", webhook_body(hook_token, question), form);
    REQUIRE(again.result_int() == 200);
    CHECK(json::parse(again.body()).value("text", "") == "");
}

TEST_CASE("a Mattermost webhook in JSON is read with its token too", "[mattermost][integration]") {
    MattermostFixture f;
    json const body = {{"token", hook_token}, {"team_id", MattermostStandIn::team_id}, {"channel_id", "chan1"}, {"user_id", "uanne"},
                       {"user_name", "anne"}, {"post_id", "post2"}, {"text", "superbot " + question}, {"trigger_word", "superbot"},
                       {"timestamp", 1700000000000}};
    auto const res = f.post("/api/mattermost/webhook", body.dump(), "application/json");
    REQUIRE(res.result_int() == 200);
    CHECK_THAT(json::parse(res.body()).value("text", ""), Catch::Contains("superbruger", Catch::CaseSensitive::No));
}

TEST_CASE("Mattermost requests with a wrong or missing token get 401 and nothing is processed", "[mattermost][integration]") {
    MattermostFixture f;
    CHECK(f.post("/api/mattermost/webhook", webhook_body("not-the-token", question, "post3"), form).result_int() == 401);
    CHECK(f.post("/api/mattermost/webhook", webhook_body("", question, "post4"), form).result_int() == 401);
    std::string const command = "channel_id=chan1&command=%2Fsuperbot&team_id=teamstandin&text=hej&user_id=uanne&trigger_id=t1";
    CHECK(f.post("/api/mattermost/command", command, form).result_int() == 401);
    CHECK(f.post("/api/mattermost/command", command + "&token=not-the-token", form).result_int() == 401);
    // A right body token does not help a forged header.
    CHECK(f.post("/api/mattermost/command", command + "&token=" + command_token, form, {{"Authorization", "Token forged"}}).result_int() == 401);
    // Refused before the body is read: a token-less body that is not even a webhook's is 401, not 400.
    CHECK(f.post("/api/mattermost/webhook", "{not json", "application/json").result_int() == 401);

    // Nothing was remembered or claimed: the same post with the right token is answered.
    auto const res = f.post("/api/mattermost/webhook", webhook_body(hook_token, question, "post3"), form);
    REQUIRE(res.result_int() == 200);
    CHECK_THAT(json::parse(res.body()).value("text", ""), Catch::Contains("superbruger", Catch::CaseSensitive::No));
    CHECK(f.mattermost.calls().empty());
}

TEST_CASE("a Mattermost slash command is answered ephemeral", "[mattermost][integration]") {
    MattermostFixture f;
    std::string const body = "channel_id=chan1&channel_name=town-square&command=%2Fsuperbot&response_url=" +
                             adapters::percent_encode(f.mattermost.server_url() + "/hooks/commands/x") +
                             "&team_domain=naestved&team_id=teamstandin&text=" + adapters::percent_encode(question) +
                             "&token=" + command_token + "&trigger_id=trig1&user_id=uanne&user_name=anne";
    auto const res = f.post("/api/mattermost/command", body, form, {{"Authorization", std::string("Token ") + command_token}});
    REQUIRE(res.result_int() == 200);
    auto const answer = json::parse(res.body());
    CHECK(answer.value("response_type", "") == "ephemeral");
    CHECK_THAT(answer.value("text", ""), Catch::Contains("superbruger", Catch::CaseSensitive::No));
    CHECK(f.mattermost.calls().empty());
}

TEST_CASE("a Mattermost button click without the bot's secret gets 401", "[mattermost][integration]") {
    MattermostFixture f;
    CHECK(f.post("/api/mattermost/action", click({{"sb_command", "hjælp"}}).dump(), "application/json").result_int() == 401);
    CHECK(f.post("/api/mattermost/action", click({{"sb_command", "hjælp"}, {"sb_secret", "guessed"}}).dump(), "application/json").result_int() == 401);
    json const dialog = {{"type", "dialog_submission"}, {"callback_id", "sb_form"}, {"user_id", "uanne"}, {"team_id", "teamstandin"},
                         {"state", json{{"command", "hjælp"}, {"to", R"({"channel":"chan1"})"}, {"secret", "guessed"}}.dump()},
                         {"submission", json::object()}};
    CHECK(f.post("/api/mattermost/dialog", dialog.dump(), "application/json").result_int() == 401);
    std::this_thread::sleep_for(1000ms);
    CHECK(f.mattermost.calls().empty());
}

TEST_CASE("a form in a Mattermost answer is a button, and its click opens the dialog", "[mattermost][integration]") {
    MattermostFixture f([](storage::Database&) {},
                        "kommune;kommunenummer;navn;email;rolle;koordinator;platform;tenant;identitet\n"
                        "Næstved;370;Anne Sørensen;anne@naestved.dk;superbruger;nej;mattermost;;uanne\n");
    auto const res = f.post("/api/mattermost/webhook", webhook_body(hook_token, "nyt ændringsønske", "post5"), form);
    REQUIRE(res.result_int() == 200);
    auto const answer = json::parse(res.body());
    INFO(res.body());
    json button;
    for (auto const& attachment : answer["props"]["attachments"]) {
        for (auto const& action : attachment["actions"]) {
            if (action.value("id", "") == "sbopenform") button = action;
        }
    }
    REQUIRE(button.is_object());
    CHECK(button["integration"].value("url", "") == "http://127.0.0.1:" + std::to_string(f.port) + "/api/mattermost/action");

    REQUIRE(f.post("/api/mattermost/action", click(button["integration"]["context"], "trigger-7").dump(), "application/json").result_int() == 200);
    REQUIRE(f.mattermost.wait_for("/api/v4/actions/dialogs/open", 1));
    auto const opened = f.mattermost.calls("/api/v4/actions/dialogs/open").front();
    CHECK(opened.authorization == std::string("Bearer ") + MattermostStandIn::bot_token);
    CHECK(opened.json.value("trigger_id", "") == "trigger-7");
    CHECK(opened.json.value("url", "") == "http://127.0.0.1:" + std::to_string(f.port) + "/api/mattermost/dialog");
    CHECK(opened.json["dialog"].value("callback_id", "") == "sb_form");
    CHECK_FALSE(opened.json["dialog"]["elements"].empty());
}

TEST_CASE("an outbox message to a Mattermost user is delivered via channels/direct and posts", "[mattermost][integration]") {
    MattermostFixture f([](storage::Database& db) {
        adapters::ChatReply reply;
        reply.text = "Release 7 er på vej";
        auto const now = bot::utc_timestamp();
        storage::Outbox(db).enqueue(storage::OutboxMessage::to("test:1", "mattermost", "uberit", MattermostStandIn::team_id,
                                                               bot::reply_to_json(reply).dump(), now, now));
    });
    REQUIRE(f.mattermost.wait_for("/api/v4/posts", 1, 15s));
    auto const opened = f.mattermost.calls("/api/v4/channels/direct");
    REQUIRE(opened.size() == 1);
    CHECK(opened.front().authorization == std::string("Bearer ") + MattermostStandIn::bot_token);
    CHECK(opened.front().json == json::array({MattermostStandIn::bot_user_id, "uberit"}));
    auto const post = f.mattermost.calls("/api/v4/posts").front();
    CHECK(post.json.value("channel_id", "") == MattermostStandIn::direct_channel_of("uberit"));
    CHECK_THAT(post.json.value("message", ""), Catch::Contains("Release 7"));
}

namespace {
void enqueue_release_news(storage::Database& db) {
    adapters::ChatReply reply;
    reply.text = "Release 8 er på vej";
    auto const now = bot::utc_timestamp();
    storage::Outbox(db).enqueue(storage::OutboxMessage::to("test:2", "mattermost", "uberit", MattermostStandIn::team_id,
                                                           bot::reply_to_json(reply).dump(), now, now));
}

/// Waits until the outbox has a message with `status`.
bool outbox_has(std::filesystem::path const& database, std::string const& status) {
    for (int i = 0; i < 150; ++i) {
        storage::Database db(database.string());
        if (storage::Outbox(db).count(status) > 0) return true;
        std::this_thread::sleep_for(100ms);
    }
    return false;
}
}  // namespace

TEST_CASE("a message Mattermost refuses for good (403) is parked, not retried", "[mattermost][integration]") {
    MattermostFixture f(enqueue_release_news, {}, [](MattermostStandIn& m) { m.fail_next(100, 403); });
    CHECK(outbox_has(f.database, "parked"));
    CHECK(f.mattermost.calls("/api/v4/posts").empty());
    CHECK(f.mattermost.calls().size() == 1);  // one refusal, no retries
}

TEST_CASE("a Mattermost 429 is waited out and the message delivered", "[mattermost][integration]") {
    MattermostFixture f(enqueue_release_news, {}, [](MattermostStandIn& m) { m.fail_next(1, 429); });
    REQUIRE(f.mattermost.wait_for("/api/v4/posts", 1, 15s));
    CHECK_THAT(f.mattermost.calls("/api/v4/posts").front().json.value("message", ""), Catch::Contains("Release 8"));
    CHECK(outbox_has(f.database, "sent"));
}

TEST_CASE("a municipality's announcement reaches its Mattermost channel through the incoming webhook, buttons and all", "[mattermost][integration]") {
    MattermostFixture f([](storage::Database& db) {
        adapters::ChatReply reply;
        reply.text = "Ny DUBU-release: DUBU 3.5, som Næstved skal gennemgå";
        reply.actions.push_back({"Gennemgå", "gennemgå DUBU 3.5"});
        auto const now = bot::utc_timestamp();
        storage::Outbox(db).enqueue(storage::OutboxMessage::to("release-announce:1", "mattermost", "Næstved", "Næstved", bot::reply_to_json(reply).dump(), now, now));
    });
    auto const hook = std::string("/hooks/") + MattermostStandIn::incoming_hook_key;
    REQUIRE(f.mattermost.wait_for(hook, 1, 15s));
    auto const post = f.mattermost.calls(hook).front();
    CHECK(post.authorization.empty());  // the URL is the credential; the bot token stays home
    CHECK_THAT(post.json.value("text", ""), Catch::Contains("som Næstved skal gennemgå"));
    REQUIRE(post.json.contains("attachments"));
    auto const& button = post.json["attachments"][0]["actions"][0];
    CHECK(button.value("name", "") == "Gennemgå");
    CHECK_THAT(button["integration"].value("url", ""), Catch::EndsWith("/api/mattermost/action"));
    CHECK(f.mattermost.calls("/api/v4/channels/direct").empty());
    CHECK(outbox_has(f.database, "sent"));
}
