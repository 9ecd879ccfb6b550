// InboundText: the one check every text from outside passes before the bot core sees it
// (platform fields, form values, console input). SQLite's length() stops at a NUL, so a NUL
// would fail the tables' CHECKs later; other control characters only garble logs and exports.
#pragma once

#include "adapters/chat_message.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace superbruger::bot {

/// `text` as valid UTF-8 (malformed bytes become U+FFFD) without control characters other than
/// tab and newline (CR, the C0 and C1 controls and DEL are dropped); nullopt when it holds a NUL,
/// which is refused rather than silently dropped, since it usually means a broken client.
std::optional<std::string> clean_inbound_text(std::string_view text);

/// Cleans the message's text, form values and sender name in place; false (message untouched
/// beyond what was cleaned) when any of them holds a NUL.
bool clean_inbound_message(adapters::ChatMessage& message);

}  // namespace superbruger::bot
