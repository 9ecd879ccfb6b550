// WebApiClient: token, JSON, classification and retries.
#include "bot/channels/slack/web_api_client.hpp"

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
    co_return co_await post("Slack " + method, base_url_ + method, json_text(body), true);
}

net::awaitable<void> WebApiClient::respond(std::string response_url, nlohmann::json body) {
    co_await post("Slack response_url", std::move(response_url), json_text(body), false);
}

net::awaitable<ApiOutcome> WebApiClient::post(std::string what, std::string url, std::string payload, bool with_token) {
    for (int attempt = 1;; ++attempt) {
        unsigned status = 0;
        std::string retry_after, failure;
        try {
            // Built before co_await: GCC 12 mis-compiles brace-initialised temporaries in a co_await.
            http::ClientRequest request{http::bhttp::verb::post, url, {}, payload};
            if (with_token) request.headers.emplace_back("Authorization", "Bearer " + bot_token_);
            request.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
            auto const res = co_await client_.send(std::move(request));
            status = res.status;
            retry_after = res.header("Retry-After");
            auto outcome = adapters::slack::classify_response(res.status, retry_after, res.body);
            if (outcome.kind == ApiOutcome::Kind::sent) co_return outcome;
            failure = outcome.error;
            log::warn("slack_api_refused", {{"call", what}, {"status", status}, {"error", outcome.error}, {"attempt", attempt}});
            if (outcome.kind == ApiOutcome::Kind::refused) throw BotError::refused(what + ": " + outcome.error, status);
            if (outcome.retry_after.count() > 0) retry_after = std::to_string(outcome.retry_after.count());
        } catch (BotError const& e) {
            if (e.permanent() || e.kind() != BotError::Kind::upstream || status != 0) throw;
            failure = e.what();  // transport: worth another try
            log::warn("slack_api_unreachable", {{"call", what}, {"error", failure}, {"attempt", attempt}});
        }
        auto const wait = retry_.delay_before(attempt + 1, retry_after, random_);
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
