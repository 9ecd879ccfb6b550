// Assistant: the bot core every platform shares. One message in, one reply out.
#pragma once

#include "adapters/chat_message.hpp"
#include "knowledge/language.hpp"

#include <string>

namespace superbruger::storage {
class AnswerLog;
class QuestionLog;
}

namespace superbruger::bot {

class KnowledgeService;
namespace directory {
class DirectoryAnswers;
}
namespace change_requests {
class ChangeRequestDesk;
}
namespace releases {
class ReleaseDesk;
}
namespace hand_off {
class HandOffDesk;
}

/// Routes a message to help, "læs mere", a feedback vote or a knowledge answer. Not thread-safe (see
/// KnowledgeService); exceptions from storage propagate to the caller, which logs them.
class Assistant {
public:
    /// `directory`, `desk`, `releases` and `hand_off` may be null: then questions about people,
    /// change requests and release reviews get knowledge answers only, and no question is sent
    /// on to a person.
    Assistant(KnowledgeService& knowledge, storage::QuestionLog& unanswered, storage::AnswerLog& answers,
              directory::DirectoryAnswers* directory = nullptr, change_requests::ChangeRequestDesk* desk = nullptr,
              releases::ReleaseDesk* releases = nullptr, hand_off::HandOffDesk* hand_off = nullptr)
        : knowledge_(knowledge),
          unanswered_(unanswered),
          answers_(answers),
          directory_(directory),
          desk_(desk),
          releases_(releases),
          hand_off_(hand_off) {}

    adapters::ChatReply handle(adapters::ChatMessage const& message);

private:
    /// Everything after the checks of `handle`; `dialogs_may_answer` false lets the message past
    /// open dialogs.
    adapters::ChatReply route(adapters::ChatMessage const& message, std::string const& folded, knowledge::Language lang,
                              bool dialogs_may_answer);

    KnowledgeService& knowledge_;
    storage::QuestionLog& unanswered_;
    storage::AnswerLog& answers_;
    directory::DirectoryAnswers* directory_;
    change_requests::ChangeRequestDesk* desk_;
    releases::ReleaseDesk* releases_;
    hand_off::HandOffDesk* hand_off_;  ///< null: no "spørg en person"
};

}  // namespace superbruger::bot
