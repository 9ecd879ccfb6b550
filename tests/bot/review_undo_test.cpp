// Going back and correcting in the release review, and sharing it: "tilbage" is never saved as
// an answer, "ret punkt N" opens a saved item again, a colleague's answer is shown and kept
// unless the reviewer confirms, and the status shows who answered each item.
#include "storage/release_reviews.hpp"
#include "tests/support/conversation.hpp"

using namespace superbruger;
using superbruger::tests::Conversation;

namespace {
std::optional<storage::ItemReview> saved_item(Conversation& c, int item) {
    auto const release = bot::releases::ReleaseRegistry(c.db).find("DUBU 3.4");
    for (auto const& r : storage::ReleaseReviews(c.db).of_release(release->id)) {
        if (r.item_number == item) return r;
    }
    return std::nullopt;
}
}  // namespace

TEST_CASE("tilbage goes back one question in the review and ret punkt N opens a saved item", "[bot][releases][undo]") {
    Conversation c;
    c.say("anne@naestved.dk", "gennemgå DUBU 3.4");
    c.say("anne@naestved.dk", "høj");
    CHECK_THAT(c.say("anne@naestved.dk", "ja").text, Catch::Contains("Hvad skal konfigureres"));
    // "tilbage" is not what needs configuring: it asks the previous question again.
    CHECK_THAT(c.say("anne@naestved.dk", "tilbage").text, Catch::Contains("Vi går et spørgsmål tilbage") && Catch::Contains("lokal konfiguration"));
    CHECK_THAT(c.say("anne@naestved.dk", "tilbage").text, Catch::Contains("ingen, lav, middel eller høj"));
    c.say("anne@naestved.dk", "middel");
    c.say("anne@naestved.dk", "ja: brevskabeloner");
    c.say("anne@naestved.dk", "nej");
    CHECK_THAT(c.say("anne@naestved.dk", "-").text, Catch::Contains("Punkt 1 er gemt") && Catch::Contains("punkt 2 af 3"));
    REQUIRE(saved_item(c, 1));
    CHECK(saved_item(c, 1)->effect == "middel");
    CHECK(saved_item(c, 1)->local_config_what == "brevskabeloner");
    // At the first question of a new item, "tilbage" goes to the item saved last.
    CHECK_THAT(c.say("anne@naestved.dk", "tilbage").text, Catch::Contains("Punkt 1 er gennemgået af Anne Sørensen") && Catch::Contains("punkt 1 af 3"));
    CHECK_THAT(c.say("anne@naestved.dk", "ret punkt 7").text, Catch::Contains("ikke noget punkt 7"));
    CHECK_THAT(c.say("anne@naestved.dk", "ret punkt 1").text, Catch::Contains("effekt middel; lokal konfiguration: brevskabeloner"));
    c.say("anne@naestved.dk", "lav");
    c.say("anne@naestved.dk", "nej");
    c.say("anne@naestved.dk", "nej");
    CHECK_THAT(c.say("anne@naestved.dk", "rettet").text, Catch::Contains("Punkt 1 er gemt") && Catch::Contains("punkt 2 af 3"));
    CHECK(saved_item(c, 1)->effect == "lav");
    CHECK_FALSE(saved_item(c, 1)->local_config);
    CHECK(saved_item(c, 1)->note == "rettet");
    c.say("anne@naestved.dk", "stop");
    // After the review has stopped, "ret punkt 1" opens the release reviewed last.
    CHECK_THAT(c.say("anne@naestved.dk", "ret punkt 1").text, Catch::Contains("punkt 1 af 3") && Catch::Contains("effekt lav"));

    // English.
    c.say("bo@aeroe.dk", "review DUBU 3.4");
    c.say("bo@aeroe.dk", "high");
    c.say("bo@aeroe.dk", "yes");
    CHECK_THAT(c.say("bo@aeroe.dk", "back").text, Catch::Contains("Back one question"));
    CHECK_THAT(c.say("bo@aeroe.dk", "correct item 3").text, Catch::Contains("item 3 of 3"));
}

TEST_CASE("a colleague's answer is shown and kept unless the reviewer confirms, and the status shows who answered", "[bot][releases][shared]") {
    Conversation c;
    // Anne and Ida both start at item 1; Ida saves first.
    c.say("anne@naestved.dk", "gennemgå DUBU 3.4");
    c.say("ida@naestved.dk", "gennemgå DUBU 3.4");
    for (std::string const a : {"høj", "nej", "nej", "Idas note"}) c.say("ida@naestved.dk", a);
    REQUIRE(saved_item(c, 1));
    CHECK(saved_item(c, 1)->reviewed_by == "Ida Holm");
    for (std::string const a : {"lav", "nej", "nej"}) c.say("anne@naestved.dk", a);
    auto const asked = c.say("anne@naestved.dk", "Annes note");
    CHECK_THAT(asked.text, Catch::Contains("Ida Holm har allerede svaret på punkt 1") && Catch::Contains("effekt høj") &&
                               Catch::Contains("Skal dit svar erstatte det?"));
    CHECK(saved_item(c, 1)->reviewed_by == "Ida Holm");  // nothing overwritten yet
    CHECK_THAT(c.say("anne@naestved.dk", "nej").text, Catch::Contains("Punkt 1 beholder Ida Holms svar"));
    CHECK(saved_item(c, 1)->effect == "høj");
    // "ret punkt 1" shows Ida's answer; "ja" replaces it.
    CHECK_THAT(c.say("anne@naestved.dk", "ret punkt 1").text, Catch::Contains("Punkt 1 er gennemgået af Ida Holm"));
    for (std::string const a : {"lav", "nej", "nej", "Annes note"}) c.say("anne@naestved.dk", a);
    CHECK_THAT(c.say("anne@naestved.dk", "ja").text, Catch::Contains("Punkt 1 er gemt"));
    CHECK(saved_item(c, 1)->reviewed_by == "Anne Sørensen");
    CHECK(saved_item(c, 1)->effect == "lav");
    c.say("anne@naestved.dk", "stop");
    // The status shows who answered each item.
    auto const status = c.say("sara@naestved.dk", "status på DUBU 3.4");
    CHECK_THAT(status.text, Catch::Contains("#1 Breve: Nye standardbreve: effekt lav") && Catch::Contains("(Anne Sørensen)") &&
                                Catch::Contains("#2 Breve: Journalfraser: ikke gennemgået"));

    // English: Sara and Ida both at item 2; Ida saves first.
    CHECK_THAT(c.say("sara@naestved.dk", "review DUBU 3.4").text, Catch::Contains("item 2 of 3"));
    c.say("ida@naestved.dk", "gennemgå DUBU 3.4");
    for (std::string const a : {"ingen", "nej", "nej", "-"}) c.say("ida@naestved.dk", a);
    for (std::string const a : {"high", "no", "no"}) c.say("sara@naestved.dk", a);
    CHECK_THAT(c.say("sara@naestved.dk", "-").text, Catch::Contains("Ida Holm has already answered item 2") && Catch::Contains("Shall your answer replace it?"));
    CHECK_THAT(c.say("sara@naestved.dk", "yes").text, Catch::Contains("Item 2 is saved"));
    CHECK(saved_item(c, 2)->reviewed_by == "Sara Holm");
}
