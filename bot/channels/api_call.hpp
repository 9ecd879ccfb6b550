// call_with_retries: one platform API call (Slack's Web API, Mattermost's REST API) through the
// one HTTP client, retried on 429s, retryable answers and transport failures as the retry policy
// allows. The platform says what an answer means; this decides whether to try again.
#pragma once

#include "bot/error.hpp"
#include "bot/http/client.hpp"
#include "bot/http/retry_policy.hpp"
#include "bot/log.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <random>
#include <string>

namespace superbruger::bot::channels {

namespace net = boost::asio;

/// What a platform makes of one answer.
struct ApiVerdict {
    enum class Kind { sent, retry, refused };
    Kind kind = Kind::retry;
    std::chrono::seconds retry_after{0};  ///< what the platform asked for (zero: our own backoff)
    std::string error;
};

/// The retry policy of a platform's settings: its `send_attempts` and `max_retry_wait`.
template <typename Settings>
http::RetryPolicy retry_policy_of(Settings const& settings) {
    http::RetryPolicy p;
    p.attempts = settings.send_attempts;
    p.max_delay = settings.max_retry_wait;
    return p;
}

/// A platform adapter's outcome (adapters/<platform>: kind sent / retry / refused, retry_after,
/// error) as a verdict.
template <typename Outcome>
ApiVerdict verdict_of(Outcome const& o) {
    using K = typename Outcome::Kind;
    auto const kind = o.kind == K::sent ? ApiVerdict::Kind::sent : o.kind == K::refused ? ApiVerdict::Kind::refused : ApiVerdict::Kind::retry;
    return {kind, o.retry_after, o.error};
}

/// Sends `request` until `judge(response)` says sent, and returns that response. Throws
/// BotError::refused (permanent) when the answer will never succeed, and BotError{upstream} with
/// the wait the platform asked for once the attempts are used up (the outbox may wait longer).
/// `what` names the call in errors; the log says `<platform>_api_refused` / `_api_unreachable`.
/// Runs on the client's thread.
template <typename Judge>
net::awaitable<http::ClientResponse> call_with_retries(http::Client& client, http::ClientRequest request, Judge judge, http::RetryPolicy retry,
                                                       std::mt19937_64& random, std::string what, std::string platform) {
    for (int attempt = 1;; ++attempt) {
        unsigned status = 0;
        std::string retry_after, failure;
        try {
            auto copy = request;
            auto res = co_await client.send(std::move(copy));
            status = res.status;
            retry_after = res.header("Retry-After");
            auto const verdict = judge(res);
            if (verdict.kind == ApiVerdict::Kind::sent) co_return res;
            failure = verdict.error;
            log::warn(platform + "_api_refused", {{"call", what}, {"status", status}, {"error", verdict.error}, {"attempt", attempt}});
            if (verdict.kind == ApiVerdict::Kind::refused) throw BotError::refused(what + ": " + verdict.error, status);
            if (verdict.retry_after.count() > 0) retry_after = std::to_string(verdict.retry_after.count());
        } catch (BotError const& e) {
            if (e.permanent() || e.kind() != BotError::Kind::upstream || status != 0) throw;
            failure = e.what();  // transport: worth another try
            log::warn(platform + "_api_unreachable", {{"call", what}, {"error", failure}, {"attempt", attempt}});
        }
        auto const wait = retry.delay_before(attempt + 1, retry_after, random);
        if (!wait) {
            auto const asked = http::parse_retry_after(retry_after, std::chrono::system_clock::now());
            throw BotError(BotError::Kind::upstream, what + ": gave up after " + std::to_string(attempt) + " attempts: " + failure, status,
                           asked.value_or(std::chrono::milliseconds(0)));
        }
        net::steady_timer timer(co_await net::this_coro::executor, *wait);
        co_await timer.async_wait(net::as_tuple(net::use_awaitable));
    }
}

}  // namespace superbruger::bot::channels
