// The bot's jobs through a Teams outgoing webhook, the way a municipality without a Bot Framework
// bot uses them: people @mention the webhook in their team's channel and get the answer inline;
// forms are answered step by step since the webhook's cards cannot submit; the release
// announcement reaches the municipality's channel through its Workflows flow.
#include "adapters/crypto/base64.hpp"
#include "adapters/teams_webhook/outgoing_webhook.hpp"
#include "storage/database.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/superbot_process.hpp"
#include "tests/support/workflows_standin.hpp"

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>

#include <cstdlib>
#include <thread>

using namespace superbruger;
using namespace superbruger::tests;
using nlohmann::json;
using namespace std::chrono_literals;

namespace {

std::string const key(32, 'k');

struct Person {
    std::string handle;
    std::string tenant;
};
Person const anne{"anne", "tenant-370"};
Person const bo{"bo", "tenant-492"};
Person const karen{"karen", "tenant-000"};

struct WebhookNetwork {
    WorkflowsStandIn flows;
    std::uint16_t port = free_port();
    std::string name = "teams-webhook-scenario-" + std::to_string(port);
    std::string database = (work_dir() / (name + ".sqlite")).string();
    pid_t pid = 0;
    int sent = 0;

    WebhookNetwork() {
        ::setenv("SB_TEST_WHS_TOKEN", adapters::crypto::base64_encode(key).c_str(), 1);
        ::setenv("SB_TEST_WHS_NAESTVED", flows.url_of("naestved").c_str(), 1);
        ::setenv("SB_TEST_WHS_AEROE", flows.url_of("aeroe").c_str(), 1);
        auto const cfg = write_config(name + ".json", json{{"server", {{"port", port}}},
                                                           {"storage", {{"database", database}}},
                                                           {"outbox", {{"poll_interval_seconds", 1}}},
                                                           {"teams_webhook",
                                                            {{"enabled", true},
                                                             {"webhooks", {{"network", "SB_TEST_WHS_TOKEN"}}},
                                                             {"workflows", {{"Næstved", "SB_TEST_WHS_NAESTVED"}, {"Ærø", "SB_TEST_WHS_AEROE"}}}}}}
                                                              .dump());
        auto const csv = write_config(name + ".csv", "kommune;kommunenummer;navn;email;rolle;koordinator;platform;tenant;identitet\n"
                                                     "Næstved;370;Anne Sørensen;anne@naestved.dk;superbruger;nej;teams;tenant-370;aad-anne\n"
                                                     "Ærø;492;Bo Berg;bo@aeroe.dk;superbruger;nej;teams;tenant-492;aad-bo\n"
                                                     "KL;000;Karen Koordinator;karen@kl.dk;;ja;teams;tenant-000;aad-karen\n");
        REQUIRE(std::system((superbot + " directory import " + csv.string() + " --config " + cfg.string() + " > /dev/null").c_str()) == 0);
        pid = start_serve(cfg, port, work_dir() / (name + ".log"));
    }
    ~WebhookNetwork() { stop_serve(pid); }

    /// `who` @mentions the webhook in their team's channel; returns the inline answer's text.
    std::string say(Person const& who, std::string const& text) {
        auto const body = json{{"type", "message"},
                               {"id", "m" + std::to_string(++sent)},
                               {"text", "<at>Superbot</at> " + text},
                               {"from", {{"id", "29:" + who.handle}, {"name", who.handle}, {"aadObjectId", "aad-" + who.handle}}},
                               {"conversation", {{"id", "19:" + who.handle + "@thread.skype;messageid=1"}}},
                               {"recipient", {{"id", "null"}, {"name", "null"}}},
                               {"channelData", {{"tenant", {{"id", who.tenant}}}}},
                               {"entities", json::array({{{"type", "mention"},
                                                          {"mentioned", {{"id", "28:hook"}, {"name", "Superbot"}}},
                                                          {"text", "<at>Superbot</at>"}}})}}
                              .dump();
        auto const res = http_request(port, boost::beast::http::verb::post, "/api/teams/webhook", body, "application/json",
                                      {{"Authorization", adapters::teams_webhook::authorization_for(key, body)}});
        REQUIRE(res.result_int() == 200);
        return json::parse(res.body()).value("text", "");
    }
};

}  // namespace

