// Undo and correct: a submitter edits and withdraws their request, a municipality takes its
// support back, a coordinator corrects a status move with a reason; every change is in the
// history, and "Støt" is offered only where supporting is possible. In Danish and English.
#include "tests/support/conversation.hpp"

using namespace superbruger;
using superbruger::tests::Conversation;

namespace {
bool has_action(adapters::ChatReply const& reply, std::string const& value) {
    for (auto const& a : reply.actions) {
        if (a.value == value) return true;
    }
    return false;
}
}  // namespace

TEST_CASE("a submitter edits their own request while it is new and the edit is in the history", "[bot][change_requests][undo]") {
    Conversation c;
    auto const ref = c.file("anne@naestved.dk", "Flet journalnotater", "Vi vil kunne flette to journalnotater til ét");
    CHECK_THAT(c.say("anne@naestved.dk", "ret " + ref + " titel: Fletning af journalnotater").text,
               Catch::Contains("Titel i " + ref + " er rettet til »Fletning af journalnotater«"));
    CHECK(c.desk.requests().find(ref)->title == "Fletning af journalnotater");
    CHECK_THAT(c.say("anne@naestved.dk", "ret " + ref + " hast: lav").text, Catch::Contains("rettet til »lav«"));
    CHECK_THAT(c.say("anne@naestved.dk", "ret " + ref + " hast: enorm").text, Catch::Contains("lav, middel eller høj"));
    CHECK_THAT(c.say("anne@naestved.dk", "ret " + ref).text, Catch::Contains("»ret " + ref + " titel: Ny titel«"));
    // Someone else may not.
    CHECK_THAT(c.say("ida@naestved.dk", "ret " + ref + " titel: Noget andet").text, Catch::Contains("Kun den, der indsendte"));
    auto const status = c.say("anne@naestved.dk", "status på " + ref);
    CHECK_THAT(status.text, Catch::Contains("Titel rettet: »Flet journalnotater« → »Fletning af journalnotater« (Anne Sørensen)") &&
                                Catch::Contains("Hast rettet: »høj« → »lav«"));
    // Not once it has gone to KOMBIT.
    c.say("karen@kl.dk", "flyt " + ref + " til sendt til KOMBIT");
    CHECK_THAT(c.say("anne@naestved.dk", "ret " + ref + " titel: For sent").text, Catch::Contains("kan ikke rettes længere"));
    // English.
    auto const en = c.file("bo@aeroe.dk", "Letters in bulk", "Send many letters at once");
    CHECK_THAT(c.say("bo@aeroe.dk", "edit " + en + " description: Send many letters to many parties at once").text,
               Catch::Contains("The Description of " + en + " is now"));
}

TEST_CASE("a request is withdrawn and its supporters hear of it through the outbox", "[bot][change_requests][undo]") {
    Conversation c;
    auto const ref = c.file("anne@naestved.dk", "Flet journalnotater", "Vi vil kunne flette to journalnotater til ét");
    CHECK_THAT(c.say("bo@aeroe.dk", "støt " + ref).text, Catch::Contains("Ærø støtter nu"));
    auto const queued = c.outbox.with_status("pending").size();
    CHECK_THAT(c.say("ida@naestved.dk", "træk " + ref + " tilbage").text, Catch::Contains("Kun den, der indsendte"));
    auto const withdrawn = c.say("anne@naestved.dk", "træk " + ref + " tilbage: løst lokalt");
    CHECK_THAT(withdrawn.text, Catch::Contains("er trukket tilbage") && Catch::Contains("Kommunen, der støttede det, får besked"));
    CHECK(c.desk.requests().find(ref)->status == "trukket tilbage");
    auto const pending = c.outbox.with_status("pending");
    REQUIRE(pending.size() == queued + 1);
    CHECK(pending.back().recipient == "29:bo@aeroe.dk");
    CHECK_THAT(pending.back().message, Catch::Contains("har trukket ændringsønsket") && Catch::Contains("løst lokalt"));
    auto const status = c.say("bo@aeroe.dk", "status på " + ref);
    CHECK_THAT(status.text, Catch::Contains("trukket tilbage: ny → trukket tilbage (Anne Sørensen): løst lokalt") && Catch::Contains("Ærø støtter ønsket"));
    // Nobody can support a withdrawn request, and no button offers it.
    CHECK_FALSE(has_action(status, "støt " + ref));
    CHECK_THAT(c.say("kim@korsbaek.dk", "støt " + ref).text, Catch::Contains("kan ikke støttes længere"));
    // English.
    auto const en = c.file("bo@aeroe.dk", "Letters in bulk", "Send many letters at once");
    CHECK_THAT(c.say("bo@aeroe.dk", "withdraw " + en).text, Catch::Contains("is withdrawn"));
}

