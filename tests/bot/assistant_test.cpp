// The Assistant over the bundled knowledge: answers cite, declines are recorded, commands work.
#include "bot/assistant.hpp"
#include "bot/config.hpp"
#include "bot/knowledge_service.hpp"
#include "storage/answer_log.hpp"
#include "storage/database.hpp"
#include "storage/question_log.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

using namespace superbruger;

namespace {
struct Harness {
    storage::Database db{":memory:"};
    storage::QuestionLog log{db};
    storage::AnswerLog answers{db};
    bot::KnowledgeService knowledge{bot::load_config(std::nullopt).knowledge};
    bot::Assistant assistant{knowledge, log, answers};

    adapters::ChatReply ask(std::string text, std::string user = "u1") {
        adapters::ChatMessage m;
        m.platform = "test";
        m.sender.user_id = std::move(user);
        m.text = std::move(text);
        return assistant.handle(m);
    }
};
}  // namespace

TEST_CASE("a known question is answered with its source", "[bot][assistant]") {
    Harness h;
    auto reply = h.ask("hvad laver en superbruger?");
    CHECK(reply.confident);
    REQUIRE(reply.citations.size() == 1);
    CHECK(reply.citations[0].document_id == "superbruger");
    CHECK_THAT(reply.footer, Catch::StartsWith("Kilde: "));
    CHECK(reply.text.size() <= 800);
    CHECK(h.log.summary(10).empty());
}

TEST_CASE("an unknown question is declined in the asker's language and recorded", "[bot][assistant]") {
    Harness h;
    auto reply = h.ask("who won the champions league last year?");
    CHECK_FALSE(reply.confident);
    CHECK_THAT(reply.text, Catch::Contains("I don't know"));
    CHECK(reply.citations.empty());
    auto logged = h.log.summary(10);
    REQUIRE(logged.size() == 1);
    CHECK(logged[0].question == "who won the champions league last year?");

    auto da = h.ask("hvem vandt fodboldkampen i går?");
    CHECK_THAT(da.text, Catch::Contains("ved jeg desværre ikke"));
}

TEST_CASE("help and read-more commands and empty messages", "[bot][assistant]") {
    Harness h;
    CHECK_THAT(h.ask("hjælp").text, Catch::Contains("superbruger"));
    CHECK_THAT(h.ask("help").text, Catch::Contains("This is what I do"));
    CHECK_THAT(h.ask("læs mere superbruger").text, Catch::Contains("DUBU-superbruger"));
    CHECK_THAT(h.ask("læs mere findes-ikke").text, Catch::Contains("findes-ikke"));
    CHECK_THAT(h.ask("   ").text, Catch::Contains("Skriv et spørgsmål"));
    CHECK(h.log.summary(10).empty());
}

TEST_CASE("answers carry read-more helpful and not-helpful actions whose values work as messages", "[bot][assistant][feedback]") {
    Harness h;
    auto reply = h.ask("hvem må kontakte Netcompanys servicedesk?");
    REQUIRE(reply.confident);
    REQUIRE(reply.actions.size() == 3);
    CHECK(reply.actions[0].label == "Læs mere");
    CHECK(reply.actions[1].label == "Nyttigt");
    CHECK(reply.actions[2].label == "Ikke nyttigt");
    CHECK_THAT(reply.actions[2].value, Catch::Matches("feedback [0-9]+ nej"));
    CHECK_THAT(reply.footer, Catch::StartsWith("Kilde: "));

    // Each action's value, sent back as a message, does what the button says.
    CHECK_THAT(h.ask(reply.actions[0].value).text, Catch::StartsWith("**"));
    CHECK_THAT(h.ask(reply.actions[2].value).text, Catch::Contains("ikke hjalp"));
    CHECK_THAT(h.ask(reply.actions[2].value).text, Catch::Contains("allerede noteret"));
    CHECK_THAT(h.ask(reply.actions[1].value).text, Catch::Contains("ændret"));
    CHECK(h.answers.down_voted(10).empty());  // the only vote is now "helpful"

    CHECK(h.ask(reply.actions[2].value, "u2").text.find("ikke hjalp") != std::string::npos);
    auto down = h.answers.down_voted(10);
    REQUIRE(down.size() == 1);
    CHECK(down[0].question == "hvem må kontakte netcompanys servicedesk?");
    CHECK(down[0].not_helpful == 1);
    CHECK(down[0].helpful == 1);
    CHECK(down[0].document_id == "support");
}

TEST_CASE("a vote on an unknown answer is refused plainly and declines carry no actions", "[bot][assistant][feedback]") {
    Harness h;
    CHECK_THAT(h.ask("feedback 999 ja").text, Catch::Contains("kan ikke finde svar nr. 999"));
    CHECK(h.ask("who won the champions league last year?").actions.empty());
    // Not a vote: falls through to an ordinary (declined) question, not a crash or a vote.
    CHECK_FALSE(h.ask("feedback 12 måske").confident);
}

TEST_CASE("a question answered again and commands write nothing to the database", "[bot][assistant][answer_log]") {
    Harness h;
    auto const first = h.ask("hvem må kontakte Netcompanys servicedesk?", "u1");
    REQUIRE(first.confident);
    auto const changes = h.db.connection().getTotalChanges();
    auto const again = h.ask("hvem må kontakte Netcompanys servicedesk?", "u2");
    CHECK(again.actions.at(1).value == first.actions.at(1).value);  // the same answer id on the buttons
    h.ask("hjælp");
    h.ask("læs mere superbruger");
    h.ask("   ");
    CHECK(h.db.connection().getTotalChanges() == changes);
}
