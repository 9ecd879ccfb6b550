// RestClient: calls Mattermost's REST API (https://api.mattermost.com/) with the bot account's
// personal access token, through the one HTTP client, and turns the answers into outcomes or
// BotErrors (adapters/mattermost/reply.hpp classify_response).
#pragma once

#include "adapters/mattermost/reply.hpp"
#include "bot/http/client.hpp"
#include "bot/http/retry_policy.hpp"

#include <nlohmann/json.hpp>

#include <random>
#include <string>

namespace superbruger::bot::channels::mattermost {

namespace net = boost::asio;

/// Runs on the thread of its HTTP client (the outbound thread).
class RestClient {
public:
    /// `server_url` without a trailing '/'; a call's URL is server_url + path ("/api/v4/posts").
    /// An empty `bot_token`: every call that needs it is refused (no REST configured).
    RestClient(http::Client& client, std::string server_url, std::string bot_token, http::RetryPolicy retry);

    bool has_token() const noexcept { return !bot_token_.empty(); }

    /// POSTs `body` as JSON to `path` with the bot token. Returns the sent outcome (with the new
    /// object's id). Throws BotError::refused for an answer that will never succeed, and
    /// BotError{upstream} (with the wait Mattermost asked for) once the retries for 429s, 5xx and
    /// transport failures are used up.
    net::awaitable<adapters::mattermost::ApiOutcome> post(std::string path, nlohmann::json body);

    /// GETs `path` with the bot token; the same errors as post().
    net::awaitable<adapters::mattermost::ApiOutcome> get(std::string path);

    /// POSTs to a URL that is its own credential, without the token: a slash command's
    /// response_url, an incoming webhook. `what` names it in errors (never the URL).
    net::awaitable<void> post_to_url(std::string what, std::string url, nlohmann::json body);

private:
    net::awaitable<adapters::mattermost::ApiOutcome> send(http::bhttp::verb method, std::string what, std::string url, std::string payload,
                                                          bool with_token);

    http::Client& client_;
    std::string server_url_;
    std::string bot_token_;
    http::RetryPolicy retry_;
    std::mt19937_64 random_{std::random_device{}()};
};

}  // namespace superbruger::bot::channels::mattermost
