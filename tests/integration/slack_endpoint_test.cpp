// The Slack endpoints of the real `superbot serve`, against the loopback Slack Web API stand-in:
// a signed message gets its answer by chat.postMessage; retries, forged, replayed and unsigned
// requests post nothing; a slash command is answered inline; the outbox reaches a Slack user.
#include "adapters/percent_encoding.hpp"
#include "bot/reply_json.hpp"
#include "bot/time_format.hpp"
#include "storage/database.hpp"
#include "storage/outbox.hpp"
#include "tests/support/fixtures.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/slack_standin.hpp"
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

constexpr char const* token_env = "SB_TEST_SLACK_BOT_TOKEN";
constexpr char const* secret_env = "SB_TEST_SLACK_SIGNING_SECRET";

std::string const question = "hvad laver en superbruger?";

/// The stand-in, and superbot serve configured to post to it. `before_start` may write into
/// the server's database first.
struct SlackFixture {
    SlackStandIn slack;
    std::uint16_t port = free_port();
    std::string name = "slack-" + std::to_string(port);
    std::filesystem::path database = work_dir() / (name + ".sqlite");
    std::filesystem::path log = work_dir() / (name + ".log");
    pid_t pid = 0;

    /// `directory_csv`, when given, is imported before the server starts.
    explicit SlackFixture(std::function<void(storage::Database&)> const& before_start = [](storage::Database&) {},
                          std::string const& directory_csv = {}) {
        ::setenv(token_env, SlackStandIn::bot_token, 1);
        ::setenv(secret_env, SlackStandIn::signing_secret, 1);
        {
            storage::Database db(database.string());
            before_start(db);
        }
        auto const cfg = write_config(name + ".json", json{
            {"server", {{"port", port}}},
            {"storage", {{"database", database.string()}}},
            {"outbox", {{"poll_interval_seconds", 1}}},
            {"slack", {{"enabled", true},
                       {"bot_token_env", token_env},
                       {"signing_secret_env", secret_env},
                       {"api_base_url", slack.api_url()},
                       {"max_retry_wait_seconds", 5}}}}.dump());
        if (!directory_csv.empty()) {
            auto const csv = write_config(name + ".csv", directory_csv);
            REQUIRE(std::system((superbot + " directory import " + csv.string() + " --config " + cfg.string() + " > /dev/null").c_str()) == 0);
        }
        pid = start_serve(cfg, port, log);
    }
    ~SlackFixture() { stop_serve(pid); }

    HttpResponse post(std::string const& path, std::string const& body, std::string const& content_type,
                      std::vector<std::pair<std::string, std::string>> headers) const {
        return http_request(port, verb::post, path, body, content_type, headers);
    }
    HttpResponse post_event(json const& event, std::vector<std::pair<std::string, std::string>> extra = {}) const {
        auto const body = event.dump();
        auto headers = slack_signed_headers(body);
        headers.insert(headers.end(), extra.begin(), extra.end());
        return post("/api/slack/events", body, "application/json", headers);
    }
};

std::string posted_text(SlackCall const& call) {
    std::string out = call.args.value("text", "");
    if (call.args.contains("blocks")) out += call.args["blocks"].dump();
    return out;
}

}  // namespace

TEST_CASE("a signed Slack DM gets its answer by chat.postMessage, once however often Slack retries", "[slack][integration]") {
    SlackFixture f;
    auto const event = slack_dm_event("Ev1", question);
    auto const res = f.post_event(event);
    CHECK(res.result_int() == 200);
    REQUIRE(f.slack.wait_for("chat.postMessage", 1));
    auto const post = f.slack.calls("chat.postMessage").front();
    CHECK(post.authorization == std::string("Bearer ") + SlackStandIn::bot_token);
    CHECK(post.args.value("channel", "") == "DUANNE");
    CHECK_THAT(posted_text(post), Catch::Contains("superbruger", Catch::CaseSensitive::No));

    // Slack retries a delivery it thinks failed with the same event_id.
    auto const retried = f.post_event(event, {{"X-Slack-Retry-Num", "1"}, {"X-Slack-Retry-Reason", "http_timeout"}});
    CHECK(retried.result_int() == 200);
    std::this_thread::sleep_for(1500ms);
    CHECK(f.slack.calls("chat.postMessage").size() == 1);
}

