// Assistant: the bot core every platform shares. One message in, one reply out.
#pragma once

#include "adapters/chat_message.hpp"

namespace superbruger::storage {
class AnswerLog;
class QuestionLog;
}

namespace superbruger::bot {

class KnowledgeService;

/// Routes a message to help, "læs mere", a feedback vote or a knowledge answer. Not thread-safe (see
/// KnowledgeService); exceptions from storage propagate to the caller, which logs them.
class Assistant {
public:
    Assistant(KnowledgeService& knowledge, storage::QuestionLog& unanswered, storage::AnswerLog& answers)
        : knowledge_(knowledge), unanswered_(unanswered), answers_(answers) {}

    adapters::ChatReply handle(adapters::ChatMessage const& message);

private:
    KnowledgeService& knowledge_;
    storage::QuestionLog& unanswered_;
    storage::AnswerLog& answers_;
};

}  // namespace superbruger::bot
