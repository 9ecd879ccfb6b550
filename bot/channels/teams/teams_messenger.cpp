// TeamsMessenger: activities to Connector URLs.
#include "bot/channels/teams/teams_messenger.hpp"

#include "adapters/bot_framework/message_activity.hpp"
#include "bot/error.hpp"
#include "bot/json_text.hpp"
#include "bot/log.hpp"
#include "bot/time_format.hpp"
#include "bot/channels/conversation_memory.hpp"


namespace superbruger::bot::channels::teams {

namespace {
using adapters::bot_framework::ConversationReference;
constexpr char const* platform = "teams";
}  // namespace

net::awaitable<void> TeamsMessenger::post_all(std::string tenant, std::string url, std::vector<std::string> activities,
                                              std::string delivery_key) {
    for (std::size_t i = 0; i < activities.size(); ++i) {
        auto key = delivery_key;
        if (!key.empty() && activities.size() > 1) key += "/" + std::to_string(i + 1);
        co_await per_tenant_.acquire(tenant);
        co_await connector_.post(url, std::move(activities[i]), std::move(key));
    }
}

net::awaitable<std::string> TeamsMessenger::post_one(std::string tenant, std::string url, nlohmann::json body) {
    co_await per_tenant_.acquire(std::move(tenant));
    co_return co_await connector_.post(url, json_text(body));
}

net::awaitable<void> TeamsMessenger::post_reply(ConversationReference to, std::string activity_id, adapters::ChatReply reply) {
    auto activities = adapters::bot_framework::message_activities(reply, to, activity_id);
    co_await post_all(to.tenant_id, adapters::bot_framework::reply_url(to, activity_id), std::move(activities), {});
}

net::awaitable<void> TeamsMessenger::post_message(ConversationReference to, adapters::ChatReply message, std::string delivery_key) {
    auto activities = adapters::bot_framework::message_activities(message, to);
    co_await post_all(to.tenant_id, adapters::bot_framework::send_url(to), std::move(activities), std::move(delivery_key));
}

net::awaitable<void> TeamsMessenger::reply(ConversationReference to, std::string activity_id, adapters::ChatReply reply) {
    co_await outbound_.run(post_reply(std::move(to), std::move(activity_id), std::move(reply)));
}

net::awaitable<void> TeamsMessenger::send(ConversationReference to, adapters::ChatReply message, std::string delivery_key) {
    co_await outbound_.run(post_message(std::move(to), std::move(message), std::move(delivery_key)));
}

net::awaitable<void> TeamsMessenger::send_to_person(std::string user_id, std::string tenant_id, adapters::ChatReply message,
                                                    std::string delivery_key) {
    if (auto chat = conversations_.store().personal_chat(platform, user_id)) {
        std::exception_ptr failure;  // handled outside the catch: GCC 12 coroutines and rethrow
        unsigned status = 0;
        try {
            co_await send(ConversationReference::from_json(nlohmann::json::parse(chat->address)), std::move(message), std::move(delivery_key));
        } catch (BotError const& e) {
            failure = std::current_exception();
            status = e.status();
        }
        if (!failure) co_return;
        // https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit: 403 (blocked, bot removed, disabled) and 404 (conversation gone) are
        // final for this chat; a reinstall sends installationUpdate and stores a new one.
        if (status == 403 || status == 404) {
            forget(chat->conversation_id);
            log::warn("teams_conversation_forgotten", {{"status", status}});
        }
        std::rethrow_exception(failure);
    }
    auto const known = conversations_.store().any_in_tenant(platform, tenant_id);
    if (!known) throw BotError(BotError::Kind::upstream, "no Teams conversation in tenant " + tenant_id + ": is the app installed there?");
    auto const base = ConversationReference::from_json(nlohmann::json::parse(known->address));
    adapters::bot_framework::ChannelAccount person;
    person.id = user_id;
    auto to = adapters::bot_framework::personal_reference(base.service_url, tenant_id, base.bot, person);
    auto const created = co_await outbound_.run(post_one(tenant_id, adapters::bot_framework::create_conversation_url(to.service_url),
                                                         adapters::bot_framework::create_conversation_parameters(to)));
    to.conversation_id = adapters::bot_framework::created_conversation_id(created);
    remember(to, utc_timestamp());
    log::info("teams_conversation_created", {{"tenant", tenant_id}});
    co_await send(to, std::move(message), std::move(delivery_key));
}

void TeamsMessenger::forget(std::string const& conversation_id) {
    conversations_.forget(platform, conversation_id);
}

void TeamsMessenger::remember(ConversationReference const& from, std::string const& now) {
    if (from.service_url.empty()) return;
    conversations_.remember(platform, stored_conversation_of(from), now);
}

storage::StoredConversation stored_conversation_of(ConversationReference const& reference) {
    storage::StoredConversation c;
    c.platform = platform;
    c.conversation_id = reference.conversation_id;
    c.kind = reference.conversation_type;
    c.user_id = reference.user.id;
    c.user_alias = reference.user.aad_object_id;
    c.tenant_id = reference.tenant_id;
    c.address = json_text(reference.to_json());
    return c;
}

}  // namespace superbruger::bot::channels::teams
