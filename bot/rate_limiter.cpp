// RateLimiter: a sliding one-second window per key.
#include "bot/rate_limiter.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace superbruger::bot {

namespace {
constexpr auto window = std::chrono::seconds(1);
}

RateLimiter::Clock::duration RateLimiter::wait_before(std::string const& key, Clock::time_point now) {
    auto it = recent_.find(key);
    if (it == recent_.end()) return Clock::duration::zero();
    auto& times = it->second;
    while (!times.empty() && times.front() <= now - window) times.pop_front();
    if (times.empty()) {
        recent_.erase(it);
        return Clock::duration::zero();
    }
    if (times.size() < per_second_) return Clock::duration::zero();
    return times.front() + window - now;
}

void RateLimiter::record(std::string const& key, Clock::time_point now) {
    recent_[key].push_back(now);
}

boost::asio::awaitable<void> RateLimiter::acquire(std::string key) {
    for (auto wait = wait_before(key, Clock::now()); wait > Clock::duration::zero(); wait = wait_before(key, Clock::now())) {
        boost::asio::steady_timer pause(co_await boost::asio::this_coro::executor, wait);
        co_await pause.async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
    }
    record(key, Clock::now());
}

}  // namespace superbruger::bot
