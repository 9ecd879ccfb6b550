// Teams outgoing webhooks: HMAC check, the activity read with the Bot Framework adapter, and a
// single Markdown message for the answer.
#include "adapters/teams_webhook/outgoing_webhook.hpp"

#include "adapters/bot_framework/activity.hpp"
#include "adapters/bot_framework/message_activity.hpp"
#include "adapters/crypto/base64.hpp"
#include "adapters/crypto/hmac.hpp"
#include "adapters/error.hpp"
#include "adapters/untrusted_json.hpp"

namespace superbruger::adapters::teams_webhook {

namespace {

[[noreturn]] void refuse(std::string const& reason) { throw AdapterError(AdapterError::Kind::unauthenticated, reason); }

}  // namespace

std::string key_of_security_token(std::string_view token_base64) {
    auto key = crypto::base64_decode(token_base64);
    if (!key || key->size() != 32) {
        throw AdapterError(AdapterError::Kind::bad_request, "a Teams outgoing webhook security token is base64 of 32 bytes, as Teams shows it");
    }
    return *key;
}

std::string authorization_for(std::string_view key, std::string_view raw_body) {
    return "HMAC " + crypto::base64_encode(crypto::hmac_sha256(key, raw_body));
}

void verify_request(std::string_view key, std::string_view authorization_header, std::string_view raw_body) {
    if (raw_body.empty()) refuse("an empty body");
    if (authorization_header.empty()) refuse("no Authorization header");
    // Microsoft's samples compare the whole header with "HMAC " + the MAC (https://github.com/OfficeDev/Microsoft-Teams-Samples/blob/main/samples/outgoing-webhook/nodejs/app.js).
    if (!crypto::equal_in_constant_time(authorization_header, authorization_for(key, raw_body))) refuse("the HMAC does not match the body");
}

ChatMessage parse_message(std::string_view raw_body) {
    auto activity = bot_framework::parse_activity(raw_body);
    if (activity.type != "message") throw AdapterError(AdapterError::Kind::bad_request, "a Teams outgoing webhook posts message activities only");
    // The webhook's recipient is the string "null"; the mention that triggered it names the
    // webhook by its own 28:… id, so that id is the one to strip.
    std::string webhook_mention;
    for (auto const& e : activity.entities) {
        auto const id = string_member(member(e, "mentioned"), "id");
        if (string_member(e, "type") != "mention" || !id.starts_with("28:")) continue;
        activity.recipient.id = id;
        webhook_mention = string_member(e, "text");
        break;
    }
    // The mention's text does not always match the message (Microsoft's own example names the
    // webhook differently in the two): the message then starts with the mention, which goes.
    if (!activity.recipient.id.empty() && activity.text.find(webhook_mention) == std::string::npos && activity.text.starts_with("<at>")) {
        if (auto const end = activity.text.find("</at>"); end != std::string::npos) activity.text.erase(0, end + 5);
    }
    auto message = bot_framework::to_chat_message(activity);
    if (message.text.empty()) throw AdapterError(AdapterError::Kind::bad_request, "the message has no text");
    return message;
}

std::string actions_to_type(ChatReply const& reply) {
    std::string hint;
    for (auto const& a : reply.actions) hint += (hint.empty() ? "" : " · ") + std::string("»") + a.value + "«";
    return hint;
}

nlohmann::json response_body(ChatReply const& reply) {
    std::string text = reply.text;
    if (!reply.footer.empty()) text += "\n\n" + reply.footer;
    if (auto const hint = actions_to_type(reply); !hint.empty()) text += "\n\n" + hint;
    return {{"type", "message"}, {"textFormat", "markdown"}, {"text", bot_framework::shortened(text, bot_framework::max_activity_utf16_units)}};
}

}  // namespace superbruger::adapters::teams_webhook
