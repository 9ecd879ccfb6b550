// Release reviews in chat: the item-by-item dialog shared by a municipality's superbrugere, the
// card form, skip and stop, progress for the municipality and for coordinators, and muting.
#include "bot/assistant.hpp"
#include "bot/config.hpp"
#include "bot/directory/directory_csv.hpp"
#include "bot/knowledge_service.hpp"
#include "bot/releases/release_desk.hpp"
#include "bot/releases/release_registry.hpp"
#include "storage/answer_log.hpp"
#include "storage/database.hpp"
#include "storage/question_log.hpp"
#include "storage/release_reviews.hpp"
#include "storage/reminder_mutes.hpp"

#include <catch2/catch.hpp>

using namespace superbruger;

namespace {

struct Harness {
    storage::Database db{":memory:"};
    storage::QuestionLog questions{db};
    storage::AnswerLog answers{db};
    bot::KnowledgeService knowledge{bot::load_config(std::nullopt).knowledge};
    bot::directory::DirectoryService directory{db, knowledge};
    bot::releases::ReleaseDesk desk{db, directory, {14, 7, 2}};
    bot::Assistant assistant{knowledge, questions, answers, nullptr, nullptr, &desk};
    storage::Release release;

    Harness() {
        REQUIRE(bot::directory::import_csv("kommune;kommunenummer;navn;email;rolle;koordinator\n"
                                           "Næstved;370;Anne Sørensen;anne@naestved.dk;superbruger;nej\n"
                                           "Næstved;370;Ida Holm;ida@naestved.dk;superbruger;nej\n"
                                           "Ærø;492;Per Sagsbehandler;per@aeroe.dk;;nej\n"
                                           "KL;000;Karen Koordinator;karen@kl.dk;;ja\n",
                                           directory, {"t", "2026-11-22T10:00:00Z", "2026-11-22"}, false)
                    .problems.empty());
        release = bot::releases::ReleaseRegistry(db).add(
            {"DUBU 3.4", "2026-12-01", "2026-12-15", "## Breve\n- Nye standardbreve\n- Journalfraser\n- Ydelseskatalog med takster", "Karen"});
    }

    adapters::ChatReply say(std::string const& email, std::string text, std::map<std::string, std::string> form = {}) {
        adapters::ChatMessage m;
        m.platform = "teams";
        m.sender.user_id = "29:" + email;
        m.sender.email = email;
        m.text = std::move(text);
        m.form_values = std::move(form);
        return assistant.handle(m);
    }
};

}  // namespace

