// One router with clear precedence: the bot's own instruction words, typed as the bot wrote them,
// reach their command; an open dialog lets a question or a command through and keeps its place.
#include "tests/support/conversation.hpp"

using namespace superbruger;
using superbruger::tests::Conversation;
using superbruger::tests::is_bot_reply;

TEST_CASE("the bot's own instruction words followed literally reach their command", "[bot][router]") {
    Conversation c;
    CHECK_THAT(c.say("anne@naestved.dk", "gennemgå DUBU 3.4").text, Catch::Contains("punkt 1 af 3"));
    c.say("anne@naestved.dk", "høj");
    auto const stopped = c.say("anne@naestved.dk", "stop");
    CHECK_THAT(stopped.text, Catch::Contains("skriv »gennemgå« igen"));
    // … and "gennemgå" alone does what that says.
    auto const again = c.say("anne@naestved.dk", "gennemgå");
    CHECK(is_bot_reply(again));
    CHECK_THAT(again.text, Catch::Contains("DUBU 3.4, punkt 1 af 3"));
    CHECK_THAT(c.say("anne@naestved.dk", "stop").text, Catch::Contains("stoppet"));
    CHECK_THAT(c.say("anne@naestved.dk", "fortsæt").text, Catch::Contains("punkt 1 af 3"));  // the review stopped last
    c.say("anne@naestved.dk", "stop");

    CHECK_THAT(c.say("ida@naestved.dk", "fortsæt").text, Catch::Contains("ikke noget i gang"));
    for (std::string const asked : {"status på 3.4", "status på DUBU3.4", "Status på dubu 3.4?"}) {
        auto const status = c.say("ida@naestved.dk", asked);
        INFO(asked);
        CHECK(is_bot_reply(status));
        CHECK_THAT(status.text, Catch::Contains("**DUBU 3.4** (frist 2026-12-15)") && Catch::Contains("Næstved"));
    }
    auto const releases = c.say("ida@naestved.dk", "hvilke releases er der?");
    CHECK_THAT(releases.text, Catch::Contains("Registrerede releases") && Catch::Contains("DUBU 3.4 (frist 2026-12-15)") &&
                                  Catch::Contains("»gennemgå DUBU 3.4«"));
    // Ida has never reviewed, and DUBU 3.4 is the only release with open items: "gennemgå" starts it.
    CHECK_THAT(c.say("ida@naestved.dk", "gennemgå").text, Catch::Contains("punkt 1 af 3"));

    // English.
    CHECK_THAT(c.say("bo@aeroe.dk", "continue").text, Catch::Contains("nothing in progress"));
    CHECK_THAT(c.say("bo@aeroe.dk", "which releases are there?").text, Catch::Contains("Registered releases") && Catch::Contains("\"review DUBU 3.4\""));
    CHECK_THAT(c.say("bo@aeroe.dk", "status of 3.4").text, Catch::Contains("**DUBU 3.4** (due 2026-12-15)"));
    CHECK_THAT(c.say("bo@aeroe.dk", "review").text, Catch::Contains("DUBU 3.4, item 1 of 3"));
    CHECK(c.unanswered() == 0);
}

TEST_CASE("an open change-request dialog lets a clear question through and keeps its place", "[bot][router][change_requests]") {
    Conversation c;
    c.say("anne@naestved.dk", "nyt ændringsønske");
    CHECK_THAT(c.say("anne@naestved.dk", "Fletning af journalnotater").text, Catch::Contains("Trin 2 af 6"));
    auto const asked = c.say("anne@naestved.dk", "hvem er vores systemansvarlige?");
    CHECK_THAT(asked.text, Catch::Contains("Sara Holm") &&
                               Catch::EndsWith("Du er i gang med et ændringsønske (trin 2 af 6) – skriv »fortsæt« for at komme tilbage."));
    auto const mine = c.say("anne@naestved.dk", "mine ændringsønsker");
    CHECK_THAT(mine.text, Catch::Contains("ingen ændringsønsker") && Catch::Contains("Du er i gang med et ændringsønske"));
    // A display verb before the command is the command.
    auto const shown = c.say("anne@naestved.dk", "vis mine ændringsønsker");
    CHECK_THAT(shown.text, Catch::Contains("ingen ændringsønsker") && Catch::Contains("Du er i gang med et ændringsønske"));
    CHECK_THAT(c.say("anne@naestved.dk", "fortsæt").text, Catch::Contains("Trin 2 af 6"));
    // A title-like answer that merely starts like a command is the answer.
    CHECK_THAT(c.say("anne@naestved.dk", "Status for sager vises forkert").text, Catch::Contains("Trin 3 af 6"));
    auto const draft = c.desk.requests().draft("teams", "29:anne@naestved.dk");
    REQUIRE(draft);
    CHECK_THAT(draft->fields, Catch::Contains("Status for sager vises forkert") && !Catch::Contains("systemansvarlige"));

    // English.
    c.say("bo@aeroe.dk", "new change request");
    CHECK_THAT(c.say("bo@aeroe.dk", "Merge journal notes").text, Catch::Contains("Step 2 of 6"));
    auto const english = c.say("bo@aeroe.dk", "who is our systemansvarlig?");
    CHECK_THAT(english.text, Catch::Contains("Ærø") &&
                                 Catch::EndsWith("You are in the middle of a change request (step 2 of 6) – write \"continue\" to get back to it."));
    CHECK_THAT(c.say("bo@aeroe.dk", "continue").text, Catch::Contains("Step 2 of 6"));
}

TEST_CASE("an open release review lets a question through and keeps its place", "[bot][router][releases]") {
    Conversation c;
    c.say("ida@naestved.dk", "gennemgå DUBU 3.4");
    CHECK_THAT(c.say("ida@naestved.dk", "høj").text, Catch::Contains("lokal konfiguration"));
    auto const answered = c.say("ida@naestved.dk", "hvad laver en superbruger?");
    CHECK_FALSE(answered.citations.empty());
    CHECK_THAT(answered.text, Catch::EndsWith("Du er i gang med gennemgangen af DUBU 3.4 (punkt 1) – skriv »fortsæt« for at komme tilbage."));
    CHECK_THAT(c.say("ida@naestved.dk", "fortsæt").text, Catch::Contains("lokal konfiguration"));
    CHECK_THAT(c.say("ida@naestved.dk", "nej").text, Catch::Contains("Skal slutbrugerne have besked"));

    c.say("bo@aeroe.dk", "review DUBU 3.4");
    auto const english = c.say("bo@aeroe.dk", "what does a superbruger do?");
    CHECK_THAT(english.text, Catch::EndsWith("You are in the middle of reviewing DUBU 3.4 (item 1) – write \"continue\" to get back to it."));
    CHECK_THAT(c.say("bo@aeroe.dk", "continue").text, Catch::Contains("item 1 of 3"));
}
