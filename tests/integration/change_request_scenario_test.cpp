// The change-request scenario through the real server and the Teams adapter: a superbruger in
// Næstved files a request in chat, a superbruger in Ærø finds it and supports it, the network's
// coordinator moves it to "sendt til KOMBIT", and both superbrugere get a Teams message about it.
#include "tests/support/teams_chat.hpp"

#include <catch2/catch.hpp>

#include <thread>

using namespace superbruger::tests;
using namespace std::chrono_literals;

namespace {

TeamsPerson const anne{"29:anne", "aad-anne", "tenant-naestved", "a:anne-chat"};
TeamsPerson const bo{"29:bo", "aad-bo", "tenant-aeroe", "a:bo-chat"};
TeamsPerson const karen{"29:karen", "aad-karen", "tenant-kl", "a:karen-chat"};

std::string const directory = "kommune;kommunenummer;navn;email;rolle;koordinator;teams_tenant;teams_objektid\n"
                              "Næstved;370;Anne Sørensen;anne@naestved.dk;superbruger;nej;tenant-naestved;aad-anne\n"
                              "Ærø;492;Bo Berg;bo@aeroe.dk;superbruger;nej;tenant-aeroe;aad-bo\n"
                              "KL;000;Karen Koordinator;karen@kl.dk;;ja;tenant-kl;aad-karen\n";

}  // namespace

TEST_CASE("a request filed in one municipality is supported in another and both hear when it goes to KOMBIT",
          "[integration][teams][change_requests]") {
    TeamsChat s("cr", directory);
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
            auto const text = TeamsChat::text_of(r.json());
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
