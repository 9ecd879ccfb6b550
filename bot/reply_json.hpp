// A ChatReply as JSON, for replies stored before they are sent (the outbox).
#pragma once

#include "adapters/chat_message.hpp"

#include <nlohmann/json.hpp>

namespace superbruger::bot {

nlohmann::json reply_to_json(adapters::ChatReply const& reply);
/// Missing members take their defaults; a value that is not an object gives an empty reply.
adapters::ChatReply reply_from_json(nlohmann::json const& j);

}  // namespace superbruger::bot
