// RateLimiter: at most N events per key in any sliding second. Teams allows a bot 50 requests
// per second per tenant (protocols.md §1.6; older docs say 30); the outbox keeps under it.
#pragma once

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

private:
    std::size_t per_second_;
    std::map<std::string, std::deque<Clock::time_point>> recent_;
};

}  // namespace superbruger::bot
