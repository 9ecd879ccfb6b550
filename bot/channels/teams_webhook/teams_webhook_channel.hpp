// TeamsWebhookChannel: Teams outgoing webhooks on the channel seam. Every request's HMAC is
// checked against the security token of the webhook its URL names before the body is read; the
// answer goes back inline. The webhook cannot write first: announcements and reminders go into
// each configured municipality's channel through its Workflows URL instead (WorkflowsPoster).
#pragma once

#include "bot/channels/channel.hpp"
#include "bot/channels/registry.hpp"
#include "bot/channels/teams_webhook/teams_webhook_settings.hpp"
#include "bot/channels/teams_webhook/workflows_poster.hpp"

#include <map>
#include <string>

namespace superbruger::bot::channels::teams_webhook {

class TeamsWebhookChannel final : public Channel {
public:
    /// `keys`: webhook id → the key behind its security token.
    TeamsWebhookChannel(std::map<std::string, std::string> keys, WorkflowsPoster poster);

    std::string const& platform() const noexcept override;
    std::vector<std::string> paths() const override;
    net::awaitable<std::unique_ptr<VerifiedRequest>> verify(http::Request const& request, http::RequestContext const& context) override;
    /// Posts into the channel of the municipality the message is for (its recipient, see
    /// ChannelSettings::municipality_channels). Throws BotError::refused for any other recipient:
    /// an outgoing webhook can only answer.
    net::awaitable<void> send_to_person(storage::OutboxMessage const& message, adapters::ChatReply reply) override;

private:
    std::map<std::string, std::string> keys_;
    WorkflowsPoster poster_;
};

/// The line in bot/channels/registry.cpp.
ChannelRegistration registration();

}  // namespace superbruger::bot::channels::teams_webhook
