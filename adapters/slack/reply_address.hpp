// Where the answer to a Slack message goes: the opaque ChatMessage::reply_address, written and
// read back only here. A compact JSON object, so it can be stored with the conversation and the
// outbox and survive restarts.
#pragma once

#include <string>
#include <string_view>

namespace superbruger::adapters::slack {

struct ReplyAddress {
    std::string channel;       ///< C… / G… / D… (a DM channel); empty for a user not yet opened (outbox)
    std::string thread_ts;     ///< reply in this thread; empty: a new message in the channel
    std::string response_url;  ///< slash commands and interactivity: up to 5 answers within 30 minutes
    std::string trigger_id;    ///< opens a modal (views.open) within 3 seconds, once
    std::string user_id;       ///< who asked: ephemeral answers and conversations.open need it
    std::string team_id;
};

/// The compact JSON text; empty members are left out.
std::string format_reply_address(ReplyAddress const& address);

/// Reads what format_reply_address wrote. Throws AdapterError{bad_request} for anything else,
/// or an address with neither a channel nor a user (there would be nowhere to write).
ReplyAddress parse_reply_address(std::string_view text);

}  // namespace superbruger::adapters::slack
