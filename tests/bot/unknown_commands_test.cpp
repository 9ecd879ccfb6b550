// Command attempts the bot does not understand are not knowledge questions: they get a short
// "did you mean" with the real commands, are counted apart, and never fill the report of
// unanswered questions.
#include "bot/feature_counters.hpp"
#include "tests/support/conversation.hpp"

using namespace superbruger;
using superbruger::tests::Conversation;
using superbruger::tests::is_bot_reply;

TEST_CASE("unknown command attempts get the real commands and are counted apart from unanswered questions", "[bot][commands][unknown]") {
    Conversation c;
    auto const before = bot::feature_counters().commands_not_understood.load();
    int attempts = 0;
    for (std::string const typed : {"ret", "træk tilbage", "fortryd", "slet"}) {
        auto const reply = c.say("anne@naestved.dk", typed);
        ++attempts;
        INFO(typed << "\n" << reply.text);
        CHECK(is_bot_reply(reply));
        CHECK_THAT(reply.text, Catch::StartsWith("Det ligner en kommando om ændringsønsker") && Catch::Contains("»nyt ændringsønske«") &&
                                   Catch::Contains("»hjælp ændringsønsker«"));
    }
    // A typo in a command word: "mente du …?" with the command as it is written.
    auto const typo = c.say("anne@naestved.dk", "genemgå DUBU 3.4");
    ++attempts;
    CHECK_THAT(typo.text, Catch::Contains("Mente du »gennemgå dubu 3.4«?") && Catch::Contains("»status på DUBU 3.4«"));
    CHECK_THAT(c.say("anne@naestved.dk", "fortsat").text, Catch::Contains("Mente du »fortsæt«?"));
    ++attempts;
    // English.
    for (std::string const typed : {"undo", "withdraw"}) {
        auto const reply = c.say("anne@naestved.dk", typed);
        ++attempts;
        CHECK_THAT(reply.text, Catch::StartsWith("That looks like a command about change requests") && Catch::Contains("\"new change request\""));
    }
    CHECK_THAT(c.say("anne@naestved.dk", "reveiw DUBU 3.4").text, Catch::Contains("Did you mean \"review dubu 3.4\"?"));
    ++attempts;

    CHECK(c.unanswered() == 0);
    CHECK(bot::feature_counters().commands_not_understood.load() - before == static_cast<std::uint64_t>(attempts));
    // A real question the bot cannot answer is still recorded for the maintainers.
    CHECK(superbruger::tests::is_decline(c.say("anne@naestved.dk", "hvem vandt fodboldkampen i går?")));
    CHECK(c.unanswered() == 1);
}
