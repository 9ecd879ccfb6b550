// The whole conversation as a console or Teams user meets it: the Assistant with the role
// directory, the change-request desk and the release desk over one in-memory database, a small
// network (Næstved with two superbrugere and a systemansvarlig, Ærø, Korsbæk, a coordinator) and
// the release DUBU 3.4, and the hand-off desk. People are named by e-mail; each has one chat
// identity once they have written (link_chat_identity gives it before).
#pragma once

#include "bot/assistant.hpp"
#include "bot/change_requests/change_request_desk.hpp"
#include "bot/config.hpp"
#include "bot/directory/directory_answers.hpp"
#include "bot/directory/directory_csv.hpp"
#include "bot/hand_off/hand_off_desk.hpp"
#include "bot/knowledge_service.hpp"
#include "bot/releases/release_desk.hpp"
#include "bot/releases/release_registry.hpp"
#include "bot/texts.hpp"
#include "knowledge/danish_text.hpp"
#include "storage/answer_log.hpp"
#include "storage/database.hpp"
#include "storage/outbox.hpp"
#include "storage/question_log.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <string>

namespace superbruger::tests {

inline constexpr char const* conversation_network =
    "kommune;kommunenummer;navn;email;rolle;koordinator\n"
    "Næstved;370;Anne Sørensen;anne@naestved.dk;superbruger;nej\n"
    "Næstved;370;Ida Holm;ida@naestved.dk;superbruger;nej\n"
    "Næstved;370;Sara Holm;sara@naestved.dk;systemansvarlig;nej\n"
    "Ærø;492;Bo Berg;bo@aeroe.dk;superbruger;nej\n"
    "Korsbæk;999;Kim Korsbæk;kim@korsbaek.dk;superbruger;nej\n"
    "Roskilde;265;Rita Rask;rita@roskilde.dk;systemansvarlig;nej\n"
    "KL;000;Karen Koordinator;karen@kl.dk;;ja\n";

inline bot::KnowledgeConfig knowledge_config(std::filesystem::path const& local_knowledge) {
    auto config = bot::load_config(std::nullopt).knowledge;
    if (!local_knowledge.empty()) config.local_dirs.push_back(local_knowledge);
    return config;
}

struct Conversation {
    storage::Database db{":memory:"};
    storage::QuestionLog questions{db};
    storage::AnswerLog answers{db};
    bot::KnowledgeService knowledge{bot::load_config(std::nullopt).knowledge};
    bot::directory::DirectoryService directory{db, knowledge};
    bot::directory::DirectoryAnswers directory_answers{directory};
    std::chrono::system_clock::time_point now = std::chrono::sys_days{std::chrono::year{2026} / 11 / 23} + std::chrono::hours(9);
    bot::change_requests::ChangeRequestDesk desk{db, directory, std::chrono::minutes(30), [this] { return now; }};
    bot::releases::ReleaseDesk releases{db, directory, {14, 7, 2}};
    bot::hand_off::HandOffDesk hand_off{db, directory, &knowledge, [this] { return now; }};
    bot::Assistant assistant{knowledge, questions, answers, &directory_answers, &desk, &releases, &hand_off};
    storage::Outbox outbox{db};

    /// `local_knowledge`: the knowledge base's local folder (where coordinators add answers); none by default.
    explicit Conversation(bool with_release = true, std::filesystem::path const& local_knowledge = {})
        : knowledge(knowledge_config(local_knowledge)) {
        auto const imported = bot::directory::import_csv(conversation_network, directory, {"test", "2026-11-22T10:00:00Z", "2026-11-22"}, false);
        REQUIRE(imported.problems.empty());
        if (with_release) {
            bot::releases::ReleaseRegistry(db).add(
                {"DUBU 3.4", "2026-12-01", "2026-12-15", "## Breve\n- Nye standardbreve\n- Journalfraser\n- Ydelseskatalog med takster", "Karen"});
        }
    }

    adapters::ChatReply say(std::string const& email, std::string text, std::string const& chat = {}) {
        adapters::ChatMessage m;
        m.platform = "teams";
        m.sender.user_id = "29:" + email + chat;
        m.sender.email = email;
        m.sender.tenant_id = "tenant-of-" + email.substr(email.find('@') + 1);
        m.text = std::move(text);
        now += std::chrono::minutes(1);
        return assistant.handle(m);
    }

    /// Files a request through the whole dialog and returns its reference.
    std::string file(std::string const& email, std::string const& title, std::string const& description) {
        CHECK_THAT(say(email, "nyt ændringsønske").text, Catch::Contains("Trin 1 af 6"));
        say(email, title);
        say(email, description);
        say(email, "Sagsbehandling");
        say(email, "Mindre dobbeltarbejde");
        say(email, "høj");
        CHECK_THAT(say(email, "Færre klik for sagsbehandlerne").text, Catch::Contains("Dit ændringsønske"));
        auto const ref = bot::change_requests::ref_in(knowledge::fold_case(say(email, "send").text));
        REQUIRE_FALSE(ref.empty());
        return ref;
    }

    std::size_t unanswered() { return questions.summary(100).size(); }

    /// The directory learns the chat identity `say` writes as, so the bot can write to them first.
    void link_chat_identity(std::string const& email, std::string const& chat = {}) {
        auto const person = directory.store().person_with_email(email);
        REQUIRE(person);
        directory.store().add_identity(person->id, "teams", "29:" + email + chat, {"test", "2026-11-22T10:00:00Z", "2026-11-22"});
    }

    /// The outbox messages queued so far whose text contains `needle`, as (recipient, text).
    std::vector<std::pair<std::string, std::string>> queued_with(std::string const& needle) {
        std::vector<std::pair<std::string, std::string>> out;
        SQLite::Statement q(db.connection(), "SELECT recipient, message FROM outbox ORDER BY id");
        while (q.executeStep()) {
            auto const text = nlohmann::json::parse(q.getColumn(1).getString()).value("text", "");
            if (text.find(needle) != std::string::npos) out.emplace_back(q.getColumn(0).getString(), text);
        }
        return out;
    }
};

/// A reply that is the bot's own (a command, a dialog, help), not a knowledge answer.
inline bool is_bot_reply(adapters::ChatReply const& reply) { return !reply.confident && reply.citations.empty(); }

/// The bot said it does not know (in either language).
inline bool is_decline(adapters::ChatReply const& reply) {
    return reply.text.starts_with("Det ved jeg desværre ikke") || reply.text.starts_with("I don't know");
}

}  // namespace superbruger::tests
