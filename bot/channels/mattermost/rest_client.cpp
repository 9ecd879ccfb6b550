// RestClient: token, JSON, classification and retries.
#include "bot/channels/mattermost/rest_client.hpp"

#include "bot/channels/api_call.hpp"
#include "bot/error.hpp"
#include "bot/json_text.hpp"

namespace superbruger::bot::channels::mattermost {

using adapters::mattermost::ApiOutcome;

namespace {
ApiOutcome classify(http::ClientResponse const& res) {
    return adapters::mattermost::classify_response(res.status, res.header("Retry-After"), res.header("X-Ratelimit-Reset"), res.body,
                                                   std::chrono::system_clock::now());
}
}  // namespace

RestClient::RestClient(http::Client& client, std::string server_url, std::string bot_token, http::RetryPolicy retry)
    : client_(client), server_url_(std::move(server_url)), bot_token_(std::move(bot_token)), retry_(retry) {}

net::awaitable<ApiOutcome> RestClient::post(std::string path, nlohmann::json body) {
    auto what = "Mattermost POST " + path;
    auto url = server_url_ + path;
    auto payload = json_text(body);
    co_return co_await send(http::bhttp::verb::post, std::move(what), std::move(url), std::move(payload), true);
}

net::awaitable<ApiOutcome> RestClient::get(std::string path) {
    auto what = "Mattermost GET " + path;
    auto url = server_url_ + path;
    std::string no_payload;
    co_return co_await send(http::bhttp::verb::get, std::move(what), std::move(url), std::move(no_payload), true);
}

net::awaitable<void> RestClient::post_to_url(std::string what, std::string url, nlohmann::json body) {
    auto payload = json_text(body);
    co_await send(http::bhttp::verb::post, std::move(what), std::move(url), std::move(payload), false);
}

net::awaitable<ApiOutcome> RestClient::send(http::bhttp::verb method, std::string what, std::string url, std::string payload, bool with_token) {
    if (with_token && bot_token_.empty()) throw BotError::refused(what + ": no bot token (mattermost.bot_token_env) is configured", 0);
    http::ClientRequest request{method, std::move(url), {}, std::move(payload)};
    if (with_token) request.headers.emplace_back("Authorization", "Bearer " + bot_token_);
    if (method == http::bhttp::verb::post) request.headers.emplace_back("Content-Type", "application/json");
    // The last answer's outcome is kept: on success it is the one returned, read once.
    ApiOutcome last;
    auto judge = [&last](http::ClientResponse const& res) {
        last = classify(res);
        return verdict_of(last);
    };
    co_await call_with_retries(client_, std::move(request), judge, retry_, random_, std::move(what), "mattermost");
    co_return last;
}

}  // namespace superbruger::bot::channels::mattermost
