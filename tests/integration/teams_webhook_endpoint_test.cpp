// Teams outgoing webhooks through the real `superbot serve`: a signed mention is answered
// inline, with "vores" from the directory's Teams identity; wrong, missing, foreign and
// unsigned HMACs get 401 before the body is read; a replayed request is not answered twice.
#include "adapters/crypto/base64.hpp"
#include "adapters/teams_webhook/outgoing_webhook.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/superbot_process.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>

using namespace superbruger;
using namespace superbruger::tests;
using nlohmann::json;
using boost::beast::http::verb;

namespace {

std::string const naestved_key(32, 'n');
std::string const aeroe_key(32, 'a');

struct WebhookFixture {
    std::uint16_t port = free_port();
    std::string name = "teams-webhook-" + std::to_string(port);
    pid_t pid = 0;

    WebhookFixture() {
        ::setenv("SB_TEST_OWH_NAESTVED", adapters::crypto::base64_encode(naestved_key).c_str(), 1);
        ::setenv("SB_TEST_OWH_AEROE", adapters::crypto::base64_encode(aeroe_key).c_str(), 1);
        auto const cfg = write_config(name + ".json", json{
            {"server", {{"port", port}}},
            {"storage", {{"database", (work_dir() / (name + ".sqlite")).string()}}},
            {"teams_webhook", {{"enabled", true}, {"webhooks", {{"naestved", "SB_TEST_OWH_NAESTVED"}, {"aeroe", "SB_TEST_OWH_AEROE"}}}}}}.dump());
        auto const csv = write_config(name + ".csv", "kommune;kommunenummer;navn;email;rolle;koordinator;platform;tenant;identitet\n"
                                                     "Næstved;370;Anne Sørensen;anne@naestved.dk;superbruger;nej;teams;tenant-370;aad-anne\n");
        REQUIRE(std::system((superbot + " directory import " + csv.string() + " --config " + cfg.string() + " > /dev/null").c_str()) == 0);
        pid = start_serve(cfg, port, work_dir() / (name + ".log"));
    }
    ~WebhookFixture() { stop_serve(pid); }

    HttpResponse post(std::string const& target, std::string const& body, std::string const& authorization) const {
        std::vector<std::pair<std::string, std::string>> headers;
        if (!authorization.empty()) headers.emplace_back("Authorization", authorization);
        return http_request(port, verb::post, target, body, "application/json", headers);
    }
};

std::string mention(std::string const& id, std::string const& text) {
    return json{{"type", "message"},
                {"id", id},
                {"text", "<at>Superbot</at> " + text},
                {"from", {{"id", "29:anne"}, {"name", "Anne"}, {"aadObjectId", "aad-anne"}}},
                {"conversation", {{"id", "19:general@thread.skype;messageid=1"}}},
                {"recipient", {{"id", "null"}, {"name", "null"}}},
                {"channelData", {{"tenant", {{"id", "tenant-370"}}}}},
                {"entities", json::array({{{"type", "mention"}, {"mentioned", {{"id", "28:hook"}, {"name", "Superbot"}}}, {"text", "<at>Superbot</at>"}}})}}
        .dump();
}

}  // namespace

TEST_CASE("a signed Teams outgoing webhook mention is answered inline, vores from the directory", "[teams_webhook][integration]") {
    WebhookFixture f;
    auto const body = mention("m1", "hvem er vores superbrugere?");
    auto const res = f.post("/api/teams/webhook?id=naestved", body, adapters::teams_webhook::authorization_for(naestved_key, body));
    REQUIRE(res.result_int() == 200);
    auto const answer = json::parse(res.body());
    CHECK(answer["type"] == "message");
    CHECK_THAT(answer["text"].get<std::string>(), Catch::Contains("Anne Sørensen"));

    // The same request again (a replay: the HMAC has no timestamp) is not answered a second time.
    auto const again = f.post("/api/teams/webhook?id=naestved", body, adapters::teams_webhook::authorization_for(naestved_key, body));
    CHECK(again.result_int() == 200);
    CHECK(json::parse(again.body())["text"] == "");
}

TEST_CASE("wrong, foreign, missing and unsigned Teams webhook HMACs get 401 before the body is read", "[teams_webhook][integration]") {
    WebhookFixture f;
    auto const body = mention("m2", "hvad laver en superbruger?");
    auto const other = adapters::teams_webhook::authorization_for(aeroe_key, body);
    CHECK(f.post("/api/teams/webhook?id=naestved", body, other).result_int() == 401);  // Ærø's token on Næstved's URL
    CHECK(f.post("/api/teams/webhook?id=naestved", body, "HMAC AAAA").result_int() == 401);
    CHECK(f.post("/api/teams/webhook?id=naestved", body, "").result_int() == 401);
    CHECK(f.post("/api/teams/webhook?id=herning", body, other).result_int() == 401);  // no such webhook
    CHECK(f.post("/api/teams/webhook", body, other).result_int() == 401);              // several webhooks: the id is needed
    CHECK(f.post("/api/teams/webhook?id=naestved", "{not json", "HMAC AAAA").result_int() == 401);  // not 400: not parsed
    // Signed but malformed: now it is read, and refused as a bad request.
    CHECK(f.post("/api/teams/webhook?id=aeroe", "{not json", adapters::teams_webhook::authorization_for(aeroe_key, "{not json")).result_int() == 400);
    // Ærø's own URL with its token works.
    CHECK(f.post("/api/teams/webhook?id=aeroe", body, other).result_int() == 200);
}
