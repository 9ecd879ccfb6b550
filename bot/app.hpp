// App: the composition root. Builds storage, knowledge and the assistant from one Config.
#pragma once

#include "bot/assistant.hpp"
#include "bot/change_requests/change_request_desk.hpp"
#include "bot/hand_off/hand_off_desk.hpp"
#include "bot/releases/release_desk.hpp"
#include "bot/config.hpp"
#include "bot/directory/directory_answers.hpp"
#include "bot/directory/directory_service.hpp"
#include "bot/knowledge_service.hpp"
#include "storage/answer_log.hpp"
#include "storage/conversation_store.hpp"
#include "storage/database.hpp"
#include "storage/question_log.hpp"

#include <string>

namespace superbruger::bot {

/// Everything the commands share. Construction fails fast with BotError{config} naming the
/// setting at fault (an unopenable database, an empty knowledge folder).
class App {
public:
    explicit App(Config config);

    Config const& config() const noexcept { return config_; }
    Assistant& assistant() noexcept { return assistant_; }
    KnowledgeService& knowledge() noexcept { return knowledge_; }
    directory::DirectoryService& directory() noexcept { return directory_; }
    storage::QuestionLog& unanswered_questions() noexcept { return questions_; }
    storage::AnswerLog& answers() noexcept { return answers_; }
    storage::ConversationStore& conversations() noexcept { return conversations_; }
    storage::Database& database() noexcept { return database_; }
    change_requests::ChangeRequestDesk& change_requests() noexcept { return desk_; }

    /// Empty when the app can serve; otherwise why not (for /readyz).
    std::string readiness();

private:
    Config config_;
    storage::Database database_;
    storage::QuestionLog questions_;
    storage::AnswerLog answers_;
    storage::ConversationStore conversations_;
    KnowledgeService knowledge_;
    directory::DirectoryService directory_;
    directory::DirectoryAnswers directory_answers_;
    change_requests::ChangeRequestDesk desk_;
    releases::ReleaseDesk release_desk_;
    hand_off::HandOffDesk hand_off_desk_;
    Assistant assistant_;
};

}  // namespace superbruger::bot
