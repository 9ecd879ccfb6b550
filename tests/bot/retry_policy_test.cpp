// When an outbound call is tried again, and after how long.
#include "bot/http/retry_policy.hpp"

#include <catch2/catch.hpp>

using namespace superbruger::bot::http;
using namespace std::chrono_literals;

TEST_CASE("only throttling precondition and gateway failures are retried", "[http][retry]") {
    for (unsigned s : {412u, 429u, 502u, 503u, 504u}) CHECK(RetryPolicy::retryable(s));
    for (unsigned s : {200u, 400u, 401u, 403u, 404u, 413u, 500u}) CHECK_FALSE(RetryPolicy::retryable(s));
}

TEST_CASE("Retry-After is honoured in seconds or as a date" , "[http][retry]") {
    auto const now = std::chrono::system_clock::from_time_t(1'795'000'000);
    CHECK(parse_retry_after("7", now) == 7000ms);
    CHECK(parse_retry_after(" 0 ", now) == 0ms);
    // 1795000000 is Wed, 18 Nov 2026 11:06:40 GMT.
    CHECK(parse_retry_after("Wed, 18 Nov 2026 11:06:50 GMT", now) == 10000ms);
    CHECK(parse_retry_after("Wed, 18 Nov 2026 11:00:00 GMT", now) == 0ms);
    CHECK_FALSE(parse_retry_after("soon", now));
    CHECK_FALSE(parse_retry_after("-5", now));
    CHECK_FALSE(parse_retry_after("", now));

    RetryPolicy p;
    p.max_delay = 30s;
    std::mt19937_64 random(1);
    CHECK(p.delay_before(2, "3", random) == 3000ms);
    CHECK_FALSE(p.delay_before(2, "120", random));  // longer than we wait: give up now
}

TEST_CASE("backoff doubles with bounded jitter and stops after the attempts", "[http][retry]") {
    RetryPolicy p;
    p.attempts = 4;
    p.base_delay = 1000ms;
    p.max_delay = 30s;
    p.jitter = 0.2;
    std::mt19937_64 random(42);
    for (int i = 0; i < 200; ++i) {
        auto const d2 = *p.delay_before(2, "", random);
        auto const d3 = *p.delay_before(3, "", random);
        auto const d4 = *p.delay_before(4, "", random);
        CHECK((d2 >= 800ms && d2 <= 1200ms));
        CHECK((d3 >= 1600ms && d3 <= 2400ms));
        CHECK((d4 >= 3200ms && d4 <= 4800ms));
    }
    CHECK_FALSE(p.delay_before(5, "", random));
    CHECK_FALSE(p.delay_before(5, "1", random));  // no attempts left, whatever the server says
    p.max_delay = 1500ms;
    CHECK(*p.delay_before(4, "", random) == 1500ms);
}
