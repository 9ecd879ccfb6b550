// The release scenario through the real server and the Teams adapter: the network's coordinator
// registers a release in chat, Næstved reviews it with the Teams card, Ærø in the text dialog,
// and the coordinator follows the progress; unknown releases and people outside the superbruger
// role get clear answers.
#include "tests/support/teams_chat.hpp"

#include <catch2/catch.hpp>

using namespace superbruger::tests;

namespace {

TeamsPerson const anne{"29:anne", "aad-anne", "tenant-naestved", "a:anne-chat"};
TeamsPerson const bo{"29:bo", "aad-bo", "tenant-aeroe", "a:bo-chat"};
TeamsPerson const per{"29:per", "aad-per", "tenant-aeroe", "a:per-chat"};
TeamsPerson const karen{"29:karen", "aad-karen", "tenant-kl", "a:karen-chat"};

std::string const directory = "kommune;kommunenummer;navn;email;rolle;koordinator;teams_tenant;teams_objektid\n"
                              "Næstved;370;Anne Sørensen;anne@naestved.dk;superbruger;nej;tenant-naestved;aad-anne\n"
                              "Ærø;492;Bo Berg;bo@aeroe.dk;superbruger;nej;tenant-aeroe;aad-bo\n"
                              "Ærø;492;Per Sagsbehandler;per@aeroe.dk;;nej;tenant-aeroe;aad-per\n"
                              "KL;000;Karen Koordinator;karen@kl.dk;;ja;tenant-kl;aad-karen\n";

}  // namespace

TEST_CASE("a release is registered in chat and reviewed with the card and the dialog", "[integration][teams][releases]") {
    TeamsChat s("release", directory);
    CHECK_THAT(s.say(anne, "registrer release DUBU 3.5 dato 2027-01-11 frist 2027-01-25"), Catch::Contains("Kun netværkets koordinatorer"));
    CHECK_THAT(s.say(karen, "registrer release DUBU 3.5 dato 2027-01-11 frist 2027-01-25"), Catch::Contains("Send release notes"));
    CHECK_THAT(s.say(karen, "## Sager\n- Ny sagsoversigt\n- Hurtigere søgning"), Catch::Contains("Skriv »ja« for at registrere"));
    CHECK_THAT(s.say(karen, "ja"), Catch::Contains("DUBU 3.5 er registreret med 2 punkter"));
    CHECK_THAT(s.say(karen, "registrer release dubu 3.5 dato 2027-01-11 frist 2027-01-25"), Catch::Contains("er allerede registreret"));

    // Næstved on the card: the item is an Adaptive Card with the review's inputs.
    CHECK_THAT(s.say(anne, "gennemgå DUBU 3.5"), Catch::Contains("punkt 1 af 2"));
    auto const card = s.last_reply()["attachments"][0]["content"];
    REQUIRE(card["type"] == "AdaptiveCard");
    bool has_effect_input = false;
    for (auto const& element : card["body"]) has_effect_input |= element.value("id", "") == "effect";
    CHECK(has_effect_input);
    CHECK_THAT(s.submit(anne, "gennemgang formular", {{"effect", "høj"}, {"local_config", "ja"}, {"communication", "nej"}}),
               Catch::Contains("Hvad skal konfigureres"));  // refused: "ja" needs what
    CHECK_THAT(s.submit(anne, "gennemgang formular",
                        {{"effect", "høj"}, {"local_config", "ja"}, {"local_config_what", "Journalfraser"}, {"communication", "nej"}}),
               Catch::Contains("punkt 2 af 2"));
    CHECK_THAT(s.submit(anne, "gennemgang formular", {{"effect", "lav"}, {"local_config", "nej"}, {"communication", "nej"}}),
               Catch::Contains("Alle punkter i DUBU 3.5 er gennemgået for Næstved"));

    // Ærø in plain text; Per is no superbruger.
    CHECK_THAT(s.say(per, "gennemgå DUBU 3.5"), Catch::Contains("superbrugere"));
    CHECK_THAT(s.say(bo, "gennemgå DUBU 3.5"), Catch::Contains("punkt 1 af 2"));
    CHECK_THAT(s.say(bo, "enorm"), Catch::Contains("Vælg ingen, lav, middel eller høj"));
    s.say(bo, "middel");
    s.say(bo, "nej");
    s.say(bo, "ja: nyhedsbrev");
    CHECK_THAT(s.say(bo, "-"), Catch::Contains("Punkt 1 er gemt"));
    CHECK_THAT(s.say(bo, "stop"), Catch::Contains("1 punkt blev gemt"));

    CHECK_THAT(s.say(bo, "status på DUBU 3.5"), Catch::Contains("Ærø: 1 af 2 punkter gennemgået; mangler 2"));
    auto const network = s.say(karen, "status på DUBU 3.5");
    CHECK_THAT(network, Catch::Contains("1 af 2 kommuner er færdige") && Catch::Contains("Uden superbrugere, så uden gennemgang: KL") && Catch::Contains("1 × høj") && Catch::Contains("Næstved: Journalfraser"));
    CHECK_THAT(s.say(bo, "gennemgå DUBU 9.9"), Catch::Contains("ingen release"));
    CHECK_THAT(s.say(bo, "stop påmindelser"), Catch::Contains("ikke flere påmindelser"));
}
