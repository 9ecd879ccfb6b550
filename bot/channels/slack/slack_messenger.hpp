// SlackMessenger: what the bot writes into Slack: replies (chat.postMessage, or a slash
// command's response_url), modals (views.open) and messages to a person (conversations.open,
// then chat.postMessage).
#pragma once

#include "adapters/chat_message.hpp"
#include "adapters/slack/reply_address.hpp"
#include "bot/channels/slack/web_api_client.hpp"
#include "bot/outbound_handoff.hpp"


#include <string>

namespace superbruger::bot::channels::slack {

/// Parameters are taken by value: these coroutines outlive the request that started them. The
/// Web API calls run on `outbound` (the WebApiClient and its HTTP client belong to that thread);
/// each method hops over and resumes on the caller's thread.
class SlackMessenger {
public:
    SlackMessenger(WebApiClient& api, OutboundHandoff& outbound) : api_(api), outbound_(outbound) {}

    /// The reply's messages in the address's channel (and thread); without a channel (a slash
    /// command in a conversation the bot is not in) through its response_url.
    net::awaitable<void> reply(adapters::slack::ReplyAddress to, adapters::ChatReply reply);

    /// Messages after the first of a slash command's reply whose first one was answered inline,
    /// through its response_url.
    net::awaitable<void> reply_rest(adapters::slack::ReplyAddress to, adapters::ChatReply reply);

    /// The form as a modal (views.open with the click's trigger_id).
    net::awaitable<void> open_form(adapters::slack::ReplyAddress to, adapters::Form form);

    /// Into the person's 1:1 chat with the bot (conversations.open finds or opens it).
    net::awaitable<void> send_to_person(std::string user_id, adapters::ChatReply message);

private:
    net::awaitable<void> post_messages(adapters::slack::ReplyAddress to, adapters::ChatReply reply, std::size_t skip);
    net::awaitable<void> open_and_post(std::string user_id, adapters::ChatReply message);
    net::awaitable<void> views_open(adapters::slack::ReplyAddress to, adapters::Form form);

    WebApiClient& api_;
    OutboundHandoff& outbound_;
};

}  // namespace superbruger::bot::channels::slack
