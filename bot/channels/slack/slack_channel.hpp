// SlackChannel: Slack on the channel seam: the signing-secret check of every request, the
// Events API, slash commands and interactivity read by adapters/slack, and the Web API for
// replies, modals and proactive messages. Built when slack.enabled is true.
#pragma once

#include "adapters/slack/inbound.hpp"
#include "bot/channels/channel.hpp"
#include "bot/channels/registry.hpp"
#include "bot/channels/slack/slack_messenger.hpp"
#include "bot/channels/slack/slack_settings.hpp"
#include "bot/channels/slack/user_emails.hpp"
#include "bot/channels/slack/web_api_client.hpp"

#include <optional>
#include <string>

namespace superbruger::bot::channels::slack {

class SlackChannel final : public Channel {
public:
    /// The two secrets come from the environment (see SlackSettings).
    SlackChannel(SlackSettings const& settings, std::string bot_token, std::string signing_secret, ChannelDependencies deps);

    std::string const& platform() const noexcept override;
    std::vector<std::string> paths() const override;

    /// The signature over the headers and raw body alone (https://docs.slack.dev/authentication/verifying-requests-from-slack):
    /// an unsigned, forged or replayed request is refused before its body is parsed.
    net::awaitable<std::unique_ptr<VerifiedRequest>> verify(http::Request const& request, http::RequestContext const& context) override;

    net::awaitable<void> send_to_person(storage::OutboxMessage const& message, adapters::ChatReply reply) override;

    adapters::slack::InboundSettings const& inbound_settings() const noexcept { return inbound_; }
    SlackMessenger& messenger() noexcept { return messenger_; }
    /// Null when slack.look_up_emails is false.
    UserEmails* user_emails() noexcept { return emails_ ? &*emails_ : nullptr; }
    BackgroundTasks& background() noexcept { return deps_.background; }

private:
    ChannelDependencies deps_;
    std::string signing_secret_;
    adapters::slack::InboundSettings inbound_;
    WebApiClient api_;
    SlackMessenger messenger_;
    std::optional<UserEmails> emails_;
};

/// Slack's line in bot/channels/registry.cpp.
ChannelRegistration registration();

}  // namespace superbruger::bot::channels::slack
