// Commands are never knowledge: every command word of the bot (bot/command_words.cpp) is routed to
// its command or to its help, and never answered from the knowledge base; near misses too.
#include "bot/assistant.hpp"
#include "bot/change_requests/change_request_desk.hpp"
#include "bot/command_words.hpp"
#include "bot/config.hpp"
#include "bot/directory/directory_answers.hpp"
#include "bot/directory/directory_csv.hpp"
#include "bot/knowledge_service.hpp"
#include "bot/releases/release_desk.hpp"
#include "knowledge/danish_text.hpp"
#include "storage/answer_log.hpp"
#include "storage/database.hpp"
#include "storage/question_log.hpp"

#include <catch2/catch.hpp>

using namespace superbruger;
using namespace std::chrono_literals;
using bot::commands::Desk;

namespace {

struct Harness {
    storage::Database db{":memory:"};
    storage::QuestionLog questions{db};
    storage::AnswerLog answers{db};
    bot::KnowledgeService knowledge{bot::load_config(std::nullopt).knowledge};
    bot::directory::DirectoryService directory{db, knowledge};
    bot::directory::DirectoryAnswers directory_answers{directory};
    bot::change_requests::ChangeRequestDesk desk{db, directory, 30min, [] { return std::chrono::system_clock::now(); }};
    bot::releases::ReleaseDesk releases{db, directory, {14, 7, 2}};
    bot::Assistant assistant{knowledge, questions, answers, &directory_answers, &desk, &releases};

    Harness() {
        REQUIRE(bot::directory::import_csv("kommune;kommunenummer;navn;email;rolle;koordinator\n"
                                           "Næstved;370;Anne Sørensen;anne@naestved.dk;superbruger;nej\n",
                                           directory, {"t", "2026-11-22T10:00:00Z", "2026-11-22"}, false)
                    .problems.empty());
    }

    int conversations = 0;

    /// Each message from a new conversation, so no dialog a command opened catches the next one.
    adapters::ChatReply say(std::string text) {
        adapters::ChatMessage m;
        m.platform = "teams";
        m.sender.user_id = "29:anne-" + std::to_string(++conversations);
        m.sender.email = "anne@naestved.dk";
        m.text = std::move(text);
        return assistant.handle(m);
    }
};

/// A reply from knowledge cites its source; a command's reply or help does not, and is not
/// marked as a confident answer.
void check_not_knowledge(adapters::ChatReply const& reply, std::string const& message) {
    INFO("message: " << message << "\nreply: " << reply.text);
    CHECK_FALSE(reply.confident);
    CHECK(reply.citations.empty());
    CHECK(reply.footer.find("Kilde: ") == std::string::npos);
}

/// The message a user would type for a command word: the words, with an argument when the
/// command takes one.
std::string as_typed(bot::commands::CommandWord const& c) {
    std::string text(c.words);
    if (c.match == bot::commands::Match::start) text += " DUBU 3.4";
    if (c.match == bot::commands::Match::anywhere) text = "hvad med " + text + "?";
    return text;
}

}  // namespace

TEST_CASE("every command word is routed to its desk", "[bot][commands]") {
    for (auto const& c : bot::commands::command_words()) {
        auto const typed = as_typed(c);
        INFO(typed);
        auto const desk = bot::commands::command_desk(knowledge::fold_case(typed));
        REQUIRE(desk.has_value());
        CHECK(*desk == c.desk);
    }
}

TEST_CASE("every command word is answered by its command or its help and never from knowledge", "[bot][commands]") {
    Harness h;
    for (auto const& c : bot::commands::command_words()) {
        auto const typed = as_typed(c);
        check_not_knowledge(h.say(typed), typed);
        std::string const bare(c.words);
        check_not_knowledge(h.say(bare), bare);
    }
}

TEST_CASE("commands gone wrong and near misses get the command's help", "[bot][commands]") {
    Harness h;
    for (std::string const message : {"gennemgå", "fortsæt", "status på 3.4", "hvilke releases er der?", "ret", "træk tilbage",
                                      "fortryd", "gennemgaa DUBU 3.4", "fortsat", "hjælp mig", "hjaelp", "Status på release 3.2",
                                      "review", "undo", "withdraw", "helpp", "hellp", "undoo"}) {
        check_not_knowledge(h.say(message), message);
    }
    // "gennemgå" alone reaches its command: with no release registered, it says so.
    CHECK_THAT(h.say("gennemgå").text, Catch::Contains("ingen registrerede releases"));
    CHECK_THAT(h.say("status på 3.4").text, Catch::Contains("gennemgå DUBU 3.4"));
    CHECK_THAT(h.say("fortryd").text, Catch::Contains("nyt ændringsønske"));
}

TEST_CASE("questions that merely use a command's words are still knowledge questions", "[bot][commands]") {
    CHECK_FALSE(bot::commands::command_desk(knowledge::fold_case("hvem skal gennemgå releasenoterne?")));
    CHECK_FALSE(bot::commands::command_desk(knowledge::fold_case("hvordan støtter systemansvarlig superbrugerne?")));
    CHECK_FALSE(bot::commands::command_desk(knowledge::fold_case("delte roller i kommunen")));
    Harness h;
    auto const reply = h.say("hvem skal gennemgå releasenoterne?");
    CHECK(reply.confident);
    CHECK_FALSE(reply.citations.empty());
}

TEST_CASE("a display verb before a command is the command", "[bot][commands]") {
    using superbruger::bot::commands::without_display_verb;
    CHECK(without_display_verb("vis mine ændringsønsker") == std::optional<std::string>("mine ændringsønsker"));
    CHECK(without_display_verb("Show my change requests") == std::optional<std::string>("my change requests"));
    CHECK(without_display_verb("vis releases") == std::nullopt);  // "vis releases" is a command itself
    // Not before a question, nor alone.
    CHECK_FALSE(without_display_verb("vis hvordan man melder fejl"));
    CHECK_FALSE(without_display_verb("vis"));
}

TEST_CASE("a question about the status of a topic is knowledge, the status of a release a command", "[bot][commands]") {
    using superbruger::bot::commands::understand;
    CHECK_FALSE(understand("hvad er status på opgaven om projektorganisation i korsbæk?"));
    CHECK(understand("hvad er status på 3.4?"));
    CHECK(understand("status på dubu 3.4"));
}
