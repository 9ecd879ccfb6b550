// RateLimiter: a sliding one-second window per key.
#include "bot/rate_limiter.hpp"

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

}  // namespace superbruger::bot
