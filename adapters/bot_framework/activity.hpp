// Activity: the parts of a Bot Framework activity the bot reads (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#activity-object),
// and its translation to the platform-neutral ChatMessage.
#pragma once

#include "adapters/chat_message.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace superbruger::adapters::bot_framework {

struct ChannelAccount {
    std::string id;
    std::string name;
    std::string aad_object_id;  ///< Teams users: the Entra object id
};

struct Activity {
    std::string type;  ///< message, conversationUpdate, installationUpdate, messageReaction, invoke, …
    std::string id;
    std::string service_url;
    std::string channel_id;
    ChannelAccount from;
    ChannelAccount recipient;  ///< the bot
    std::string conversation_id;
    std::string conversation_type;  ///< personal, groupChat, channel (may be empty)
    std::string tenant_id;          ///< channelData.tenant.id, else conversation.tenantId
    std::string text;
    std::string reply_to_id;
    std::string locale;
    std::string action;  ///< installationUpdate: "add" / "remove" (and -upgrade variants)
    nlohmann::json value;     ///< card submit data; null when absent
    nlohmann::json entities;  ///< array (possibly empty)
    std::vector<ChannelAccount> members_added;
};

/// Reads an activity from a request body. Throws AdapterError{bad_request} when the body is not
/// a JSON object or has no string `type` (what the reference SDK answers with 400).
Activity parse_activity(std::string_view body);

/// True for a conversationUpdate that adds the bot itself, or an installationUpdate "add".
bool bot_was_added(Activity const& activity);

/// The message as the bot core sees it: the bot's own @mention removed, Teams HTML reduced to
/// text, and a card submit's `value.command` taken as the text. Platform "teams"; the sender
/// carries the tenant id and the AAD object id.
ChatMessage to_chat_message(Activity const& activity);

}  // namespace superbruger::adapters::bot_framework
