// The chat platforms superbot knows: each one's name, config reader, channel and CLI command.
#pragma once

#include "bot/channels/channel.hpp"
#include "bot/config.hpp"
#include "bot/outbound_handoff.hpp"

#include <boost/asio/any_io_executor.hpp>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace superbruger::bot {
class BackgroundTasks;
class ConfigSection;
namespace http {
class Client;
}
}  // namespace superbruger::bot

namespace superbruger::bot::channels {

class ConversationMemory;

/// What a channel may use. The two clients and executors: replies and sends run on the
/// outbound thread (see bot/outbound_thread.hpp); the rest on the serving thread.
struct ChannelDependencies {
    ConversationMemory& conversations;
    http::Client& client;           ///< on the serving thread
    http::Client& outbound_client;  ///< on the outbound thread
    OutboundHandoff& outbound;      ///< runs work on the outbound thread
    BackgroundTasks& background;    ///< on the serving thread
};

struct ChannelRegistration {
    std::string platform;  ///< also the key of its config section and of its CLI command
    /// Reads and checks its config section (an empty one when the file has none). Throws
    /// BotError{config} naming the key.
    std::function<std::shared_ptr<ChannelSettings const>(ConfigSection& section, std::filesystem::path const& base)> read_settings;
    /// The channel of enabled settings. Throws BotError{config} for a missing secret.
    std::function<std::unique_ptr<Channel>(ChannelSettings const& settings, ChannelDependencies deps)> make;
    /// `superbot <platform> …` (the app manifest and the like); empty: none.
    std::function<int(std::vector<std::string> const& args)> command;
    std::string command_summary;     ///< one line for `superbot --help --lang en`
    std::string command_summary_da;  ///< the same line in Danish, for `superbot --help`
};

/// Every platform, in the order they are served.
std::vector<ChannelRegistration> const& registered_channels();

/// `config.channels` entry of `platform`, as the platform's own settings type.
template <typename Settings>
Settings const& settings_of(Config const& config, std::string const& platform) {
    return static_cast<Settings const&>(*config.channels.at(platform));
}

}  // namespace superbruger::bot::channels
