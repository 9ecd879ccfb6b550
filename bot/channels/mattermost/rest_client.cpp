// RestClient: token, JSON, classification and retries.
#include "bot/channels/mattermost/rest_client.hpp"

#include "bot/error.hpp"
#include "bot/json_text.hpp"
#include "bot/log.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace superbruger::bot::channels::mattermost {

using adapters::mattermost::ApiOutcome;

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

net::awaitable<void> RestClient::respond(std::string response_url, nlohmann::json body) {
    std::string what = "Mattermost response_url";
    auto payload = json_text(body);
    co_await send(http::bhttp::verb::post, std::move(what), std::move(response_url), std::move(payload), false);
}

net::awaitable<ApiOutcome> RestClient::send(http::bhttp::verb method, std::string what, std::string url, std::string payload, bool with_token) {
    if (with_token && bot_token_.empty()) throw BotError::refused(what + ": no bot token (mattermost.bot_token_env) is configured", 0);
    for (int attempt = 1;; ++attempt) {
        unsigned status = 0;
        std::string retry_after, failure;
        try {
            // Built before co_await: GCC 12 mis-compiles brace-initialised temporaries in a co_await.
            http::ClientRequest request{method, url, {}, payload};
            if (with_token) request.headers.emplace_back("Authorization", "Bearer " + bot_token_);
            if (method == http::bhttp::verb::post) request.headers.emplace_back("Content-Type", "application/json");
            auto const res = co_await client_.send(std::move(request));
            status = res.status;
            retry_after = res.header("Retry-After");
            auto outcome = adapters::mattermost::classify_response(res.status, retry_after, res.header("X-Ratelimit-Reset"), res.body,
                                                                   std::chrono::system_clock::now());
            if (outcome.kind == ApiOutcome::Kind::sent) co_return outcome;
            failure = outcome.error;
            log::warn("mattermost_api_refused", {{"call", what}, {"status", status}, {"error", outcome.error}, {"attempt", attempt}});
            if (outcome.kind == ApiOutcome::Kind::refused) throw BotError::refused(what + ": " + outcome.error, status);
            retry_after = outcome.retry_after.count() > 0 ? std::to_string(outcome.retry_after.count()) : std::string();
        } catch (BotError const& e) {
            if (e.permanent() || e.kind() != BotError::Kind::upstream || status != 0) throw;
            failure = e.what();  // transport: worth another try
            log::warn("mattermost_api_unreachable", {{"call", what}, {"error", failure}, {"attempt", attempt}});
        }
        auto const wait = retry_.delay_before(attempt + 1, retry_after, random_);
        if (!wait) {
            // The outbox may wait longer than we do here: tell it what Mattermost asked for.
            auto const asked = http::parse_retry_after(retry_after, std::chrono::system_clock::now());
            throw BotError(BotError::Kind::upstream, what + ": gave up after " + std::to_string(attempt) + " attempts: " + failure, status,
                           asked.value_or(std::chrono::milliseconds(0)));
        }
        net::steady_timer timer(co_await net::this_coro::executor, *wait);
        co_await timer.async_wait(net::as_tuple(net::use_awaitable));
    }
}

}  // namespace superbruger::bot::channels::mattermost
