// The Assistant over the bundled knowledge: answers cite, declines are recorded, commands work.
#include "bot/assistant.hpp"
#include "bot/config.hpp"
#include "bot/knowledge_service.hpp"
#include "storage/database.hpp"
#include "storage/question_log.hpp"

#include <catch2/catch.hpp>

using namespace superbruger;

namespace {
struct Harness {
    storage::Database db{":memory:"};
    storage::QuestionLog log{db};
    bot::KnowledgeService knowledge{bot::load_config(std::nullopt).knowledge};
    bot::Assistant assistant{knowledge, log};

    adapters::ChatReply ask(std::string text) {
        adapters::ChatMessage m;
        m.platform = "test";
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
    CHECK_THAT(h.ask("help").text, Catch::Contains("Ask me"));
    CHECK_THAT(h.ask("læs mere superbruger").text, Catch::Contains("DUBU-superbruger"));
    CHECK_THAT(h.ask("læs mere findes-ikke").text, Catch::Contains("findes-ikke"));
    CHECK_THAT(h.ask("   ").text, Catch::Contains("Skriv et spørgsmål"));
    CHECK(h.log.summary(10).empty());
}
