// The per-tenant rate limit of the outbox: N per sliding second, each key on its own.
#include "bot/rate_limiter.hpp"

#include <catch2/catch.hpp>

using superbruger::bot::RateLimiter;
using namespace std::chrono_literals;

TEST_CASE("at most N events per key in any second", "[bot][outbox][rate]") {
    RateLimiter limiter(3);
    auto const t0 = RateLimiter::Clock::time_point{} + 100s;
    for (int i = 0; i < 3; ++i) {
        CHECK(limiter.wait_before("teams:t1", t0 + i * 10ms) == RateLimiter::Clock::duration::zero());
        limiter.record("teams:t1", t0 + i * 10ms);
    }
    // The fourth waits until the first leaves the window.
    CHECK(limiter.wait_before("teams:t1", t0 + 30ms) == 970ms);
    CHECK(limiter.wait_before("teams:t2", t0 + 30ms) == RateLimiter::Clock::duration::zero());  // another tenant
    CHECK(limiter.wait_before("teams:t1", t0 + 1s) == RateLimiter::Clock::duration::zero());
    // Over a long burst, no second holds more than three.
    RateLimiter burst(3);
    auto now = t0;
    std::vector<RateLimiter::Clock::time_point> sent;
    for (int i = 0; i < 20; ++i) {
        now += burst.wait_before("k", now);
        burst.record("k", now);
        sent.push_back(now);
    }
    for (std::size_t i = 3; i < sent.size(); ++i) CHECK(sent[i] - sent[i - 3] >= 1s);
}
