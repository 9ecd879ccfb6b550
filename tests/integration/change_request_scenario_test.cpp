// The change-request scenario through the real server and the Teams adapter: a superbruger in
// Næstved files a request in chat, a superbruger in Ærø finds it and supports it, the network's
// coordinator moves it to "sendt til KOMBIT", and both superbrugere get a Teams message about it.
#include "tests/support/bot_framework_standin.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/superbot_process.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <thread>

using namespace superbruger::tests;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

struct Person {
    std::string user_id;
    std::string aad;
    std::string tenant;
    std::string chat;
};

Person const anne{"29:anne", "aad-anne", "tenant-naestved", "a:anne-chat"};
Person const bo{"29:bo", "aad-bo", "tenant-aeroe", "a:bo-chat"};
Person const karen{"29:karen", "aad-karen", "tenant-kl", "a:karen-chat"};

class Scenario {
public:
    Scenario() {
        ::setenv("SB_TEST_TEAMS_APP_PASSWORD", "pw", 1);
        auto const name = "cr-" + std::to_string(port_);
        auto const csv = write_config(name + ".csv",
                                      "kommune;kommunenummer;navn;email;rolle;koordinator;teams_tenant;teams_objektid\n"
                                      "Næstved;370;Anne Sørensen;anne@naestved.dk;superbruger;nej;tenant-naestved;aad-anne\n"
                                      "Ærø;492;Bo Berg;bo@aeroe.dk;superbruger;nej;tenant-aeroe;aad-bo\n"
                                      "KL;000;Karen Koordinator;karen@kl.dk;;ja;tenant-kl;aad-karen\n");
        auto const cfg = write_config(name + ".json", json{
            {"server", {{"port", port_}}},
            {"storage", {{"database", name + ".sqlite"}}},
            {"outbox", {{"poll_interval_seconds", 1}}},
            {"teams", {{"app_id", BotFrameworkStandIn::app_id},
                       {"app_password_env", "SB_TEST_TEAMS_APP_PASSWORD"},
                       {"openid_metadata_url", bf_.base_url() + "openid"},
                       {"token_url", bf_.base_url() + "token"},
                       {"allowed_service_url_hosts", {"127.0.0.1"}}}}}.dump());
        REQUIRE(std::system((superbot + " directory import " + csv.string() + " --config " + cfg.string() + " > /dev/null").c_str()) == 0);
        pid_ = start_serve(cfg, port_, work_dir() / (name + ".log"));
    }
    ~Scenario() { stop_serve(pid_); }

    /// One chat message from `who`; returns the text (or card text) of the bot's reply.
    std::string say(Person const& who, std::string const& text) {
        auto activity = teams_message(bf_.service_url(), "act-" + std::to_string(++sent_), text, who.tenant);
        activity["from"] = {{"id", who.user_id}, {"name", who.user_id}, {"aadObjectId", who.aad}};
        activity["conversation"]["id"] = who.chat;
        auto const before = bf_.connector_requests().size();
        auto const res = http_request(port_, boost::beast::http::verb::post, "/api/messages", activity.dump(), "application/json",
                                      {{"Authorization", "Bearer " + bf_.token()}});
        REQUIRE(res.result_int() == 200);
        REQUIRE(bf_.wait_for_connector(before + 1));
        return text_of(bf_.connector_requests()[before].json());
    }

    static std::string text_of(json const& activity) {
        if (activity.contains("text")) return activity["text"].get<std::string>();
        std::string out;
        for (auto const& block : activity["attachments"][0]["content"]["body"]) {
            if (block.value("type", "") == "TextBlock") out += block.value("text", "") + "\n";
        }
        return out;
    }

    BotFrameworkStandIn& bf() { return bf_; }

private:
    BotFrameworkStandIn bf_;
    std::uint16_t port_ = free_port();
    pid_t pid_ = 0;
    int sent_ = 0;
};

}  // namespace

TEST_CASE("a request filed in one municipality is supported in another and both hear when it goes to KOMBIT",
          "[integration][teams][change_requests]") {
    Scenario s;
    CHECK_THAT(s.say(anne, "nyt ændringsønske"), Catch::Contains("Trin 1 af 6"));
    s.say(anne, "Fletning af journalnotater");
    s.say(anne, "Vi ønsker at kunne flette to journalnotater til ét i DUBU");
    s.say(anne, "Journal");
    s.say(anne, "Mindre dobbeltarbejde");
    s.say(anne, "høj");
    CHECK_THAT(s.say(anne, "Færre notater at læse"), Catch::Contains("Dit ændringsønske"));
    CHECK_THAT(s.say(anne, "send"), Catch::Contains("ÆØ-2026-0001") || Catch::Contains("ÆØ-2027-0001"));
    std::string const ref = s.say(anne, "mine ændringsønsker").find("ÆØ-2026-0001") != std::string::npos ? "ÆØ-2026-0001" : "ÆØ-2027-0001";

    // Bo in Ærø starts the same wish and is shown Anne's.
    s.say(bo, "nyt ændringsønske");
    s.say(bo, "Flette journalnotater");
    s.say(bo, "Det skal være muligt at flette journalnotater");
    s.say(bo, "Journal");
    s.say(bo, "Tid");
    s.say(bo, "middel");
    CHECK_THAT(s.say(bo, "Færre notater"), Catch::Contains(ref) && Catch::Contains("Næstved"));
    CHECK_THAT(s.say(bo, "støt " + ref), Catch::Contains("Ærø støtter nu"));

    CHECK_THAT(s.say(karen, "flyt " + ref + " til sendt til KOMBIT"), Catch::Contains("er flyttet"));

    // The notifications arrive on their own, in each person's chat: Anne hears of the support
    // and of the move, Bo of the move.
    int to_anne = 0, to_bo = 0, support_to_anne = 0;
    for (int i = 0; i < 100 && (to_anne + to_bo < 2 || support_to_anne < 1); ++i) {
        std::this_thread::sleep_for(100ms);
        to_anne = to_bo = support_to_anne = 0;
        for (auto const& r : s.bf().connector_requests()) {
            auto const text = Scenario::text_of(r.json());
            bool const anne_chat = r.target == "/v3/conversations/a%3Aanne-chat/activities";
            if (text.find("støtter nu jeres") != std::string::npos) support_to_anne += anne_chat;
            if (text.find("har skiftet status") == std::string::npos) continue;
            CHECK_THAT(text, Catch::Contains("sendt til KOMBIT") && Catch::Contains(ref));
            to_anne += anne_chat;
            to_bo += r.target == "/v3/conversations/a%3Abo-chat/activities";
        }
    }
    CHECK(support_to_anne == 1);
    CHECK(to_anne == 1);
    CHECK(to_bo == 1);
}
