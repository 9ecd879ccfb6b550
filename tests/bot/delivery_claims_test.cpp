// Activity ids already handled: recognised in memory, written in batches, recognised again
// after a restart, forgotten after the keep period, and given back when handling failed.
#include "bot/channels/delivery_claims.hpp"
#include "storage/conversation_store.hpp"
#include "storage/database.hpp"

#include <catch2/catch.hpp>

using superbruger::bot::channels::DeliveryClaims;
using namespace superbruger::storage;
using namespace std::chrono_literals;

TEST_CASE("a retried activity id is recognised before and after a restart", "[channels][claims]") {
    Database db(":memory:");
    ConversationStore store(db);
    auto const now = DeliveryClaims::Clock::now();
    {
        DeliveryClaims claims(store, "teams");
        CHECK(claims.claim("a1", now));
        CHECK_FALSE(claims.claim("a1", now + 1s));
        CHECK(claims.claim("a2", now));
        claims.release("a2");  // its handling failed: the retry must be handled
        CHECK(claims.claim("a2", now + 2s));
        CHECK(claims.pending() == 2);
        claims.flush(now + 3s);
        CHECK(claims.pending() == 0);
        CHECK(claims.claim("a3", now + 4s));  // never flushed: lost with the process
    }
    DeliveryClaims restarted(store, "teams");
    CHECK_FALSE(restarted.claim("a1", now + 10s));
    CHECK_FALSE(restarted.claim("a2", now + 10s));
    CHECK(restarted.claim("a3", now + 10s));
    // Another platform's ids are its own.
    DeliveryClaims slack(store, "slack");
    CHECK(slack.claim("a1", now));
}

TEST_CASE("claims expire after the keep period and the count stays bounded", "[channels][claims]") {
    Database db(":memory:");
    ConversationStore store(db);
    auto const now = DeliveryClaims::Clock::now();
    DeliveryClaims claims(store, "teams", std::chrono::hours(1), 3);
    CHECK(claims.claim("old", now));
    CHECK(claims.claim("x", now + 2h));
    CHECK(claims.claim("old", now + 2h));  // an hour later it is a new message, not a retry
    for (int i = 0; i < 10; ++i) claims.claim("id" + std::to_string(i), now + 2h);
    CHECK(claims.claim("x", now + 2h));  // pushed out by the bound
}

TEST_CASE("the newest claims within the bound stay recognised through many wrap-arounds and releases", "[channels][claims]") {
    Database db(":memory:");
    ConversationStore store(db);
    auto const now = DeliveryClaims::Clock::now();
    std::size_t const bound = 500;
    DeliveryClaims claims(store, "teams", std::chrono::hours(1), bound);
    int const total = 20000;
    for (int i = 0; i < total; ++i) {
        REQUIRE(claims.claim("act-" + std::to_string(i), now));
        // Every seventh handling fails and is given back; its retry is then handled and kept.
        if (i % 7 == 0) {
            claims.release("act-" + std::to_string(i));
            REQUIRE(claims.claim("act-" + std::to_string(i), now));
        }
        // A retry of a recent id is still recognised.
        if (i >= 100) REQUIRE_FALSE(claims.claim("act-" + std::to_string(i - 100), now));
    }
    // The last `bound` claims (each released id counted once more) are retries; older ones are new again.
    int recognised = 0;
    for (int i = total - 1; i >= total - 400; --i) recognised += claims.claim("act-" + std::to_string(i), now) ? 0 : 1;
    CHECK(recognised == 400);
    CHECK(claims.claim("act-0", now));
    CHECK(claims.claim("act-" + std::to_string(total - 2000), now));
}
