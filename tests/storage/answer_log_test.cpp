// AnswerLog: answers get ids, one vote per voter and answer, the down-voted report.
#include "storage/answer_log.hpp"
#include "storage/database.hpp"
#include "storage/error.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <set>

using namespace superbruger::storage;

namespace {
GivenAnswer answer(std::string question, std::string at = "2026-11-22T10:00:00Z") {
    return {std::move(at), "cli", "da", std::move(question), "support", "Hypercare", 0.8};
}
}  // namespace

TEST_CASE("different answers get distinct ids and bad answers are refused", "[storage][answer_log]") {
    Database db(":memory:");
    AnswerLog log(db);
    auto const first = log.record(answer("hvem yder support?"));
    auto const second = log.record(answer("hvem yder support i hypercare?"));
    auto other_section = answer("hvem yder support?");
    other_section.section = "Drift";
    auto const third = log.record(other_section);
    auto other_platform = answer("hvem yder support?");
    other_platform.platform = "teams";
    auto const fourth = log.record(other_platform);
    CHECK(first > 0);
    CHECK(std::set<std::int64_t>{first, second, third, fourth}.size() == 4);
    CHECK_THROWS_AS(log.record(answer("")), StorageError);
    auto bad_language = answer("q");
    bad_language.language = "de";
    CHECK_THROWS_AS(log.record(bad_language), StorageError);
}

TEST_CASE("a voter has one vote per answer and can change it", "[storage][answer_log]") {
    Database db(":memory:");
    AnswerLog log(db);
    auto const id = log.record(answer("hvem yder support?"));
    CHECK(log.vote({id, "p1", false, "2026-11-22T10:01:00Z"}) == VoteOutcome::recorded);
    CHECK(log.vote({id, "p1", false, "2026-11-22T10:02:00Z"}) == VoteOutcome::unchanged);
    CHECK(log.vote({id, "p1", true, "2026-11-22T10:03:00Z"}) == VoteOutcome::changed);
    CHECK(log.vote({id + 100, "p1", true, "2026-11-22T10:03:00Z"}) == VoteOutcome::unknown_answer);
    CHECK(log.down_voted(10).empty());
}

TEST_CASE("the down-voted report groups questions and lists the newest first", "[storage][answer_log]") {
    Database db(":memory:");
    AnswerLog log(db);
    auto const a = log.record(answer("Hvem yder support?"));
    auto const b = log.record(answer("hvem yder support?"));
    auto const c = log.record(answer("hvad er en release?"));
    auto const d = log.record(answer("hvad er hypercare?"));
    log.vote({a, "p1", false, "2026-11-22T10:00:00Z"});
    log.vote({b, "p2", false, "2026-11-22T10:05:00Z"});
    log.vote({b, "p3", true, "2026-11-22T10:06:00Z"});
    log.vote({c, "p1", false, "2026-11-22T11:00:00Z"});
    log.vote({d, "p1", true, "2026-11-22T12:00:00Z"});  // only praised: not in the report

    auto report = log.down_voted(10);
    REQUIRE(report.size() == 2);
    CHECK(report[0].question == "hvad er en release?");
    CHECK(report[1].question == "hvem yder support?");
    CHECK(report[1].not_helpful == 2);
    CHECK(report[1].helpful == 1);
    CHECK(report[1].last_voted_at == "2026-11-22T10:06:00Z");
    CHECK(log.down_voted(1).size() == 1);
}

TEST_CASE("a vote joins a surrounding transaction and is undone with it", "[storage][answer_log]") {
    // A Teams card submit is handled inside one transaction with the activity-id claim.
    Database db(":memory:");
    AnswerLog log(db);
    auto const id = log.record(answer("hvem yder support?"));
    db.write_all_or_nothing([&] { CHECK(log.vote({id, "voter", false, "2026-11-22T10:01:00Z"}) == VoteOutcome::recorded); });
    CHECK(log.down_voted(10).size() == 1);
    CHECK_THROWS(db.write_all_or_nothing([&] {
        log.vote({id, "other", false, "2026-11-22T10:02:00Z"});
        throw std::runtime_error("the rest of the handling failed");
    }));
    CHECK(log.down_voted(10).at(0).not_helpful == 1);
}

