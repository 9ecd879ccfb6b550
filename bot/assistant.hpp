// Assistant: the bot core every platform shares. One message in, one reply out.
#pragma once

#include "adapters/chat_message.hpp"

namespace superbruger::storage {
class AnswerLog;
class QuestionLog;
}

namespace superbruger::bot {

class KnowledgeService;
namespace directory {
class DirectoryAnswers;
}

/// Routes a message to help, "læs mere", a feedback vote or a knowledge answer. Not thread-safe (see
/// KnowledgeService); exceptions from storage propagate to the caller, which logs them.
class Assistant {
public:
    /// `directory` may be null: then questions about people get knowledge answers only.
    Assistant(KnowledgeService& knowledge, storage::QuestionLog& unanswered, storage::AnswerLog& answers,
              directory::DirectoryAnswers* directory = nullptr)
        : knowledge_(knowledge), unanswered_(unanswered), answers_(answers), directory_(directory) {}

    adapters::ChatReply handle(adapters::ChatMessage const& message);

private:
    KnowledgeService& knowledge_;
    storage::QuestionLog& unanswered_;
    storage::AnswerLog& answers_;
    directory::DirectoryAnswers* directory_;
};

}  // namespace superbruger::bot
