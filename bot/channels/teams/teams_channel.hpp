// TeamsChannel: Microsoft Teams through the Bot Framework on the channel seam: the messaging
// endpoint's token check (signing keys, cached verdicts), the Connector with its token, and the
// messenger for replies and proactive messages. Built when teams.app_id is set.
#pragma once

#include "adapters/bot_framework/request_auth.hpp"
#include "bot/channels/channel.hpp"
#include "bot/channels/registry.hpp"
#include "bot/channels/teams/connector.hpp"
#include "bot/channels/teams/connector_token.hpp"
#include "bot/channels/teams/signing_keys.hpp"
#include "bot/channels/teams/teams_messenger.hpp"
#include "bot/channels/teams/teams_settings.hpp"
#include "bot/channels/teams/verified_tokens.hpp"

#include <string>

namespace superbruger::bot::channels::teams {

class TeamsChannel final : public Channel {
public:
    /// `app_password` is the secret from the environment (see TeamsSettings::app_password_env).
    TeamsChannel(TeamsSettings const& settings, std::string app_password, ChannelDependencies deps);

    std::string const& platform() const noexcept override;
    std::vector<std::string> paths() const override { return {"/api/messages"}; }

    /// The bearer token alone: a request that is not from the Bot Framework is refused before a
    /// byte of its body is parsed.
    net::awaitable<std::unique_ptr<VerifiedRequest>> verify(http::Request const& request, http::RequestContext const& context) override;

    net::awaitable<void> send_to_person(storage::OutboxMessage const& message, adapters::ChatReply reply) override;

    void start() override;
    void stop() override;
    std::string readiness() const override { return keys_.loaded() ? std::string() : "Teams signing keys not loaded yet"; }

    TeamsMessenger& messenger() noexcept { return messenger_; }
    Connector const& connector() const noexcept { return connector_; }
    BackgroundTasks& background() noexcept { return deps_.background; }

private:
    ChannelDependencies deps_;
    adapters::bot_framework::AuthSettings auth_;
    SigningKeys keys_;
    VerifiedTokens verified_;
    ConnectorToken token_;
    Connector connector_;
    TeamsMessenger messenger_;
};

/// The Teams app password from the environment variable the settings name. Throws
/// BotError{config} when it is unset or empty.
std::string app_password_from_environment(TeamsSettings const& settings);

/// Teams' line in bot/channels/registry.cpp.
ChannelRegistration registration();

}  // namespace superbruger::bot::channels::teams
