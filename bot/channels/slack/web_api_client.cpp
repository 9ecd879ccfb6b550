// WebApiClient: token, JSON, classification and retries.
#include "bot/channels/slack/web_api_client.hpp"

#include "adapters/percent_encoding.hpp"
#include "bot/error.hpp"
#include "bot/json_text.hpp"
#include "bot/log.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

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
    for (int attempt = 1;; ++attempt) {
        unsigned status = 0;
        std::string retry_after, failure;
        try {
            // Built before co_await: GCC 12 mis-compiles brace-initialised temporaries in a co_await.
            http::ClientRequest request{method, url, {}, payload};
            if (with_token) request.headers.emplace_back("Authorization", "Bearer " + bot_token_);
            if (!payload.empty()) request.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
            auto const res = co_await client_.send(std::move(request));
            status = res.status;
            retry_after = res.header("Retry-After");
            auto outcome = adapters::slack::classify_response(res.status, retry_after, res.body);
            if (outcome.kind == ApiOutcome::Kind::sent) co_return Answer{std::move(outcome), res.body};
            failure = outcome.error;
            log::warn("slack_api_refused", {{"call", what}, {"status", status}, {"error", outcome.error}, {"attempt", attempt}});
            if (outcome.kind == ApiOutcome::Kind::refused) throw BotError::refused(what + ": " + outcome.error, status);
            if (outcome.retry_after.count() > 0) retry_after = std::to_string(outcome.retry_after.count());
        } catch (BotError const& e) {
            if (e.permanent() || e.kind() != BotError::Kind::upstream || status != 0) throw;
            failure = e.what();  // transport: worth another try
            log::warn("slack_api_unreachable", {{"call", what}, {"error", failure}, {"attempt", attempt}});
        }
        auto const wait = retry.delay_before(attempt + 1, retry_after, random_);
        if (!wait) {
            // The outbox may wait longer than we do here: tell it what Slack asked for.
            auto const asked = http::parse_retry_after(retry_after, std::chrono::system_clock::now());
            throw BotError(BotError::Kind::upstream, what + ": gave up after " + std::to_string(attempt) + " attempts: " + failure, status,
                           asked.value_or(std::chrono::milliseconds(0)));
        }
        net::steady_timer timer(co_await net::this_coro::executor, *wait);
        co_await timer.async_wait(net::as_tuple(net::use_awaitable));
    }
}

}  // namespace superbruger::bot::channels::slack
