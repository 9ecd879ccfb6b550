// WebApiClient: calls Slack Web API methods (https://docs.slack.dev/apis/web-api) with the bot
// token, through the one HTTP client, and turns Slack's answers into results or BotErrors.
#pragma once

#include "adapters/slack/web_api.hpp"
#include "bot/http/client.hpp"
#include "bot/http/retry_policy.hpp"

#include <nlohmann/json.hpp>

#include <random>
#include <string>

namespace superbruger::bot::channels::slack {

namespace net = boost::asio;

/// Runs on the thread of its HTTP client (the outbound thread).
class WebApiClient {
public:
    /// `base_url` ends in '/'; a method's URL is base_url + method.
    WebApiClient(http::Client& client, std::string base_url, std::string bot_token, http::RetryPolicy retry);

    /// POSTs `body` as JSON to `method`. Returns the sent outcome. Throws BotError::refused for
    /// an answer that will never succeed (adapters/slack/web_api.hpp), and BotError{upstream}
    /// (with the Retry-After Slack asked for) once the retries for 429s and transport failures
    /// are used up.
    net::awaitable<adapters::slack::ApiOutcome> call(std::string method, nlohmann::json body);

    /// POSTs to a slash command's or interaction's response_url (no token: the URL is the
    /// credential). Same errors as call().
    net::awaitable<void> respond(std::string response_url, nlohmann::json body);

    /// users.info for one person, in one attempt (a message waits for it, and a slash command
    /// must be answered within 3 s). Same errors as call(), and AdapterError{bad_request} for an
    /// answer without a user.
    net::awaitable<adapters::slack::UserInfo> user_info(std::string user_id);

private:
    struct Answer {
        adapters::slack::ApiOutcome outcome;
        std::string body;
    };
    /// POST `payload` as JSON, or GET when it is empty (Slack's read methods take their
    /// arguments in the query string, not as JSON: https://docs.slack.dev/apis/web-api/#post-bodies).
    net::awaitable<Answer> send(std::string what, std::string url, std::string payload, bool with_token, http::RetryPolicy retry);

    http::Client& client_;
    std::string base_url_;
    std::string bot_token_;
    http::RetryPolicy retry_;
    std::mt19937_64 random_{std::random_device{}()};
};

}  // namespace superbruger::bot::channels::slack
