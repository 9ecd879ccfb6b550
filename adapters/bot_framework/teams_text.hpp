// Teams message text: markup to plain text, and the bot's own @mention removed.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace superbruger::adapters::bot_framework {

/// Tags dropped (block tags and <br> become line breaks), the common entities and numeric
/// character references decoded, runs of blanks collapsed, ends trimmed.
std::string html_to_text(std::string_view html);

/// Removes every <at>…</at> that mentions `bot_id` according to the `mention` entities (by the
/// entity's text, and by the mentioned name, because Teams' entity text and message text can
/// differ by an "@": https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#activity-object). Other people's mentions stay as their names.
std::string strip_bot_mentions(std::string_view text, nlohmann::json const& entities, std::string_view bot_id);

}  // namespace superbruger::adapters::bot_framework
