// Help and discovery: the overview lists every feature with the words to type, each feature has
// its help card, and every example the help shows works when typed, in Danish and English.
#include "bot/help_cards.hpp"
#include "tests/support/conversation.hpp"

#include <regex>
#include <set>

using namespace superbruger;
using superbruger::tests::Conversation;

namespace {

/// The examples in a help text: between »…« in Danish, between "…" in English.
std::vector<std::string> examples_in(std::string const& text, bool danish) {
    std::regex const quoted(danish ? "»([^«]+)«" : "\"([^\"]+)\"");
    std::vector<std::string> out;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), quoted); it != std::sregex_iterator(); ++it) out.push_back((*it)[1]);
    return out;
}

/// Words that only mean something inside a dialog; the dialog tests type them there.
std::set<std::string> const in_dialog = {"tilbage", "annuller", "fortsæt", "send", "spring over", "stop", "back", "cancel",
                                         "continue", "submit", "skip"};

}  // namespace

TEST_CASE("hjælp and hvad kan du list every feature with the words to use", "[bot][help]") {
    Conversation c;
    for (std::string const asked : {"hjælp", "Hjælp!", "hvad kan du?", "Hvad kan du", "?"}) {
        auto const reply = c.say("anne@naestved.dk", asked);
        INFO(asked);
        CHECK(superbruger::tests::is_bot_reply(reply));
        CHECK_THAT(reply.text, Catch::Contains("Spørgsmål") && Catch::Contains("Rolleoversigten") && Catch::Contains("»nyt ændringsønske«") &&
                                   Catch::Contains("»gennemgå DUBU 3.4«") && Catch::Contains("»stop påmindelser«") &&
                                   Catch::Contains("»hjælp ændringsønsker«"));
    }
    for (std::string const asked : {"help", "what can you do?", "What can you do"}) {
        auto const reply = c.say("anne@naestved.dk", asked);
        INFO(asked);
        CHECK_THAT(reply.text, Catch::Contains("Questions") && Catch::Contains("\"new change request\"") && Catch::Contains("\"review DUBU 3.4\"") &&
                                   Catch::Contains("\"stop reminders\"") && Catch::Contains("\"help change requests\""));
    }
    CHECK(c.unanswered() == 0);
}

TEST_CASE("each feature has a help card about using it in the bot", "[bot][help]") {
    Conversation c;
    auto const cr = c.say("anne@naestved.dk", "hjælp ændringsønsker");
    CHECK(superbruger::tests::is_bot_reply(cr));
    CHECK_THAT(cr.text, Catch::StartsWith("**Ændringsønsker**") && Catch::Contains("»nyt ændringsønske«") && Catch::Contains("+1"));
    CHECK_THAT(c.say("anne@naestved.dk", "help change requests").text, Catch::StartsWith("**Change requests**") && Catch::Contains("\"submit\""));
    CHECK_THAT(c.say("anne@naestved.dk", "hjælp review").text, Catch::StartsWith("**Releases og gennemgang**"));
    CHECK_THAT(c.say("anne@naestved.dk", "hjælp til releases").text, Catch::StartsWith("**Releases og gennemgang**"));
    CHECK_THAT(c.say("anne@naestved.dk", "help review").text, Catch::StartsWith("**Releases and reviews**"));
    CHECK_THAT(c.say("anne@naestved.dk", "hjælp påmindelser").text, Catch::StartsWith("**Påmindelser**"));
    CHECK_THAT(c.say("anne@naestved.dk", "help reminders").text, Catch::StartsWith("**Reminders**"));
    CHECK_THAT(c.say("anne@naestved.dk", "hjælp rolleoversigt").text, Catch::StartsWith("**Rolleoversigten**"));
    CHECK_THAT(c.say("anne@naestved.dk", "help directory").text, Catch::StartsWith("**The role directory**"));
    CHECK_THAT(c.say("anne@naestved.dk", "hjælp spørgsmål").text, Catch::StartsWith("**Spørgsmål**"));
    CHECK_THAT(c.say("anne@naestved.dk", "help questions").text, Catch::StartsWith("**Questions**"));
    // Help in the middle of a dialog is help, not the dialog's answer.
    c.say("anne@naestved.dk", "nyt ændringsønske");
    CHECK_THAT(c.say("anne@naestved.dk", "hjælp").text, Catch::Contains("»nyt ændringsønske«"));
    CHECK_THAT(c.say("anne@naestved.dk", "Min titel").text, Catch::Contains("Trin 2 af 6"));
    CHECK(c.unanswered() == 0);
}

TEST_CASE("every example the help shows works when typed", "[bot][help]") {
    for (bool const danish : {true, false}) {
        auto const lang = danish ? knowledge::Language::da : knowledge::Language::en;
        std::vector<std::string> texts = {bot::help::overview(lang)};
        for (auto const topic : bot::help::topics()) texts.push_back(bot::help::card(lang, topic));
        int typed = 0;
        // Each example from a chat of its own, so no dialog an earlier one opened takes it.
        Conversation c;
        for (auto const& text : texts) {
            for (auto const& example : examples_in(text, danish)) {
                if (in_dialog.contains(example) || example.find('<') != std::string::npos) continue;
                auto const reply = c.say("anne@naestved.dk", example, ":" + std::to_string(++typed));
                INFO("typed: " << example << "\nreply: " << reply.text);
                CHECK_FALSE(superbruger::tests::is_decline(reply));
                CHECK(reply.text.find("Det ligner") == std::string::npos);
                CHECK(reply.text.find("That looks like") == std::string::npos);
            }
        }
        CHECK(typed > 20);
    }
}
