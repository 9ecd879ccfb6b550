// WorkflowsPoster: puts the outbox's messages for a municipality into its Teams channel through
// the channel's Workflows (incoming webhook) URL, on the outbound thread, retrying throttled and
// failed posts as the settings allow. The URL is the credential: it never reaches a log or an error.
#pragma once

#include "adapters/chat_message.hpp"
#include "bot/http/client.hpp"
#include "bot/http/retry_policy.hpp"
#include "bot/outbound_handoff.hpp"

#include <boost/asio/awaitable.hpp>

#include <map>
#include <random>
#include <string>

namespace superbruger::bot::channels::teams_webhook {

namespace net = boost::asio;

class WorkflowsPoster {
public:
    /// `urls`: municipality, as the config names it → its channel's Workflows URL. `client` runs
    /// on `outbound`.
    WorkflowsPoster(http::Client& client, OutboundHandoff& outbound, std::map<std::string, std::string> urls, http::RetryPolicy retry);

    /// Posts `reply` into the channel of `municipality`. Throws BotError::refused (parks the
    /// message) for a municipality without a URL and for an answer that will never succeed, and
    /// BotError{upstream} once the retries are used up.
    net::awaitable<void> post(std::string municipality, adapters::ChatReply reply);

private:
    net::awaitable<void> post_here(std::string municipality, adapters::ChatReply reply);

    http::Client& client_;
    OutboundHandoff& outbound_;
    std::map<std::string, std::string> urls_;
    http::RetryPolicy retry_;
    std::mt19937_64 random_{std::random_device{}()};  ///< used on the outbound thread only
};

}  // namespace superbruger::bot::channels::teams_webhook