TEST_CASE("every job of the bot works through a Teams outgoing webhook, announcements through Workflows", "[integration][teams_webhook][workflows][scenario]") {
    WebhookNetwork s;

    // 1. Questions: an answer with its source, and a plain "I do not know".
    CHECK_THAT(s.say(anne, "hvad laver en superbruger?"), Catch::Contains("superbruger") && Catch::Contains("Kilde"));
    CHECK_THAT(s.say(anne, "hvad koster en billet til månen?"), Catch::Contains("ikke"));

    // 2. The role directory: "vores" is the asker's municipality, from the Teams identity.
    CHECK_THAT(s.say(anne, "hvem er vores superbrugere?"), Catch::Contains("Anne Sørensen") && !Catch::Contains("Bo Berg"));

    // 3. A change request, answered step by step: the webhook's cards cannot submit a form.
    CHECK_THAT(s.say(anne, "nyt ændringsønske"), Catch::Contains("Trin 1 af 6"));
    CHECK_THAT(s.say(anne, "Fletning af journalnotater"), Catch::Contains("Trin 2 af 6"));
    CHECK_THAT(s.say(anne, "Vi ønsker at kunne flette to journalnotater til ét i DUBU"), Catch::Contains("Trin 3 af 6"));
    CHECK_THAT(s.say(anne, "Journal"), Catch::Contains("Trin 4 af 6"));
    CHECK_THAT(s.say(anne, "Mindre dobbeltarbejde"), Catch::Contains("Trin 5 af 6"));
    CHECK_THAT(s.say(anne, "høj"), Catch::Contains("Trin 6 af 6"));
    CHECK_THAT(s.say(anne, "Færre notater at læse"), Catch::Contains("Dit ændringsønske") && Catch::Contains("»send«"));
    auto const sent = s.say(anne, "send");
    auto const at = sent.find("ÆØ-20");
    REQUIRE(at != std::string::npos);
    auto const ref = sent.substr(at, std::string("ÆØ-2026-0001").size());
    CHECK_THAT(s.say(bo, "støt " + ref), Catch::Contains("Ærø støtter nu"));
    CHECK_THAT(s.say(karen, "flyt " + ref + " til sendt til KOMBIT"), Catch::Contains("er flyttet"));
    CHECK_THAT(s.say(anne, "status på " + ref), Catch::Contains("sendt til KOMBIT") && Catch::Contains("Ærø"));

    // 4. A release, registered by the coordinator and reviewed step by step.
    CHECK_THAT(s.say(karen, "registrer release DUBU 3.5 dato 2027-01-11 frist 2027-01-25"), Catch::Contains("Send release notes"));
    s.say(karen, "## Sager\n- Ny sagsoversigt\n- Hurtigere søgning");
    CHECK_THAT(s.say(karen, "ja"), Catch::Contains("DUBU 3.5 er registreret med 2 punkter"));
    CHECK_THAT(s.say(anne, "gennemgå DUBU 3.5"), Catch::Contains("punkt 1 af 2"));
    s.say(anne, "høj");
    // "ja" here answers the review, not the change request sent a moment ago.
    CHECK(s.say(anne, "ja") == "Hvad skal konfigureres?");
    s.say(anne, "Journalfraser");
    CHECK_THAT(s.say(anne, "nej"), Catch::Contains("note"));
    CHECK_THAT(s.say(anne, "-"), Catch::Contains("punkt 2 af 2"));
    s.say(anne, "lav");
    s.say(anne, "nej");
    s.say(anne, "nej");
    CHECK_THAT(s.say(anne, "-"), Catch::Contains("Alle punkter i DUBU 3.5 er gennemgået for Næstved"));
    CHECK_THAT(s.say(karen, "status på DUBU 3.5"), Catch::Contains("1 af 2 kommuner er færdige") && Catch::Contains("Næstved: Journalfraser"));

    // 5. The announcement waits for the weekday send window; when it comes (moved here to now),
    // each municipality's channel gets it through its Workflows flow, with what to type.
    {
        storage::Database db(s.database);
        db.connection().exec("UPDATE outbox SET next_attempt_at = '2000-01-01T00:00:00Z' WHERE status = 'pending'");
    }
    for (int i = 0; i < 150 && (s.flows.delivered("naestved").empty() || s.flows.delivered("aeroe").empty()); ++i) std::this_thread::sleep_for(100ms);
    std::this_thread::sleep_for(2500ms);  // later outbox rounds: nothing is posted twice
    REQUIRE(s.flows.delivered("naestved").size() == 1);
    REQUIRE(s.flows.delivered("aeroe").size() == 1);
    CHECK_THAT(s.flows.delivered("naestved")[0].card_text(), Catch::Contains("som Næstved skal gennemgå senest 2027-01-25") &&
                                                             Catch::Contains("»gennemgå DUBU 3.5«"));
    CHECK_THAT(s.flows.delivered("aeroe")[0].card_text(), Catch::Contains("som Ærø skal gennemgå senest 2027-01-25"));
}
