// Where the answer to a Mattermost message goes: the opaque ChatMessage::reply_address, written
// and read back only here. Compact JSON, so it can be stored with the conversation and the outbox.
#pragma once

#include <string>
#include <string_view>

namespace superbruger::adapters::mattermost {

struct ReplyAddress {
    std::string channel_id;    ///< empty for a user not yet written to (outbox: channels/direct first)
    std::string root_id;       ///< answer in this thread (the question's post); empty: a new post
    std::string response_url;  ///< slash commands: up to 5 answers within 30 minutes
    std::string trigger_id;    ///< opens a dialog (actions/dialogs/open), once, shortly after the request
    std::string user_id;       ///< who asked: ephemeral answers and channels/direct need it
    std::string team_id;
};

/// The compact JSON text; empty members are left out.
std::string format_reply_address(ReplyAddress const& address);

/// Reads what format_reply_address wrote. Throws AdapterError{bad_request} for anything else, or
/// for an address with neither a channel nor a user (there would be nowhere to write).
ReplyAddress parse_reply_address(std::string_view text);

}  // namespace superbruger::adapters::mattermost
