// RateLimiter: at most N events per key in any sliding second. Teams allows a bot 50 requests
// per second per tenant (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit; older docs say 30): every Teams post waits for room,
// and the outbox keeps under a lower figure so replies to people keep some.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstddef>
#include <deque>
#include <map>
#include <string>

namespace superbruger::bot {

class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;

    explicit RateLimiter(std::size_t per_second) : per_second_(per_second) {}

    /// How long to wait before the next event for `key` may happen at `now` (zero: at once).
    Clock::duration wait_before(std::string const& key, Clock::time_point now);
    /// Records an event for `key` at `now`.
    void record(std::string const& key, Clock::time_point now);

    /// Waits (on the calling coroutine's executor) until `key` has room, then records the event.
    /// Use from one thread only, like the rest of the class.
    boost::asio::awaitable<void> acquire(std::string key);

private:
    std::size_t per_second_;
    std::map<std::string, std::deque<Clock::time_point>> recent_;
};

}  // namespace superbruger::bot
