// A Teams outgoing webhook (https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-outgoing-webhook):
// for a team that cannot register a Bot Framework bot. Teams POSTs a Bot Framework message
// activity when someone @mentions the webhook in a channel, signed with HMAC-SHA256 of the raw
// body under the webhook's security token; the answer is the HTTP response itself, within five
// seconds. No card action but openUrl works there, and the webhook cannot write first.
#pragma once

#include "adapters/chat_message.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace superbruger::adapters::teams_webhook {

/// The key behind a security token as Teams shows it (base64 of 32 bytes). Throws
/// AdapterError{bad_request} for anything else, so a mistyped token is found at start-up.
std::string key_of_security_token(std::string_view token_base64);

/// "HMAC " + base64(HMAC-SHA256(key, body)): the Authorization header Teams sends.
std::string authorization_for(std::string_view key, std::string_view raw_body);

/// Checks the Authorization header against the raw body, in constant time. Throws
/// AdapterError{unauthenticated} for a missing or wrong header or an empty body.
void verify_request(std::string_view key, std::string_view authorization_header, std::string_view raw_body);

/// The message the activity carries, the webhook's own @mention removed. Platform "teams": the
/// sender is the same Teams person (Entra object id, tenant) the directory knows. Throws
/// AdapterError{bad_request} for a body that is no message activity.
ChatMessage parse_message(std::string_view raw_body);

/// The reply's actions written out as what to type ("»gennemgå DUBU 3.5« · »…«"), for places
/// where its buttons could not be pressed; "" for none.
std::string actions_to_type(ChatReply const& reply);

/// The HTTP answer's body: one message activity in Markdown, the source and the reply's actions
/// written out as what to type (its buttons could not be pressed here), under Teams' size limit.
/// A form is left out: the conversation asks field by field instead.
nlohmann::json response_body(ChatReply const& reply);

}  // namespace superbruger::adapters::teams_webhook