TEST_CASE("a municipality removes its support and Støt is shown only where supporting is possible", "[bot][change_requests][undo]") {
    Conversation c;
    auto const ref = c.file("anne@naestved.dk", "Flet journalnotater", "Vi vil kunne flette to journalnotater til ét");
    // Not on one's own request.
    auto const own = c.say("anne@naestved.dk", "status på " + ref);
    CHECK_FALSE(has_action(own, "støt " + ref));
    CHECK(has_action(own, "træk tilbage " + ref));
    auto const other = c.say("bo@aeroe.dk", "status på " + ref);
    CHECK(has_action(other, "støt " + ref));
    c.say("bo@aeroe.dk", "støt " + ref);
    // Not on one already supported: "Fjern vores støtte" instead.
    auto const supported = c.say("bo@aeroe.dk", "status på " + ref);
    CHECK_FALSE(has_action(supported, "støt " + ref));
    CHECK(has_action(supported, "fjern støtte " + ref));
    CHECK_THAT(c.say("bo@aeroe.dk", "fjern støtte " + ref).text, Catch::Contains("Ærø støtter ikke længere " + ref));
    CHECK(c.desk.requests().supporters(c.desk.requests().find(ref)->id).empty());
    CHECK_THAT(c.say("bo@aeroe.dk", "fjern støtte " + ref).text, Catch::Contains("ingen støtte at fjerne"));
    CHECK_THAT(c.say("bo@aeroe.dk", "status på " + ref).text, Catch::Contains("Ærø støtter ikke længere ønsket (Bo Berg)"));
    // English.
    c.say("bo@aeroe.dk", "support " + ref);
    CHECK_THAT(c.say("bo@aeroe.dk", "remove support " + ref).text, Catch::Contains("Ærø no longer supports " + ref));
    // Not on implemented requests.
    c.say("karen@kl.dk", "flyt " + ref + " til sendt til KOMBIT");
    c.say("karen@kl.dk", "flyt " + ref + " til prioriteret");
    c.say("karen@kl.dk", "flyt " + ref + " til implementeret i DUBU 3.4");
    CHECK_FALSE(has_action(c.say("kim@korsbaek.dk", "status på " + ref), "støt " + ref));
    // +1 is explained where it is shown.
    CHECK_THAT(c.say("kim@korsbaek.dk", "alle ændringsønsker").text, Catch::Contains("+1 betyder"));
}

TEST_CASE("a coordinator corrects a status move with a reason that stays in the history", "[bot][change_requests][undo]") {
    Conversation c;
    auto const ref = c.file("anne@naestved.dk", "Flet journalnotater", "Vi vil kunne flette to journalnotater til ét");
    c.say("bo@aeroe.dk", "støt " + ref);
    c.say("karen@kl.dk", "flyt " + ref + " til sendt til KOMBIT");
    c.say("karen@kl.dk", "flyt " + ref + " til prioriteret");
    c.say("karen@kl.dk", "flyt " + ref + " til implementeret i DUBU 3.44");  // the typo
    CHECK(c.desk.requests().find(ref)->release == "DUBU 3.44");
    CHECK_THAT(c.say("anne@naestved.dk", "ret status " + ref + " til implementeret i DUBU 3.4: tastefejl").text,
               Catch::Contains("Kun netværkets koordinatorer"));
    CHECK_THAT(c.say("karen@kl.dk", "ret status " + ref + " til implementeret i DUBU 3.4").text, Catch::Contains("Skriv status og begrundelse"));
    auto const queued = c.outbox.with_status("pending").size();
    CHECK_THAT(c.say("karen@kl.dk", "ret status " + ref + " til implementeret i DUBU 3.4: tastefejl i releasen").text,
               Catch::Contains("er rettet fra »implementeret« til »implementeret (DUBU 3.4)«"));
    CHECK(c.desk.requests().find(ref)->release == "DUBU 3.4");
    CHECK(c.outbox.with_status("pending").size() == queued + 2);  // Anne and Bo
    CHECK_THAT(c.say("anne@naestved.dk", "status på " + ref).text, Catch::Contains("rettet: implementeret → implementeret (Karen Koordinator): tastefejl i releasen"));
    // English, and back to an earlier status.
    CHECK_THAT(c.say("karen@kl.dk", "correct status " + ref + " to prioritised: not released yet").text,
               Catch::Contains("is corrected from \"implementeret\" to \"prioriteret\""));
    CHECK(c.desk.requests().find(ref)->release.empty());
}