namespace {
int answer_rows(Database& db) { return db.connection().execAndGet("SELECT count(*) FROM answer").getInt(); }
}  // namespace

TEST_CASE("the same answer given again keeps its id and writes nothing on the same day", "[storage][answer_log]") {
    Database db(":memory:");
    AnswerLog log(db);
    auto const id = log.record(answer("hvem yder support?", "2026-11-22T10:00:00Z"));
    auto const changes = db.connection().getTotalChanges();
    CHECK(log.record(answer("hvem yder support?", "2026-11-22T18:30:00Z")) == id);
    CHECK(db.connection().getTotalChanges() == changes);  // no write at all
    CHECK(answer_rows(db) == 1);

    // A later day moves the date on (one write), so the retention counts from then.
    CHECK(log.record(answer("hvem yder support?", "2026-11-25T09:00:00Z")) == id);
    CHECK(db.connection().getTotalChanges() == changes + 1);
    CHECK(db.connection().execAndGet("SELECT answered_at FROM answer").getString() == "2026-11-25T09:00:00Z");
    // Votes are still one per person and answer.
    CHECK(log.vote({id, "p1", false, "2026-11-25T09:01:00Z"}) == VoteOutcome::recorded);
    CHECK(log.vote({id, "p1", false, "2026-11-25T09:02:00Z"}) == VoteOutcome::unchanged);
}

TEST_CASE("retention forgets answers not given nor voted on since, with their votes", "[storage][answer_log]") {
    Database db(":memory:");
    AnswerLog log(db);
    auto const old = log.record(answer("gammelt spørgsmål", "2026-01-10T10:00:00Z"));
    auto const old_voted = log.record(answer("gammelt men stemt om", "2026-01-10T10:00:00Z"));
    auto const voted_long_ago = log.record(answer("stemt om for længe siden", "2026-01-11T10:00:00Z"));
    auto const asked_again = log.record(answer("spurgt igen", "2026-01-12T10:00:00Z"));
    auto const recent = log.record(answer("nyt spørgsmål", "2026-11-20T10:00:00Z"));
    log.vote({old_voted, "p1", false, "2026-11-21T10:00:00Z"});
    log.vote({voted_long_ago, "p1", false, "2026-01-11T11:00:00Z"});
    CHECK(log.record(answer("spurgt igen", "2026-11-21T10:00:00Z")) == asked_again);

    CHECK(log.forget_before("2026-08-24T00:00:00Z") == 2);
    CHECK(log.vote({old, "p2", true, "2026-11-22T10:00:00Z"}) == VoteOutcome::unknown_answer);
    CHECK(log.vote({voted_long_ago, "p2", true, "2026-11-22T10:00:00Z"}) == VoteOutcome::unknown_answer);
    CHECK(db.connection().execAndGet("SELECT count(*) FROM answer_vote WHERE answer_id = " + std::to_string(voted_long_ago)).getInt() == 0);
    CHECK(log.vote({old_voted, "p2", true, "2026-11-22T10:00:00Z"}) == VoteOutcome::recorded);
    CHECK(log.vote({asked_again, "p2", true, "2026-11-22T10:00:00Z"}) == VoteOutcome::recorded);
    CHECK(log.vote({recent, "p2", true, "2026-11-22T10:00:00Z"}) == VoteOutcome::recorded);
    CHECK(log.forget_before("2026-08-24T00:00:00Z") == 0);
}

TEST_CASE("retention keeps the newest answer so an old card's id is never handed out again", "[storage][answer_log]") {
    Database db(":memory:");
    AnswerLog log(db);
    log.record(answer("første", "2026-01-10T10:00:00Z"));
    auto const newest = log.record(answer("anden", "2026-01-11T10:00:00Z"));
    CHECK(log.forget_before("2026-11-01T00:00:00Z") == 1);
    CHECK(answer_rows(db) == 1);
    CHECK(log.record(answer("tredje", "2026-11-22T10:00:00Z")) > newest);
}
