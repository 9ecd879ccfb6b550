// Outbox claims: a message is marked as being sent, durably, before it goes out, so that after a
// crash the messages whose fate is unknown are found, reported and sent again with the same key.
#include "storage/database.hpp"
#include "storage/outbox.hpp"

#include <catch2/catch.hpp>

using namespace superbruger::storage;

namespace {
OutboxMessage message(std::string key) {
    auto m = OutboxMessage::to(key, "teams", "29:anne", "t1", "{}", "2026-11-23T10:00:00Z", "2026-11-23T10:00:00Z");
    m.idempotency_key = std::move(key);
    return m;
}
}  // namespace

TEST_CASE("a claimed outbox message is not due again until its send ends", "[storage][outbox]") {
    Database db(":memory:");
    Outbox outbox(db);
    REQUIRE(outbox.enqueue(message("a")));
    REQUIRE(outbox.enqueue(message("b")));
    auto const due = outbox.due("2026-11-23T10:00:00Z", 10);
    REQUIRE(due.size() == 2);

    CHECK(outbox.claim(due[0].id, "2026-11-23T10:00:01Z"));
    CHECK_FALSE(outbox.claim(due[0].id, "2026-11-23T10:00:02Z"));  // one send at a time
    auto still_due = outbox.due("2026-11-23T10:00:05Z", 10);
    REQUIRE(still_due.size() == 1);
    CHECK(still_due[0].idempotency_key == "b");

    outbox.mark_sent(due[0].id, "2026-11-23T10:00:03Z");
    CHECK_FALSE(outbox.claim(due[0].id, "2026-11-23T10:00:04Z"));  // sent: never claimed again
    auto const sent = outbox.with_status("sent");
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].claimed_at.empty());

    // A failed send ends the claim too, and the message waits for its retry time.
    CHECK(outbox.claim(due[1].id, "2026-11-23T10:00:06Z"));
    outbox.mark_failed(due[1].id, "HTTP 503", "2026-11-23T10:01:00Z", false);
    auto const retry = outbox.due("2026-11-23T10:01:00Z", 10);
    REQUIRE(retry.size() == 1);
    CHECK(retry[0].claimed_at.empty());
    CHECK(outbox.claim(retry[0].id, "2026-11-23T10:01:00Z"));
}

TEST_CASE("claims left by a process that died are released as in doubt and sent again", "[storage][outbox]") {
    Database db(":memory:");
    Outbox outbox(db);
    REQUIRE(outbox.enqueue(message("a")));
    REQUIRE(outbox.enqueue(message("b")));
    auto const due = outbox.due("2026-11-23T10:00:00Z", 10);
    REQUIRE(outbox.claim(due[0].id, "2026-11-23T10:00:01Z"));
    // The process is killed here: the send may or may not have reached the platform.

    auto const in_doubt = outbox.release_in_doubt();
    REQUIRE(in_doubt.size() == 1);
    CHECK(in_doubt[0].idempotency_key == "a");
    CHECK(in_doubt[0].claimed_at == "2026-11-23T10:00:01Z");  // when the lost send started, for the log
    CHECK(outbox.release_in_doubt().empty());
    CHECK(outbox.due("2026-11-23T10:00:02Z", 10).size() == 2);  // with its key unchanged
}

TEST_CASE("sent messages older than the retention are forgotten and the rest kept", "[storage][outbox]") {
    Database db(":memory:");
    Outbox outbox(db);
    for (auto const* key : {"old", "recent", "waiting", "parked"}) REQUIRE(outbox.enqueue(message(key)));
    auto const due = outbox.due("2026-11-23T10:00:00Z", 10);
    outbox.mark_sent(due[0].id, "2026-08-01T10:00:00Z");
    outbox.mark_sent(due[1].id, "2026-11-20T10:00:00Z");
    outbox.mark_failed(due[3].id, "HTTP 403", "2026-08-01T10:00:00Z", true);

    CHECK(outbox.forget_sent_before("2026-09-01T00:00:00Z") == 1);
    CHECK(outbox.count("sent") == 1);
    CHECK(outbox.count("pending") == 1);
    CHECK(outbox.count("parked") == 1);  // a coordinator decides about those
    CHECK(outbox.enqueue(message("old")));  // its key is free again: that is why the retention must be long
}
