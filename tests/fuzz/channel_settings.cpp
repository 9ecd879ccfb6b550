// The platforms' config readers for the fuzz targets: the registry of bot/channels/registry.cpp
// without the channels themselves, whose coroutine code the fuzz build leaves out. A new
// platform adds its settings reader here as it adds its line there.
#include "bot/channels/registry.hpp"
#include "bot/channels/mattermost/mattermost_settings.hpp"
#include "bot/channels/slack/slack_settings.hpp"
#include "bot/channels/teams/teams_settings.hpp"
#include "bot/channels/teams_webhook/teams_webhook_settings.hpp"

namespace superbruger::bot::channels {

namespace {
ChannelRegistration settings_only(std::string platform, decltype(ChannelRegistration::read_settings) read) {
    ChannelRegistration r;
    r.platform = std::move(platform);
    r.read_settings = std::move(read);
    return r;
}
}  // namespace

std::vector<ChannelRegistration> const& registered_channels() {
    static std::vector<ChannelRegistration> const all = {
        settings_only("teams", teams::read_teams_settings),
        settings_only("slack", slack::read_slack_settings),
        settings_only("teams_webhook", teams_webhook::read_teams_webhook_settings),
        settings_only("mattermost", mattermost::read_mattermost_settings),
    };
    return all;
}

}  // namespace superbruger::bot::channels
