// TeamsMessenger: writes into Teams conversations: replies, proactive messages to stored
// conversations, and new 1:1 chats (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages).
#pragma once

#include "adapters/bot_framework/conversation_reference.hpp"
#include "adapters/chat_message.hpp"
#include "storage/conversation_store.hpp"
#include "bot/outbound_handoff.hpp"
#include "bot/rate_limiter.hpp"
#include "bot/channels/teams/connector.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace superbruger::bot::channels {
class ConversationMemory;
}

namespace superbruger::bot::channels::teams {

namespace net = boost::asio;

/// Parameters are taken by value: these coroutines outlive the request that started them.
///
/// Two threads: the calls to the Connector run on `outbound` (the Connector, its token and its
/// HTTP client belong to that thread), and so does building the activities; the stored
/// conversations are read and written on the caller's thread, which owns the database. Each
/// method hops over for the network part and resumes on the caller's thread.
class TeamsMessenger {
public:
    /// At most `per_tenant_per_second` posts go to one tenant in any second, replies and
    /// proactive messages together: Teams' limit is per app per tenant (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit).
    TeamsMessenger(Connector& connector, ConversationMemory& conversations, OutboundHandoff& outbound,
                   std::size_t per_tenant_per_second)
        : connector_(connector), conversations_(conversations), outbound_(outbound), per_tenant_(per_tenant_per_second) {}

    /// Answers in the thread of `activity_id`.
    net::awaitable<void> reply(adapters::bot_framework::ConversationReference to, std::string activity_id, adapters::ChatReply reply);

    /// A new message at the end of a stored conversation. `delivery_key` (the outbox's
    /// idempotency key) is sent with each activity, numbered when the message takes several.
    net::awaitable<void> send(adapters::bot_framework::ConversationReference to, adapters::ChatReply message, std::string delivery_key = {});

    /// A message to a person (Teams user id or Entra object id): into their 1:1 chat with the
    /// bot, created first when none is stored. Creating needs a conversation in the same tenant
    /// to learn the service URL and the bot's account; without one it throws BotError{upstream}
    /// (the app is not installed there). A stored chat the Connector answers 403 or 404 for (the
    /// person blocked or removed the bot) is forgotten, and the error passed on.
    net::awaitable<void> send_to_person(std::string user_id, std::string tenant_id, adapters::ChatReply message, std::string delivery_key = {});

    /// Stores where the activity came from, so the bot can write there later. A conversation
    /// whose reference is unchanged since this process last stored it is not written again.
    void remember(adapters::bot_framework::ConversationReference const& from, std::string const& now);

    /// Forgets the conversation (the bot was removed from it).
    void forget(std::string const& conversation_id);

private:
    // On the outbound thread.
    net::awaitable<void> post_reply(adapters::bot_framework::ConversationReference to, std::string activity_id, adapters::ChatReply reply);
    net::awaitable<void> post_message(adapters::bot_framework::ConversationReference to, adapters::ChatReply message, std::string delivery_key);
    net::awaitable<void> post_all(std::string tenant, std::string url, std::vector<std::string> activities, std::string delivery_key);
    net::awaitable<std::string> post_one(std::string tenant, std::string url, nlohmann::json body);

    Connector& connector_;
    ConversationMemory& conversations_;
    OutboundHandoff& outbound_;
    RateLimiter per_tenant_;  ///< used on the outbound thread only
};

/// The conversation a reference names, as ConversationMemory stores it (its address is the
/// reference's JSON).
storage::StoredConversation stored_conversation_of(adapters::bot_framework::ConversationReference const& reference);

}  // namespace superbruger::bot::channels::teams