TEST_CASE("Slack's url_verification is answered with its challenge", "[slack][integration]") {
    SlackFixture f;
    auto const res = f.post_event(json{{"type", "url_verification"}, {"token", "x"}, {"challenge", "chal-123"}});
    CHECK(res.result_int() == 200);
    CHECK_THAT(res.body(), Catch::Contains("chal-123"));
}

TEST_CASE("forged, replayed and unsigned Slack requests get 401 and nothing is posted", "[slack][integration]") {
    SlackFixture f;
    auto const body = slack_dm_event("Ev2", question).dump();
    auto const forged = f.post("/api/slack/events", body, "application/json", slack_signed_headers(body, "not-the-secret"));
    CHECK(forged.result_int() == 401);
    auto const replayed = f.post("/api/slack/events", body, "application/json",
                                 slack_signed_headers(body, SlackStandIn::signing_secret, std::chrono::system_clock::now() - 6min));
    CHECK(replayed.result_int() == 401);
    auto const unsigned_ = f.post("/api/slack/events", body, "application/json", {});
    CHECK(unsigned_.result_int() == 401);
    auto const unsigned_command = f.post("/api/slack/commands", "command=%2Fsuperbot&text=hej&user_id=UANNE",
                                         "application/x-www-form-urlencoded", {});
    CHECK(unsigned_command.result_int() == 401);
    std::this_thread::sleep_for(1000ms);
    CHECK(f.slack.calls("chat.postMessage").empty());
    CHECK(f.slack.call_count() == 0);
}

TEST_CASE("a Slack slash command is answered inline", "[slack][integration]") {
    SlackFixture f;
    std::string const body = "token=x&team_id=TSTANDIN&channel_id=C1&user_id=UANNE&user_name=anne&command=%2Fsuperbot"
                             "&text=hvad+laver+en+superbruger%3F&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1&trigger_id=13.1.x";
    auto const res = f.post("/api/slack/commands", body, "application/x-www-form-urlencoded", slack_signed_headers(body));
    CHECK(res.result_int() == 200);
    auto const answer = json::parse(res.body());
    CHECK(answer.value("response_type", "") == "ephemeral");
    CHECK_THAT(answer.dump(), Catch::Contains("superbruger", Catch::CaseSensitive::No));
    CHECK(f.slack.calls("chat.postMessage").empty());
}

TEST_CASE("an outbox message to a Slack user is delivered via conversations.open and chat.postMessage", "[slack][integration]") {
    SlackFixture f([](storage::Database& db) {
        adapters::ChatReply reply;
        reply.text = "Release 7 er på vej";
        auto const now = bot::utc_timestamp();
        storage::Outbox(db).enqueue(storage::OutboxMessage::to("test:1", "slack", "UBERIT", SlackStandIn::team_id,
                                                               bot::reply_to_json(reply).dump(), now, now));
    });
    REQUIRE(f.slack.wait_for("chat.postMessage", 1, 15s));
    auto const opened = f.slack.calls("conversations.open");
    REQUIRE(opened.size() == 1);
    CHECK(opened.front().args.value("users", "") == "UBERIT");
    auto const post = f.slack.calls("chat.postMessage").front();
    CHECK(post.args.value("channel", "") == "DUBERIT");
    CHECK_THAT(posted_text(post), Catch::Contains("Release 7"));
}

