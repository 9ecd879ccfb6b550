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

TEST_CASE("queued messages can be withdrawn and parked ones closed and both keep their key", "[storage][outbox]") {
    Database db(":memory:");
    Outbox outbox(db);
    auto const at = "2026-11-23T10:00:00Z";
    REQUIRE(outbox.enqueue(message("release-announce:7:teams:anne")));
    REQUIRE(outbox.enqueue(message("release-announce:7:teams:bo")));
    REQUIRE(outbox.enqueue(message("release-reminder:7:0:teams:anne")));
    REQUIRE(outbox.enqueue(message("release-announce:70:teams:anne")));  // another release
    REQUIRE(outbox.enqueue(message("cr-status:1:teams:anne")));
    auto const causes = std::vector<std::string>{"release-announce:7:", "release-reminder:7:"};
    CHECK(outbox.pending_by_cause(causes) == 3);

    // One message that is being sent right now cannot be withdrawn; the rest of the release's can.
    auto const due = outbox.due(at, 10);
    REQUIRE(outbox.claim(due.at(0).id, at));
    CHECK_FALSE(outbox.cancel(due.at(0).id, at));
    CHECK(outbox.cancel_by_cause(causes, at) == 2);
    CHECK(outbox.status_of(due.at(1).id) == "cancelled");
    CHECK(outbox.count("pending") == 3);  // the claimed one, release 70 and the change request
    // A withdrawn message keeps its key: the same cause does not queue it again.
    CHECK_FALSE(outbox.enqueue(message("release-announce:7:teams:bo")));

    // Parked: closed by a coordinator, it no longer counts as parked.
    auto const cr = outbox.due(at, 10).back();
    CHECK(cr.idempotency_key == "cr-status:1:teams:anne");
    outbox.mark_failed(cr.id, "no way to send", at, true);
    CHECK_FALSE(outbox.cancel(cr.id, at));  // not queued
    CHECK(outbox.dismiss(cr.id, at));
    CHECK_FALSE(outbox.dismiss(cr.id, at));
    CHECK(outbox.count("parked") == 0);
    CHECK(outbox.status_of(cr.id) == "dismissed");
    CHECK(outbox.status_of(9999).empty());

    // The retention forgets closed messages as it forgets sent ones; forget_by_cause all of a cause's.
    CHECK(outbox.forget_sent_before("2026-11-24T00:00:00Z") == 3);
    CHECK(outbox.forget_by_cause(causes) == 1);  // the claimed one
    CHECK(outbox.count("pending") == 1);
}
