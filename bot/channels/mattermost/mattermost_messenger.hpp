// MattermostMessenger: what the bot writes into Mattermost through REST: replies as posts (or to
// a slash command's response_url), forms as interactive dialogs (actions/dialogs/open), and
// messages to a person (channels/direct, then posts).
#pragma once

#include "adapters/chat_message.hpp"
#include "adapters/mattermost/reply.hpp"
#include "adapters/mattermost/reply_address.hpp"
#include "bot/channels/mattermost/rest_client.hpp"
#include "bot/outbound_handoff.hpp"


#include <optional>
#include <string>

namespace superbruger::bot::channels::mattermost {

/// Parameters are taken by value: these coroutines outlive the request that started them. The
/// REST calls run on `outbound` (the RestClient and its HTTP client belong to that thread); each
/// method hops over and resumes on the caller's thread.
class MattermostMessenger {
public:
    MattermostMessenger(RestClient& api, adapters::mattermost::RenderSettings render, OutboundHandoff& outbound)
        : api_(api), render_(std::move(render)), outbound_(outbound) {}

    /// The reply as a post in the address's channel (and thread); without a channel through its
    /// response_url.
    net::awaitable<void> reply(adapters::mattermost::ReplyAddress to, adapters::ChatReply reply);

    /// The form as a dialog, with the click's trigger_id; its submission answers to `to`.
    net::awaitable<void> open_form(adapters::mattermost::ReplyAddress to, adapters::Form form);

    /// Into the person's direct channel with the bot (channels/direct finds or makes it).
    net::awaitable<void> send_to_person(std::string user_id, adapters::ChatReply message);

    /// Into a municipality's channel through its incoming webhook `url` (no token needed).
    net::awaitable<void> send_to_channel(std::string municipality, std::string url, adapters::ChatReply message);

private:
    net::awaitable<void> post(adapters::mattermost::ReplyAddress to, adapters::ChatReply reply);
    net::awaitable<void> dialogs_open(adapters::mattermost::ReplyAddress to, adapters::Form form);
    net::awaitable<void> open_and_post(std::string user_id, adapters::ChatReply message);
    net::awaitable<void> post_to_webhook(std::string municipality, std::string url, adapters::ChatReply message);

    RestClient& api_;
    adapters::mattermost::RenderSettings render_;
    OutboundHandoff& outbound_;
    std::optional<std::string> bot_user_id_;  ///< users/me, asked once (on the outbound thread)
};

}  // namespace superbruger::bot::channels::mattermost
