// Activity reading. Every field is read defensively: a wrong type counts as absent, so a
// surprising payload is answered, never crashes the handler.
#include "adapters/bot_framework/activity.hpp"

#include "adapters/bot_framework/teams_text.hpp"
#include "adapters/error.hpp"
#include "adapters/untrusted_json.hpp"

namespace superbruger::adapters::bot_framework {

namespace {

using nlohmann::json;

ChannelAccount account(json const& j) {
    return {string_member(j, "id"), string_member(j, "name"), string_member(j, "aadObjectId")};
}

}  // namespace

Activity parse_activity(std::string_view body) {
    if (nests_deeper_than(body, untrusted_json_max_depth)) {
        throw AdapterError(AdapterError::Kind::bad_request, "body nests deeper than " + std::to_string(untrusted_json_max_depth) + " levels");
    }
    json doc = parse_untrusted_json(body);
    if (doc.is_discarded()) throw AdapterError(AdapterError::Kind::bad_request, "body is not valid JSON");
    if (!doc.is_object()) throw AdapterError(AdapterError::Kind::bad_request, "body is not a JSON object");
    Activity a;
    a.type = string_member(doc, "type");
    if (a.type.empty()) throw AdapterError(AdapterError::Kind::bad_request, "activity has no type");
    a.id = string_member(doc, "id");
    a.service_url = string_member(doc, "serviceUrl");
    a.channel_id = string_member(doc, "channelId");
    a.from = account(member(doc, "from"));
    a.recipient = account(member(doc, "recipient"));
    auto const& conversation = member(doc, "conversation");
    a.conversation_id = string_member(conversation, "id");
    a.conversation_type = string_member(conversation, "conversationType");
    a.tenant_id = string_member(member(member(doc, "channelData"), "tenant"), "id");
    if (a.tenant_id.empty()) a.tenant_id = string_member(conversation, "tenantId");
    a.text = string_member(doc, "text");
    a.reply_to_id = string_member(doc, "replyToId");
    a.locale = string_member(doc, "locale");
    a.action = string_member(doc, "action");
    a.value = member(doc, "value");
    a.entities = member(doc, "entities");
    if (!a.entities.is_array()) a.entities = json::array();
    if (auto const& added = member(doc, "membersAdded"); added.is_array()) {
        for (auto const& m : added) a.members_added.push_back(account(m));
    }
    return a;
}

bool bot_was_added(Activity const& activity) {
    if (activity.type == "installationUpdate") return activity.action == "add" || activity.action == "add-upgrade";
    if (activity.type != "conversationUpdate") return false;
    for (auto const& m : activity.members_added) {
        if (!m.id.empty() && m.id == activity.recipient.id) return true;
    }
    return false;
}

ChatMessage to_chat_message(Activity const& activity) {
    ChatMessage m;
    m.platform = "teams";
    m.message_id = activity.id;
    m.sender.user_id = activity.from.id;
    m.sender.display_name = activity.from.name;
    m.sender.tenant_id = activity.tenant_id;
    m.sender.aad_object_id = activity.from.aad_object_id;
    // Action.Submit arrives as a message whose `value` is the action's data (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-actions);
    // our cards put the command to run in data.command.
    auto const command = string_member(activity.value, "command");
    if (activity.value.is_object()) {
        for (auto const& [key, v] : activity.value.items()) {
            if (key != "command" && v.is_string()) m.form_values[key] = v.get<std::string>();
        }
    }
    m.text = !command.empty() ? command : html_to_text(strip_bot_mentions(activity.text, activity.entities, activity.recipient.id));
    return m;
}

}  // namespace superbruger::adapters::bot_framework
