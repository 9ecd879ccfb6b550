// The cache of tokens that passed the full check.
#include "bot/teams/verified_tokens.hpp"

#include <catch2/catch.hpp>

using superbruger::bot::teams::VerifiedTokens;
using namespace std::chrono_literals;

TEST_CASE("a verified token is remembered for its channel and serviceUrl until it expires", "[teams][token_cache]") {
    VerifiedTokens cache;
    auto const now = VerifiedTokens::Clock::now();
    cache.add("Bearer a", "msteams", "https://smba/", now + 60s, now);
    CHECK(cache.contains("Bearer a", "msteams", "https://smba/", now + 59s));
    CHECK_FALSE(cache.contains("Bearer a", "msteams", "https://smba/", now + 60s));  // expired: the full check runs again
    CHECK(cache.size() == 0);
    cache.add("Bearer a", "msteams", "https://smba/", now + 60s, now);
    CHECK_FALSE(cache.contains("Bearer a", "slack", "https://smba/", now));  // another channel: not vouched for
    CHECK_FALSE(cache.contains("Bearer a", "msteams", "https://other/", now));
    CHECK_FALSE(cache.contains("Bearer b", "msteams", "https://smba/", now));
    CHECK_FALSE(cache.contains("Bearer a\nmsteams", "", "https://smba/", now));
}

TEST_CASE("the token cache stays within its capacity", "[teams][token_cache]") {
    VerifiedTokens cache(3);
    auto const now = VerifiedTokens::Clock::now();
    cache.add("old", "c", "u", now + 1s, now);
    for (int i = 0; i < 10; ++i) cache.add("t" + std::to_string(i), "c", "u", now + 60s, now + 2s);
    CHECK(cache.size() <= 3);
    CHECK(cache.contains("t9", "c", "u", now + 3s));
}
