// HandOffDesk: a question the bot could not answer goes on to a person ("spørg en person: …",
// the button under a declined or unhelpful answer): the asker's municipality's systemansvarlige,
// or the network's coordinators when it has none the bot can reach. They get it through the
// outbox with a number, answer with "svar <nr>: …", and the answer reaches the asker the same way.
// A coordinator can then put the answer into the local knowledge base ("føj svar <nr> til
// vidensbasen"), so the bot answers the next one itself.
#pragma once

#include "adapters/chat_message.hpp"
#include "bot/directory/directory_service.hpp"
#include "bot/knowledge_service.hpp"
#include "knowledge/language.hpp"
#include "storage/hand_offs.hpp"
#include "storage/outbox.hpp"

#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace superbruger::bot::hand_off {

class HandOffDesk {
public:
    using Clock = std::function<std::chrono::system_clock::time_point()>;
    /// `knowledge`: where answers are added; nullptr: they cannot be.
    HandOffDesk(storage::Database& db, directory::DirectoryService& directory, KnowledgeService* knowledge,
                Clock clock = std::chrono::system_clock::now);

    /// The reply to a hand-off command, or nullopt when the message is none.
    std::optional<adapters::ChatReply> answer(adapters::ChatMessage const& message, std::string const& folded, knowledge::Language lang);

    /// The button that sends `question` on (the question cut to what a button's value holds).
    static adapters::ReplyAction offer(knowledge::Language lang, std::string const& question);

    /// Longest question kept, in bytes.
    static constexpr std::size_t max_question_bytes = 1000;

private:
    adapters::ChatReply ask(adapters::ChatMessage const& message, std::string question, knowledge::Language lang);
    adapters::ChatReply reply_to(adapters::ChatMessage const& message, std::int64_t id, std::string answer, knowledge::Language lang);
    adapters::ChatReply add_to_knowledge(adapters::ChatMessage const& message, std::int64_t id, knowledge::Language lang);
    bool may_answer(directory::Asker const& expert, storage::HandOff const& hand_off) const;

    storage::Database& db_;
    directory::DirectoryService& directory_;
    KnowledgeService* knowledge_;
    storage::HandOffs hand_offs_;
    storage::Outbox outbox_;
    Clock clock_;
};

}  // namespace superbruger::bot::hand_off
