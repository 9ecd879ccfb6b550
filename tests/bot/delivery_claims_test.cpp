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
