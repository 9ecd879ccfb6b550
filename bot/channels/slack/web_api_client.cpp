// WebApiClient: token, JSON, classification and retries.
#include "bot/channels/slack/web_api_client.hpp"

#include "adapters/percent_encoding.hpp"
#include "bot/channels/api_call.hpp"
#include "bot/json_text.hpp"

namespace superbruger::bot::channels::slack {

using adapters::slack::ApiOutcome;

WebApiClient::WebApiClient(http::Client& client, std::string base_url, std::string bot_token, http::RetryPolicy retry)
    : client_(client), base_url_(std::move(base_url)), bot_token_(std::move(bot_token)), retry_(retry) {}

net::awaitable<ApiOutcome> WebApiClient::call(std::string method, nlohmann::json body) {
    auto what = "Slack " + method;
    auto url = base_url_ + method;
    auto payload = json_text(body);
    auto answer = co_await send(std::move(what), std::move(url), std::move(payload), true, retry_);
    co_return answer.outcome;
}

net::awaitable<void> WebApiClient::respond(std::string response_url, nlohmann::json body) {
    std::string what = "Slack response_url";
    auto payload = json_text(body);
    co_await send(std::move(what), std::move(response_url), std::move(payload), false, retry_);
}

net::awaitable<adapters::slack::UserInfo> WebApiClient::user_info(std::string user_id) {
    http::RetryPolicy once = retry_;
    once.attempts = 1;
    std::string what = "Slack users.info";
    auto url = base_url_ + "users.info?user=" + adapters::percent_encode(user_id);
    std::string no_payload;
    auto answer = co_await send(std::move(what), std::move(url), std::move(no_payload), true, once);
    co_return adapters::slack::parse_user_info(answer.body);
}

net::awaitable<WebApiClient::Answer> WebApiClient::send(std::string what, std::string url, std::string payload, bool with_token,
                                                        http::RetryPolicy retry) {
    auto const method = payload.empty() ? http::bhttp::verb::get : http::bhttp::verb::post;
    http::ClientRequest request{method, std::move(url), {}, std::move(payload)};
    if (with_token) request.headers.emplace_back("Authorization", "Bearer " + bot_token_);
    if (method == http::bhttp::verb::post) request.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
    // Slack answers most errors with 200 and ok:false: the body decides (adapters/slack/web_api.hpp).
    // The last answer's outcome is kept: on success it is the one returned, read once.
    ApiOutcome last;
    auto judge = [&last](http::ClientResponse const& res) {
        last = adapters::slack::classify_response(res.status, res.header("Retry-After"), res.body);
        return verdict_of(last);
    };
    auto res = co_await call_with_retries(client_, std::move(request), judge, retry, random_, std::move(what), "slack");
    co_return Answer{std::move(last), std::move(res.body)};
}

}  // namespace superbruger::bot::channels::slack