TEST_CASE("a superbruger reviews item by item and a colleague finishes the municipality's review", "[bot][releases][review]") {
    Harness h;
    auto first = h.say("anne@naestved.dk", "gennemgå DUBU 3.4");
    CHECK_THAT(first.text, Catch::Contains("punkt 1 af 3: Breve: Nye standardbreve") && Catch::Contains("ingen, lav, middel eller høj"));
    REQUIRE(first.form);  // Teams shows the item as a card
    CHECK_THAT(h.say("anne@naestved.dk", "enorm").text, Catch::Contains("Vælg ingen, lav, middel eller høj"));
    CHECK_THAT(h.say("anne@naestved.dk", "høj").text, Catch::Contains("lokal konfiguration"));
    CHECK_THAT(h.say("anne@naestved.dk", "måske").text, Catch::Contains("Svar nej, eller ja"));
    CHECK_THAT(h.say("anne@naestved.dk", "ja").text, Catch::Contains("Hvad skal konfigureres"));
    CHECK_THAT(h.say("anne@naestved.dk", "Nye brevskabeloner").text, Catch::Contains("Skal slutbrugerne have besked"));
    CHECK_THAT(h.say("anne@naestved.dk", "ja: nyhedsbrev").text, Catch::Contains("note"));
    CHECK_THAT(h.say("anne@naestved.dk", "-").text, Catch::Contains("Punkt 1 er gemt") && Catch::Contains("punkt 2 af 3"));
    CHECK_THAT(h.say("anne@naestved.dk", "stop").text, Catch::Contains("1 punkt blev gemt"));

    storage::ReleaseReviews reviews(h.db);
    auto saved = reviews.of_release(h.release.id);
    REQUIRE(saved.size() == 1);
    CHECK(saved[0].effect == "høj");
    CHECK(saved[0].local_config_what == "Nye brevskabeloner");
    CHECK(saved[0].communication_how == "nyhedsbrev");
    CHECK(saved[0].reviewed_by == "Anne Sørensen");

    // Ida (same municipality) starts where the municipality is: item 2. She uses the card.
    CHECK_THAT(h.say("ida@naestved.dk", "gennemgå dubu 3.4").text, Catch::Contains("punkt 2 af 3"));
    auto refused = h.say("ida@naestved.dk", "gennemgang formular", {{"effect", "lav"}, {"local_config", "ja"}, {"communication", "nej"}});
    CHECK_THAT(refused.text, Catch::Contains("Hvad skal konfigureres"));
    CHECK_THAT(h.say("ida@naestved.dk", "gennemgang formular",
                     {{"effect", "lav"}, {"local_config", "ja"}, {"local_config_what", "Journalfraser"}, {"communication", "nej"}})
                   .text,
               Catch::Contains("punkt 3 af 3"));
    CHECK_THAT(h.say("ida@naestved.dk", "spring over").text, Catch::Contains("punkt 3 af 3"));  // the only open one comes round again
    h.say("ida@naestved.dk", "ingen");
    h.say("ida@naestved.dk", "nej");
    h.say("ida@naestved.dk", "nej");
    CHECK_THAT(h.say("ida@naestved.dk", "OK").text, Catch::Contains("Alle punkter i DUBU 3.4 er gennemgået for Næstved"));
    CHECK(reviews.of_release(h.release.id).size() == 3);
    // The dialog has ended: ordinary questions are answered again.
    CHECK(h.say("ida@naestved.dk", "hvem må kontakte Netcompanys servicedesk?").confident);
}

TEST_CASE("progress for the municipality and the network view for coordinators", "[bot][releases][review]") {
    Harness h;
    h.say("anne@naestved.dk", "gennemgå DUBU 3.4");
    h.say("anne@naestved.dk", "høj");
    h.say("anne@naestved.dk", "ja: breve");
    h.say("anne@naestved.dk", "nej");
    h.say("anne@naestved.dk", "-");
    CHECK_THAT(h.say("anne@naestved.dk", "stop").text, Catch::Contains("stoppet"));
    auto const mine = h.say("anne@naestved.dk", "status på DUBU 3.4").text;
    CHECK_THAT(mine, Catch::Contains("Næstved: 1 af 3 punkter gennemgået; mangler 2, 3"));
    CHECK_THAT(mine, !Catch::Contains("Netværket"));
    auto const network = h.say("karen@kl.dk", "status på DUBU 3.4").text;
    // Ærø has no superbruger (Per is a caseworker), nor has KL: they are named, not counted.
    CHECK_THAT(network, Catch::Contains("0 af 1 kommuner er færdige") && Catch::Contains("1 × høj") && Catch::Contains("Næstved: breve") &&
                            Catch::Contains("Uden superbrugere, så uden gennemgang: KL, Ærø"));
    CHECK_THAT(h.say("per@aeroe.dk", "gennemgå DUBU 3.4").text, Catch::Contains("superbrugere"));
    CHECK_THAT(h.say("anne@naestved.dk", "gennemgå DUBU 9.9").text, Catch::Contains("ingen release"));
}

TEST_CASE("reminders can be muted and unmuted", "[bot][releases][reminders]") {
    Harness h;
    storage::ReminderMutes mutes(h.db);
    CHECK_THAT(h.say("anne@naestved.dk", "stop påmindelser").text, Catch::Contains("ikke flere påmindelser"));
    CHECK(mutes.muted("teams", "29:anne@naestved.dk"));
    CHECK_THAT(h.say("anne@naestved.dk", "stop påmindelser").text, Catch::Contains("allerede slået fra"));
    CHECK_THAT(h.say("anne@naestved.dk", "start påmindelser").text, Catch::Contains("påmindelser igen"));
    CHECK_FALSE(mutes.muted("teams", "29:anne@naestved.dk"));
}