TEST_CASE("a click on a reply's form button opens the form as a modal with views.open", "[slack][integration]") {
    SlackFixture f([](storage::Database&) {},
                   "kommune;kommunenummer;navn;email;rolle;koordinator;platform;tenant;identitet\n"
                   "Næstved;370;Anne Sørensen;anne@naestved.dk;superbruger;nej;slack;;UANNE\n");
    REQUIRE(f.post_event(slack_dm_event("Ev3", "nyt ændringsønske")).result_int() == 200);
    REQUIRE(f.slack.wait_for("chat.postMessage", 1));
    auto const reply = f.slack.calls("chat.postMessage").front();
    json button;
    for (auto const& block : reply.args["blocks"]) {
        for (auto const& element : block.value("elements", json::array())) {
            if (element.value("action_id", "") == "sb_open_form") button = element;
        }
    }
    INFO(reply.body);
    REQUIRE(button.is_object());
    json const click = {{"type", "block_actions"},
                        {"team", {{"id", SlackStandIn::team_id}}},
                        {"user", {{"id", "UANNE"}, {"team_id", SlackStandIn::team_id}}},
                        {"trigger_id", "trigger-1"},
                        {"channel", {{"id", "DUANNE"}}},
                        {"actions", json::array({{{"action_id", "sb_open_form"}, {"type", "button"}, {"value", button["value"]}}})}};
    auto const body = "payload=" + adapters::percent_encode(click.dump());
    CHECK(f.post("/api/slack/interactivity", body, "application/x-www-form-urlencoded", slack_signed_headers(body)).result_int() == 200);
    REQUIRE(f.slack.wait_for("views.open", 1));
    auto const opened = f.slack.calls("views.open").front().args;
    CHECK(opened.value("trigger_id", "") == "trigger-1");
    CHECK(opened["view"].value("callback_id", "") == "sb_form");
    CHECK_THAT(opened["view"].dump(), Catch::Contains("\"block_id\":\"title\""));
    // The server is still there to answer the next message.
    REQUIRE(f.post_event(slack_dm_event("Ev4", question)).result_int() == 200);
    CHECK(f.slack.wait_for("chat.postMessage", 2));
}

TEST_CASE("a Slack user the directory knows only by e-mail is recognised through users.info, looked up once", "[slack][integration]") {
    // Bo's row has no Slack identity; Slack tells his e-mail (users:read.email).
    SlackFixture f([](storage::Database&) {},
                   "kommune;kommunenummer;navn;email;rolle;koordinator;platform;tenant;identitet\n"
                   "Ærø;492;Bo Berg;bo@aeroe.dk;superbruger;nej;;;\n");
    f.slack.add_user("UBO", "Bo@Aeroe.dk", "Bo Berg");
    REQUIRE(f.post_event(slack_dm_event("Ev5", "hvem er vores superbrugere?", "UBO")).result_int() == 200);
    REQUIRE(f.slack.wait_for("chat.postMessage", 1));
    CHECK_THAT(posted_text(f.slack.calls("chat.postMessage").front()), Catch::Contains("Bo Berg") && Catch::Contains("Ærø"));
    auto const lookups = f.slack.calls("users.info");
    REQUIRE(lookups.size() == 1);
    CHECK(lookups.front().args.value("user", "") == "UBO");

    REQUIRE(f.post_event(slack_dm_event("Ev6", "hvem er vores superbrugere?", "UBO")).result_int() == 200);
    REQUIRE(f.slack.wait_for("chat.postMessage", 2));
    CHECK(f.slack.calls("users.info").size() == 1);  // kept, not asked again
}

TEST_CASE("without the e-mail scope a Slack user is still answered, as someone the directory does not know", "[slack][integration]") {
    SlackFixture f;
    f.slack.fail_next(1, "missing_scope");
    REQUIRE(f.post_event(slack_dm_event("Ev7", question, "UCARL")).result_int() == 200);
    REQUIRE(f.slack.wait_for("chat.postMessage", 1));
    CHECK_THAT(posted_text(f.slack.calls("chat.postMessage").front()), Catch::Contains("superbruger", Catch::CaseSensitive::No));
    CHECK(f.slack.calls("users.info").size() == 1);
}
