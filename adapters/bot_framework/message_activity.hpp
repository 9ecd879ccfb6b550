// Outgoing message activities: a ChatReply as an Adaptive Card (text, source, action buttons)
// or as plain Markdown text, kept under Teams' message size limit.
#pragma once

#include "adapters/bot_framework/conversation_reference.hpp"
#include "adapters/chat_message.hpp"
#include "adapters/json_writer.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace superbruger::adapters::bot_framework {

/// Teams refuses messages over about 40 KB counted in UTF-16 over the whole payload (older
/// docs; newer ones say 100 KB and advise ≤ 80 KB: https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/conversation-messages). We keep each activity
/// under this many UTF-16 code units (2 bytes each), with room for the envelope.
constexpr std::size_t max_activity_utf16_units = 16 * 1024;

/// The reply as activities (JSON texts) to send in order. A reply with a source or actions becomes an
/// Adaptive Card (version 1.4, buttons as Action.Submit with data {"command": value}, which Teams
/// returns as the message's `value`) with `fallbackText`; a bare text becomes a Markdown
/// message. Too long a text is split at paragraph (else line, else character) boundaries into
/// leading plain messages; the card comes last. Text and card never share one activity, because
/// Teams would split them and return no id (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/conversation-messages).
std::vector<std::string> message_activities(ChatReply const& reply, ConversationReference const& to,
                                            std::string const& reply_to_id = {},
                                            std::size_t max_utf16_units = max_activity_utf16_units);

/// Writes the Adaptive Card for a reply as the next value of `w`, with `note` (when not empty)
/// as a subtle last block of its body.
void write_adaptive_card(JsonWriter& w, ChatReply const& reply, std::string_view note = {});

/// Length of UTF-8 text in UTF-16 code units, how Teams measures a message.
std::size_t utf16_units(std::string_view utf8);

/// `text` cut to at most `limit` UTF-16 units at a character boundary, ending in "…" when cut.
std::string shortened(std::string const& text, std::size_t limit);

}  // namespace superbruger::adapters::bot_framework
