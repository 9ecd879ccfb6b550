// The cache of tokens that passed the check.
#include "bot/channels/teams/verified_tokens.hpp"

#include <catch2/catch.hpp>

using superbruger::adapters::bot_framework::TrustedToken;
using superbruger::bot::channels::teams::VerifiedTokens;
using namespace std::chrono_literals;

namespace {
TrustedToken token_until(VerifiedTokens::Clock::time_point valid_until) { return {"https://smba/", {"msteams"}, valid_until}; }
}  // namespace

TEST_CASE("a verified token is remembered with what it vouches for until it expires", "[teams][token_cache]") {
    VerifiedTokens cache;
    auto const now = VerifiedTokens::Clock::now();
    cache.add("Bearer a", token_until(now + 60s), now);
    auto const* found = cache.find("Bearer a", now + 59s);
    REQUIRE(found != nullptr);
    CHECK(found->service_url == "https://smba/");
    CHECK(found->endorsements == std::vector<std::string>{"msteams"});
    CHECK(cache.find("Bearer a", now + 60s) == nullptr);  // expired: the full check runs again
    CHECK(cache.size() == 0);
    cache.add("Bearer a", token_until(now + 60s), now);
    CHECK(cache.find("Bearer b", now) == nullptr);
    CHECK(cache.find("Bearer a ", now) == nullptr);
    cache.add("Bearer late", token_until(now - 1s), now);  // already expired: not kept
    CHECK(cache.find("Bearer late", now) == nullptr);
}

TEST_CASE("the token cache stays within its capacity", "[teams][token_cache]") {
    VerifiedTokens cache(3);
    auto const now = VerifiedTokens::Clock::now();
    cache.add("old", token_until(now + 1s), now);
    for (int i = 0; i < 10; ++i) cache.add("t" + std::to_string(i), token_until(now + 60s), now + 2s);
    CHECK(cache.size() <= 3);
    CHECK(cache.find("t9", now + 3s) != nullptr);
}
