// Console personas: each `--as` identity is its own chat identity (own drafts, own requests), and
// messages queued for a console persona are shown when that persona next talks.
#include "bot/cli/console_chat.hpp"
#include "storage/outbox.hpp"
#include "tests/support/conversation.hpp"

using namespace superbruger;
using superbruger::bot::cli::ConsoleChat;

TEST_CASE("console personas are separate chat identities and see their own queued messages", "[bot][cli][console]") {
    tests::Conversation c;
    ConsoleChat console(c.assistant, c.db, "tester");
    console.act_as("anne@naestved.dk");
    CHECK_THAT(console.say("nyt ændringsønske"), Catch::Contains("Trin 1 af 6"));
    console.say("Flet journalnotater");
    // Bo does not resume Anne's draft: his "fortsæt" has nothing to continue.
    console.act_as("bo@aeroe.dk");
    CHECK_THAT(console.say("fortsæt"), Catch::Contains("ikke noget i gang"));
    CHECK_THAT(console.say("mine ændringsønsker"), Catch::Contains("ingen ændringsønsker"));
    // Back to Anne, by the in-session command: her draft waits at step 2.
    CHECK_THAT(console.say("/som anne@naestved.dk"), Catch::Contains("Du skriver nu som anne@naestved.dk"));
    CHECK_THAT(console.say("fortsæt"), Catch::Contains("Trin 2 af 6"));
    for (std::string const a : {"Vi vil flette notater", "Journal", "Tid", "høj"}) console.say(a);
    console.say("Færre notater");
    auto const filed = console.say("send");
    auto const ref = bot::change_requests::ref_in(knowledge::fold_case(filed));
    REQUIRE_FALSE(ref.empty());
    CHECK(c.desk.requests().find(ref)->submitter.user_id == "console:anne@naestved.dk");

    // Bo supports it: Anne is told through the outbox, and sees it when she next talks.
    console.act_as("bo@aeroe.dk");
    CHECK_THAT(console.say("støt " + ref), Catch::Contains("Ærø støtter nu"));
    console.act_as("anne@naestved.dk");
    auto const next = console.say("mine ændringsønsker");
    CHECK_THAT(next, Catch::StartsWith("[Besked til dig] Ærø støtter nu jeres ændringsønske " + ref) && Catch::Contains("Dine ændringsønsker"));
    CHECK(c.outbox.count("parked") == 0);
    CHECK(c.outbox.with_status("pending").empty());
    // Shown once.
    CHECK_THAT(console.say("mine ændringsønsker"), !Catch::Contains("[Besked til dig]"));

    // English.
    console.act_as("bo@aeroe.dk");
    CHECK_THAT(console.say("continue"), Catch::Contains("nothing in progress"));
    CHECK_THAT(console.say("/as anne@naestved.dk"), Catch::Contains("anne@naestved.dk"));
    CHECK_THAT(console.say("my change requests"), Catch::Contains("Your change requests") && Catch::Contains(ref));
}
