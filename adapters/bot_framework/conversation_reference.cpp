// Conversation references and Connector URLs.
#include "adapters/bot_framework/conversation_reference.hpp"

#include "adapters/error.hpp"
#include "adapters/percent_encoding.hpp"
#include "adapters/untrusted_json.hpp"

namespace superbruger::adapters::bot_framework {

namespace {

using nlohmann::json;

// Members are assigned rather than listed in braces: nlohmann copies every value of an
// initializer list, and a reference is serialised for every message.
json account_json(ChannelAccount const& a) {
    json j = json::object();
    j["id"] = a.id;
    if (!a.name.empty()) j["name"] = a.name;
    if (!a.aad_object_id.empty()) j["aadObjectId"] = a.aad_object_id;
    return j;
}

ChannelAccount account_of(json const& j) {
    if (!j.is_object()) return {};
    return {j.value("id", ""), j.value("name", ""), j.value("aadObjectId", "")};
}

std::string with_slash(std::string url) {
    if (url.empty() || url.back() != '/') url += '/';
    return url;
}

}  // namespace

json ConversationReference::to_json() const {
    json j = json::object();
    j["serviceUrl"] = service_url;
    j["channelId"] = channel_id;
    auto& conversation = j["conversation"];
    conversation["id"] = conversation_id;
    if (!conversation_type.empty()) conversation["conversationType"] = conversation_type;
    if (!tenant_id.empty()) conversation["tenantId"] = tenant_id;
    j["bot"] = account_json(bot);
    j["user"] = account_json(user);
    return j;
}

ConversationReference ConversationReference::from_json(json const& j) {
    try {
        ConversationReference r;
        r.service_url = with_slash(j.at("serviceUrl").get<std::string>());
        r.channel_id = j.value("channelId", "");
        auto const& conversation = j.at("conversation");
        r.conversation_id = conversation.value("id", "");
        r.conversation_type = conversation.value("conversationType", "");
        r.tenant_id = conversation.value("tenantId", "");
        r.bot = account_of(j.value("bot", json::object()));
        r.user = account_of(j.value("user", json::object()));
        if (r.service_url == "/") throw AdapterError(AdapterError::Kind::bad_request, "conversation reference has no serviceUrl");
        return r;
    } catch (json::exception const& e) {
        throw AdapterError(AdapterError::Kind::bad_request, std::string("conversation reference is malformed: ") + e.what());
    }
}

ConversationReference reference_of(Activity const& activity) {
    ConversationReference r;
    r.service_url = with_slash(activity.service_url);
    r.channel_id = activity.channel_id;
    r.conversation_id = activity.conversation_id;
    r.conversation_type = activity.conversation_type;
    r.tenant_id = activity.tenant_id;
    r.bot = activity.recipient;
    r.user = activity.from;
    return r;
}

ConversationReference personal_reference(std::string service_url, std::string tenant_id, ChannelAccount bot, ChannelAccount user) {
    ConversationReference r;
    r.service_url = with_slash(std::move(service_url));
    r.channel_id = "msteams";
    r.conversation_type = "personal";
    r.tenant_id = std::move(tenant_id);
    r.bot = std::move(bot);
    r.user = std::move(user);
    return r;
}

std::string reply_url(ConversationReference const& to, std::string const& activity_id) {
    return send_url(to) + "/" + percent_encode(activity_id);
}

std::string send_url(ConversationReference const& to) {
    return create_conversation_url(to.service_url) + "/" + percent_encode(to.conversation_id) + "/activities";
}

std::string create_conversation_url(std::string const& service_url) {
    return with_slash(service_url) + "v3/conversations";
}

json create_conversation_parameters(ConversationReference const& personal) {
    return {{"bot", account_json(personal.bot)},
            {"members", json::array({{{"id", personal.user.id}}})},
            {"channelData", {{"tenant", {{"id", personal.tenant_id}}}}},
            {"tenantId", personal.tenant_id},
            {"isGroup", false}};
}

std::string created_conversation_id(std::string_view response_body) {
    auto const j = parse_untrusted_json(response_body);
    if (j.is_object()) {
        if (auto it = j.find("id"); it != j.end() && it->is_string() && !it->get<std::string>().empty()) return it->get<std::string>();
    }
    throw AdapterError(AdapterError::Kind::bad_request, "create-conversation response has no conversation id");
}

}  // namespace superbruger::adapters::bot_framework
