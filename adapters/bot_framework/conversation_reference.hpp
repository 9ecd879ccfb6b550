// ConversationReference: what the bot keeps to write into a conversation later
// (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#conversationreference-object,
// https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages), and the Connector URLs built from it.
#pragma once

#include "adapters/bot_framework/activity.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace superbruger::adapters::bot_framework {

struct ConversationReference {
    std::string service_url;  ///< ends in "/"
    std::string channel_id;
    std::string conversation_id;
    std::string conversation_type;
    std::string tenant_id;
    ChannelAccount bot;
    ChannelAccount user;

    nlohmann::json to_json() const;
    /// Throws AdapterError{bad_request} when the stored JSON lacks the service URL or conversation.
    static ConversationReference from_json(nlohmann::json const& j);
};

/// The reference to answer `activity` (or write into its conversation later).
ConversationReference reference_of(Activity const& activity);

/// The reference for a new 1:1 chat with `user`, before the conversation exists.
ConversationReference personal_reference(std::string service_url, std::string tenant_id, ChannelAccount bot, ChannelAccount user);

/// {serviceUrl}v3/conversations/{conversationId}/activities/{activityId}: a reply in the thread.
std::string reply_url(ConversationReference const& to, std::string const& activity_id);
/// {serviceUrl}v3/conversations/{conversationId}/activities: a new message at the end.
std::string send_url(ConversationReference const& to);
/// {serviceUrl}v3/conversations: creates a conversation.
std::string create_conversation_url(std::string const& service_url);

/// ConversationParameters for a 1:1 chat (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages: Teams needs the user id and the
/// tenant id; group chats cannot be created).
nlohmann::json create_conversation_parameters(ConversationReference const& personal);

/// The new conversation's id from a ConversationResourceResponse. Throws AdapterError{bad_request}.
std::string created_conversation_id(std::string_view response_body);

}  // namespace superbruger::adapters::bot_framework
