// The registration: adding a platform is one line here (and its folders).
#include "bot/channels/registry.hpp"

#include "bot/channels/mattermost/mattermost_channel.hpp"
#include "bot/channels/slack/slack_channel.hpp"
#include "bot/channels/teams/teams_channel.hpp"
#include "bot/channels/teams_webhook/teams_webhook_channel.hpp"

namespace superbruger::bot::channels {

std::vector<ChannelRegistration> const& registered_channels() {
    static std::vector<ChannelRegistration> const all = {
        teams::registration(),
        slack::registration(),
        teams_webhook::registration(),
        mattermost::registration(),
    };
    return all;
}

}  // namespace superbruger::bot::channels
