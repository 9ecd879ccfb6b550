// "Mente du Roskilde?" for a municipality typed with a typo, and a decline that names whom to
// ask: the asker's municipality's systemansvarlig from the directory. In Danish and English.
#include "bot/near_names.hpp"
#include "tests/support/conversation.hpp"

using namespace superbruger;
using superbruger::tests::Conversation;

TEST_CASE("edit distance and the nearest name", "[bot][near_names]") {
    CHECK(bot::edit_distance("roskild", "roskilde") == 1);
    CHECK(bot::edit_distance("korsbæk", "korsbæk") == 0);
    CHECK(bot::edit_distance("næstevd", "næstved") == 1);  // two neighbours swapped
    CHECK(bot::edit_distance("ærø", "aero") == 3);
    std::vector<std::string> const names = {"Næstved", "Roskilde", "Ærø", "Korsbæk"};
    CHECK(bot::nearest_name("Roskild", names) == "Roskilde");
    CHECK(bot::nearest_name("næstevd", names) == "Næstved");
    CHECK_FALSE(bot::nearest_name("Roskilde", names));  // typed right: nothing to suggest
    CHECK_FALSE(bot::nearest_name("drift", names));
    CHECK_FALSE(bot::nearest_name("ær", names));  // too short to guess
}

TEST_CASE("a municipality with a typo gets mente du and the button asks again", "[bot][directory][did_you_mean]") {
    Conversation c;
    auto const typo = c.say("anne@naestved.dk", "hvem er systemansvarlig i Roskild?");
    CHECK_THAT(typo.text, Catch::Contains("Jeg kender ingen kommune ved navn »roskild«") && Catch::Contains("Mente du Roskilde?"));
    REQUIRE(typo.actions.size() == 1);
    CHECK(typo.actions[0].label == "Ja, Roskilde");
    CHECK_THAT(c.say("anne@naestved.dk", typo.actions[0].value).text, Catch::Contains("Rita Rask"));
    CHECK_THAT(c.say("anne@naestved.dk", "who is systemansvarlig in Roskild?").text, Catch::Contains("Did you mean Roskilde?"));
    // Answering "which municipality?" with a typo.
    CHECK_THAT(c.say("ukendt@example.dk", "hvem er vores systemansvarlige?").text, Catch::Contains("Hvilken kommune er du fra?"));
    auto const asked = c.say("ukendt@example.dk", "Roskild");
    CHECK_THAT(asked.text, Catch::Contains("Mente du Roskilde?"));
    REQUIRE_FALSE(asked.actions.empty());
    CHECK_THAT(c.say("ukendt@example.dk", asked.actions[0].value).text, Catch::Contains("Rita Rask"));
    CHECK(c.unanswered() == 0);
}

TEST_CASE("when the bot does not know it names the asker's systemansvarlig", "[bot][assistant][did_you_mean]") {
    Conversation c;
    auto const da = c.say("anne@naestved.dk", "hvem vandt fodboldkampen i går?");
    CHECK(superbruger::tests::is_decline(da));
    CHECK_THAT(da.text, Catch::Contains("Spørg jeres systemansvarlige i Næstved, Sara Holm (sara@naestved.dk), eller superbrugernetværket"));
    auto const en = c.say("anne@naestved.dk", "who won the champions league last year?");
    CHECK_THAT(en.text, Catch::Contains("Ask Næstved's systemansvarlig, Sara Holm (sara@naestved.dk), or the superbruger network"));
    // Ærø has no systemansvarlig: the general advice.
    CHECK_THAT(c.say("bo@aeroe.dk", "hvem vandt fodboldkampen i går?").text, Catch::Contains("Spørg jeres systemansvarlige eller superbrugernetværket"));
    CHECK(c.unanswered() == 2);  // the report groups the question asked twice
}

TEST_CASE("a person's name with a typo gets mente du, and the button asks again", "[bot][directory][did_you_mean]") {
    Conversation c;
    auto const typo = c.say("anne@naestved.dk", "hvilke roller har Sara Hom?");
    CHECK_THAT(typo.text, Catch::Contains("Jeg kender ingen ved navn »sara hom«") && Catch::Contains("Mente du Sara Holm?"));
    REQUIRE(typo.actions.size() == 1);
    CHECK(typo.actions[0].label == "Ja, Sara Holm");
    CHECK_THAT(c.say("anne@naestved.dk", typo.actions[0].value).text, Catch::Contains("systemansvarlig") && Catch::Contains("Næstved"));
    CHECK_THAT(c.say("anne@naestved.dk", "what roles does Sara Hlom have?").text, Catch::Contains("Did you mean Sara Holm?"));
    // Nobody near: as before, a question for the knowledge base.
    CHECK_THAT(c.say("anne@naestved.dk", "hvilke roller har Frederik Ottesen?").text, !Catch::Contains("Mente du"));
}

TEST_CASE("a release name with a typo gets mente du, for a review and for its status", "[bot][releases][did_you_mean]") {
    Conversation c;
    auto const review = c.say("anne@naestved.dk", "gennemgå DUBU 3.44");
    CHECK_THAT(review.text, Catch::Contains("ingen release ved navn »dubu 3.44«") && Catch::Contains("Mente du DUBU 3.4?"));
    REQUIRE(review.actions.size() == 1);
    CHECK(review.actions[0].value == "gennemgå DUBU 3.4");
    CHECK_THAT(c.say("anne@naestved.dk", review.actions[0].value).text, Catch::Contains("punkt 1 af 3"));
    c.say("anne@naestved.dk", "stop");
    auto const status = c.say("karen@kl.dk", "status på DUBU 3,4x");
    CHECK_THAT(status.text, Catch::Contains("Mente du DUBU 3.4?"));
    REQUIRE(status.actions.size() == 1);
    CHECK(status.actions[0].value == "status på DUBU 3.4");
    CHECK_THAT(c.say("anne@naestved.dk", "review dubu 3.44").text, Catch::Contains("Did you mean DUBU 3.4?"));
}
