// JSON text out of the bot: always total. nlohmann's dump() throws on invalid UTF-8 in a string;
// with error_handler_t::replace such bytes become U+FFFD instead, so no message, draft or
// outbox entry is lost to one bad byte.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace superbruger::bot {

inline std::string json_text(nlohmann::json const& j, int indent = -1) {
    return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace superbruger::bot
