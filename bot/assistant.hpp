// Assistant: the bot core every platform shares. One message in, one reply out.
#pragma once

#include "adapters/chat_message.hpp"

namespace superbruger::storage {
class QuestionLog;
}

namespace superbruger::bot {

class KnowledgeService;

/// Routes a message to help, "læs mere" or a knowledge answer. Not thread-safe (see
/// KnowledgeService); exceptions from storage propagate to the caller, which logs them.
class Assistant {
public:
    Assistant(KnowledgeService& knowledge, storage::QuestionLog& unanswered)
        : knowledge_(knowledge), unanswered_(unanswered) {}

    adapters::ChatReply handle(adapters::ChatMessage const& message);

private:
    KnowledgeService& knowledge_;
    storage::QuestionLog& unanswered_;
};

}  // namespace superbruger::bot
