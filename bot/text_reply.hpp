// text_reply: a desk's plain answer (a command's result, a refusal, a dialog's next question).
// It is never a knowledge answer, so it is never marked confident.
#pragma once

#include "adapters/chat_message.hpp"

#include <string>

namespace superbruger::bot {

inline adapters::ChatReply text_reply(std::string text) {
    adapters::ChatReply r;
    r.text = std::move(text);
    r.confident = false;
    return r;
}

}  // namespace superbruger::bot
