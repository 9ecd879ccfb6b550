// The bot's five jobs, one scenario, run unchanged on every platform's stand-in: a question
// answered with its source and one declined, "vores" from the role directory, a change request
// filed through the platform's form, supported in another municipality and moved by the
// coordinator with both superbrugere told in their chat, a release registered and reviewed through
// the form, and its announcement delivered by the outbox once its send window comes.
#include "storage/database.hpp"
#include "tests/support/chat_network.hpp"

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <thread>

using namespace superbruger;
using namespace superbruger::tests;
using namespace std::chrono_literals;

namespace {

Member const anne{"anne", "Næstved", "370", "Anne Sørensen", "superbruger", false};
Member const bo{"bo", "Ærø", "492", "Bo Berg", "superbruger", false};
Member const karen{"karen", "KL", "000", "Karen Koordinator", "", true};

using NetworkFactory = std::function<std::unique_ptr<ChatNetwork>(std::string const&, std::vector<Member> const&)>;

/// How many of the messages in `who`'s chat contain `needle`, once at least `expected` do (or 15 s passed).
std::size_t messages_with(ChatNetwork& network, Member const& who, std::string const& needle, std::size_t expected) {
    std::size_t found = 0;
    for (int i = 0; i < 150; ++i) {
        auto const chat = network.chat_of(who);
        found = static_cast<std::size_t>(std::count_if(chat.begin(), chat.end(), [&](auto const& m) { return m.find(needle) != std::string::npos; }));
        if (found >= expected) break;
        std::this_thread::sleep_for(100ms);
    }
    return found;
}

}  // namespace

TEST_CASE("every job of the bot works the same on every platform", "[integration][teams][slack][mattermost][scenario]") {
    auto const [platform, make] = GENERATE(table<std::string, NetworkFactory>({
        {"teams", teams_network},
        {"slack", slack_network},
        {"mattermost", mattermost_network},
    }));
    DYNAMIC_SECTION(platform) {
        auto network = make("every-platform", {anne, bo, karen});
        auto& s = *network;

        // 1. Questions: an answer with its source, and a plain "I do not know".
        CHECK_THAT(s.say(anne, "hvad laver en superbruger?"), Catch::Contains("superbruger") && Catch::Contains("Kilde"));
        CHECK_THAT(s.say(anne, "hvad koster en billet til månen?"), Catch::Contains("ikke"));

        // 2. The role directory: "vores" is the asker's municipality.
        CHECK_THAT(s.say(anne, "hvem er vores superbrugere?"), Catch::Contains("Anne Sørensen") && !Catch::Contains("Bo Berg"));

        // 3. A change request through the platform's form.
        CHECK_THAT(s.say(anne, "nyt ændringsønske"), Catch::Contains("Trin 1 af 6"));
        CHECK_THAT(s.submit_form(anne, {{"title", "Fletning af journalnotater"},
                                        {"description", "Vi ønsker at kunne flette to journalnotater til ét i DUBU"},
                                        {"area", "Journal"},
                                        {"benefit", "Mindre dobbeltarbejde"},
                                        {"urgency", "høj"},
                                        {"workflow_effect", "Færre notater at læse"}}),
                   Catch::Contains("Dit ændringsønske"));
        auto const sent = s.say(anne, "send");
        auto const at = sent.find("ÆØ-20");
        REQUIRE(at != std::string::npos);
        auto const ref = sent.substr(at, std::string("ÆØ-2026-0001").size());
        CHECK_THAT(s.say(bo, "støt " + ref), Catch::Contains("Ærø støtter nu"));
        CHECK_THAT(s.say(karen, "flyt " + ref + " til sendt til KOMBIT"), Catch::Contains("er flyttet"));
        CHECK(messages_with(s, anne, "støtter nu jeres", 1) == 1);
        CHECK(messages_with(s, anne, "har skiftet status", 1) == 1);
        CHECK(messages_with(s, bo, "har skiftet status", 1) == 1);

        // 4. A release, registered by the coordinator and reviewed through the form.
        CHECK_THAT(s.say(karen, "registrer release DUBU 3.5 dato 2027-01-11 frist 2027-01-25"), Catch::Contains("Send release notes"));
        s.say(karen, "## Sager\n- Ny sagsoversigt\n- Hurtigere søgning");
        CHECK_THAT(s.say(karen, "ja"), Catch::Contains("DUBU 3.5 er registreret med 2 punkter"));
        CHECK_THAT(s.say(anne, "gennemgå DUBU 3.5"), Catch::Contains("punkt 1 af 2"));
        // A submission that is refused keeps the form in front of her, with what to mend.
        CHECK_THAT(s.submit_form(anne, {{"effect", "høj"}, {"local_config", "ja"}, {"communication", "nej"}}),
                   Catch::Contains("Hvad skal konfigureres"));
        CHECK_THAT(s.submit_form(anne, {{"effect", "høj"}, {"local_config", "ja"}, {"local_config_what", "Journalfraser"}, {"communication", "nej"}}),
                   Catch::Contains("punkt 2 af 2"));
        CHECK_THAT(s.submit_form(anne, {{"effect", "lav"}, {"local_config", "nej"}, {"communication", "nej"}}),
                   Catch::Contains("Alle punkter i DUBU 3.5 er gennemgået for Næstved"));
        CHECK_THAT(s.say(karen, "status på DUBU 3.5"), Catch::Contains("1 af 2 kommuner er færdige") && Catch::Contains("Næstved: Journalfraser"));

        // 5. The announcement waits in the outbox for the weekday send window; when it comes
        // (moved here to now), the outbox delivers it into each superbruger's chat.
        {
            storage::Database db(s.database());
            db.connection().exec("UPDATE outbox SET next_attempt_at = '2000-01-01T00:00:00Z' WHERE status = 'pending'");
        }
        CHECK(messages_with(s, bo, "som Ærø skal gennemgå senest 2027-01-25", 1) == 1);
        CHECK(messages_with(s, anne, "som Næstved skal gennemgå senest 2027-01-25", 1) == 1);
        CHECK(messages_with(s, karen, "som KL skal gennemgå", 0) == 0);  // the coordinator is no superbruger
    }
}
