// MattermostChannel: Mattermost on the channel seam: the token check of every outgoing webhook
// and slash command, button clicks and dialog submissions checked by the secret in their context
// or state (adapters/mattermost/inbound.hpp), answers inline, and REST (when a bot token is
// configured) for dialogs, answers to clicks and submissions, and proactive messages. Built when
// mattermost.enabled is true.
#pragma once

#include "adapters/mattermost/inbound.hpp"
#include "adapters/mattermost/reply.hpp"
#include "bot/channels/channel.hpp"
#include "bot/channels/mattermost/mattermost_messenger.hpp"
#include "bot/channels/mattermost/mattermost_settings.hpp"
#include "bot/channels/mattermost/rest_client.hpp"
#include "bot/channels/registry.hpp"

#include <map>
#include <string>
#include <vector>

namespace superbruger::bot::channels::mattermost {

/// The secrets, from the environment (see MattermostSettings).
struct MattermostSecrets {
    std::vector<std::string> tokens;  ///< the outgoing webhooks' and slash commands' tokens
    std::string action_secret;
    std::string bot_token;  ///< empty: no REST
    std::map<std::string, std::string> incoming_webhooks;  ///< municipality → its incoming webhook's URL
};

class MattermostChannel final : public Channel {
public:
    MattermostChannel(MattermostSettings const& settings, MattermostSecrets secrets, ChannelDependencies deps);

    std::string const& platform() const noexcept override;
    std::vector<std::string> paths() const override;

    /// Webhooks and commands: their token, before the body is read for anything else. Clicks and
    /// submissions: their credential is inside the body, checked by parse() before it yields anything.
    net::awaitable<std::unique_ptr<VerifiedRequest>> verify(http::Request const& request, http::RequestContext const& context) override;

    /// A municipality's channel (see ChannelSettings::municipality_channels) through its incoming
    /// webhook; a person through channels/direct, then posts. Throws BotError::refused for a
    /// person without a bot token.
    net::awaitable<void> send_to_person(storage::OutboxMessage const& message, adapters::ChatReply reply) override;

    adapters::mattermost::InboundSettings const& inbound_settings() const noexcept { return inbound_; }
    adapters::mattermost::RenderSettings const& render_settings() const noexcept { return render_; }
    MattermostMessenger& messenger() noexcept { return messenger_; }
    bool has_rest() const noexcept { return api_.has_token(); }
    BackgroundTasks& background() noexcept { return deps_.background; }

private:
    ChannelDependencies deps_;
    std::vector<std::string> tokens_;
    std::map<std::string, std::string> incoming_webhooks_;
    adapters::mattermost::InboundSettings inbound_;
    adapters::mattermost::RenderSettings render_;
    RestClient api_;
    MattermostMessenger messenger_;
};

/// Mattermost's line in bot/channels/registry.cpp.
ChannelRegistration registration();

}  // namespace superbruger::bot::channels::mattermost
