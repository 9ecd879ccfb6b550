// "Spørg en person": a declined or unhelpful answer offers to send the question on; it reaches the
// asker's systemansvarlig (or the coordinators when the municipality has none the bot can reach)
// through the outbox, and the answer "svar <nr>: …" reaches the asker the same way.
#include "storage/hand_offs.hpp"
#include "tests/support/conversation.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <unistd.h>

using namespace superbruger;
using namespace superbruger::tests;

namespace {

std::optional<adapters::ReplyAction> hand_off_button(adapters::ChatReply const& reply) {
    for (auto const& a : reply.actions) {
        if (a.label == "Spørg en person" || a.label == "Ask a person") return a;
    }
    return std::nullopt;
}

std::string const unanswerable = "hvor mange kopper kaffe drikker en superbruger om ugen?";

}  // namespace

TEST_CASE("a declined question goes on to the asker's systemansvarlig and her answer comes back", "[bot][hand_off]") {
    Conversation c;
    c.link_chat_identity("sara@naestved.dk");
    auto const declined = c.say("anne@naestved.dk", unanswerable);
    REQUIRE(is_decline(declined));
    auto const button = hand_off_button(declined);
    REQUIRE(button);
    CHECK(button->value == "spørg en person: " + unanswerable);

    auto const sent = c.say("anne@naestved.dk", button->value);
    CHECK_THAT(sent.text, Catch::Contains("sendt til Sara Holm") && Catch::Contains("systemansvarlig"));
    auto const to_sara = c.queued_with("kopper kaffe");
    REQUIRE(to_sara.size() == 1);
    CHECK(to_sara[0].first == "29:sara@naestved.dk");
    CHECK_THAT(to_sara[0].second, Catch::Contains("Anne Sørensen (Næstved)") && Catch::Contains("svar 1:"));

    // Another municipality's superbruger may not answer it; Sara may.
    CHECK_THAT(c.say("bo@aeroe.dk", "svar 1: to om dagen").text, Catch::Contains("besvares af spørgerens systemansvarlige"));
    CHECK_THAT(c.say("sara@naestved.dk", "svar 1:").text, Catch::Contains("Skriv svaret efter kolonet"));
    CHECK_THAT(c.say("sara@naestved.dk", "svar 1: Omkring ti, men det står ingen steder.").text, Catch::Contains("sendt til Anne Sørensen"));
    auto const to_anne = c.queued_with("Svar fra Sara Holm");
    REQUIRE(to_anne.size() == 1);
    CHECK(to_anne[0].first == "29:anne@naestved.dk");
    CHECK_THAT(to_anne[0].second, Catch::Contains("Omkring ti") && Catch::Contains(unanswerable));

    // The coordinator may answer too; a second answer is sent as well, and said to be one.
    c.link_chat_identity("karen@kl.dk");
    CHECK_THAT(c.say("karen@kl.dk", "svar 1: Vi spørger i netværket.").text, Catch::Contains("allerede besvaret"));
    CHECK(c.queued_with("Svar fra Karen Koordinator").size() == 1);
    CHECK_THAT(c.say("sara@naestved.dk", "svar 99: hm").text, Catch::Contains("intet spørgsmål 99"));
}

TEST_CASE("without a reachable systemansvarlig the question goes to the coordinators, and to nobody when none is reachable", "[bot][hand_off]") {
    Conversation c;
    CHECK_THAT(c.say("bo@aeroe.dk", "spørg en person: hvem betaler for kurset?").text, Catch::Contains("ingen at sende spørgsmålet til"));
    CHECK(c.queued_with("kurset").empty());

    c.link_chat_identity("karen@kl.dk");
    CHECK_THAT(c.say("bo@aeroe.dk", "spørg en person: hvem betaler for kurset?").text,
               Catch::Contains("Karen Koordinator") && Catch::Contains("koordinatorer"));
    auto const to_karen = c.queued_with("kurset");
    REQUIRE(to_karen.size() == 1);
    CHECK(to_karen[0].first == "29:karen@kl.dk");
    CHECK_THAT(c.say("bo@aeroe.dk", "spørg en person").text, Catch::Contains("Skriv spørgsmålet efter kolonet"));
}