TEST_CASE("a coordinator registers a release in chat with the notes as the next message", "[bot][releases][registration]") {
    Harness h;
    CHECK_THAT(h.say("anne@naestved.dk", "registrer release DUBU 3.5 dato 2027-01-10 frist 2027-01-24").text,
               Catch::Contains("Kun netværkets koordinatorer"));
    CHECK_THAT(h.say("karen@kl.dk", "registrer release DUBU 3.5 dato 2027-01-10 frist 2027-01-24").text,
               Catch::Contains("Send release notes for DUBU 3.5"));
    // First the preview: what every superbruger will get, and how many; nothing is stored yet.
    auto const preview = h.say("karen@kl.dk", "## Sager\n- Ny sagsoversigt\n- Hurtigere søgning");
    CHECK_THAT(preview.text, Catch::Contains("1. Sager: Ny sagsoversigt") && Catch::Contains("»ja«") &&
                                 Catch::Contains("Meddelelsen når ingen"));  // no one here has a chat identity
    REQUIRE(preview.actions.size() == 2);
    CHECK_FALSE(bot::releases::ReleaseRegistry(h.db).find("DUBU 3.5"));
    auto const done = h.say("karen@kl.dk", preview.actions[0].value);
    CHECK_THAT(done.text, Catch::Contains("DUBU 3.5 er registreret med 2 punkter") && Catch::Contains("1. Sager: Ny sagsoversigt"));
    CHECK(bot::releases::ReleaseRegistry(h.db).find("DUBU 3.5"));
    // A date in the past is pointed out, and "nej" stores nothing.
    h.say("karen@kl.dk", "registrer release DUBU 3.8 dato 2020-01-10 frist 2020-01-24");
    CHECK_THAT(h.say("karen@kl.dk", "- Breve").text, Catch::Contains("ligger i fortiden"));
    CHECK_THAT(h.say("karen@kl.dk", "nej").text, Catch::Contains("annulleret"));
    CHECK_FALSE(bot::releases::ReleaseRegistry(h.db).find("DUBU 3.8"));
    // Bad input is refused with nothing stored.
    CHECK_THAT(h.say("karen@kl.dk", "registrer release DUBU 3.6 dato 2027-02-10 frist 2027-01-24").text,
               Catch::Contains("før releasedatoen") && Catch::Contains("Intet er registreret"));
    h.say("karen@kl.dk", "registrer release DUBU 3.6 dato 2027-02-10 frist 2027-02-24");
    CHECK_THAT(h.say("karen@kl.dk", "   ").text, Catch::Contains("Release notes er tomme") && Catch::Contains("Intet er registreret"));
    CHECK_FALSE(bot::releases::ReleaseRegistry(h.db).find("DUBU 3.6"));
    h.say("karen@kl.dk", "registrer release DUBU 3.7 dato 2027-02-10 frist 2027-02-24");
    CHECK_THAT(h.say("karen@kl.dk", "annuller").text, Catch::Contains("annulleret"));
    CHECK_FALSE(bot::releases::ReleaseRegistry(h.db).find("DUBU 3.7"));
}

TEST_CASE("a registration that cannot succeed is refused at once and the next message is not taken as notes", "[bot][releases][registration]") {
    Harness h;  // DUBU 3.4 is registered
    CHECK_THAT(h.say("karen@kl.dk", "registrer release dubu 3.4 dato 2027-01-10 frist 2027-01-24").text,
               Catch::Contains("»dubu 3.4« er allerede registreret") && Catch::Contains("Intet er registreret"));
    CHECK_THAT(h.say("karen@kl.dk", "status på DUBU 3.4").text, Catch::Contains("kommuner er færdige"));
    CHECK_THAT(h.say("karen@kl.dk", "registrer release DUBU 3.5 dato 2027-01-24 frist 2027-01-10").text,
               Catch::Contains("ligger før releasedatoen"));
    CHECK_THAT(h.say("karen@kl.dk", "registrer release DUBU 3.5 dato 2027-02-30 frist 2027-03-10").text, Catch::Contains("Releasedatoen"));
    CHECK_THAT(h.say("karen@kl.dk", "status på DUBU 3.4").text, Catch::Contains("kommuner er færdige"));
}
