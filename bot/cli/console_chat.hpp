// ConsoleChat: the conversation `superbot chat` holds in the terminal. Each persona (`--as
// EMAIL`, or "/som EMAIL" / "/as EMAIL" during the session) is its own chat identity, with its own
// drafts and requests, so a scripted multi-person scenario works in one console. Messages the bot
// queued for a persona on its own initiative (a status change, a support, a reminder) are shown
// when that persona next talks, and marked sent, instead of waiting in the outbox for a platform
// that will never take them.
#pragma once

#include "adapters/chat_message.hpp"

#include <string>

namespace superbruger::storage {
class Database;
}

namespace superbruger::bot {
class Assistant;
}

namespace superbruger::bot::cli {

class ConsoleChat {
public:
    /// `local_user` names the console's chat identity when no persona is chosen ($USER).
    ConsoleChat(Assistant& assistant, storage::Database& db, std::string local_user);

    /// Talks as the person with this e-mail from now on; "" is the local user again.
    void act_as(std::string const& email);
    /// The line's answer as plain text, after the messages queued for this persona; a line
    /// "/som EMAIL" or "/as EMAIL" switches persona instead.
    std::string say(std::string const& line);
    adapters::Sender const& sender() const noexcept { return sender_; }

private:
    std::string queued_for_me();

    Assistant& assistant_;
    storage::Database& db_;
    std::string local_user_;
    adapters::Sender sender_;
};

}  // namespace superbruger::bot::cli