TEST_CASE("an answer voted not helpful offers to ask a person, in the asker's language", "[bot][hand_off]") {
    Conversation c;
    c.link_chat_identity("sara@naestved.dk");
    auto const answered = c.say("anne@naestved.dk", "Who may contact Netcompany's service desk?");
    REQUIRE(answered.confident);
    std::string vote;
    for (auto const& a : answered.actions) {
        if (a.value.ends_with(" nej")) vote = a.value;
    }
    REQUIRE_FALSE(vote.empty());
    auto const after_vote = c.say("anne@naestved.dk", vote);
    auto const button = hand_off_button(after_vote);
    REQUIRE(button);
    CHECK(button->value == "ask a person: Who may contact Netcompany's service desk?");
    CHECK_THAT(c.say("anne@naestved.dk", button->value).text, Catch::Contains("Your question was sent to Sara Holm"));
    // A helpful vote offers nothing.
    auto const helpful = vote.substr(0, vote.size() - 3) + "ja";
    CHECK_FALSE(hand_off_button(c.say("anne@naestved.dk", helpful)));
}

TEST_CASE("a hand-off command in the middle of a dialog is not taken as the dialog's answer", "[bot][hand_off]") {
    Conversation c;
    c.link_chat_identity("sara@naestved.dk");
    CHECK_THAT(c.say("anne@naestved.dk", "nyt ændringsønske").text, Catch::Contains("Trin 1 af 6"));
    auto const sent = c.say("anne@naestved.dk", "spørg en person: må vi ønske flere felter?");
    CHECK_THAT(sent.text, Catch::Contains("sendt til Sara Holm"));
    CHECK_THAT(c.say("anne@naestved.dk", "Flere felter").text, Catch::Contains("Trin 2 af 6"));  // the dialog waited
}

TEST_CASE("a long question is cut on a character boundary for the button", "[bot][hand_off]") {
    std::string question;
    while (question.size() < 1200) question += "æøå ";
    auto const button = bot::hand_off::HandOffDesk::offer(knowledge::Language::da, question);
    CHECK(button.value.size() <= std::string("spørg en person: ").size() + bot::hand_off::HandOffDesk::max_question_bytes + std::string("…").size());
    CHECK(button.value.ends_with("…"));
    auto const before_mark = button.value.substr(0, button.value.size() - std::string("…").size());
    CHECK((static_cast<unsigned char>(before_mark.back()) & 0xC0) != 0xC0);  // no half character
}

TEST_CASE("erasing a person deletes the questions they sent on", "[bot][hand_off]") {
    Conversation c;
    c.link_chat_identity("sara@naestved.dk");
    c.link_chat_identity("anne@naestved.dk");
    CHECK_THAT(c.say("anne@naestved.dk", "spørg en person: " + unanswerable).text, Catch::Contains("sendt til Sara Holm"));
    storage::HandOffs hand_offs(c.db);
    REQUIRE(hand_offs.find(1));
    REQUIRE(c.directory.store().forget("anne@naestved.dk", {"test", "2026-11-24T10:00:00Z", "2026-11-24"}));
    CHECK_FALSE(hand_offs.find(1));
}

TEST_CASE("a coordinator puts an answer into the knowledge base, and the next asker gets it from the bot", "[bot][hand_off][knowledge]") {
    auto const folder = std::filesystem::temp_directory_path() / ("sb-handoff-knowledge-" + std::to_string(::getpid()));
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    Conversation c(true, folder);
    c.link_chat_identity("karen@kl.dk");
    c.link_chat_identity("sara@naestved.dk");
    REQUIRE(is_decline(c.say("anne@naestved.dk", unanswerable)));
    c.say("anne@naestved.dk", "spørg en person: " + unanswerable);

    // Not before it is answered, and not by a systemansvarlig: every municipality would see it.
    CHECK_THAT(c.say("karen@kl.dk", "føj svar 1 til vidensbasen").text, Catch::Contains("ikke besvaret endnu"));
    auto const by_sara = c.say("sara@naestved.dk", "svar 1: Omkring ti om ugen, viser en rundspørge.");
    CHECK(by_sara.actions.empty());  // no button for her
    CHECK_THAT(c.say("sara@naestved.dk", "føj svar 1 til vidensbasen").text, Catch::Contains("Kun netværkets koordinatorer"));

    // Karen corrects the answer; hers (the latest) is what goes in, through the button.
    auto const by_karen = c.say("karen@kl.dk", "svar 1: En superbruger drikker omkring ti kopper kaffe om ugen ifølge netværkets rundspørge i 2026.");
    REQUIRE(by_karen.actions.size() == 1);
    CHECK(by_karen.actions[0].value == "føj svar 1 til vidensbasen");
    // The file is named by the number and the moment it was asked (numbers can come back).
    CHECK_THAT(c.say("karen@kl.dk", by_karen.actions[0].value).text, Catch::Contains("er nu i vidensbasen") && Catch::Contains("svar-1-20261123090200.md"));
    auto const file = folder / "svar-1-20261123090200.md";
    REQUIRE(std::filesystem::exists(file));

    // The same question is now answered, with the answer and its source.
    auto const answered = c.say("bo@aeroe.dk", unanswerable);
    CHECK(answered.confident);
    CHECK_THAT(answered.text, Catch::Contains("ti kopper kaffe om ugen"));
    CHECK_THAT(answered.footer, Catch::Contains("Svar fra Karen Koordinator"));

    // Again: the file is replaced, not doubled. In English too.
    CHECK_THAT(c.say("karen@kl.dk", "add answer 1 to the knowledge base").text, Catch::Contains("is now in the knowledge base"));
    std::size_t files = 0;
    for (auto const& e : std::filesystem::directory_iterator(folder)) files += e.path().extension() == ".md" ? 1 : 0;
    CHECK(files == 1);
    CHECK_THAT(c.say("karen@kl.dk", "føj svar 7 til vidensbasen").text, Catch::Contains("intet spørgsmål 7"));

    // Retention empties the table and SQLite gives number 1 out again: the new question's answer
    // gets a file of its own, and the earlier one stays.
    storage::HandOffs(c.db).delete_asked_before("2999-01-01T00:00:00Z");
    c.say("bo@aeroe.dk", "spørg en person: hvem betaler for kurset?");
    c.say("karen@kl.dk", "svar 1: Kommunen selv betaler for kurset.");
    CHECK_THAT(c.say("karen@kl.dk", "føj svar 1 til vidensbasen").text, Catch::Contains("er nu i vidensbasen"));
    files = 0;
    std::size_t leftovers = 0;
    for (auto const& e : std::filesystem::directory_iterator(folder)) {
        files += e.path().extension() == ".md" ? 1 : 0;
        leftovers += e.path().filename().string().starts_with(".") ? 1 : 0;  // no .tmp or .previous left behind
    }
    CHECK(files == 2);
    CHECK(leftovers == 0);
    CHECK(std::filesystem::exists(file));
    std::filesystem::remove_all(folder);
}

TEST_CASE("without a local knowledge folder an answer cannot be added, and the coordinator is told why", "[bot][hand_off][knowledge]") {
    Conversation c;
    c.link_chat_identity("karen@kl.dk");
    c.say("bo@aeroe.dk", "spørg en person: hvem betaler for kurset?");
    auto const answered = c.say("karen@kl.dk", "svar 1: Kommunen selv.");
    CHECK(answered.actions.empty());
    CHECK_THAT(c.say("karen@kl.dk", "føj svar 1 til vidensbasen").text, Catch::Contains("knowledge.local_dirs"));
}

TEST_CASE("an answer longer than what is kept is refused before anything is stored", "[bot][hand_off]") {
    Conversation c;
    c.link_chat_identity("karen@kl.dk");
    c.say("bo@aeroe.dk", "spørg en person: hvem betaler for kurset?");
    CHECK_THAT(c.say("karen@kl.dk", "svar 1: " + std::string(9000, 'x')).text, Catch::Contains("for langt (9000 tegn"));
    // Counted in characters, as the table counts them: 5000 æ are 10000 bytes and fit.
    std::string danish;
    for (int i = 0; i < 5000; ++i) danish += "æ";
    CHECK(c.queued_with("Svar fra Karen").empty());
    CHECK_THAT(c.say("karen@kl.dk", "svar 1: " + danish).text, Catch::Contains("sendt til"));
    CHECK(c.queued_with("Svar fra Karen").size() == 1);
}
